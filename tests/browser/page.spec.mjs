// The page as a person sees it: live prices, paused, a server restart, English and French,
// dark mode, sparklines.
"use strict";

import {
  test, expect, apiQuotes, readCards, englishPrice, trendOf, fillHistory, readStream, parseEvents,
} from "./fixtures.mjs";

const enPrice = /^[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}$/;
const pricesOf = (page) =>
  page.evaluate(() => Array.from(document.querySelectorAll(".card .price"), (p) => p.textContent).join(" "));

test("shows live prices that change by themselves, in the price format", async ({ page, quotecast }) => {
  const server = await quotecast.start({ seed: 77, interval: 100 });
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
  await expect(page.locator(".card")).toHaveCount(4);
  await expect.poll(() => pricesOf(page)).not.toMatch(/—/);
  for (const price of (await pricesOf(page)).split(" ")) expect(price).toMatch(enPrice);
  const first = await pricesOf(page);
  await expect.poll(() => pricesOf(page)).not.toBe(first); // without a reload
  await expect(page.locator("#feed-state")).toHaveText("live");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
});

test("?symbols= shows only those cards, and they move", async ({ page, quotecast }) => {
  const server = await quotecast.start({ seed: 77, interval: 50 });
  await page.goto(`${server.url}?symbols=msft,AAPL`);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
  await expect.poll(() => page.evaluate(() =>
    Array.from(document.querySelectorAll(".card"), (card) => card.dataset.symbol).sort().join())).toBe("AAPL,MSFT");
  await expect.poll(() => pricesOf(page)).not.toMatch(/—/);
  const first = await pricesOf(page);
  await expect.poll(() => pricesOf(page)).not.toBe(first);
  await expect(page.locator(".card")).toHaveCount(2);
});

test("says paused when the feed is stopped (--paused), with the cards of /api/quotes", async ({ page, quotecast }) => {
  // A history with moves in it, then a run that starts stopped: every card has a price and a
  // direction to show, and they hold still.
  const historyFile = quotecast.historyFile();
  const port = await fillHistory(quotecast, { seed: 77, interval: 20, historyFile },
    (api) => api.quotes.every((q) => q.seq > 4));
  const server = await quotecast.start({ seed: 77, paused: true, historyFile, port });
  const api = await apiQuotes(server);
  expect(api.running).toBe(false);
  expect(api.quotes.some((q) => q.change !== 0), "the feed moved before it stopped").toBe(true);

  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused", { timeout: 20_000 });
  await expect(page.locator("#feed-state")).toHaveText("paused");
  const expected = api.quotes.map((q) => ({
    symbol: q.symbol, price: englishPrice(q.price), trend: trendOf(q.change),
    up: q.change > 0, down: q.change < 0,
  })).sort((a, b) => a.symbol.localeCompare(b.symbol));
  await expect.poll(async () => (await readCards(page))
    .map(({ symbol, price, trend, up, down }) => ({ symbol, price, trend, up, down }))
    .sort((a, b) => a.symbol.localeCompare(b.symbol))).toEqual(expected);
});

