// A hidden tab keeps the feed's state and draws nothing; it draws the latest prices once it is
// visible again (issue 13).
"use strict";

import {
  test, expect, RawTab, apiQuotes, englishPrice, trendOf, until,
} from "./fixtures.mjs";

test("a hidden tab does no DOM work, and shows the latest prices when visible again", async ({ browser, quotecast }) => {
  const historyFile = quotecast.historyFile();
  const ticking = await quotecast.start({ seed: 41, interval: 50, historyFile });
  const tab = await RawTab.open(browser, ticking.url);
  try {
    const state = () => tab.evaluate(() => ({
      visibility: document.visibilityState,
      feed: document.body ? document.body.dataset.feed : undefined, // drawn only while visible
      state: window.quotecast && window.quotecast.feed ? window.quotecast.feed.state : undefined,
      ticks: window.__ticks ? window.__ticks.length : 0,
      last: window.__ticks ? window.__ticks[window.__ticks.length - 1] : undefined,
      mutations: window.__mutations,
    }));
    await until(async () => (await state()).feed === "live", { message: "live" });
    await until(() => tab.evaluate(() => Boolean(window.quotecast && window.quotecast.feed)), { message: "window.quotecast.feed" });
    // Count the ticks the feed brings, and every change to the cards.
    await tab.evaluate(() => {
      window.__ticks = [];
      window.quotecast.feed.addEventListener("quote", (event) => window.__ticks.push(event.detail.seq));
      window.__mutations = 0;
      new MutationObserver((records) => (window.__mutations += records.length))
        .observe(document.getElementById("cards"), { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await until(async () => (await state()).ticks > 3, { message: "ticks while visible" });
    // Drawn at most 5 times a second: the next draw may be 200 ms away.
    await until(async () => (await state()).mutations > 0, { message: "the cards change while visible" });

    await tab.hide();
    await until(async () => (await state()).visibility === "hidden", { message: "document.visibilityState hidden" });
    // Mutation records of a frame drawn just before hiding are delivered by now (microtasks).
    const hiddenAt = await tab.evaluate(() => {
      window.__mutations = 0;
      return window.__ticks.length;
    });
    await until(async () => (await state()).ticks >= hiddenAt + 20, { message: "20 ticks while hidden" });
    expect((await state()).mutations, "mutations of #cards while hidden").toBe(0);

    // The feed stops (a restart --paused on the same history and port): the page, still hidden,
    // catches up to the last tick, and has nothing more to draw but what it kept.
    await ticking.stop();
    const paused = await quotecast.start({ seed: 41, paused: true, historyFile, port: ticking.port });
    const api = await apiQuotes(paused);
    const latest = Math.max(...api.quotes.map((q) => q.seq));
    let seen;
    await until(async () => {
      seen = await state();
      return seen.state === "paused" && seen.last === latest;
    }, { message: `paused, with tick ${latest}` }).catch((error) => {
      throw new Error(`${error.message}\nthe page: ${JSON.stringify(seen)}`);
    });
    const hidden = await state();
    expect(hidden.visibility).toBe("hidden");
    expect(hidden.mutations, "mutations of #cards while hidden").toBe(0);

    await tab.show();
    await until(async () => (await state()).visibility === "visible", { message: "visible again" });
    await until(async () => (await state()).feed === "paused", { message: "says paused once visible" });
    const expected = api.quotes
      .map((q) => ({ symbol: q.symbol, price: englishPrice(q.price), trend: trendOf(q.change) }))
      .sort((a, b) => a.symbol.localeCompare(b.symbol));
    const cards = () => tab.evaluate(() => Array.from(document.querySelectorAll(".card"), (c) => ({
      symbol: c.dataset.symbol, price: c.querySelector(".price").textContent, trend: c.dataset.trend,
    })).sort((a, b) => a.symbol.localeCompare(b.symbol)));
    // One draw on becoming visible: a few frames, no tick needed.
    await expect.poll(cards, { timeout: 1000, intervals: [20] }).toEqual(expected);
  } finally {
    await tab.close();
  }
});
