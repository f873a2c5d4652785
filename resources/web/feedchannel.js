// quotecast live page: the BroadcastChannel between the tabs of one page. The leader tab
// relays its ticks over it in batches, oldest first, and every other message after the ticks
// that came before it; the feed (feed.js) reads what the other tabs send.
"use strict";

// The leader relays ticks at most this often, in one message, oldest first: each message is a
// structured clone and a trip through the browser process, whether or not another tab listens
// (at 100 ticks/s, one message per tick cost the leader more than all its drawing).
const RelayEveryMs = 100;

class FeedChannel {
  #channel;
  #outbox = []; // ticks not relayed yet, oldest first
  #relayedAt = -Infinity;
  #relayTimer = 0;

  constructor(key, onMessage) {
    this.#channel = new BroadcastChannel(key);
    this.#channel.onmessage = (event) => onMessage(event.data);
  }

  // Any other message goes after the ticks that came before it.
  post(message) {
    this.relay();
    this.#channel.postMessage(message);
  }

  // A tick that comes after a quiet RelayEveryMs goes at once; faster ones wait for the next
  // tick past that time, or the timer, whichever is first (a hidden tab's timers are slow).
  relayLater(id, quote) {
    this.#outbox.push({ id, quote });
    const wait = this.#relayedAt + RelayEveryMs - performance.now();
    if (wait <= 0) this.relay();
    else if (!this.#relayTimer) this.#relayTimer = setTimeout(() => this.relay(), wait);
  }

  // The ticks waiting in the outbox, now.
  relay() {
    clearTimeout(this.#relayTimer);
    this.#relayTimer = 0;
    if (this.#outbox.length === 0) return;
    const quotes = this.#outbox;
    this.#outbox = [];
    this.#relayedAt = performance.now();
    this.#channel.postMessage({ type: "quotes", quotes });
  }
}
