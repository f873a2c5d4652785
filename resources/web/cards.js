// quotecast live page: the cards. Each symbol's trail (its last prices and its day so far) is
// state, extended by every tick; its card is the DOM, drawn by drawCard at most once a frame
// (app.js decides when). Feed data is only ever written with textContent or setAttribute.
// For assistive technology each card is one focusable group whose name says its symbol, price
// and move in words (kept current, never a live region: the status line alone speaks), described
// by its day's open, high and low, a line every user sees.
"use strict";

const { lang, locale } = chooseLanguage(
  navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language],
);
const text = messages[lang];
// The replay's dates (replay.js); app.js feeds it the status and the quotes.
const replay = new ReplayClock(locale);

const priceFormat = new Intl.NumberFormat(locale, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percentFormat = new Intl.NumberFormat(locale, {
  style: "percent",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
// "1.00 dollars" in English, "1,00 dollar" in French: the plural of the price as it is written.
const pricePlural = new Intl.PluralRules(locale, { minimumFractionDigits: 2 });
// A price longer than this ("100,000.00") is drawn smaller (style.css), so that it fits its card.
const LongPrice = 9;

const TrailLength = 60; // prices per sparkline, as the server keeps them
const SparkHeight = 20; // viewBox units; the width is one unit per price slot
const SparkPad = 1.5; // keeps the line's extremes off the edges
const SvgNs = "http://www.w3.org/2000/svg";
// A new price pulses the card. The Web Animations API restarts it without the forced reflow
// that removing and re-adding a CSS animation class needs.
const FlashFrames = [{ transform: "scale(1.03)" }, { transform: "none" }];
const FlashTiming = { duration: 600, easing: "ease-out" };
// A flash says "this one just changed". A card that changes more often than this would pulse
// without pause, which says nothing and keeps the browser animating at every frame.
const FlashQuietMs = 1000;
// At a fast feed, where each card changes on average more often than this (the feed's interval
// times its symbols: the server moves one symbol per tick), no card flashes: a few random
// quiet gaps would still keep a flash running at almost every moment, and while any animation
// runs the browser renders every frame (at 50 symbols and 100 ticks/s, half the page's cost).
const FlashCardMs = 2000;
const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
let flashing = true; // until the status tells the feed's pace

// The feed's pace, from its status: one tick every intervalMs, over symbolCount symbols.
function setFeedPace(intervalMs, symbolCount) {
  flashing = !(intervalMs > 0 && symbolCount > 0 && intervalMs * symbolCount < FlashCardMs);
}

// Whether the cards show their prices' dates: while the feed replays (its latest status says
// so). A date is never left beside a simulated price: the status that ends a replay hides them.
let datesShown = false;

// True when it changed: then every card is to be drawn again.
function showDates(on) {
  const changed = on !== datesShown;
  datesShown = on;
  return changed;
}

const cards = new Map(); // symbol -> {card, price, date, change, line, day, flash, name, ...}
const trails = new Map(); // symbol -> {prices, ts, seq, day, open, high, low}
const cardsRoot = document.getElementById("cards");

function cardFor(symbol) {
  let entry = cards.get(symbol);
  if (entry) return entry;
  const card = document.createElement("article");
  card.className = "card";
  card.dataset.symbol = symbol;
  card.dataset.trend = "flat";
  card.tabIndex = 0; // a Tab stop, in the feed's order; the arrow keys move too (below)
  const name = document.createElement("h2");
  name.className = "symbol";
  name.textContent = symbol;
  const price = document.createElement("p");
  price.className = "price";
  price.textContent = "—";
  const date = document.createElement("p");
  date.className = "date";
  date.hidden = true;
  const change = document.createElement("p");
  change.className = "change";
  const { svg, line } = createSparkline();
  const day = createDayLine();
  card.append(name, price, date, change, svg, day.list);
  cardsRoot.append(card);
  entry = { card, price, date, change, line, day, flash: null, drawnAt: -Infinity };
  entry.marketDate = ""; // the newest quote's `date`, shown or not
  entry.dateText = ""; // what the date line says ("": hidden)
  entry.symbol = symbol;
  entry.spoken = text.noPrice; // the name's words for the newest quote
  entry.name = "";
  entry.namedAt = -Infinity; // when the name last changed
  entry.nameTimer = 0; // a focused card's next name, due
  nameCard(entry);
  cards.set(symbol, entry);
  return entry;
}

// The day so far: "Open 170.00", "High 171.25", "Low 169.80", a term and its value each, hidden
// until the card has a trail.
let dayLines = 0;
function createDayLine() {
  const list = document.createElement("dl");
  list.className = "day";
  list.id = `day-${++dayLines}`;
  list.hidden = true;
  const values = {};
  for (const key of ["open", "high", "low"]) {
    const row = document.createElement("div");
    const term = document.createElement("dt");
    term.textContent = text.day[key];
    values[key] = document.createElement("dd");
    row.append(term, values[key]);
    list.append(row);
  }
  return { list, values };
}

// A reader speaks the focused element's name whenever it changes (NVDA, Orca): the focused
// card's name changes at most once a second, to the latest words at the second's end, as the
// window tells a card's change (AccessibleNotifier); the other cards' names follow every draw.
const FocusedNameMs = 1000;

// "AAPL, 174.31 dollars, up 0.75, 0.43 percent", and the price's date while the feed replays.
function nameCard(entry) {
  const name = [entry.symbol, entry.spoken, entry.dateText].filter(Boolean).join(", ");
  if (name === entry.name || entry.nameTimer) return; // a pending write takes the latest words
  const wait = entry.card === document.activeElement ? entry.namedAt + FocusedNameMs - performance.now() : 0;
  if (wait > 0) {
    entry.nameTimer = setTimeout(() => {
      entry.nameTimer = 0;
      nameCard(entry);
    }, wait);
    return;
  }
  entry.name = name;
  entry.namedAt = performance.now();
  entry.card.setAttribute("aria-label", name);
}

// A card that gets the focus is read out then: its next change waits a second from there.
cardsRoot.addEventListener("focusin", (event) => {
  const entry = cards.get(event.target.dataset.symbol);
  if (entry && entry.card === event.target) entry.namedAt = performance.now();
});

// The keyboard, as in the window (CardGridNavigator): Left and Right go to the previous and next
// card, Up and Down to the card above and below as the grid lays them out, Home and End to the
// first and last. Each card is a Tab stop as well, so Tab walks them in the same order. A key
// that leads nowhere (at an edge) is still the card's, so that it does not scroll the page.
const CardKeys = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);
cardsRoot.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !CardKeys.has(event.key)) return;
  const all = Array.from(cardsRoot.children);
  const at = all.indexOf(event.target);
  if (at < 0) return;
  event.preventDefault();
  const next = all[neighbour(all, at, event.key)];
  if (next && next !== event.target) next.focus();
});

