// Recorded prices on the page (issue 17, "Replay real prices"): while the feed replays, the
// status line says so and of which dates, each card shows its price's date, every tab alike;
// at the end it says the replay ended; back to simulated prices, no date is left beside a
// price. Small Yahoo Finance, Stooq and quotecast export files are written for each test. The
// market is stepped by the market driver (marketdriver.cpp), or played by quotecast itself.
"use strict";

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test, expect, apiQuotes, englishPrice } from "./fixtures.mjs";
import { axeViolations } from "./axe.mjs";

// A Yahoo Finance download (with the `null` row Yahoo writes for a day without prices) and a
// Stooq one: the symbol from the file's name.
const yahooAapl = `Date,Open,High,Low,Close,Adj Close,Volume
2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700
2024-02-01,183.99,186.95,183.82,186.86,186.16,64885400
2024-02-02,null,null,null,null,null,null
2024-03-01,179.55,180.53,177.38,179.66,179.20,73488000
`;
const stooqMsft = `Date,Open,High,Low,Close,Volume
2024-01-02,373.86,375.9,366.77,370.87,25258600
2024-02-01,401.83,408,401.8,403.78,30657700
2024-03-04,413.44,417.35,412.32,414.92,17596000
`;
// The rows as they are played (by date, AAPL's file first at equal dates) and as the English
// page writes each one's date.
const rows = [
  ["AAPL", 185.64, "Jan 2, 2024"],
  ["MSFT", 370.87, "Jan 2, 2024"],
  ["AAPL", 186.86, "Feb 1, 2024"],
  ["MSFT", 403.78, "Feb 1, 2024"],
  ["AAPL", 179.66, "Mar 1, 2024"],
  ["MSFT", 414.92, "Mar 4, 2024"],
];
// "Jan 2 – Mar 4, 2024" (Intl's range: thin spaces around the dash).
const englishRange = String.raw`Jan 2\s–\sMar 4, 2024`;

async function writeFiles(tmp) {
  const aapl = path.join(tmp, "AAPL.csv");
  const msft = path.join(tmp, "msft_us_d.csv");
  await writeFile(aapl, yahooAapl);
  await writeFile(msft, stooqMsft);
  return [aapl, msft];
}

// The cards as [symbol, price, the date line (null when it is not shown)], in order.
const cardsOf = (page) => page.evaluate(() =>
  Array.from(document.querySelectorAll(".card"), (card) => {
    const date = card.querySelector(".date");
    return [card.dataset.symbol, card.querySelector(".price").textContent,
      date && date.checkVisibility() ? date.textContent : null];
  }));

// The status line as a person reads it: state, replay, detail (in order, the hidden left out).
const statusOf = (page) => page.evaluate(() =>
  Array.from(document.querySelectorAll("#feed-state, #feed-replay, #feed-detail"))
    .filter((span) => span.checkVisibility()).map((span) => span.textContent).join(" | "));

async function openTabs(context, server, count = 2) {
  const pages = [];
  for (let i = 0; i < count; ++i) {
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(page.locator("body"), `tab ${i + 1}`).not.toHaveAttribute("data-feed", "connecting");
    pages.push(page);
  }
  await expect.poll(async () => (await Promise.all(pages.map((page) =>
    page.evaluate(() => document.body.dataset.role)))).sort().join()).toMatch(/^follower,.*leader$/);
  return pages;
}

async function expectTabs(pages, what, read, expected) {
  for (const [i, page] of pages.entries())
    await expect.poll(() => read(page), { message: `tab ${i + 1}: ${what}` }).toEqual(expected);
}

