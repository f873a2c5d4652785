#!/usr/bin/env node
// The page's cost in a browser: Debian's headless Chromium watches one fast stream of quotecast
// (50 symbols, 100 ticks/s) with quotecast's own page `/`, then with a minimal page that only
// sets the textContent of one element per symbol, then with a floor page whose EventSource
// listener does nothing (what Chromium itself spends receiving the events), and reads the
// Chrome DevTools Protocol's Performance.getMetrics at the start and the end of a window after
// a warm-up.
//
//   bench/pagecost.mjs                      about 45 s
//   DURATION=30 SYMBOLS=20 INTERVAL=50 WARMUP=10 bench/pagecost.mjs
//   PAGES=quotecast,floor bench/pagecost.mjs   only those pages (quotecast, minimal, floor)
//   PAGE_REV=<commit> or PAGE_DIR=<dir>      quotecast's page from a commit or a directory
//
// The pages run one after the other in the same run, on the same server and stream, each
// in a fresh browser context: side by side they would compete for the 2 cores, and pages of one
// site may share a renderer process, whose main thread the metrics describe.
// The minimal and floor pages are served on quotecast's origin by Playwright (page.route), so
// the server is the one shipped. Events are counted by wrapping EventSource in an init script
// (one listener, no parsing), the same for every page. Busy is the main thread's tasks (TaskDuration) over the
// wall time, as the issue asks; its CPU (ThreadTime) leaves out the time other processes took the
// core from it, which tells a busy machine from a busy page.
//
// playwright-core comes from tests/browser/node_modules, as for the browser tests
// (tests/browser/npm-ci.sh installs it); NODE_PATH=<dir>/node_modules points elsewhere. It is a benchmark, not a test: it
// exits with 0 whatever the figures, and with 1 only when the run itself failed.
"use strict";

import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumArgs, chromiumPath } from "../tests/browser/chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(root, "tests/browser/package.json"));
let chromium;
try {
  ({ chromium } = require("playwright-core"));
} catch {
  console.error("pagecost: no playwright-core in tests/browser/node_modules: run tests/browser/npm-ci.sh");
  process.exit(1);
}

const env = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const durationS = env("DURATION", 15);
const warmupS = env("WARMUP", 5);
const symbolCount = Math.round(env("SYMBOLS", 50));
const intervalMs = Math.round(env("INTERVAL", 10)); // quotecast's minimum is 10 ms
const pageNames = (process.env.PAGES ?? "quotecast,minimal,floor").split(",").map((name) => name.trim());
for (const name of pageNames) {
  if (!["quotecast", "minimal", "floor"].includes(name)) throw new Error(`PAGES: no page ${name}`);
}
const git = (...args) => execFileSync("git", ["-C", root, ...args], { maxBuffer: 1 << 26 });
// Resolved once: a branch may move during the run. Default: the page built into the binary.
let pageRev;
try {
  pageRev = process.env.PAGE_REV && git("rev-parse", "--verify", "--quiet", `${process.env.PAGE_REV}^{commit}`).toString().trim();
} catch {
  console.error(`pagecost: PAGE_REV=${process.env.PAGE_REV} is no commit of ${root}`);
  process.exit(1);
}
const pageDir = process.env.PAGE_DIR;
const binary = process.env.QUOTECAST ?? join(root, process.env.BUILD_DIR ?? "build", "quotecast");

const BusyTarget = 5; // % of the main thread
const LayoutTarget = 60; // a second: at most one per frame

// S01=100, S02=110, ...: names and prices the option parser accepts.
const symbols = Array.from({ length: symbolCount }, (_, i) => {
  const name = "S" + String(i + 1).padStart(2, "0");
  return `${name}=${100 + 10 * i}`;
}).join(",");

// Counts the stream's quotes (unnamed events) the page receives; the page is not changed.
const countEvents = () => {
  const Native = window.EventSource;
  const counter = { events: 0 };
  window.__pagecost = counter;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => counter.events++);
    }
  };
};

