// Playwright drives Debian's Chromium (never a downloaded browser) against the real quotecast
// binary. CTest runs it (tests/CMakeLists.txt); by hand: QUOTECAST_BIN=build/quotecast npx
// playwright test, from this folder.
"use strict";

import { defineConfig } from "@playwright/test";

// The flags this sandbox needs, the same as tools/webdriver.cpp gives Chromium.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // A name for 127.0.0.1 that is not a secure context, as a LAN address over plain http is
  // (no navigator.locks there): tabs.spec.mjs opens the page as http://quotecast.test:<port>/.
  "--host-resolver-rules=MAP quotecast.test 127.0.0.1",
];

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  // Each spec file starts its own servers; two workers on two cores keep the timing tests
  // (2 s takeover, 2 × heartbeat) honest, and CTest runs the spec files one by one anyway.
  workers: 2,
  fullyParallel: false,
  retries: 0, // a flaky test is a bug to see, not to hide
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list", { printSteps: false }]],
  outputDir: process.env.QUOTECAST_BROWSER_OUTPUT || "test-results",
  use: {
    browserName: "chromium",
    headless: true,
    locale: "en-US",
    viewport: { width: 1024, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: chromiumArgs,
    },
    trace: "off",
    screenshot: "only-on-failure",
  },
});