test("a replay stepped row by row: the status line says replay and of when, every tab's cards each row's date; simulated again, no date", async ({ context, quotecast, tmp }) => {
  const files = await writeFiles(tmp);
  const server = await quotecast.start({ driver: true, seed: 5, paused: true });
  const pages = await openTabs(context, server);
  await expectTabs(pages, "simulated: no dates", (page) => cardsOf(page).then((cards) =>
    cards.map(([symbol, , date]) => [symbol, date])),
  [["AAPL", null], ["GOOG", null], ["MSFT", null], ["AMZN", null]]);
  for (const page of pages) {
    await expect(page.locator("#footer-lead")).toHaveText(/^Prices are simulated\./);
    expect(await statusOf(page)).toMatch(/^paused \| every 0\.1 s/);
  }

  // The files' symbols replace the feed's; each keeps the price it had, without a date, until
  // its first row is played (docs/protocol.md, "A replay").
  await server.command(`replay ${files.join(" ")}`);
  const before = (await apiQuotes(server)).quotes.map((q) => [q.symbol, englishPrice(q.price), null]);
  expect(before.map(([symbol]) => symbol)).toEqual(["AAPL", "MSFT"]);
  await expectTabs(pages, "before the first row", cardsOf, before);
  for (const page of pages) {
    await expect(page.locator("body")).toHaveAttribute("data-replay", "on");
    await expect.poll(() => statusOf(page)).toMatch(new RegExp(`^paused \\| replay of ${englishRange} \\| every`, "u"));
    await expect(page.locator("#footer-lead")).toHaveText(/^Recorded prices, replayed\./);
  }

  const shown = new Map(before.map(([symbol, price]) => [symbol, [price, null]]));
  for (const [i, [symbol, price, date]] of rows.entries()) {
    await server.command("tick");
    shown.set(symbol, [englishPrice(price), date]);
    await expectTabs(pages, `row ${i + 1}`, cardsOf, [...shown].map(([s, [p, d]]) => [s, p, d]));
    // Stopped halfway is paused, not ended.
    if (i < rows.length - 1)
      for (const page of pages) await expect(page.locator("#feed-state")).toHaveText("paused");
  }
  const api = (await apiQuotes(server)).quotes.map((q) => [q.symbol, q.price, q.date]);
  expect(api).toEqual([["AAPL", 179.66, "2024-03-01"], ["MSFT", 414.92, "2024-03-04"]]);

  // Its last price played: not merely paused, over.
  for (const page of pages) {
    await expect(page.locator("body")).toHaveAttribute("data-replay", "ended");
    await expect.poll(() => statusOf(page)).toMatch(new RegExp(`^replay ended \\| \\(${englishRange}\\) \\| every`, "u"));
    // A screen reader hears a price's date with it, in the card's accessible name.
    await expect(page.getByRole("article", { name: /^MSFT, 414\.92 dollars, up [0-9.]+, [0-9.]+ percent, Mar 4, 2024$/ }))
      .toBeVisible();
  }

  // Back to simulated prices: the dates go at once, before any tick, and stay gone.
  await server.command("simulate");
  for (const page of pages) {
    await expect(page.locator("body")).not.toHaveAttribute("data-replay", /./);
    await expect(page.locator("#footer-lead")).toHaveText(/^Prices are simulated\./);
    expect(await statusOf(page)).toMatch(/^paused \| every/);
  }
  await expectTabs(pages, "no dates once simulated", cardsOf, [["AAPL", "179.66", null], ["MSFT", "414.92", null]]);
  for (const page of pages) expect(await page.locator("#cards").ariaSnapshot(), "no date said").not.toMatch(/2024/);
  for (let i = 0; i < 4; ++i) await server.command("tick");
  const simulated = (await apiQuotes(server)).quotes;
  expect(simulated.some((q) => q.price !== 179.66 && q.price !== 414.92), "simulated moves").toBe(true);
  await expectTabs(pages, "simulated ticks, no dates", cardsOf,
    simulated.map((q) => [q.symbol, englishPrice(q.price), null]));
});

