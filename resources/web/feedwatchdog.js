// quotecast live page: whether the feed still lives. Nothing for twice the heartbeat interval
// (data of any kind: tick, status, heartbeat, or the leader's relays) and the stream is dead:
// the feed (feed.js) is told, and asked to try again at most once per such interval.
"use strict";

// Until the status or /api/quotes says the period: quotecast before heartbeatMs pinged every 15 s.
const DefaultHeartbeatMs = 15000;

class FeedWatchdog {
  #onSilent; // (retryDue): nothing came for too long; retryDue when a new attempt is due too
  #heartbeatMs = DefaultHeartbeatMs;
  #lastDataAt = 0; // data of any kind (0: none yet)
  #startedAt = Date.now();
  #attemptAt = 0; // the last (re)open, or a follower's last suspicion: paces the next one
  #timer = 0;

  constructor(onSilent) {
    this.#onSilent = onSilent;
  }

  get heartbeatMs() { return this.#heartbeatMs; }
  get lastDataAt() { return this.#lastDataAt; }

  set heartbeatMs(ms) {
    this.#heartbeatMs = ms;
    this.arm();
  }

  sawData(at = Date.now()) {
    this.#lastDataAt = at;
  }

  // A stream was (re)opened now.
  attempted() {
    this.#attemptAt = Date.now();
  }

  // "Dead" is judged from the last data alone: a stream just (re)opened onto a hung server is
  // not live. The last attempt only paces the next one. One timer, re-armed when it fires,
  // rather than once per tick.
  arm() {
    clearTimeout(this.#timer);
    const limit = 2 * this.#heartbeatMs;
    const dataAt = this.#lastDataAt || this.#startedAt;
    const due = Date.now() - dataAt < limit ? dataAt + limit : Math.max(dataAt, this.#attemptAt) + limit;
    this.#timer = setTimeout(() => this.check(), Math.max(due - Date.now(), 0) + 10);
  }

  check() {
    const limit = 2 * this.#heartbeatMs;
    const now = Date.now();
    if (now - (this.#lastDataAt || this.#startedAt) < limit) return this.arm();
    const retryDue = now - this.#attemptAt >= limit;
    if (retryDue) this.#attemptAt = now;
    this.#onSilent(retryDue);
    this.arm();
  }
}
