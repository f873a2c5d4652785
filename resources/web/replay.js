// quotecast live page: recorded prices (--replay, docs/protocol.md "A replay"). While the feed
// replays, its status has `replay: {from, to}` and each quote its `date`, ISO 8601 in UTC: a
// day (a daily close) or a time to the millisecond (a replayed export). The page writes them
// in its language, always in UTC: a daily close is a calendar day, which a browser west of
// Greenwich would otherwise show as the day before; a time says "UTC". Loaded before cards.js.
"use strict";

const MarketDatePattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$/;

// {ms, timed} for a date the protocol allows, else null (never shown).
function parseMarketDate(value) {
  if (typeof value !== "string") return null;
  const match = MarketDatePattern.exec(value);
  if (!match) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? { ms, timed: match[1] !== undefined } : null;
}

// Where a replay is, and how the page writes its dates. One per page, fed the feed's status
// events and quotes: leader and follower tabs get both alike, so they say the same.
class ReplayClock {
  #dayFormat;
  #timeFormat;
  #range = null; // {from, to} parsed, while the latest status says replay
  #running = true;
  #newest = { ts: -Infinity, seq: -Infinity, date: null }; // the newest tick's date
  #written = new Map(); // a date's text, by its ISO string (a few hundred at most a replay)

  // The page asks for some symbols only (?symbols=), so it does not see every tick.
  filtered = false;

  constructor(locale) {
    this.#dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    this.#timeFormat = new Intl.DateTimeFormat(locale,
      { dateStyle: "medium", timeStyle: "long", timeZone: "UTC" });
  }

  // The feed replays (its latest status said so), stopped or not.
  get active() { return this.#range !== null; }

  // The feed stopped at the end of its files. The status says only that it stopped (a person
  // may stop a replay halfway), so the end is when the newest tick is of the files' last date.
  // A ?symbols= page may never see the last row (another symbol's): there a stopped replay is
  // taken as ended.
  get ended() {
    if (!this.#range || this.#running) return false;
    if (this.filtered) return true;
    return this.#newest.date !== null && this.#newest.date.ms >= this.#range.to.ms;
  }

  // A status event: whether the feed replays, of what, and whether it runs.
  setStatus(status) {
    if (typeof status.running === "boolean") this.#running = status.running;
    const replay = status.replay && typeof status.replay === "object" ? status.replay : null;
    const from = replay && parseMarketDate(replay.from);
    const to = replay && parseMarketDate(replay.to);
    const key = from && to ? `${replay.from}/${replay.to}` : null;
    if (key === (this.#range && this.#range.key)) return;
    this.#range = key ? { from, to, key, text: this.#writeRange(from, to) } : null;
  }

  // Every quote the feed dispatches (snapshots and repeats too): the newest by time, then seq.
  sawQuote(quote) {
    const newest = this.#newest;
    if (!Number.isFinite(quote.ts)) return;
    if (quote.ts < newest.ts || (quote.ts === newest.ts && !(quote.seq > newest.seq))) return;
    this.#newest = { ts: quote.ts, seq: quote.seq, date: parseMarketDate(quote.date) };
  }

  // "Jan 2 – Dec 31, 2024", "2 janv. – 31 déc. 2024"; with times when the files have them;
  // "" when it does not replay.
  rangeText() {
    return this.#range ? this.#range.text : "";
  }

  #writeRange(from, to) {
    const format = from.timed || to.timed ? this.#timeFormat : this.#dayFormat;
    return from.ms <= to.ms
      ? format.formatRange(from.ms, to.ms)
      : `${format.format(from.ms)} – ${format.format(to.ms)}`;
  }

  // A quote's `date` as the card shows it ("Mar 1, 2024", "Mar 1, 2024, 2:30:00 PM UTC"), or
  // "" when it has none the protocol allows.
  dateText(value) {
    let written = this.#written.get(value);
    if (written !== undefined) return written;
    const date = parseMarketDate(value);
    if (!date) return "";
    written = (date.timed ? this.#timeFormat : this.#dayFormat).format(date.ms);
    if (this.#written.size > 1000) this.#written.clear();
    this.#written.set(value, written);
    return written;
  }
}
