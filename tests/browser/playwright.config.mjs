// Playwright drives Debian's Chromium (never a downloaded browser) against the real quotecast
// binary. CTest runs it (tests/CMakeLists.txt); by hand: QUOTECAST_BIN=build/quotecast npx
// playwright test, from this folder.
"use strict";

import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./chromium.mjs";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  // One Chromium at a time, as CTest runs the spec files (RESOURCE_LOCK): the timing tests
  // (a 2 s takeover, 2 × heartbeat) are about the page, not about two browsers on two cores.
  workers: 1,
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
      executablePath: chromiumPath,
      // A name for 127.0.0.1 that is not a secure context, as a LAN address over plain http is
      // (no navigator.locks there): tabs.spec.mjs opens the page as http://quotecast.test:<port>/.
      args: [...chromiumArgs, "--host-resolver-rules=MAP quotecast.test 127.0.0.1"],
    },
    trace: "off",
    screenshot: "only-on-failure",
  },
});
