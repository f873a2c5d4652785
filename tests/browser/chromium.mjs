// How the browser tests and bench/pagecost.mjs start Chromium: Debian's (never a downloaded
// browser), with the flags this sandbox needs, the same as tools/webdriver.cpp gives it.
"use strict";

export const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
