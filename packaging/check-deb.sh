#!/usr/bin/env bash
# Checks the Debian package the way a user meets it: installs it with apt-get (which pulls
# in its dependencies), looks for the installed files, then runs the installed binary:
# --version, and a headless server that must answer GET / and exit 0 on SIGTERM.
# Usage: packaging/check-deb.sh [path/to/quotecast_<version>_amd64.deb]
# (default: the newest in build/, made by `cpack --preset deb`). Installs with sudo unless
# run as root; the package stays installed.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:-$(ls -t build/quotecast_*.deb 2>/dev/null | head -n 1)}
[ -f "$deb" ] || { echo "check-deb: no package; build it with: cpack --preset deb" >&2; exit 1; }
deb=$(realpath "$deb")
version=$(dpkg-deb --field "$deb" Version)
app_id=io.github.quotecast.Quotecast

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
command -v curl >/dev/null || $sudo apt-get install -y -q --no-install-recommends curl

echo "check-deb: installing $deb ($(du -k "$deb" | cut -f1) KiB)"
echo "check-deb: Depends: $(dpkg-deb --field "$deb" Depends)"
# --reinstall: a rebuilt package of the same version still replaces the installed one.
$sudo apt-get install -y -q --reinstall "$deb"

for file in /usr/bin/quotecast \
    /usr/share/applications/$app_id.desktop \
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    /usr/share/metainfo/$app_id.metainfo.xml \
    /usr/lib/systemd/system/quotecast.service \
    /usr/share/quotecast/nchan/quotecast-nchan.conf \
    /usr/share/quotecast/nchan/quotecast-nchan-redis.conf \
    /usr/share/quotecast/nchan/snippets/quotecast-nchan.conf; do
    [ -f "$file" ] || { echo "check-deb: $file is not installed" >&2; exit 1; }
done
# Installed, not enabled: the server runs only when its owner asks for it.
if [ -e /etc/systemd/system/multi-user.target.wants/quotecast.service ]; then
    echo "check-deb: the package enabled quotecast.service" >&2
    exit 1
fi
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /usr/lib/systemd/system/quotecast.service
fi

actual=$(/usr/bin/quotecast --version)
[ "$actual" = "quotecast $version" ] \
    || { echo "check-deb: --version says '$actual', expected 'quotecast $version'" >&2; exit 1; }

# Port 0: quotecast picks a free port and prints it in its URL, so no port can be taken
# between choosing it and listening on it.
# A tick history of its own, never the user's.
dir=$(mktemp -d)
log=$dir/quotecast.log
/usr/bin/quotecast --headless --bind 127.0.0.1 --port 0 --history-file "$dir/history.sqlite" \
    >"$log" 2>&1 &
pid=$!
trap 'kill -KILL $pid 2>/dev/null || true; rm -rf "$dir"' EXIT

url=""
for _ in $(seq 100); do # 10 s at most
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -n 1 || true)
    [ -n "$url" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
done
[ -n "$url" ] || { echo "check-deb: the headless server did not start:" >&2; cat "$log" >&2; exit 1; }
status=$(curl --silent --max-time 5 --output /dev/null --write-out '%{http_code}' "$url")
[ "$status" = 200 ] || { echo "check-deb: GET $url answered $status" >&2; exit 1; }

kill -TERM $pid
for _ in $(seq 100); do # 10 s at most
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
done
exit_status=0
if kill -0 $pid 2>/dev/null; then
    echo "check-deb: still running 10 s after SIGTERM" >&2
    exit 1
fi
wait $pid || exit_status=$?
[ "$exit_status" -eq 0 ] || { echo "check-deb: exit status $exit_status after SIGTERM:" >&2; cat "$log" >&2; exit 1; }
[ -s "$dir/history.sqlite" ] || { echo "check-deb: no tick history in $dir/history.sqlite" >&2; exit 1; }

echo "check-deb: $(/usr/bin/quotecast --version) installed; served GET $url (200) and exited 0 on SIGTERM"
