#!/bin/sh
# The browser tests' npm packages, exactly as package-lock.json pins them (npm ci), unless
# node_modules already holds that very lock: a second run costs nothing. No browser download:
# the tests drive Debian's chromium.
set -eu
cd "$(dirname "$0")"
stamp=node_modules/.quotecast-package-lock.json
if cmp -s package-lock.json "$stamp"; then
    exit 0
fi
if ! command -v npm >/dev/null; then
    echo "npm is missing: packaging/install-deps.sh test installs it" >&2
    exit 1
fi
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
cp package-lock.json "$stamp"
