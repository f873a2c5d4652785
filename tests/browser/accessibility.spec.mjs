// The page for everyone (issue 19): axe-core finds nothing in light, dark and with 50 symbols; the
// live region speaks when the feed's state changes, never at a tick; each card's accessible name
// says its symbol, price and move in English and in French, and follows the ticks; Tab and the
// arrow keys reach every card in order, with a focus ring in light and dark; at 200 % zoom, with
// the browser's text at 200 % and at 320 px, no price or symbol is clipped.
"use strict";

import { test, expect, apiQuotes, englishPrice, recordTicks, until } from "./fixtures.mjs";
import { axeViolations } from "./axe.mjs";
import { cardOrder, clipped, focusOf, gridColumns, openLive } from "./cardpage.mjs";

// 50 symbols (the most --symbols takes), the longest names (10 characters) and prices of 1 to 7
// digits, the widest a card has to hold.
const fiftySymbols = Array.from({ length: 50 }, (_, i) => {
  const name = ["ABCDEFGHIJ", "BRK.B", "WWWWWWWWWW"][i] ?? `S${String.fromCharCode(65 + (i % 26))}${i}`;
  const price = [1000000, 999999.99, 88888.88, 170, 1500, 0.5, 12345.67, 250][i % 8];
  return `${name}=${price}`;
}).join(",");

// Every element that announces its changes: aria-live, or a role (or element) that implies it.
const liveRegions = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], ' +
  '[role="marquee"], [role="timer"], output';

test("axe-core finds no violation: light and dark, a card focused, English and French, 4 and 50 symbols", async ({ browser, page, quotecast }) => {
  const server = await quotecast.start({ seed: 77, interval: 100 });
  const many = await quotecast.start({ seed: 77, interval: 100, args: ["--symbols", fiftySymbols] });
  const french = await browser.newContext({ locale: "fr-FR" });
  try {
    const pages = [["en", page], ["fr", await french.newPage()]];
    for (const [lang, tab] of pages) {
      for (const [name, target] of [["4 symbols", server], ["50 symbols", many]]) {
        await openLive(tab, target);
        await expect(tab.locator(".card")).toHaveCount(name === "4 symbols" ? 4 : 50);
        await tab.keyboard.press("Tab");
        await expect(tab.locator(".card").first()).toBeFocused();
        for (const colorScheme of ["light", "dark"]) {
          await tab.emulateMedia({ colorScheme });
          expect(await axeViolations(tab), `${lang}, ${name}, ${colorScheme}`).toEqual([]);
        }
      }
    }
  } finally {
    await french.close();
  }
});

