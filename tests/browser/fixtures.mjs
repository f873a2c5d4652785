// The browser tests' fixtures: the real quotecast binary on a free port of 127.0.0.1 with its
// own temporary HOME and history, a page-error guard, and helpers that read the server the way
// a program would (/api/quotes, /metrics, a raw /stream).
"use strict";

import { test as base, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtemp, rm, mkdir } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, "../..");
export const quotecastBin = path.resolve(
  sourceDir,
  process.env.QUOTECAST_BIN || "build/quotecast",
);
// quotecast's pieces with the market in the test's hands (marketdriver.cpp): Quotecast.command.
export const driverBin = path.resolve(
  sourceDir,
  process.env.QUOTECAST_DRIVER || "build/tests/marketdriver",
);

// One quotecast process. `stop()` ends it as a service manager would (SIGTERM, then SIGKILL).
export class Quotecast {
  constructor(child, port) {
    this.child = child;
    this.pid = child.pid;
    this.port = port;
    this.origin = `http://127.0.0.1:${port}`;
    this.url = `${this.origin}/`;
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
    // The market driver's answers, one a line, to the commands sent in order.
    this.answers = [];
    let lines = "";
    child.stdout.on("data", (chunk) => {
      lines += chunk;
      for (let end = lines.indexOf("\n"); end >= 0; end = lines.indexOf("\n")) {
        const line = lines.slice(0, end);
        lines = lines.slice(end + 1);
        if (/^(ok|error: )/.test(line) && this.answers.length) this.answers.shift()(line);
      }
    });
  }

  // With `driver: true` (marketdriver.cpp): changes the market as a person does in the window,
  // "add NFLX 612.34", "remove GOOG", "price MSFT 300"; resolves once done, rejects with why not.
  command(line) {
    return new Promise((resolve, reject) => {
      this.answers.push((answer) => (answer === "ok" ? resolve() : reject(new Error(`${line}: ${answer}`))));
      this.child.stdin.write(`${line}\n`);
    });
  }

  get running() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  signal(name) {
    if (this.running) process.kill(this.pid, name);
  }

  async stop() {
    if (!this.running) return;
    this.signal("SIGCONT"); // a stopped process would never see the SIGTERM
    this.signal("SIGTERM");
    const killer = setTimeout(() => this.signal("SIGKILL"), 5000);
    await this.exited;
    clearTimeout(killer);
  }
}

