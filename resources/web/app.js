// quotecast live page: one card per symbol, fed by Server-Sent Events from /stream, each with
// a sparkline of its last prices. Words come from i18n.js (loaded first).
// Feed data is only ever written with textContent or setAttribute (never parsed as HTML).
"use strict";

const { lang, locale } = chooseLanguage(
  navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language],
);
const text = messages[lang];

const priceFormat = new Intl.NumberFormat(locale, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percentFormat = new Intl.NumberFormat(locale, {
  style: "percent",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const secondsFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: "medium" });

const TrailLength = 60; // prices per sparkline, as the server keeps them
const SparkHeight = 20; // viewBox units; the width is one unit per price slot
const SparkPad = 1.5; // keeps the line's extremes off the edges
const SvgNs = "http://www.w3.org/2000/svg";

const cards = new Map(); // symbol -> {card, price, change, line}
const trails = new Map(); // symbol -> {prices, ts, seq, day, open, high, low}
const cardsRoot = document.getElementById("cards");
const stateText = document.getElementById("feed-state");
const detailText = document.getElementById("feed-detail");

let running = true;
let intervalMs = 0;
let lastUpdate = null;
let source = null;
let retryDelayMs = 1000;
// Stream quotes that arrive while the recent prices load; applied after them.
let pendingQuotes = [];

function translatePage() {
  document.documentElement.lang = lang;
  document.title = text.title;
  cardsRoot.setAttribute("aria-label", text.cardsLabel);
  document.getElementById("footer-lead").textContent = text.footerLead;
}

function setFeedState(state) {
  document.body.dataset.feed = state; // the key, for CSS and tests; the words are localized
  stateText.textContent = text.state[state];
  showDetail();
}

function showDetail() {
  const parts = [];
  if (intervalMs > 0) parts.push(text.every(secondsFormat.format(intervalMs / 1000)));
  if (lastUpdate) parts.push(text.updated(timeFormat.format(lastUpdate)));
  detailText.textContent = parts.join(" · ");
}

function cardFor(symbol) {
  let entry = cards.get(symbol);
  if (entry) return entry;
  const card = document.createElement("article");
  card.className = "card";
  card.dataset.symbol = symbol;
  card.dataset.trend = "flat";
  const name = document.createElement("h2");
  name.className = "symbol";
  name.textContent = symbol;
  const price = document.createElement("p");
  price.className = "price";
  price.textContent = "—";
  const change = document.createElement("p");
  change.className = "change";
  const { svg, line } = createSparkline();
  card.append(name, price, change, svg);
  cardsRoot.append(card);
  entry = { card, price, change, line };
  cards.set(symbol, entry);
  drawTrail(symbol);
  return entry;
}

// Decorative: the card's title says the day's open, high and low in words.
function createSparkline() {
  const svg = document.createElementNS(SvgNs, "svg");
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("viewBox", `0 0 ${TrailLength - 1} ${SparkHeight}`);
  svg.setAttribute("preserveAspectRatio", "none"); // stretch to the card's width
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const line = document.createElementNS(SvgNs, "polyline");
  svg.append(line);
  return { svg, line };
}

// The day a timestamp falls on in the browser's time zone, as a number that sorts by date.
function localDay(ts) {
  const date = new Date(ts);
  return date.getFullYear() * 10000 + (date.getMonth() + 1) * 100 + date.getDate();
}

// A stream begins with a snapshot that repeats the current prices, which the trail may
// already hold. The same tick has the same time and sequence number (`seq`; a new server run
// counts again, but at a later time); an older point is a repeat too.
function isRepeat(trail, quote) {
  return quote.ts < trail.ts || (quote.ts === trail.ts && quote.seq === trail.seq);
}

function extendTrail(quote) {
  const { symbol, price, ts, seq } = quote;
  let trail = trails.get(symbol);
  if (trail && isRepeat(trail, quote)) return false;
  const day = localDay(ts);
  if (!trail) {
    trail = { prices: [], ts, seq, day, open: price, high: price, low: price };
    trails.set(symbol, trail);
  } else if (day > trail.day) {
    Object.assign(trail, { day, open: price, high: price, low: price });
  } else {
    trail.high = Math.max(trail.high, price);
    trail.low = Math.min(trail.low, price);
  }
  trail.ts = ts;
  trail.seq = seq;
  trail.prices.push(price);
  if (trail.prices.length > TrailLength) trail.prices.shift();
  return true;
}

// One quote of GET /api/quotes: its recent prices (oldest first) and the day so far.
function seedTrail(quote) {
  if (typeof quote.symbol !== "string" || !Number.isFinite(quote.ts)) return;
  const recent = Array.isArray(quote.recent) ? quote.recent : [];
  const prices = recent.filter(Number.isFinite).slice(-TrailLength);
  if (prices.length === 0) return;
  const last = prices[prices.length - 1];
  const valid = (value) => (Number.isFinite(value) ? value : last);
  trails.set(quote.symbol, {
    prices,
    ts: quote.ts,
    seq: quote.seq,
    day: localDay(quote.ts),
    open: valid(quote.open),
    high: valid(quote.high),
    low: valid(quote.low),
  });
}

// Newest price at the right edge, scaled between the window's lowest and highest price.
function drawTrail(symbol) {
  const entry = cards.get(symbol);
  const trail = trails.get(symbol);
  if (!entry || !trail) return;
  const { prices } = trail;
  const min = Math.min(...prices);
  const span = Math.max(...prices) - min;
  const offset = TrailLength - prices.length;
  const points = prices.map((price, i) => {
    const y =
      span > 0
        ? SparkHeight - SparkPad - ((price - min) / span) * (SparkHeight - 2 * SparkPad)
        : SparkHeight / 2;
    return `${offset + i},${y.toFixed(2)}`;
  });
  entry.line.setAttribute("points", points.join(" "));
  entry.card.setAttribute(
    "title",
    text.day(priceFormat.format(trail.open), priceFormat.format(trail.high),
      priceFormat.format(trail.low)),
  );
}

function addToTrail(quote) {
  if (pendingQuotes) {
    pendingQuotes.push(quote);
  } else if (extendTrail(quote)) {
    drawTrail(quote.symbol);
  }
}

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
    if (Array.isArray(body.quotes)) body.quotes.forEach(seedTrail);
  } catch {
    // The stream alone will do.
  }
}