test("a replay that plays to its end: live with its dates, then 'replay ended' in every tab, and in a tab opened after", async ({ context, quotecast, tmp }) => {
  const files = await writeFiles(tmp);
  const server = await quotecast.start({
    driver: true, paused: true, interval: 300, args: ["--replay", ...files],
  });
  const pages = await openTabs(context, server);
  for (const page of pages)
    await expect.poll(() => statusOf(page)).toMatch(new RegExp(`^paused \\| replay of ${englishRange}`, "u"));

  await server.command("start");
  for (const page of pages) {
    await expect(page.locator("body")).toHaveAttribute("data-feed", "live");
    await expect.poll(() => statusOf(page), { intervals: [25] })
      .toMatch(new RegExp(`^live \\| replay of ${englishRange} \\| every 0\\.3 s · updated `, "u"));
  }
  // axe (WCAG 2.1 AA) on the page with its dates, light and dark: live here, ended below.
  for (const colorScheme of ["light", "dark"]) {
    await pages[0].emulateMedia({ colorScheme });
    await expect(pages[0].locator(".card .date").first()).toBeVisible();
    expect(await axeViolations(pages[0]), colorScheme).toEqual([]);
  }
  const end = [["AAPL", "179.66", "Mar 1, 2024"], ["MSFT", "414.92", "Mar 4, 2024"]];
  await expectTabs(pages, "the last rows", cardsOf, end);
  for (const page of pages) {
    await expect(page.locator("body")).toHaveAttribute("data-feed", "paused");
    await expect(page.locator("body")).toHaveAttribute("data-replay", "ended");
    await expect(page.locator("#feed-state")).toHaveText("replay ended");
  }
  expect((await apiQuotes(server)).running).toBe(false);
  // What a room is left looking at: the cards no longer live, still readable.
  for (const colorScheme of ["light", "dark"]) {
    await pages[1].emulateMedia({ colorScheme });
    expect(await axeViolations(pages[1]), `${colorScheme}, ended`).toEqual([]);
  }

  const late = await context.newPage();
  await late.goto(server.url);
  await expect(late.locator("body")).toHaveAttribute("data-role", "follower");
  await expect(late.locator("body")).toHaveAttribute("data-replay", "ended");
  await expect.poll(() => statusOf(late)).toMatch(new RegExp(`^replay ended \\| \\(${englishRange}\\)`, "u"));
  await expect.poll(() => cardsOf(late)).toEqual(end);
});

test("quotecast's own export, with times: each card says its price's date and time in UTC", async ({ page, quotecast, tmp }) => {
  const file = path.join(tmp, "ticks.csv");
  await writeFile(file, `seq,time,symbol,price,change
1,2024-03-01T14:30:00.250Z,AAPL,179.66,0
2,2024-03-01T14:30:01.500Z,MSFT,414.92,0
3,2024-03-01T15:45:10.000Z,AAPL,180.10,0.44
`);
  const server = await quotecast.start({ driver: true, paused: true, args: ["--replay", file] });
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-replay", "on");
  await expect.poll(() => statusOf(page)).toMatch(
    /^paused \| replay of Mar 1, 2024, 2:30:00\sPM UTC\s–\s3:45:10\sPM UTC \| /u);
  // Which space goes before PM depends on Chromium's ICU: any is read as one.
  const cards = async () => (await cardsOf(page)).map(([symbol, price, date]) =>
    [symbol, price, date && date.replace(/\s/gu, " ")]);
  // MSFT keeps the price it had, without a date, until its first row.
  const msft = englishPrice((await apiQuotes(server)).quotes.find((q) => q.symbol === "MSFT").price);
  await server.command("tick");
  await expect.poll(cards).toEqual([["AAPL", "179.66", "Mar 1, 2024, 2:30:00 PM UTC"], ["MSFT", msft, null]]);
  await server.command("tick");
  await server.command("tick");
  await expect.poll(cards).toEqual([
    ["AAPL", "180.10", "Mar 1, 2024, 3:45:10 PM UTC"], ["MSFT", "414.92", "Mar 1, 2024, 2:30:01 PM UTC"]]);
  await expect(page.locator("body")).toHaveAttribute("data-replay", "ended");
});

test("in French: quotecast replays to the end, the status line and the cards' dates in French", async ({ browser, quotecast, tmp }) => {
  const files = await writeFiles(tmp);
  const server = await quotecast.start({ interval: 50, args: ["--replay", ...files] });
  // West of Greenwich (French Guiana, UTC−3), where 4 March 2024 UTC began on the 3rd.
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "America/Cayenne" });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(server.url);
    await expect(page.locator("body")).toHaveAttribute("data-replay", "ended");
    await expect.poll(() => statusOf(page)).toMatch(/^rediffusion terminée \| \(2 janv\.\s–\s4 mars 2024\) \| toutes les 0,05 s/u);
    await expect.poll(() => cardsOf(page)).toEqual([["AAPL", "179,66", "1 mars 2024"], ["MSFT", "414,92", "4 mars 2024"]]);
    await expect(page.locator("#footer-lead")).toHaveText(/^Cours réels enregistrés, rediffusés\./);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