const minimalHtml = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>minimal</title>
  <script src="bench-minimal.js" defer></script>
</head>
<body><ul id="quotes"></ul></body>
</html>
`;
const minimalJs = `"use strict";
const items = new Map();
const list = document.getElementById("quotes");
new EventSource("stream").onmessage = (event) => {
  const quote = JSON.parse(event.data);
  let item = items.get(quote.symbol);
  if (!item) {
    item = document.createElement("li");
    item.dataset.symbol = quote.symbol;
    list.append(item);
    items.set(quote.symbol, item);
  }
  item.textContent = quote.symbol + " " + quote.price.toFixed(2);
};
`;
// The floor: the events reach a listener that does nothing, and the page has no DOM to draw.
const floorHtml = minimalHtml.replace("<title>minimal</title>", "<title>floor</title>")
  .replace("bench-minimal.js", "bench-floor.js").replace('<ul id="quotes"></ul>', "");
const floorJs = `"use strict";
new EventSource("stream").onmessage = () => {};
`;
// As strict as quotecast's own page.
const minimalCsp = "default-src 'none'; script-src 'self'; connect-src 'self'";

function startQuotecast(dir) {
  const home = { HOME: dir, XDG_CONFIG_HOME: join(dir, "config"), XDG_DATA_HOME: join(dir, "data") };
  const args = ["--headless", "--bind", "127.0.0.1", "--port", "0", "--in-memory", "--seed", "1",
    "--interval", String(intervalMs), "--symbols", symbols];
  const child = spawn(binary, args, { env: { ...process.env, ...home }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`quotecast said nothing in 10 s:\n${output}`)), 10000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/serving live quotes at http:\/\/[^:/]+:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}/`);
      }
    };
    child.stdout.setEncoding("utf8").on("data", read);
    child.stderr.setEncoding("utf8").on("data", read);
    child.on("error", (error) => { clearTimeout(timer); reject(error); });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`quotecast exited (${code}):\n${output}`)); });
  });
  return { child, url };
}

function stopQuotecast(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function metrics(cdp, page) {
  const { metrics: list } = await cdp.send("Performance.getMetrics");
  const values = Object.fromEntries(list.map(({ name, value }) => [name, value]));
  values.events = await page.evaluate(() => window.__pagecost.events);
  return values;
}

// The minimal and floor pages, on quotecast's origin.
const routeBenchPage = (name, html, js) => async (page) => {
  await page.route(`**/bench-${name}.html`, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: html,
      headers: { "Content-Security-Policy": minimalCsp } }));
  await page.route(`**/bench-${name}.js`, (route) =>
    route.fulfill({ contentType: "text/javascript; charset=utf-8", body: js }));
};

// PAGE_REV: quotecast's page as it was at a commit (resources/web from git), with the built
// server's own headers (CSP), so that two versions of the page compare without rebuilding.
const Types = { html: "text/html", js: "text/javascript", css: "text/css", svg: "image/svg+xml",
  png: "image/png", webmanifest: "application/manifest+json" };
// PAGE_DIR=<dir>: the page's files from a directory instead (e.g. resources/web while editing).
function routePageAt(rev, dir) {
  const files = new Set(dir ? readdirSync(dir)
    : git("ls-tree", "--name-only", `${rev}:resources/web`).toString().split("\n").filter(Boolean));
  return (page) => page.route((url) => files.has(url.pathname === "/" ? "index.html" : url.pathname.slice(1)),
    async (route) => {
      const path = new URL(route.request().url()).pathname;
      const name = path === "/" ? "index.html" : path.slice(1);
      const served = await route.fetch();
      const headers = served.ok() ? served.headers()
        : { ...served.headers(), "content-type": Types[name.split(".").pop()] ?? "application/octet-stream" };
      for (const stale of ["content-length", "etag", "last-modified", "content-encoding"]) delete headers[stale];
      await route.fulfill({ status: 200, headers,
        body: dir ? readFileSync(join(dir, name)) : git("show", `${rev}:resources/web/${name}`) });
    });
}

