// quotecast live page: what the feed (feed.js) remembers of the ticks: the newest one with an
// id, to resume from and to tell repeats, and what a new tab needs from the leader tab: each
// symbol's latest tick and the newest RecentKept, so that its cards and sparklines miss none.
"use strict";

const RecentKept = 300; // ticks a new tab gets from the leader, besides each symbol's latest

class FeedTicks {
  #last = { id: null, seq: -Infinity, ts: -Infinity }; // the newest tick with an id
  #latest = new Map(); // symbol -> {n, id, quote}
  #recent = []; // the newest ticks, a ring (the tick's number picks its slot)
  #accepted = 0;

  get lastId() { return this.#last.id; }

  // A tick with an id is a repeat (a resumed stream, a new leader that resumed from an older
  // id, a predecessor's late relay) when neither its seq nor its time is above the last one's.
  // The quote's own seq and ts, not the id: the nchan relay's ids are its own. A restarted
  // in-memory feed counts from 1 again, but later. Snapshot events without an id pass; the
  // cards compare their time and seq themselves.
  isRepeat(id, quote) {
    return Boolean(id) && quote.seq <= this.#last.seq && quote.ts <= this.#last.ts;
  }

  remember(id, quote) {
    if (id) {
      const { seq, ts } = quote;
      const last = this.#last;
      if (!(seq <= last.seq && ts <= last.ts)) {
        last.id = id;
        if (Number.isFinite(seq) && Number.isFinite(ts)) {
          last.seq = seq;
          last.ts = ts;
        }
      }
    }
    const entry = { n: ++this.#accepted, id, quote };
    if (typeof quote.symbol === "string") this.#latest.set(quote.symbol, entry);
    this.#recent[entry.n % RecentKept] = entry;
  }

  // Each symbol's latest tick and the recent ones, once each, oldest first: [{id, quote}].
  forNewTab() {
    const entries = new Set([...this.#latest.values(), ...this.#recent.filter(Boolean)]);
    return [...entries].sort((a, b) => a.n - b.n).map(({ id, quote }) => ({ id, quote }));
  }
}
