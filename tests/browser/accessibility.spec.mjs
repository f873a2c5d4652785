// The page for everyone (issue 19): the live region speaks when the feed's state changes, never
// at a tick.
"use strict";

import { test, expect, recordTicks, until } from "./fixtures.mjs";

// Every element that announces its changes: aria-live, or a role (or element) that implies it.
const liveRegions = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], ' +
  '[role="marquee"], [role="timer"], output';

async function openLive(page, server, state = "live") {
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", state, { timeout: 20_000 });
  await until(() => page.evaluate(() => {
    const prices = Array.from(document.querySelectorAll(".card .price"), (price) => price.textContent);
    return prices.length > 0 && !prices.includes("—");
  }), { message: "every card priced" });
}

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
