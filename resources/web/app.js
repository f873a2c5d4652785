// quotecast live page: the wiring. The feed (feed.js) changes the page's state at once; the
// DOM follows in one animation frame at a time (at most DrawsPerSecond of them), with only the
// cards that changed (cards.js), and not at all while the tab is hidden. Words: i18n.js.
"use strict";

const secondsFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: "medium" });
// At most this many draws a second: prices that change faster cannot be read, and each draw
// costs the browser a style, layout and paint pass (a fast feed would otherwise draw at every
// frame; at 50 symbols and 100 ticks/s, 5 draws a second instead of 10 save a fifth of the
// page's main-thread time). The state is drawn at once regardless; a tick after a quiet
// moment is drawn at the next frame.
const DrawsPerSecond = 5;
const stateText = document.getElementById("feed-state");
const replayText = document.getElementById("feed-replay");
const detailText = document.getElementById("feed-detail");
const footerLead = document.getElementById("footer-lead");

const feed = new SharedFeed();
window.quotecast = { feed };

const fresh = new Map(); // symbol -> its newest quote not drawn yet (the latest price wins)
const dirty = new Set(); // symbols whose card changed since the last frame
// The feed's symbols, in order, from its latest status (null until one comes). The symbols
// change while it runs: an added symbol's first tick comes just before the status that lists
// it, and a resumed stream may replay ticks of a symbol removed since. Such a tick waits, the
// latest per symbol, until a status lists its symbol (or does not: then it is dropped).
let listed = null;
const waiting = new Map(); // symbol -> its latest quote while no status lists it
let layoutDirty = false; // cards to add, remove or put in the status's order
let pendingQuotes = []; // ticks that came while the recent prices load, for the trails
let intervalMs = 0;
let newestTs = 0; // the newest tick's time, for "updated"
let feedState = "connecting";
let role = "solo";
let headerDirty = true;
let frame = 0;
let drawTimer = 0;
let lastDraw = -Infinity;

function translatePage() {
  document.documentElement.lang = lang;
  document.title = text.title;
  cardsRoot.setAttribute("aria-label", text.cardsLabel);
  footerLead.textContent = text.footerLead;
  stateText.textContent = text.state[feedState];
}

function detail() {
  if (feedState === "reconnecting" || feedState === "offline") {
    const since = feed.lastDataAt;
    return since ? text.noDataSince(timeFormat.format(since)) : "";
  }
  const parts = [];
  if (intervalMs > 0) parts.push(text.every(secondsFormat.format(intervalMs / 1000)));
  if (newestTs) parts.push(text.updated(timeFormat.format(newestTs)));
  return parts.join(" · ");
}

// Written only when it changes: an equal textContent still replaces the text node (in the live
// region, #feed-news, that would be news to a screen reader).
function write(element, words) {
  if (element.textContent !== words) element.textContent = words;
}

// The keys, for CSS and tests (the words are localized): data-feed the stream's state,
// data-replay "on" while the feed replays and "ended" once it stopped at the end of its files.
function drawHeader() {
  headerDirty = false;
  const body = document.body;
  if (body.dataset.feed !== feedState) body.dataset.feed = feedState;
  if (body.dataset.role !== role) body.dataset.role = role;
  const ended = feedState === "paused" && replay.ended;
  const mode = ended ? "ended" : replay.active ? "on" : "";
  if ((body.dataset.replay || "") !== mode) {
    if (mode) body.dataset.replay = mode;
    else delete body.dataset.replay;
  }
  write(stateText, ended ? text.state.ended : text.state[feedState]);
  const dates = replay.rangeText();
  write(replayText, !dates ? "" : ended ? text.replayEnded(dates) : text.replayOf(dates));
  if (replayText.hidden !== !dates) replayText.hidden = !dates; // in the live region: no news
  write(footerLead, replay.active ? text.footerLeadReplay : text.footerLead);
  write(detailText, detail());
}

function draw(now) {
  frame = 0;
  if (document.hidden) return; // drawn once when visible again
  lastDraw = now;
  if (headerDirty) drawHeader();
  if (layoutDirty) {
    layoutDirty = false;
    layoutCards(listed.filter(shows));
  }
  for (const symbol of dirty) if (shows(symbol)) drawCard(symbol, fresh.get(symbol));
  dirty.clear();
  fresh.clear();
}

function schedule() {
  if (frame || drawTimer || document.hidden) return;
  const wait = lastDraw + 1000 / DrawsPerSecond - performance.now();
  if (wait <= 0) {
    frame = requestAnimationFrame(draw);
    return;
  }
  drawTimer = setTimeout(() => {
    drawTimer = 0;
    schedule();
  }, wait);
}