// The index of the card that `key` leads to from card `at`, or -1.
function neighbour(all, at, key) {
  switch (key) {
    case "ArrowLeft": return at - 1;
    case "ArrowRight": return at + 1;
    case "Home": return 0;
    case "End": return all.length - 1;
    case "ArrowUp": return at - columns(all);
    case "ArrowDown": return below(all, at);
    default: return -1;
  }
}

// The card right below card `at`; with none there, from a row above a short last row, the last.
function below(all, at) {
  const perRow = columns(all);
  if (at + perRow < all.length) return at + perRow;
  const last = all.length - 1;
  return Math.floor(last / perRow) > Math.floor(at / perRow) ? last : -1;
}

// How many cards the grid's first row holds (it reflows with the width and the text's size).
function columns(all) {
  const top = all[0].offsetTop;
  let count = 1;
  while (count < all.length && all[count].offsetTop === top) count++;
  return count;
}

// The cards of `symbols`, in that order (new ones show "—" until their first price is drawn);
// every other card goes. Focus on a card that goes moves to the card that takes its place.
function layoutCards(symbols) {
  const keep = new Set(symbols);
  // A focused card that goes: its place is after the cards kept before it on the page (in the
  // page's order: the map's is the order the cards were made in).
  const focused = document.activeElement;
  let focusAt = -1;
  if (focused && focused.parentElement === cardsRoot && !keep.has(focused.dataset.symbol)) {
    focusAt = 0;
    for (let card = cardsRoot.firstElementChild; card !== focused; card = card.nextElementSibling)
      if (keep.has(card.dataset.symbol)) focusAt++;
  }
  for (const [symbol, entry] of cards) {
    if (keep.has(symbol)) continue;
    if (entry.flash) entry.flash.cancel();
    clearTimeout(entry.nameTimer);
    entry.card.remove();
    cards.delete(symbol);
  }
  let previous = null;
  for (const symbol of symbols) {
    const { card } = cardFor(symbol);
    const expected = previous ? previous.nextElementSibling : cardsRoot.firstElementChild;
    if (card !== expected) {
      if (previous) previous.after(card);
      else cardsRoot.prepend(card);
    }
    previous = card;
  }
  const heir = cardsRoot.children[Math.min(focusAt, cardsRoot.children.length - 1)];
  if (focusAt >= 0 && heir) heir.focus();
}

