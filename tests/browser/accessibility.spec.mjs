// The page for everyone (issue 19): axe-core finds nothing in light, dark and with 50 symbols; the
// live region speaks when the feed's state changes, never at a tick; each card's accessible name
// says its symbol, price and move in English and in French, and follows the ticks.
"use strict";

import { test, expect, apiQuotes, englishPrice, recordTicks, until } from "./fixtures.mjs";
import { axeViolations } from "./axe.mjs";

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

// The cards' accessible names, in order, from Playwright's accessibility tree (its ARIA
// snapshot: `- article "AAPL, 170.00 dollars, unchanged":`), whitespace as one space.
async function cardNames(page) {
  const snapshot = await page.locator("#cards").ariaSnapshot();
  return Array.from(snapshot.matchAll(/^ {2}- article "((?:[^"\\]|\\.)*)"/gm),
    (match) => JSON.parse(`"${match[1]}"`).replace(/\s+/gu, " "));
}

async function openLive(page, server, state = "live") {
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", state, { timeout: 20_000 });
  await until(() => page.evaluate(() => {
    const prices = Array.from(document.querySelectorAll(".card .price"), (price) => price.textContent);
    return prices.length > 0 && !prices.includes("—");
  }), { message: "every card priced" });
}

test("axe-core finds no violation: light and dark, English and French, 4 and 50 symbols", async ({ browser, page, quotecast }) => {
  const server = await quotecast.start({ seed: 77, interval: 100 });
  const many = await quotecast.start({ seed: 77, interval: 100, args: ["--symbols", fiftySymbols] });
  const french = await browser.newContext({ locale: "fr-FR" });
  try {
    const pages = [["en", page], ["fr", await french.newPage()]];
    for (const [lang, tab] of pages) {
      for (const [name, target] of [["4 symbols", server], ["50 symbols", many]]) {
        await openLive(tab, target);
        await expect(tab.locator(".card")).toHaveCount(name === "4 symbols" ? 4 : 50);
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
      await expect.poll(() => page.locator(".card").count()).toBe(quotes.length);
      const shown = await cardNames(page);
      expect(shown.length, locale).toBe(quotes.length);
      for (const [i, quote] of quotes.entries()) {
        expect(shown[i].startsWith(`${quote.symbol}, ${expected.price(quote.price)} dollars, `), `${locale}: ${shown[i]}`)
          .toBe(true);
        expect(shown[i], locale).toMatch(expected.words);
      }
      for (const name of expected.exact) expect(shown, locale).toContain(name);

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
    for (const { page, expected } of tabs) await expect.poll(() => cardNames(page)).toContain(expected.tick);
  } finally {
    for (const { context } of tabs) await context.close();
  }
});
