#!/bin/sh
# Installs what quotecast needs to build, run and test on Debian 12, and nothing
# when it is all there already (so it is fast the second time). Uses sudo unless
# run as root. `install-deps.sh test` (and `bench`) adds nginx with nchan and Redis, for the
# relay's test and the benchmarks: Debian starts both services once installed, which a
# desktop that only runs quotecast does not need; `test` also adds Debian's Node.js and npm for
# the browser tests (Playwright, tests/browser) when no `node` is on the PATH. `screenshots`
# adds Xvfb and optipng for tools/screenshots.sh.
set -eu

packages="cmake ninja-build g++ \
qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools \
libgl-dev libqrencode-dev libqt6sql6-sqlite libqt6svg6 qt6-svg-dev qt6-translations-l10n xdg-utils zbar-tools \
desktop-file-utils appstream dpkg-dev \
chromium chromium-driver"
case "${1:-}" in
test | bench)
    # curl: tst_readmeserver runs the README's curl examples with it; clang-tidy: CI's tidy step;
    # clang and its libFuzzer (libclang-rt-14-dev, only recommended by clang): the fuzz preset.
    packages="$packages nginx-light libnginx-mod-nchan redis-server curl clang-tidy clang \
libclang-rt-14-dev"
    # A node from elsewhere (nvm, NodeSource) will do: only its absence brings Debian's.
    command -v node >/dev/null || packages="$packages nodejs npm"
    ;;
screenshots) packages="$packages xvfb xauth optipng fonts-dejavu-core" ;; # tools/screenshots.sh
esac

missing=""
for package in $packages; do
    status=$(dpkg-query -W -f '${db:Status-Status}' "$package" 2>/dev/null || true)
    [ "$status" = installed ] || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

echo "quotecast: installing$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086 # the package list is meant to split
$sudo apt-get install -y -q --no-install-recommends $missing
