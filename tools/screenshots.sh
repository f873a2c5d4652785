#!/usr/bin/env bash
# The README's screenshots: the real window under Xvfb and the real page in headless
# Chromium, on one seeded feed, so that both show the same prices on every run
# (tools/dashboardshot, built here, takes both). Writes packaging/screenshots/window.png
# and page.png. Installs what it needs when missing (through sudo unless root).
# PAGE_SIZE=width,height sets the browser's window (default 860,320).
set -euo pipefail
cd "$(dirname "$0")/.."
out=packaging/screenshots

packaging/install-deps.sh screenshots

[ -f build/CMakeCache.txt ] || cmake --preset default
cmake --build build -j2 --target dashboardshot

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# dashboardshot gives up by itself within about a minute; timeout is the last resort.
timeout --kill-after=5 120 xvfb-run --auto-servernum --server-args='-screen 0 1280x800x24' \
    env QT_QPA_PLATFORM=xcb build/tools/dashboardshot --seed 1 --ticks 160 --interval 5000 \
    --page-size "${PAGE_SIZE:-860,320}" --window "$work/window.png" --page "$work/page.png"

for name in window page; do
    optipng -quiet -o2 "$work/$name.png"
    cp "$work/$name.png" "$out/$name.png"
    echo "screenshots: $out/$name.png, $(du -k "$out/$name.png" | cut -f1) KiB"
done