// Decorative: the card's words say its price and its day; the line only shows their shape.
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

// The local day a timestamp falls on, remembered with its bounds: a Date and its time-zone
// lookups per tick cost more than the rest of a trail's update.
let dayCache = { start: Infinity, end: -Infinity, day: 0 };
function dayOf(ts) {
  if (ts >= dayCache.start && ts < dayCache.end) return dayCache.day;
  const date = new Date(ts);
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const end = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
  dayCache = { start, end, day: localDay(ts) };
  return dayCache.day;
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
  if (trail && isRepeat(trail, quote)) return;
  const day = dayOf(ts);
  if (!trail) {
    trail = { prices: [], ts, seq, day, open: price, high: price, low: price };
    trails.set(symbol, trail);
  } else if (day > trail.day) {
    Object.assign(trail, { day, open: price, high: price, low: price });
  } else {
    if (price > trail.high) trail.high = price;
    if (price < trail.low) trail.low = price;
  }
  trail.ts = ts;
  trail.seq = seq;
  trail.prices.push(price);
  if (trail.prices.length > TrailLength) trail.prices.shift();
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

// A real minus sign lines up with "+" in proportional fonts.
function signed(value, digits) {
  return (value > 0 ? "+" : value < 0 ? "\u2212" : "") + digits;
}

// The card of a symbol: its newest quote (when one came since the last draw) and its trail.
function drawCard(symbol, quote) {
  const entry = cardFor(symbol);
  if (quote) drawQuote(entry, quote);
  drawDate(entry);
  const trail = trails.get(symbol);
  if (trail) drawTrail(entry, trail);
}

function drawQuote(entry, quote) {
  const change = Number.isFinite(quote.change) ? quote.change : 0;
  const previous = quote.price - change;
  const ratio = previous !== 0 ? change / previous : 0;
  const price = priceFormat.format(quote.price);
  entry.price.textContent = price;
  entry.price.classList.toggle("long", price.length > LongPrice);
  entry.marketDate = typeof quote.date === "string" ? quote.date : "";
  const amount = priceFormat.format(Math.abs(change));
  entry.change.textContent =
    `${signed(change, amount)} (${signed(change, percentFormat.format(Math.abs(ratio)))})`;
  const trend = change > 0 ? "up" : change < 0 ? "down" : "flat";
  const dollars = text.dollars[pricePlural.select(quote.price)] || text.dollars.other;
  entry.spoken = `${price} ${dollars}, ` +
    text.moved[trend](amount, priceFormat.format(Math.abs(ratio) * 100));
  nameCard(entry);
  const { card } = entry;
  if (card.dataset.trend !== trend) {
    card.dataset.trend = trend;
    card.classList.toggle("up", trend === "up");
    card.classList.toggle("down", trend === "down");
  }
  const now = performance.now();
  const quiet = now - entry.drawnAt >= FlashQuietMs;
  entry.drawnAt = now;
  if (!quiet || !flashing || reducedMotion.matches) return;
  if (entry.flash) entry.flash.cancel();
  entry.flash = card.animate(FlashFrames, FlashTiming);
}

function drawDate(entry) {
  const dateText = datesShown ? replay.dateText(entry.marketDate) : "";
  if (dateText === entry.dateText) return;
  entry.dateText = dateText;
  entry.date.textContent = dateText;
  entry.date.hidden = dateText === "";
  nameCard(entry);
}

// Newest price at the right edge, scaled between the window's lowest and highest price.
// The day's line is written only when its open, high or low moved (seldom, at each draw).
function drawTrail(entry, trail) {
  const { prices } = trail;
  const count = prices.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const price = prices[i];
    if (price < min) min = price;
    if (price > max) max = price;
  }
  const span = max - min;
  const offset = TrailLength - count;
  let points = "";
  for (let i = 0; i < count; i++) {
    const y = span > 0
      ? SparkHeight - SparkPad - ((prices[i] - min) / span) * (SparkHeight - 2 * SparkPad)
      : SparkHeight / 2;
    points += `${i ? " " : ""}${offset + i},${y.toFixed(2)}`;
  }
  entry.line.setAttribute("points", points);
  const { open, high, low } = trail;
  if (open === entry.open && high === entry.high && low === entry.low) return;
  Object.assign(entry, { open, high, low });
  const { list, values } = entry.day;
  for (const [key, value] of Object.entries({ open, high, low })) {
    const written = priceFormat.format(value);
    if (values[key].textContent !== written) values[key].textContent = written;
  }
  if (!list.hidden) return;
  list.hidden = false;
  entry.card.setAttribute("aria-describedby", list.id); // its words, once it has them
}
