// How the browser tests and bench/pagecost.mjs start Chromium: Debian's (never a downloaded
// browser), with the flags this sandbox needs, the same as tools/webdriver.cpp gives it.
"use strict";

import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

// $CHROMIUM, which CTest sets to the Chromium CMake found (find_program); else the first
// chromium or chromium-browser on the PATH (bench/pagecost.mjs, a spec run by hand).
function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ["chromium", "chromium-browser"]) {
    for (const dir of (process.env.PATH || "").split(delimiter).filter(Boolean)) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  throw new Error(
    "no Chromium: neither $CHROMIUM nor chromium on the PATH (packaging/install-deps.sh installs it)",
  );
}

export const chromiumPath = findChromium();

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
