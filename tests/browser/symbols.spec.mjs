// Symbols added and removed while the page is open (issue 17): every tab's cards follow the
// status, in its order, each with the price the server has, or "—" until its first, never a
// wrong one. The market is changed as a person does in the window, through the market driver
// (marketdriver.cpp): quotecast's HTTP side is read-only.
"use strict";

import {
  test, expect, apiQuotes, englishPrice, readStream, parseEvents, recordTicks,
} from "./fixtures.mjs";

// Where the tabs open the page: 127.0.0.1 is a secure context (the tabs elect their leader with
// Web Locks); quotecast.test (mapped to 127.0.0.1 by playwright.config.mjs) is plain http on a
// name, as a LAN address is (over a BroadcastChannel).
const origins = [
  { name: "127.0.0.1, Web Locks", url: (server) => server.url },
  { name: "plain http on a LAN name", url: (server) => `http://quotecast.test:${server.port}/` },
];

// The cards as [symbol, price text, points of the sparkline], in the page's order.
const cardsOf = (page) => page.evaluate(() =>
  Array.from(document.querySelectorAll(".card"), (card) => [
    card.dataset.symbol,
    card.querySelector(".price").textContent,
    card.querySelector(".sparkline polyline").points.numberOfItems,
  ]));

// What every card should show: /api/quotes' symbols, order and prices.
async function expectedCards(server, wanted) {
  const { quotes } = await apiQuotes(server);
  return quotes.filter((q) => !wanted || wanted.includes(q.symbol)).map((q) => [q.symbol, englishPrice(q.price)]);
}

const shown = async (page) => (await cardsOf(page)).map(([symbol, price]) => [symbol, price]);

// Every tab shows `expected` (or the server's cards), in order, within the usual deadline.
async function expectTabs(pages, expected) {
  for (const [i, page] of pages.entries())
    await expect.poll(() => shown(page), { message: `tab ${i + 1}` }).toEqual(expected);
}

for (const origin of origins) {
  test(`every tab's cards follow symbols added and removed, in the status's order, at the server's prices (${origin.name})`, async ({ context, quotecast }) => {
    // Paused: the prices change only by the test's hand, so each can be checked exactly.
    const server = await quotecast.start({ driver: true, seed: 5, paused: true });
    const pages = [];
    for (let i = 0; i < 2; ++i) {
      const page = await context.newPage();
      await page.goto(origin.url(server));
      await expect(page.locator("body"), `tab ${i + 1}`).toHaveAttribute("data-feed", "paused");
      pages.push(page);
    }
    // One stream, relayed to the other tab.
    await expect.poll(async () => (await Promise.all(pages.map((page) =>
      page.evaluate(() => document.body.dataset.role)))).sort()).toEqual(["follower", "leader"]);
    await expectTabs(pages, await expectedCards(server));
    expect((await shown(pages[0])).map(([symbol]) => symbol)).toEqual(["AAPL", "GOOG", "MSFT", "AMZN"]);

    await server.command("add NFLX 612.34");
    let expected = await expectedCards(server);
    expect(expected.at(-1)).toEqual(["NFLX", "612.34"]);
    await expectTabs(pages, expected);

    await server.command("remove GOOG");
    expected = await expectedCards(server);
    expect(expected.map(([symbol]) => symbol)).toEqual(["AAPL", "MSFT", "AMZN", "NFLX"]);
    await expectTabs(pages, expected);

    await server.command("price MSFT 300");
    await expectTabs(pages, await expectedCards(server));
    for (const page of pages) {
      await expect(page.locator('.card[data-symbol="MSFT"] .change')).toHaveText("+50.00 (+20.00%)");
      await expect(page.locator('.card[data-symbol="MSFT"]')).toHaveAttribute("data-trend", "up");
    }

    // Added back: a new card at the end, from its new price alone (not GOOG's old trail).
    await server.command("add GOOG 99.5");
    await server.command("remove AMZN");
    expected = await expectedCards(server);
    expect(expected.map(([symbol]) => symbol)).toEqual(["AAPL", "MSFT", "NFLX", "GOOG"]);
    await expectTabs(pages, expected);
    for (const page of pages) {
      const goog = (await cardsOf(page)).find(([symbol]) => symbol === "GOOG");
      expect(goog).toEqual(["GOOG", "99.50", 1]);
    }

    // A tab opened now gets its cards from the leader tab alone (not /api/quotes): no card of a
    // removed symbol, and GOOG's trail only since it came back.
    const late = await context.newPage();
    await late.route("**/api/quotes", (route) => route.fulfill({ status: 404, body: "" }));
    await late.goto(origin.url(server));
    await expect(late.locator("body")).toHaveAttribute("data-role", "follower");
    await expectTabs([...pages, late], expected);
    // (Its trail is drawn once the page has given up on /api/quotes.)
    await expect.poll(async () => (await cardsOf(late)).find(([symbol]) => symbol === "GOOG"))
      .toEqual(["GOOG", "99.50", 1]);
  });
}