test("the status line speaks when the feed's state changes, never at a tick", async ({ page, quotecast }) => {
  const server = await quotecast.start({ driver: true, seed: 9, interval: 50 });
  await openLive(page, server);
  await recordTicks(page);
  // The page's one live region, and what it says each time it changes; the detail ("updated
  // 3:24:40 PM") beside it, which must change meanwhile, for the silence to mean something.
  const regions = await page.evaluate((selector) => {
    const regions = document.querySelectorAll(selector);
    window.__news = [];
    window.__detailChanges = 0;
    for (const region of regions) {
      new MutationObserver((records) => window.__news.push(...records.map(() => region.textContent.trim())))
        .observe(region, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    new MutationObserver(() => window.__detailChanges++)
      .observe(document.getElementById("feed-detail"), { subtree: true, childList: true, characterData: true });
    return Array.from(regions, (region) => region.textContent.replace(/\s+/g, " ").trim());
  }, liveRegions);
  expect(regions, "one live region, with the state").toEqual(["live"]);
  // Each time it changed, what it said then (a change in several steps, once).
  const news = async () => (await page.evaluate(() => window.__news))
    .map((words) => words.replace(/\s+/g, " ")).filter((words, i, all) => words !== all[i - 1]);

  // 20 ticks and more, and the detail's time moved at least twice: nothing said.
  await until(() => page.evaluate(() => window.__ticks.length >= 20 && window.__detailChanges >= 2),
    { message: "20 ticks, the detail changed twice" });
  expect(await page.locator("#feed-detail").textContent()).toMatch(/updated /);
  expect(await news(), "while live").toEqual([]);

  // The feed stopped: "paused" is news; the server gone: "reconnecting"; back: "live".
  await server.command("stop");
  await expect.poll(news).toContain("paused");
  await server.stop();
  await expect.poll(news).toContain("reconnecting");
  const again = await quotecast.start({ driver: true, seed: 9, interval: 50, port: server.port });
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
  await expect.poll(news).toEqual(["paused", "reconnecting", "live"]);
  const ticks = await page.evaluate(() => window.__ticks.length);
  await until(() => page.evaluate((from) => window.__ticks.length >= from + 20, ticks));
  expect(await news(), "live again").toEqual(["paused", "reconnecting", "live"]);
  expect(again.running).toBe(true);
});

// A regular expression that matches `words` as they are, any space as any space.
const pattern = (words) => words.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/\s/gu, "\\s");

// Names the test knows word for word: MSFT set higher, AAPL lower, NFLX added (no move yet).
const names = {
  "en-US": {
    price: englishPrice,
    words: /, (up|down) [0-9.,]+, [0-9.]+ percent$|, unchanged$/u,
    exact: ["AAPL, 150.00 dollars, down 20.00, 11.76 percent", "MSFT, 300.00 dollars, up 50.00, 20.00 percent",
      "NFLX, 612.34 dollars, unchanged"],
    tick: "MSFT, 290.00 dollars, down 10.00, 3.33 percent",
    day: ["Open", "High", "Low"],
  },
  "fr-FR": {
    price: (price) => new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      .format(price).replace(/\s/gu, " "),
    words: /, en (hausse|baisse) de [0-9 ,]+, soit [0-9,]+ pour cent$|, inchangé$/u,
    exact: ["AAPL, 150,00 dollars, en baisse de 20,00, soit 11,76 pour cent",
      "MSFT, 300,00 dollars, en hausse de 50,00, soit 20,00 pour cent", "NFLX, 612,34 dollars, inchangé"],
    tick: "MSFT, 290,00 dollars, en baisse de 10,00, soit 3,33 pour cent",
    day: ["Ouverture", "Plus haut", "Plus bas"],
  },
};

test("each card's accessible name says its symbol, price and move, in English and French, and follows the ticks", async ({ browser, quotecast }) => {
  const server = await quotecast.start({ driver: true, seed: 5, paused: true });
  await server.command("price MSFT 300");
  await server.command("price AAPL 150");
  await server.command("add NFLX 612.34");
  const { quotes } = await apiQuotes(server);
  const tabs = [];
  try {
    for (const [locale, expected] of Object.entries(names)) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      tabs.push({ context, page, expected });
      await openLive(page, server, "paused");
      // The cards as a reader finds them (Playwright's accessibility tree), in the page's order.
      const articles = page.locator("#cards").getByRole("article");
      await expect(articles).toHaveCount(quotes.length);
      for (const [i, quote] of quotes.entries()) {
        const start = `${quote.symbol}, ${expected.price(quote.price)} dollars, `;
        await expect(articles.nth(i), locale).toHaveAccessibleName(new RegExp(`^${pattern(start)}`, "u"));
        await expect(articles.nth(i), locale).toHaveAccessibleName(expected.words);
      }
      for (const name of expected.exact)
        await expect(page.getByRole("article", { name, exact: true }), locale).toHaveCount(1);

      // The day's open, high and low: text on the card, visible and in the accessibility tree.
      for (const quote of quotes) {
        const card = page.locator(`.card[data-symbol="${quote.symbol}"]`);
        await expect(card.locator(".day")).toBeVisible();
        const tree = (await card.ariaSnapshot()).replace(/\s+/gu, " ");
        for (const [term, price] of expected.day.map((word, i) => [word, [quote.open, quote.high, quote.low][i]])) {
          const pair = `term: ${term} - definition: "?${expected.price(price)}"?`.replace(/[.()]/g, "\\$&");
          expect(tree, `${locale}: ${quote.symbol}'s day`).toMatch(new RegExp(pair, "u"));
        }
      }
    }
    // A tick: every tab's name follows, without a reload.
    await server.command("price MSFT 290");
    for (const { page, expected } of tabs)
      await expect(page.getByRole("article", { name: expected.tick, exact: true })).toHaveCount(1);
  } finally {
    for (const { context } of tabs) await context.close();
  }
});