async function measure(browser, url, routes, symbolsShown = symbolCount) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript(countEvents);
    const page = await context.newPage();
    await routes?.(page);
    await page.goto(url);
    await page.waitForFunction(() => window.__pagecost.events > 0);
    // Once loaded, no request is intercepted any more (the stream's was, once, at its start).
    await page.unrouteAll({ behavior: "wait" });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await sleep(warmupS * 1000);
    const start = await metrics(cdp, page);
    await sleep(durationS * 1000);
    const end = await metrics(cdp, page);
    const visible = await page.evaluate(() => document.visibilityState);
    const shown = await page.evaluate(() => document.querySelectorAll("[data-symbol]").length);
    if (visible !== "visible") throw new Error(`${url}: the page is ${visible}, it would draw nothing`);
    if (shown !== symbolsShown) throw new Error(`${url}: ${shown} of ${symbolCount} symbols shown`);
    const wall = end.Timestamp - start.Timestamp;
    const delta = (name) => end[name] - start[name];
    return {
      eventsPerS: delta("events") / wall,
      busy: (100 * delta("TaskDuration")) / wall,
      cpu: (100 * delta("ThreadTime")) / wall,
      script: (100 * delta("ScriptDuration")) / wall,
      layoutsPerS: delta("LayoutCount") / wall,
      recalcsPerS: delta("RecalcStyleCount") / wall,
      heapMb: end.JSHeapUsedSize / 1e6,
    };
  } finally {
    await context.close();
  }
}

const one = (value) => value.toFixed(1);
function row(name, r) {
  const pass = r.busy <= BusyTarget && r.layoutsPerS <= LayoutTarget;
  return `| ${name} | ${one(r.eventsPerS)} | ${one(r.busy)} % | ${one(r.cpu)} % | ${one(r.script)} % | ` +
    `${one(r.layoutsPerS)} | ${one(r.recalcsPerS)} | ${one(r.heapMb)} MB | ${pass ? "pass" : "fail"} |`;
}

const dir = mkdtempSync(join(tmpdir(), "pagecost-"));
const server = startQuotecast(dir);
let browser;
let failed = false;
try {
  const url = await server.url;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, "config"), XDG_CACHE_HOME: join(dir, "cache") },
  });
  const load = [loadavg()[0]];
  // The commit that last changed the page, up to PAGE_REV.
  const at = pageDir ? ` from ${pageDir}` : pageRev ? ` at ${git("log", "-1", "--format=%h", pageRev, "--", "resources/web").toString().trim()}` : "";
  const pages = {
    quotecast: ["quotecast `/`" + at, () => measure(browser, url,
      pageDir || pageRev ? routePageAt(pageRev, pageDir) : null)],
    minimal: ["minimal: `textContent` only", () => measure(browser, url + "bench-minimal.html",
      routeBenchPage("minimal", minimalHtml, minimalJs))],
    floor: ["floor: `EventSource` only", () => measure(browser, url + "bench-floor.html",
      routeBenchPage("floor", floorHtml, floorJs), 0)],
  };
  const rows = [];
  for (const name of pageNames) rows.push(row(pages[name][0], await pages[name][1]()));
  load.push(loadavg()[0]);
  console.log(`Chromium ${browser.version()} headless, 1280×720; ${symbolCount} symbols, ` +
    `${1000 / intervalMs} ticks/s; each page ${durationS} s after ${warmupS} s of warm-up; ` +
    `load average ${load.map((l) => l.toFixed(2)).join(" → ")}`);
  console.log();
  console.log(`| page | events/s | main thread busy | its CPU | script | layouts/s | style recalcs/s | JS heap | ≤ ${BusyTarget} % busy, ≤ ${LayoutTarget} layouts/s |`);
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const line of rows) console.log(line);
} catch (error) {
  console.error(`pagecost: ${error.stack ?? error}`);
  failed = true;
} finally {
  await browser?.close();
  await stopQuotecast(server.child);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
