// Many tabs of one browser share one stream (issue 13): a browser allows 6 HTTP/1.1
// connections per host, and a stream per tab left the 7th tab without even its HTML.
"use strict";

import { test, expect, metric, recordTicks, seqProblems } from "./fixtures.mjs";

const Tabs = 8;

test("8 tabs all live on at most 2 streams; the leader's close leaves the others live within 2 s, no tick lost or twice", async ({ context, quotecast }) => {
  const server = await quotecast.start({ seed: 13, interval: 50 });
  const pages = [];
  for (let i = 0; i < Tabs; ++i) {
    const page = await context.newPage();
    await page.goto(server.url, { timeout: 10_000 });
    await expect(page.locator("body"), `tab ${i + 1}`).toHaveAttribute("data-feed", "live");
    await recordTicks(page);
    pages.push(page);
  }
  // Every tab shows prices, and they move: each records new ticks.
  for (const [i, page] of pages.entries()) {
    await expect(page.locator(".card"), `tab ${i + 1}`).toHaveCount(4);
    await expect.poll(() => page.evaluate(() => window.__ticks.length), { message: `tab ${i + 1} gets ticks` })
      .toBeGreaterThan(3);
    await expect.poll(() => page.evaluate(() =>
      Array.from(document.querySelectorAll(".card .price"), (p) => p.textContent).every((t) => /\d\.\d\d$/.test(t))))
      .toBe(true);
  }
  expect(await metric(server, "quotecast_clients")).toBeLessThanOrEqual(2);

  const roles = await Promise.all(pages.map((page) => page.evaluate(() => document.body.dataset.role)));
  expect(roles.filter((role) => role === "leader"), `roles: ${roles.join()}`).toHaveLength(1);
  const leader = pages[roles.indexOf("leader")];
  const others = pages.filter((page) => page !== leader);

  // The leader goes; the ticks after the last one any tab has seen must reach every other tab
  // within 2 s.
  const seen = Math.max(...(await Promise.all(pages.map((page) =>
    page.evaluate(() => window.__ticks[window.__ticks.length - 1] ?? 0)))));
  const closed = Date.now();
  await leader.close();
  await Promise.all(others.map((page, i) => page.waitForFunction(
    (after) => document.body.dataset.feed === "live" && window.__ticks.some((seq) => seq > after + 2),
    seen, { timeout: Math.max(1, 2000 - (Date.now() - closed)), polling: 20 },
  ).catch((error) => { throw new Error(`tab ${i + 1} not live within 2 s of the leader's close: ${error.message}`); })));
  const elapsed = Date.now() - closed;
  expect(elapsed).toBeLessThanOrEqual(2000);

  // One new leader, and every tab saw every tick once, in order, across the takeover.
  await expect.poll(async () => (await Promise.all(others.map((page) =>
    page.evaluate(() => document.body.dataset.role)))).filter((role) => role === "leader").length).toBe(1);
  for (const [i, page] of others.entries()) {
    const ticks = await page.evaluate(() => window.__ticks);
    expect(seqProblems(ticks), `tab ${i + 1}: ${ticks.length} ticks`).toBe("");
  }
  await expect.poll(() => metric(server, "quotecast_clients")).toBeLessThanOrEqual(2);
});

test("without the Web Locks API every tab keeps its own stream, as before", async ({ context, quotecast }) => {
  const server = await quotecast.start({ seed: 13, interval: 100 });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "locks", { get: () => undefined });
  });
  const pages = [];
  for (let i = 0; i < 3; ++i) {
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(page.locator("body"), `tab ${i + 1}`).toHaveAttribute("data-feed", "live");
    await expect(page.locator("body"), `tab ${i + 1}`).toHaveAttribute("data-role", "solo");
    pages.push(page);
  }
  await expect.poll(() => metric(server, "quotecast_clients")).toBe(3);
  for (const page of pages) {
    await recordTicks(page);
    await expect.poll(() => page.evaluate(() => window.__ticks.length)).toBeGreaterThan(3);
  }
});