// A reader speaks the focused element's name whenever it changes (NVDA, Orca): a focused card's
// name changes at most once a second, to the latest price at the second's end; the others freely.
test("a focused card's name changes at most once a second, the latest at the end, while the others follow every draw", async ({ page, quotecast }) => {
  const server = await quotecast.start({ driver: true, seed: 3, interval: 100, args: ["--symbols", "AAPL=170,MSFT=300"] });
  await openLive(page, server);
  await recordTicks(page);
  await page.locator('.card[data-symbol="AAPL"]').focus();
  await page.evaluate(() => {
    window.__named = { AAPL: [], MSFT: [] }; // when each card's name changed
    window.__since = performance.now();
    for (const card of document.querySelectorAll(".card")) {
      new MutationObserver(() => window.__named[card.dataset.symbol].push(performance.now()))
        .observe(card, { attributes: true, attributeFilter: ["aria-label"] });
    }
  });
  // Each symbol moves every other tick: five times a second, three seconds long.
  await until(() => page.evaluate(() => performance.now() - window.__since >= 3000), { message: "3 s of ticks" });
  const { focused, other, elapsed } = await page.evaluate(() =>
    ({ focused: window.__named.AAPL, other: window.__named.MSFT.length, elapsed: performance.now() - window.__since }));
  expect(other, "the other card's name follows its draws").toBeGreaterThanOrEqual(6);
  expect(focused.length, "the focused card's name still follows").toBeGreaterThanOrEqual(2);
  expect(focused.length, `at most once a second over ${Math.round(elapsed)} ms`).toBeLessThanOrEqual(Math.floor(elapsed / 1000) + 1);
  for (let i = 1; i < focused.length; i++)
    expect(focused[i] - focused[i - 1], `change ${i} after change ${i - 1}`).toBeGreaterThanOrEqual(995);
  // The feed stops: within the second the name says the last price.
  await server.command("stop");
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused");
  const last = await page.evaluate(() => window.__last.AAPL);
  await expect(page.locator('.card[data-symbol="AAPL"]'))
    .toHaveAccessibleName(new RegExp(`^AAPL, ${pattern(englishPrice(last.price))} dollars, `, "u"));
  await expect(page.locator('.card[data-symbol="AAPL"]')).toBeFocused();
});