// A real minus sign lines up with "+" in proportional fonts.
function signed(value, digits) {
  return (value > 0 ? "+" : value < 0 ? "\u2212" : "") + digits;
}

function showQuote(quote) {
  if (typeof quote.symbol !== "string" || !Number.isFinite(quote.price)) return;
  const change = Number.isFinite(quote.change) ? quote.change : 0;
  const { card, price, change: changeText } = cardFor(quote.symbol);
  const previous = quote.price - change;
  const ratio = previous !== 0 ? change / previous : 0;
  price.textContent = priceFormat.format(quote.price);
  changeText.textContent =
    `${signed(change, priceFormat.format(Math.abs(change)))} ` +
    `(${signed(change, percentFormat.format(Math.abs(ratio)))})`;
  const trend = change > 0 ? "up" : change < 0 ? "down" : "flat";
  card.dataset.trend = trend;
  card.classList.toggle("up", trend === "up");
  card.classList.toggle("down", trend === "down");
  // Restart the flash animation: remove the class, force a reflow, add it again.
  card.classList.remove("flash");
  void card.offsetWidth;
  card.classList.add("flash");
  lastUpdate = Number.isFinite(quote.ts) ? new Date(quote.ts) : new Date();
  showDetail();
  if (Number.isFinite(quote.ts)) addToTrail(quote);
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null; // a malformed event is ignored, not fatal
  }
}

function onStatus(event) {
  const status = parse(event.data);
  if (!status) return;
  running = status.running !== false;
  if (Number.isFinite(status.intervalMs)) intervalMs = status.intervalMs;
  if (Array.isArray(status.symbols)) status.symbols.forEach((s) => cardFor(String(s)));
  setFeedState(running ? "live" : "paused");
}

function connect() {
  // The page's own query (e.g. ?symbols=AAPL,MSFT) is passed on to the stream.
  source = new EventSource("stream" + location.search);
  source.onopen = () => {
    retryDelayMs = 1000;
    setFeedState(running ? "live" : "paused");
  };
  source.onmessage = (event) => {
    const quote = parse(event.data);
    if (quote) showQuote(quote);
  };
  source.addEventListener("status", onStatus);
  source.onerror = () => {
    setFeedState("reconnecting");
    // EventSource retries by itself while CONNECTING; once CLOSED (e.g. an HTTP error
    // answer) it gives up, so start a new one after a jittered, growing delay.
    if (source.readyState === EventSource.CLOSED) {
      source.close();
      const delay = retryDelayMs * (0.5 + Math.random());
      retryDelayMs = Math.min(retryDelayMs * 2, 10000);
      setTimeout(connect, delay);
    }
  };
}

translatePage();
setFeedState("connecting");
connect(); // at once: quotes that come before the recent prices wait in pendingQuotes
loadRecentPrices().then(() => {
  const quotes = pendingQuotes;
  pendingQuotes = null;
  quotes.forEach(extendTrail);
  cards.forEach((entry, symbol) => drawTrail(symbol)); // each card once
});