// Starts quotecast headless and waits for the URL it prints. Options: seed, interval, paused,
// heartbeat, retry (short, so that pages come back quickly after a restart), port (0: a free
// one), historyFile (else --in-memory), args (more options), home (the temporary HOME), driver
// (the market driver instead, with the same options and Quotecast.command).
export async function startQuotecast({
  home,
  seed = 7,
  interval = 100,
  paused = false,
  heartbeat,
  retry = 300,
  port = 0,
  historyFile,
  args = [],
  driver = false,
} = {}) {
  const argv = ["--headless", "--bind", "127.0.0.1", "--port", String(port), "--seed", String(seed),
    "--interval", String(interval), "--retry", String(retry)];
  if (paused) argv.push("--paused");
  if (heartbeat !== undefined) argv.push("--heartbeat", String(heartbeat));
  argv.push(...(historyFile ? ["--history-file", historyFile] : ["--in-memory"]), ...args);
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, "config"),
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CACHE_HOME: path.join(home, "cache"),
    QT_QPA_PLATFORM: "offscreen",
    no_proxy: "*",
    NO_PROXY: "*",
  };
  const child = spawn(driver ? driverBin : quotecastBin, argv,
    { env, stdio: [driver ? "pipe" : "ignore", "pipe", "pipe"] });
  let output = "";
  const port_ = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail("no URL within 10 s"), 10_000);
    function fail(why) {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`quotecast ${argv.join(" ")}: ${why}\n${output}`));
    }
    const read = (chunk) => {
      output += chunk;
      const match = /serving live quotes at http:\/\/[^\s/]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.setEncoding("utf8").on("data", read);
    child.stderr.setEncoding("utf8").on("data", read);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before serving`));
  });
  child.removeAllListeners("exit");
  return new Quotecast(child, port_);
}

export const test = base.extend({
  // A temporary folder for the test: HOME of every quotecast it starts, history files.
  tmp: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "quotecast-browser-"));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  // quotecast.start(options) -> Quotecast; every process is ended after the test.
  quotecast: async ({ tmp }, use) => {
    const started = [];
    let count = 0;
    await use({
      async start(options = {}) {
        const home = path.join(tmp, `home${count++}`);
        await mkdir(home, { recursive: true });
        const server = await startQuotecast({ home, ...options });
        started.push(server);
        return server;
      },
      historyFile: () => path.join(tmp, "history.sqlite"),
    });
    await Promise.all(started.map((server) => server.stop()));
  },

  // The page must run without an uncaught error and without a CSP violation, in every test.
  context: async ({ context }, use) => {
    const errors = [];
    const watch = (page) => {
      page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/.test(message.text()))
          errors.push(`${page.url()}: ${message.text()}`);
      });
    };
    context.pages().forEach(watch);
    context.on("page", watch);
    await use(context);
    expect(errors, "errors in the page").toEqual([]);
  },
});

export { expect };

// GET a URL of the server with Node (not the browser: its 6 connections per host are the
// page's), as JSON or text.
export function get(url, { headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.setTimeout(10_000, () => request.destroy(new Error(`GET ${url}: timed out`)));
  });
}

export async function apiQuotes(server) {
  const response = await get(`${server.origin}/api/quotes`);
  expect(response.status, response.body).toBe(200);
  return JSON.parse(response.body);
}

export async function metric(server, name) {
  const response = await get(`${server.origin}/metrics`);
  const match = new RegExp(`^${name} (\\S+)$`, "m").exec(response.body);
  if (!match) throw new Error(`no ${name} in /metrics:\n${response.body}`);
  return Number(match[1]);
}

// Reads /stream (with the given path and headers) until `done(text)` holds, then closes it.
// Returns the raw text.
export function readStream(url, { headers = {}, done, timeoutMs = 10_000 }) {
  return new Promise((resolve, reject) => {
    let text = "";
    const request = http.get(url, { headers, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        request.destroy();
        reject(new Error(`GET ${url}: ${response.statusCode}`));
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        text += chunk;
        if (done(text)) {
          clearTimeout(timer);
          request.destroy();
          resolve(text);
        }
      });
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`GET ${url}: no end within ${timeoutMs} ms; got:\n${text}`));
    }, timeoutMs);
    request.on("error", (error) => {
      if (!request.destroyed || error.code !== "ECONNRESET") reject(error);
    });
  });
}

// The events of a stream's text, each as {id, event, data} (a trailing partial one left out).
export function parseEvents(text) {
  const blocks = text.split("\n\n");
  blocks.pop();
  return blocks.map((block) => {
    const event = { id: undefined, event: undefined, data: undefined, retry: undefined };
    for (const line of block.split("\n")) {
      const colon = line.indexOf(":");
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "data") event.data = event.data === undefined ? value : `${event.data}\n${value}`;
      else if (field in event) event[field] = value;
    }
    return event;
  });
}

// Starts counting the ticks the page's feed dispatches ("quote" events of
// window.quotecast.feed): window.__ticks gets each quote's seq, window.__last the last quote by
// symbol. Attached after load, as a person scripting the page would.
export async function recordTicks(page) {
  await page.waitForFunction(() => window.quotecast && window.quotecast.feed, null, { timeout: 10_000 });
  await page.evaluate(() => {
    window.__ticks = [];
    window.__last = {};
    window.quotecast.feed.addEventListener("quote", (event) => {
      window.__ticks.push(event.detail.seq);
      window.__last[event.detail.symbol] = event.detail;
    });
  });
}

// What is wrong with a recording of seqs: a gap, a duplicate or a step back; "" when nothing.
export function seqProblems(seqs) {
  const problems = [];
  for (let i = 1; i < seqs.length; ++i) {
    if (seqs[i] === seqs[i - 1] + 1) continue;
    problems.push(seqs[i] <= seqs[i - 1]
      ? `seq ${seqs[i]} after ${seqs[i - 1]} (duplicate or out of order)`
      : `gap: ${seqs[i - 1]} then ${seqs[i]}`);
  }
  return problems.join("; ");
}

// The cards as the page shows them: symbol, price text, trend, classes, the day's line ("Open
// 170.00 · High 171.25 · Low 169.80", "" while it is not shown), points.
export function readCards(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".card"), (card) => ({
      symbol: card.dataset.symbol,
      price: card.querySelector(".price").textContent,
      change: card.querySelector(".change").textContent,
      trend: card.dataset.trend,
      up: card.classList.contains("up"),
      down: card.classList.contains("down"),
      day: card.querySelector(".day").checkVisibility()
        ? Array.from(card.querySelectorAll(".day > div"),
          (row) => `${row.querySelector("dt").textContent} ${row.querySelector("dd").textContent}`).join(" · ")
        : "",
      points: card.querySelector(".sparkline polyline").points.numberOfItems,
    })),
  );
}

// Prices as the English page writes them.
export const englishPrice = (price) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(price);

export const trendOf = (change) => (change > 0 ? "up" : change < 0 ? "down" : "flat");

// Runs quotecast with a history file until `until(apiQuotes)` holds, then stops it: the
// next run on the same file carries on from there.
export async function fillHistory(quotecast, options, until) {
  const server = await quotecast.start(options);
  await expect.poll(async () => until(await apiQuotes(server)), { timeout: 20_000, intervals: [50] }).toBe(true);
  await server.stop();
  return server.port;
}

// A tab that Playwright does not manage: Playwright keeps every page of its contexts focused and
// visible (focus emulation), so a page that must really be hidden is opened in the browser's
// default context and driven over the DevTools protocol. In a headless window, another tab in
// front hides it (document.visibilityState "hidden"); activating it shows it again.
export class RawTab {
  static async open(browser, url) {
    const cdp = await browser.newBrowserCDPSession();
    const { targetId } = await cdp.send("Target.createTarget", { url });
    const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: false });
    return new RawTab(cdp, targetId, sessionId);
  }

  constructor(cdp, targetId, sessionId) {
    this.cdp = cdp;
    this.targetId = targetId;
    this.sessionId = sessionId;
    this.nextId = 0;
    this.waiting = new Map();
    cdp.on("Target.receivedMessageFromTarget", (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      const done = this.waiting.get(message.id);
      if (!done) return;
      this.waiting.delete(message.id);
      done(message);
    });
  }

  send(method, params = {}) {
    const id = ++this.nextId;
    const answer = new Promise((resolve) => this.waiting.set(id, resolve));
    return this.cdp
      .send("Target.sendMessageToTarget", { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
      .then(() => answer)
      .then((message) => {
        if (message.error) throw new Error(`${method}: ${message.error.message}`);
        return message.result;
      });
  }

  // Evaluates a function's source (with an argument, JSON) in the page and returns its value.
  async evaluate(fn, arg) {
    const result = await this.send("Runtime.evaluate", {
      expression: `(${fn})(${JSON.stringify(arg)})`,
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails)
      throw new Error(`in the page: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value;
  }

  // Another tab in front of this one, in the same window.
  async hide() {
    if (!this.cover) {
      ({ targetId: this.cover } = await this.cdp.send("Target.createTarget", { url: "about:blank", newWindow: false }));
    } else {
      await this.cdp.send("Target.activateTarget", { targetId: this.cover });
    }
  }

  async show() {
    await this.cdp.send("Target.activateTarget", { targetId: this.targetId });
  }

  async close() {
    for (const targetId of [this.cover, this.targetId].filter(Boolean))
      await this.cdp.send("Target.closeTarget", { targetId }).catch(() => {});
    await this.cdp.detach().catch(() => {});
  }
}

// Polls `fn` until it returns true (no sleeps: a condition, checked often, with a deadline).
export async function until(fn, { timeout = 10_000, message = "condition" } = {}) {
  await expect.poll(fn, { timeout, intervals: [25], message }).toBe(true);
}