test("Tab and the arrow keys reach every card in the page's order, with a focus ring in light and dark", async ({ page, quotecast }) => {
  const server = await quotecast.start({ seed: 77, paused: true, args: ["--symbols", fiftySymbols] });
  const order = (await apiQuotes(server)).quotes.map((q) => q.symbol);
  expect(order.length).toBe(50);
  await openLive(page, server, "paused");

  // Tab: each card in turn, in the feed's order, which reads left to right and top to bottom,
  // each scrolled into view with its ring; then out of the cards, and Shift+Tab back in.
  let previous = null;
  for (const symbol of order) {
    await page.keyboard.press("Tab");
    const focus = await focusOf(page);
    expect(focus.symbol).toBe(symbol);
    expect(focus.inView, symbol).toBe(true);
    expect(focus.ring, `${symbol}'s ring`).toBeGreaterThanOrEqual(3);
    if (previous) {
      const onward = focus.top > previous.top + 1 || (Math.abs(focus.top - previous.top) <= 1 && focus.left > previous.left);
      expect(onward, `${symbol} after ${previous.symbol}`).toBe(true);
    }
    previous = focus;
  }
  await page.keyboard.press("Tab");
  expect((await focusOf(page)).symbol).toBe(null);
  await page.keyboard.press("Shift+Tab");
  expect((await focusOf(page)).symbol).toBe(order.at(-1));

  // Arrows: Home, then Right through every card to the last (and no further), Left back, End.
  await page.keyboard.press("Home");
  expect((await focusOf(page)).symbol).toBe(order[0]);
  for (const symbol of order.slice(1)) {
    await page.keyboard.press("ArrowRight");
    expect((await focusOf(page)).symbol).toBe(symbol);
  }
  await page.keyboard.press("ArrowRight");
  expect((await focusOf(page)).symbol).toBe(order.at(-1));
  await page.keyboard.press("ArrowLeft");
  expect((await focusOf(page)).symbol).toBe(order.at(-2));
  await page.keyboard.press("Home");
  // Down and Up: the card right below, in the same column, and back.
  const columns = await gridColumns(page);
  expect(columns, "a grid of several columns").toBeGreaterThan(1);
  const first = await focusOf(page);
  await page.keyboard.press("ArrowDown");
  const below = await focusOf(page);
  expect(below.symbol).toBe(order[columns]);
  expect(Math.abs(below.left - first.left)).toBeLessThanOrEqual(1);
  expect(below.top).toBeGreaterThan(first.top);
  await page.keyboard.press("ArrowUp");
  expect((await focusOf(page)).symbol).toBe(order[0]);
  await page.keyboard.press("End");
  expect((await focusOf(page)).symbol).toBe(order.at(-1));

  // The ring, in light and dark: its contrast, and pixels that change with focus.
  await page.keyboard.press("Home");
  const card = page.locator(".card").first();
  const box = await card.boundingBox();
  const clip = { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 };
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    await card.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft"); // by the keyboard: :focus-visible
    expect((await focusOf(page)).ring, colorScheme).toBeGreaterThanOrEqual(3);
    const focused = await page.screenshot({ clip });
    await page.evaluate(() => document.activeElement.blur());
    const blurred = await page.screenshot({ clip });
    expect(focused.equals(blurred), `${colorScheme}: the ring shows`).toBe(false);
  }
});

// As in the window (CardGridNavigator): a key a card handles is the page's even where it leads
// nowhere (no scrolling under the card), and Down with no card right below it, from a row above a
// short last row, goes to the last card.
test("the keys on a card do what the window's do: swallowed at the ends, Down over a short last row to the last card", async ({ page, quotecast }) => {
  const symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG"];
  const server = await quotecast.start({ paused: true, args: ["--symbols", symbols.map((s, i) => `${s}=${10 * (i + 1)}`).join(",")] });
  await openLive(page, server, "paused");
  const columns = await gridColumns(page);
  expect(columns > 1 && symbols.length > columns && symbols.length % columns !== 0, `a short last row (${columns} columns)`).toBe(true);
  // Whether the page kept each key from the browser, as a listener after the cards' sees it.
  await page.evaluate(() => {
    window.__kept = [];
    window.addEventListener("keydown", (event) => window.__kept.push(event.defaultPrevented));
  });
  const press = async (key, symbol) => {
    await page.keyboard.press(key);
    expect((await focusOf(page)).symbol, key).toBe(symbol);
    return page.evaluate(() => window.__kept.at(-1));
  };
  await page.locator(".card").first().focus();
  for (const key of ["Home", "ArrowLeft", "ArrowUp"]) expect(await press(key, symbols[0]), `${key} on the first card`).toBe(true);
  expect(await press("End", symbols.at(-1))).toBe(true);
  for (const key of ["End", "ArrowRight", "ArrowDown"]) expect(await press(key, symbols.at(-1)), `${key} on the last card`).toBe(true);
  expect(await press("Control+Home", symbols.at(-1)), "Ctrl+Home is the browser's").toBe(false);
  // The last card of the row above the short last row: nothing right below it.
  const above = symbols.length - (symbols.length % columns) - 1;
  await page.locator(".card").nth(above).focus();
  expect(await press("ArrowDown", symbols.at(-1)), "Down over the short last row").toBe(true);
});

