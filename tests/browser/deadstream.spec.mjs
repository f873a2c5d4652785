// A stream that dies without closing, and a browser that goes offline (issue 13): the page must
// not say "live" over old prices, and must come back at once, with every tick.
"use strict";

import { test, expect, recordTicks, seqProblems } from "./fixtures.mjs";

const HeartbeatMs = 1000;
const Margin = 1000; // the page's timer and this test's polling

test("a server that stops answering: not live within 2 × heartbeat; live again after SIGCONT, no gap", async ({ page, quotecast }) => {
  const server = await quotecast.start({ seed: 21, interval: 100, heartbeat: HeartbeatMs });
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
  await recordTicks(page);
  await expect.poll(() => page.evaluate(() => window.__ticks.length)).toBeGreaterThan(3);

  // SIGSTOP: the socket stays open, nothing arrives, nothing is closed (a hung process, a lid).
  server.signal("SIGSTOP");
  const stopped = Date.now();
  await page.waitForFunction(() => document.body.dataset.feed !== "live", null,
    { timeout: 2 * HeartbeatMs + Margin, polling: 20 });
  expect(Date.now() - stopped).toBeLessThanOrEqual(2 * HeartbeatMs + Margin);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "reconnecting");
  await expect(page.locator("#feed-detail")).toContainText("no data since");
  const before = await page.evaluate(() => window.__ticks[window.__ticks.length - 1]);

  server.signal("SIGCONT");
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 10_000 });
  await page.waitForFunction((after) => window.__ticks.some((seq) => seq > after + 3), before);
  const ticks = await page.evaluate(() => window.__ticks);
  expect(seqProblems(ticks), `${ticks.length} ticks`).toBe("");
});

test("offline at once when the browser goes offline; live again, no gap, when it is back", async ({ page, context, quotecast }) => {
  // The default retry (3 s, spread 1.5 to 4.5 s): coming back "at once" must not be that.
  const server = await quotecast.start({ seed: 22, interval: 100, retry: 3000 });
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
  await recordTicks(page);
  await expect.poll(() => page.evaluate(() => window.__ticks.length)).toBeGreaterThan(3);

  await context.setOffline(true);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "offline", { timeout: 1000 });
  await expect(page.locator("#feed-state")).not.toHaveText("live");
  const before = await page.evaluate(() => window.__ticks[window.__ticks.length - 1]);

  await context.setOffline(false);
  // At once, not after a backoff: well under the stream's retry of 1.5 to 4.5 s.
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 1500 });
  await page.waitForFunction((after) => window.__ticks.some((seq) => seq > after + 3), before);
  const ticks = await page.evaluate(() => window.__ticks);
  expect(seqProblems(ticks), `${ticks.length} ticks`).toBe("");
});

test("the heartbeat's period comes from /api/quotes when no status does (the nchan relay may replay none)", async ({ page, quotecast }) => {
  const server = await quotecast.start({ seed: 23, interval: 100, heartbeat: 1200 });
  await page.route("**/stream*", (route) => route.abort()); // no stream: no event: status
  await page.goto(server.url);
  await expect.poll(() => page.evaluate(() => window.quotecast.feed.heartbeatMs)).toBe(1200);
});