test("recovers after a server restart on the same port, without a reload", async ({ page, quotecast }) => {
  const historyFile = quotecast.historyFile();
  const first = await quotecast.start({ seed: 77, interval: 100, historyFile });
  await page.goto(first.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
  await page.evaluate(() => { window.quotecastTestMarker = 42; }); // a reload would wipe it

  await first.stop(); // quotecast goes away: streams closed, port closed
  await expect(page.locator("body")).toHaveAttribute("data-feed", "reconnecting");

  const second = await quotecast.start({ seed: 77, interval: 100, historyFile, port: first.port });
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
  expect(await page.evaluate(() => window.quotecastTestMarker)).toBe(42);
  const prices = await pricesOf(page);
  await expect.poll(() => pricesOf(page)).not.toBe(prices); // the new run's ticks arrive
  expect(second.running).toBe(true);
});

// French writes a decimal comma and groups thousands with a space that depends on the region:
// narrow no-break in France, no-break in Canada.
const english = {
  lang: "en", live: "live", title: "quotecast — live quotes", every: /^every 0\.1 s · updated /,
  price: "[0-9]{1,3}(,[0-9]{3})*\\.[0-9]{2}", day: (p) => `^Open ${p} · High ${p} · Low ${p}$`,
};
const french = (space) => ({
  lang: "fr", live: "en direct", title: "quotecast — cours en direct",
  every: /^toutes les 0,1 s · mis à jour à /,
  price: `[0-9]{1,3}(${space}[0-9]{3})*,[0-9]{2}`,
  day: (p) => `^Ouverture ${p} · Plus haut ${p} · Plus bas ${p}$`,
});
const languages = [
  { name: "English", languages: "en-US", expected: english },
  { name: "French", languages: "fr-FR", expected: french("\u202F") },
  { name: "the first language the page speaks", languages: "de-DE,fr-CA,en", expected: french("\u00A0") },
  { name: "none it speaks: English", languages: "de-DE,ja", expected: english },
];

for (const { name, languages: accept, expected } of languages) {
  test(`speaks the browser's languages: ${name} (${accept})`, async ({ browser, quotecast }) => {
    const server = await quotecast.start({ seed: 77, interval: 100 });
    // Playwright's locale is one tag; a list of languages is Chromium's Accept-Language
    // override, which navigator.languages follows.
    const context = await browser.newContext({ locale: accept.split(",")[0] });
    try {
      const page = await context.newPage();
      if (accept.includes(",")) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.setUserAgentOverride", {
          userAgent: await page.evaluate(() => navigator.userAgent), acceptLanguage: accept,
        });
      }
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(server.url);
      expect(await page.evaluate(() => navigator.languages.join())).toBe(accept);
      await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
      await expect(page.locator("#feed-state")).toHaveText(expected.live);
      const read = async () => ({
        ...await page.evaluate(() => ({
          lang: document.documentElement.lang,
          title: document.title,
          detail: document.getElementById("feed-detail").textContent,
        })),
        cards: await readCards(page),
      });
      await expect.poll(async () => {
        const { cards } = await read();
        return cards.length === 4 && cards.every((c) => c.day !== "" && c.price !== "—");
      }).toBe(true);
      const shown = await read();
      expect(shown.lang).toBe(expected.lang);
      expect(shown.title).toBe(expected.title);
      expect(shown.detail).toMatch(expected.every);
      for (const card of shown.cards) {
        expect(card.price).toMatch(new RegExp(`^${expected.price}$`, "u"));
        expect(card.day).toMatch(new RegExp(expected.day(expected.price), "u"));
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

// Dark when the system is dark: the page's background, and every text and line still stands
// out from what it is drawn on (WCAG AA: 4.5 for text, 3 for the sparkline). The contrast is
// computed in the page, on the computed colours.
test("follows the dark colour scheme, readable (WCAG contrast)", async ({ page, quotecast }) => {
  const server = await quotecast.start({ seed: 77, interval: 100 });
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "live", { timeout: 20_000 });
  const backgrounds = {};
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await page.evaluate(() => {
      const luminance = (css) => {
        const m = /^rgba?\((\d+), (\d+), (\d+)(, 1)?\)$/.exec(css);
        if (!m) return -1; // anything else passes no contrast check
        const channel = (v) => {
          const c = Number(v) / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
      };
      const contrast = (a, b) => {
        const [la, lb] = [luminance(a), luminance(b)];
        if (la < 0 || lb < 0) return 0;
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
      };
      const style = (e) => getComputedStyle(e);
      const problems = [];
      const check = (what, fg, bg, minimum) => {
        const ratio = contrast(fg, bg);
        if (ratio < minimum) problems.push(`${what}: ${fg} on ${bg} has a contrast of ${ratio.toFixed(2)}`);
      };
      const body = style(document.body);
      check("text", body.color, body.backgroundColor, 4.5);
      check("muted text", style(document.querySelector(".status")).color, body.backgroundColor, 4.5);
      // A plain, a rising and a falling card made for the purpose (which cards the feed has
      // moved is up to the feed), with a replayed price's small date line and the day's line.
      for (const trend of ["", "up", "down"]) {
        const card = document.createElement("article");
        card.className = `card ${trend}`;
        const date = document.createElement("p");
        date.className = "date";
        date.textContent = "Mar 1, 2024";
        const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        svg.setAttribute("class", "sparkline");
        const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
        svg.append(line);
        const day = document.createElement("dl");
        day.className = "day";
        const row = document.createElement("div");
        const term = document.createElement("dt");
        term.textContent = "Open";
        const value = document.createElement("dd");
        value.textContent = "170.00";
        row.append(term, value);
        day.append(row);
        card.append(date, svg, day);
        document.getElementById("cards").append(card);
        const c = style(card);
        check(`card ${trend || "flat"}`, c.color, c.backgroundColor, 4.5);
        check(`date ${trend || "flat"}`, style(date).color, c.backgroundColor, 4.5);
        for (const part of [term, value]) check(`day ${trend || "flat"}`, style(part).color, c.backgroundColor, 4.5);
        check(`sparkline ${trend || "flat"}`, style(line).stroke, c.backgroundColor, 3);
        card.remove();
      }
      // The real cards too, as the feed left them.
      for (const card of document.querySelectorAll("#cards .card[data-symbol]")) {
        const c = style(card);
        for (const part of card.querySelectorAll(".symbol, .price, .date, .change, .day dt, .day dd"))
          check(`${card.dataset.symbol} ${part.className}`, style(part).color, c.backgroundColor, 4.5);
      }
      return {
        dark: matchMedia("(prefers-color-scheme: dark)").matches,
        background: luminance(body.backgroundColor),
        problems,
      };
    });
    expect(result.dark).toBe(scheme === "dark");
    expect(result.problems, scheme).toEqual([]);
    backgrounds[scheme] = result.background;
  }
  expect(backgrounds.light).toBeGreaterThan(0.7);
  expect(backgrounds.dark).toBeGreaterThanOrEqual(0);
  expect(backgrounds.dark).toBeLessThan(0.05);
});

// Each card draws the prices it has seen, up to the last 60: from the server's recent prices
// at load, then from the stream. The feed is held still by restarting quotecast --paused on
// the same history and port, so that the page and /api/quotes can be compared exactly.
test("draws a sparkline from /api/quotes that grows, at most 60 points, with the day's line", async ({ page, quotecast }) => {
  const historyFile = quotecast.historyFile();
  const fast = { seed: 77, interval: 10, historyFile }; // two ticks may share a millisecond
  const dayLine = (q) => `Open ${englishPrice(q.open)} · High ${englishPrice(q.high)} · Low ${englishPrice(q.low)}`;
  const mismatches = async (api) => {
    const cards = await readCards(page);
    const problems = cards.length === api.quotes.length ? [] : [`${cards.length} cards, not ${api.quotes.length}`];
    for (const q of api.quotes) {
      const card = cards.find((c) => c.symbol === q.symbol);
      if (!card) { problems.push(`no card for ${q.symbol}`); continue; }
      if (card.points !== q.recent.length) problems.push(`${q.symbol} has ${card.points} points, not ${q.recent.length}`);
      if (card.day !== dayLine(q)) problems.push(`${q.symbol} says "${card.day}", not "${dayLine(q)}"`);
    }
    return problems.join("; ");
  };
  const pausedRun = async (port) => {
    const server = await quotecast.start({ ...fast, paused: true, port });
    return { server, api: await apiQuotes(server) };
  };

  // A few prices in every trail, and a new page, which starts from them (GET /api/quotes), not
  // from the stream's snapshot (one price each).
  let port = await fillHistory(quotecast, fast, (api) => api.quotes.every((q) => q.recent.length >= 3));
  let { server, api } = await pausedRun(port);
  port = server.port;
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused", { timeout: 20_000 });
  await expect.poll(() => mismatches(api)).toBe("");
  const start = Object.fromEntries(api.quotes.map((q) => [q.symbol, q.recent.length]));

  // A few ticks: the lines grow, by exactly what the stream brought.
  await server.stop();
  server = await quotecast.start({ ...fast, port });
  await expect.poll(async () => (await readCards(page)).some((c) => c.points > start[c.symbol] + 2),
    { timeout: 20_000 }).toBe(true);
  await server.stop();
  ({ server, api } = await pausedRun(port));
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused", { timeout: 20_000 });
  await expect.poll(() => mismatches(api)).toBe("");

  // Many ticks (over 60 a symbol): every line holds the last 60 prices, no more.
  await server.stop();
  server = await quotecast.start({ ...fast, port });
  const from = api.quotes.reduce((max, q) => Math.max(max, q.seq), 0);
  await expect.poll(async () => (await apiQuotes(server)).quotes.every((q) => q.seq > 0)
    && Math.max(...(await apiQuotes(server)).quotes.map((q) => q.seq)) > from + 400, { timeout: 30_000 }).toBe(true);
  await server.stop();
  ({ server, api } = await pausedRun(port));
  expect(api.quotes.every((q) => q.recent.length === 60), "60 recent prices each").toBe(true);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused", { timeout: 20_000 });
  await expect.poll(() => mismatches(api)).toBe("");

  // The line rises and falls with the prices: a higher price is drawn higher (a smaller y;
  // very close prices may share one), one slot per price.
  const lines = await page.evaluate(() => Array.from(document.querySelectorAll(".card"), (c) => ({
    symbol: c.dataset.symbol,
    points: Array.from(c.querySelector(".sparkline polyline").points, (p) => [p.x, p.y]),
  })));
  for (const { symbol, points } of lines) {
    const prices = api.quotes.find((q) => q.symbol === symbol).recent;
    expect(points.length).toBe(prices.length);
    points.forEach(([x], i) => expect(x, `${symbol} slot ${i}`).toBe(i));
    const ys = points.map(([, y]) => y);
    for (let i = 1; i < prices.length; ++i) {
      const rise = ys[i - 1] - ys[i];
      const move = prices[i] - prices[i - 1];
      expect(move > 0 ? rise >= 0 : move < 0 ? rise <= 0 : rise === 0, `${symbol} at ${i}`).toBe(true);
    }
    expect(ys[prices.indexOf(Math.max(...prices))]).toBe(Math.min(...ys));
    expect(ys[prices.indexOf(Math.min(...prices))]).toBe(Math.max(...ys));
  }
});

// "updated" is the newest tick's time, not that of the last event handled: the snapshot sends
// one event per symbol in the symbols' order, and the last symbol's tick may be older. Seed 14
// ticks AMZN (the last) at seq 8 and next at 22: a history stopped in between leaves AMZN's
// price over a second older than the newest.
test('"updated" shows the newest tick\'s time', async ({ page, quotecast }) => {
  const historyFile = quotecast.historyFile();
  const options = { seed: 14, interval: 200, historyFile };
  const port = await fillHistory(quotecast, options, (api) => Math.max(...api.quotes.map((q) => q.seq)) >= 15);
  const server = await quotecast.start({ ...options, paused: true, port });
  const { quotes } = await apiQuotes(server);
  const newest = Math.max(...quotes.map((q) => q.ts));
  const snapshot = parseEvents(await readStream(`${server.origin}/stream`, {
    done: (text) => /\nid: \S+\n/.test(text) && text.endsWith("\n\n"),
  }));
  const lastOfSnapshot = JSON.parse(snapshot[snapshot.length - 1].data);
  expect(newest - lastOfSnapshot.ts, `${lastOfSnapshot.symbol}, the snapshot's last, is older`).toBeGreaterThanOrEqual(1000);

  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", "paused", { timeout: 20_000 });
  const time = await page.evaluate((ts) =>
    new Intl.DateTimeFormat(navigator.language, { timeStyle: "medium" }).format(new Date(ts)), newest);
  await expect(page.locator("#feed-detail")).toHaveText(new RegExp(`updated ${time.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
});