test("a ?symbols= tab: a removed symbol's card goes, and comes back when it is added again, also after a reload", async ({ page, quotecast }) => {
  const server = await quotecast.start({ driver: true, seed: 5, paused: true });
  const wanted = ["GOOG", "NFLX"];
  const url = `${server.url}?symbols=goog,nflx`;
  await page.goto(url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused");
  await expect.poll(() => shown(page)).toEqual(await expectedCards(server, wanted));
  expect((await shown(page)).map(([symbol]) => symbol)).toEqual(["GOOG"]);

  await server.command("add NFLX 612.34");
  await expect.poll(() => shown(page)).toEqual([["GOOG", "1,500.00"], ["NFLX", "612.34"]]);
  await server.command("remove GOOG");
  await expect.poll(() => shown(page)).toEqual([["NFLX", "612.34"]]);

  // A page (or a reconnecting tab) that asks for a symbol the feed lacks now is served: the
  // symbol is quiet until it is added again.
  const stream = parseEvents(await readStream(`${server.origin}/stream?symbols=GOOG`,
    { done: (text) => /event: status\n/.test(text) && text.endsWith("\n\n") }));
  expect(stream.find((event) => event.event === "status")).toBeTruthy();
  await page.reload();
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused");
  await expect.poll(() => shown(page)).toEqual([["NFLX", "612.34"]]);

  await server.command("add GOOG 88");
  await expect.poll(() => shown(page)).toEqual([["NFLX", "612.34"], ["GOOG", "88.00"]]);
  await expect.poll(() => shown(page)).toEqual(await expectedCards(server, wanted));
});

test("a tab back after a symbol was removed shows no card for it, though the replay has its last tick", async ({ page, context, quotecast }) => {
  const server = await quotecast.start({ driver: true, seed: 5, paused: true });
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused");
  await expect.poll(() => shown(page)).toEqual(await expectedCards(server));
  await recordTicks(page);

  await context.setOffline(true);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "offline");
  await server.command("price GOOG 1400");
  await server.command("remove GOOG");
  await context.setOffline(false);
  // It resumes after its last id: the status without GOOG, then GOOG's tick, replayed.
  await expect.poll(() => page.evaluate(() => window.__last.GOOG?.price)).toBe(1400);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused");
  await expect.poll(() => shown(page)).toEqual(await expectedCards(server));
  expect((await shown(page)).map(([symbol]) => symbol)).toEqual(["AAPL", "MSFT", "AMZN"]);
});

test("a live feed: the cards follow while prices move, each symbol once, in the status's order", async ({ context, quotecast }) => {
  const server = await quotecast.start({ driver: true, seed: 9, interval: 50 });
  const pages = [];
  for (let i = 0; i < 2; ++i) {
    const page = await context.newPage();
    await page.goto(origins[1].url(server));
    await expect(page.locator("body"), `tab ${i + 1}`).toHaveAttribute("data-feed", "live");
    pages.push(page);
  }
  await server.command("add TSLA 240");
  await server.command("remove AAPL");
  await server.command("add NVDA 480");
  const order = (await apiQuotes(server)).quotes.map((q) => q.symbol);
  expect(order).toEqual(["GOOG", "MSFT", "AMZN", "TSLA", "NVDA"]);
  for (const [i, page] of pages.entries()) {
    await expect.poll(async () => (await shown(page)).map(([symbol]) => symbol), { message: `tab ${i + 1}` })
      .toEqual(order);
    // Every card has a price (none is left at "—"), and they move.
    await expect.poll(async () => (await shown(page)).every(([, price]) => /\d\.\d\d$/.test(price))).toBe(true);
  }
});