function changed(symbol) {
  dirty.add(symbol);
  schedule();
}

feed.addEventListener("quote", ({ detail: quote }) => {
  if (typeof quote.symbol !== "string" || !Number.isFinite(quote.price)) return;
  replay.sawQuote(quote); // whichever comes first, a replay's status or its first row
  if (replay.active) headerDirty = true; // whether a stopped replay is at its end
  if (listed && !listed.includes(quote.symbol)) {
    waiting.set(quote.symbol, quote);
    return;
  }
  take(quote);
});

function take(quote) {
  fresh.set(quote.symbol, quote);
  if (Number.isFinite(quote.ts)) {
    if (quote.ts > newestTs) {
      newestTs = quote.ts;
      headerDirty = true;
    }
    if (pendingQuotes) pendingQuotes.push(quote);
    else extendTrail(quote);
  }
  changed(quote.symbol);
}

// `?symbols=AAPL,msft` filters the stream; the status still lists every symbol of the feed.
const wanted = new Set(
  (new URLSearchParams(location.search).get("symbols") || "")
    .split(",")
    .map((symbol) => symbol.trim().toUpperCase())
    .filter(Boolean),
);
replay.filtered = wanted.size > 0;

// Whether a symbol has a card: the status lists it (any, before the first status) and the
// page's ?symbols= names it (any, without one).
function shows(symbol) {
  return (!listed || listed.includes(symbol)) && (wanted.size === 0 || wanted.has(symbol));
}

feed.addEventListener("status", ({ detail: status }) => {
  if (Number.isFinite(status.intervalMs)) intervalMs = status.intervalMs;
  replay.setStatus(status);
  if (showDates(replay.active)) cards.forEach((entry, symbol) => dirty.add(symbol));
  if (Array.isArray(status.symbols)) {
    setFeedPace(intervalMs, status.symbols.length);
    followSymbols(status.symbols.map(String));
  }
  headerDirty = true;
  schedule();
});

// A symbol the status no longer lists loses its card and what the page knew of it: added back
// later, it starts again from its new price. A newly listed symbol's card comes at once, with
// its waiting tick, or "—" until its first comes.
function followSymbols(symbols) {
  const before = listed;
  listed = symbols;
  if (!before || before.join() !== symbols.join()) {
    layoutDirty = true;
    schedule();
  }
  for (const symbol of new Set([...trails.keys(), ...fresh.keys()])) {
    if (listed.includes(symbol)) continue;
    trails.delete(symbol);
    fresh.delete(symbol);
    dirty.delete(symbol);
  }
  if (pendingQuotes) pendingQuotes = pendingQuotes.filter((quote) => listed.includes(quote.symbol));
  const arrived = [...waiting.values()].filter((quote) => listed.includes(quote.symbol));
  waiting.clear();
  arrived.forEach(take);
  for (const symbol of listed) if (shows(symbol)) dirty.add(symbol);
}

// The state is shown at once (it says whether the prices are live), unless hidden.
function onState(next) {
  feedState = next;
  headerDirty = true;
  if (document.hidden) return;
  drawHeader();
}
feed.addEventListener("state", ({ detail }) => onState(detail.state));
feed.addEventListener("role", ({ detail }) => {
  role = detail.role;
  onState(feedState);
});

document.addEventListener("visibilitychange", () => {
  if (!document.hidden) {
    headerDirty = true;
    schedule();
  }
});

// The sparklines start from the server's recent prices. Without them (an older server
// answers 404, or an error) they start from the first prices the stream brings.
async function loadRecentPrices() {
  try {
    const response = await fetch("api/quotes", {
      cache: "no-store",
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return;
    const body = await response.json();
    if (Array.isArray(body.quotes)) body.quotes.filter((quote) => shows(quote.symbol)).forEach(seedTrail);
    feed.useHeartbeatMs(body.heartbeatMs);
  } catch {
    // The stream alone will do.
  }
}

translatePage();
feed.start(); // at once: ticks that come before the recent prices wait in pendingQuotes
loadRecentPrices().then(() => {
  const quotes = pendingQuotes;
  pendingQuotes = null;
  quotes.forEach(extendTrail);
  cards.forEach((entry, symbol) => dirty.add(symbol)); // each card once, next frame
  fresh.forEach((quote, symbol) => dirty.add(symbol));
  schedule();
});