test("a focused card whose symbol is removed hands the focus to the card that takes its place", async ({ page, quotecast }) => {
  const server = await quotecast.start({ driver: true, seed: 5, paused: true });
  await openLive(page, server, "paused");
  await page.locator('.card[data-symbol="GOOG"]').focus();
  await server.command("remove GOOG");
  await expect(page.locator('.card[data-symbol="GOOG"]')).toHaveCount(0);
  await expect(page.locator('.card[data-symbol="MSFT"]')).toBeFocused();
  // The last card's place: the new last.
  await page.locator('.card[data-symbol="AMZN"]').focus();
  await server.command("remove AMZN");
  await expect(page.locator(".card")).toHaveCount(2);
  await expect(page.locator('.card[data-symbol="MSFT"]')).toBeFocused();
});

// Cards before the focused one on the page that came after it (symbols added before it later)
// and go with it in one status: the focus goes to the card after it on the page, not further.
test("a focused card removed in one status with cards before it hands the focus to the next card on the page", async ({ page, quotecast }) => {
  const run = (symbols, port = 0) => quotecast.start({ paused: true, port, args: ["--symbols", symbols] });
  let server = await run("FOCUS=10,KONE=20,KTWO=30");
  await openLive(page, server, "paused");
  await server.stop();
  server = await run("RONE=40,RTWO=50,FOCUS=10,KONE=20,KTWO=30", server.port);
  await expect.poll(() => cardOrder(page), { timeout: 20_000 }).toEqual(["RONE", "RTWO", "FOCUS", "KONE", "KTWO"]);
  await page.locator('.card[data-symbol="FOCUS"]').focus();
  await server.stop();
  await run("KONE=20,KTWO=30", server.port);
  await expect.poll(() => cardOrder(page), { timeout: 20_000 }).toEqual(["KONE", "KTWO"]);
  await expect(page.locator('.card[data-symbol="KONE"]')).toBeFocused();
});

const zooms = [
  { name: "200 % zoom (a 1024 × 768 window)", viewport: { width: 512, height: 384 }, deviceScaleFactor: 2 },
  { name: "the browser's text at 200 %", viewport: { width: 1024, height: 768 }, fontSize: 32 },
  { name: "320 px wide (400 % zoom: WCAG's reflow)", viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
];

test("no price or symbol is clipped at 200 % zoom, with the browser's text at 200 % or at 320 px", async ({ browser, quotecast }) => {
  const server = await quotecast.start({ seed: 77, interval: 20, args: ["--symbols", fiftySymbols] });
  for (const { name, viewport, deviceScaleFactor, fontSize } of zooms) {
    const context = await browser.newContext({ viewport, deviceScaleFactor, reducedMotion: "reduce" });
    try {
      const page = await context.newPage();
      if (fontSize) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Page.enable");
        await cdp.send("Page.setFontSizes", { fontSizes: { standard: fontSize } });
      }
      await openLive(page, server);
      if (fontSize) expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${fontSize}px`);
      await expect(page.locator(".card")).toHaveCount(50);
      await until(() => page.evaluate(() => document.querySelectorAll(".card.up, .card.down").length >= 10),
        { message: "moves on the cards" });
      expect(await clipped(page), name).toEqual([]);
    } finally {
      await context.close();
    }
  }
});
