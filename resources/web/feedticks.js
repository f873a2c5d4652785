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

  // The feed's symbols changed (its status): a removed symbol's ticks are no longer a new
  // tab's, so that a card it no longer has is not drawn again, nor an old trail given to a
  // symbol added back.
  keepSymbols(symbols) {
    const listed = new Set(symbols);
    for (const symbol of this.#latest.keys()) if (!listed.has(symbol)) this.#latest.delete(symbol);
    this.#recent.forEach((entry, slot) => {
      if (entry && !listed.has(entry.quote.symbol)) delete this.#recent[slot];
    });
  }

  // Each symbol's latest tick and the recent ones, once each, oldest first: [{id, quote}].
  forNewTab() {
    const entries = new Set([...this.#latest.values(), ...this.#recent.filter(Boolean)]);
    return [...entries].sort((a, b) => a.n - b.n).map(({ id, quote }) => ({ id, quote }));
  }
}
