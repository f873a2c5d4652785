// quotecast live page: the stream of the tab that holds it (the leader tab, or a solo tab):
// one EventSource, opened again at once after a first failure and with a growing delay after
// repeated ones. What it brings goes to the feed (feed.js) through the callbacks it was given;
// whether this tab should hold a stream at all is the feed's to say.
"use strict";

const MaxBackoffMs = 10000;

class FeedStream {
  #params; // the page's stream query (e.g. symbols=), without lastEventId
  #on; // the feed's callbacks: quote, status, heartbeat, failed, reopen
  #source = null;
  #failures = 0;
  #retry = 0;

  constructor(params, callbacks) {
    this.#params = params;
    this.#on = callbacks;
  }

  get isOpen() { return Boolean(this.#source) && this.#source.readyState === EventSource.OPEN; }

  #url(lastEventId) {
    const params = new URLSearchParams(this.#params);
    if (lastEventId) params.set("lastEventId", lastEventId);
    const query = params.toString();
    return query ? `stream?${query}` : "stream";
  }

  // A new EventSource, resuming after `lastEventId` (none: from the snapshot).
  open(lastEventId) {
    this.cancelReopen();
    this.#closeSource();
    // Offline or not, try: quotecast on localhost answers a laptop whose Wi-Fi is off.
    const source = new EventSource(this.#url(lastEventId));
    this.#source = source;
    let previousId = ""; // EventSource repeats the last id on events that carry none
    source.onmessage = (event) => {
      const id = event.lastEventId !== previousId ? event.lastEventId : null;
      previousId = event.lastEventId;
      this.#on.quote(id, parse(event.data));
    };
    source.addEventListener("status", (event) => this.#on.status(parse(event.data)));
    source.addEventListener("heartbeat", () => this.#on.heartbeat());
    source.onerror = () => {
      if (source !== this.#source) return;
      this.#on.failed();
      // While CONNECTING the browser retries by itself (sending Last-Event-ID); once CLOSED
      // (an HTTP error answer) it gives up, so open a new one.
      if (source.readyState === EventSource.CLOSED) this.reopen();
    };
  }

  // No stream here, and no pending reopen either.
  close() {
    this.#closeSource();
    this.cancelReopen();
  }

  cancelReopen() {
    clearTimeout(this.#retry);
    this.#retry = 0;
  }

  // Data came, or a new start: the next failure counts as a first one again.
  resetBackoff() {
    this.#failures = 0;
  }

  // At once after a first failure; after repeated ones, a growing delay with jitter so that
  // many browsers do not come back in step. The feed's reopen callback opens it.
  reopen() {
    this.#closeSource();
    this.#failures += 1;
    clearTimeout(this.#retry);
    if (this.#failures <= 1) return this.#on.reopen();
    const delay = Math.min(500 * 2 ** (this.#failures - 2), MaxBackoffMs) * (0.5 + Math.random());
    this.#retry = setTimeout(() => this.#on.reopen(), delay);
  }

  #closeSource() {
    if (this.#source) this.#source.close();
    this.#source = null;
  }
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null; // a malformed event is ignored, not fatal
  }
}
