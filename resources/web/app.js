// quotecast live page: one card per symbol, fed by Server-Sent Events from /stream.
// Words come from i18n.js (loaded first).
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

const cards = new Map(); // symbol -> {card, price, change}
const cardsRoot = document.getElementById("cards");
const stateText = document.getElementById("feed-state");
const detailText = document.getElementById("feed-detail");

let running = true;
let intervalMs = 0;
let lastUpdate = null;
let source = null;
let retryDelayMs = 1000;

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
  card.append(name, price, change);
  cardsRoot.append(card);
  entry = { card, price, change };
  cards.set(symbol, entry);
  return entry;
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
connect();
