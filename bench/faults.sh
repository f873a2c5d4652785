#!/usr/bin/env bash
# Faults under load, on quotecast alone (headless, 10 ticks/s, 127.0.0.1 only); each
# part stops by itself.
#
#   bench/faults.sh              kill and restart (about 1 minute)
#   bench/faults.sh soak         5,000 clients for 10 minutes: RSS at start and end
#   bench/faults.sh gui          the window's event-loop lag with 10,000 streams
#
# kill:    1,000 clients killed at once (SIGKILL): the server's streams and descriptors
#          return to what they were before, and RSS near its start.
# restart: quotecast restarted under 1,000 clients that reconnect like browsers
#          (EventSource: `retry:`, Last-Event-ID): all come back, none refused or lost.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cmake --build "$build" --target quotecast sseload guilag > /dev/null
ulimit -n "$(ulimit -Hn)"
. bench/common.sh
port=18210
# A tick history of its own (kept across the restart), never the user's.
work=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$work"' EXIT

start_quotecast() {
    "$build/quotecast" --headless --bind 127.0.0.1 --port $port --interval 100 \
        --history-file "$work/history.sqlite" "$@" > /dev/null 2>&1 &
    server=$!
    wait_for_port $port
}

stop_quotecast() { kill "$server"; wait "$server" || true; }

# wait_until SECONDS COMMAND...: polls until COMMAND succeeds; false at the deadline.
wait_until() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}

fault_kill() {
    echo "## 1,000 clients killed at once"
    start_quotecast
    local idleFds idleRss
    idleFds=$(descriptors $server)
    idleRss=$(rss_kb $server)
    "$build/bench/sseload" --url "http://127.0.0.1:$port/stream" --clients 1000 --ramp-ms 1000 \
        --duration 60 > /dev/null &
    local load=$!
    busy() { test "$(descriptors $server)" -ge $((idleFds + 1000)); }
    wait_until 10 busy
    local busyFds busyRss
    busyFds=$(descriptors $server)
    busyRss=$(rss_kb $server)
    kill -KILL $load
    local killedAt=$SECONDS
    wait $load 2> /dev/null || true
    back() { test "$(descriptors $server)" -le "$idleFds"; }
    local result="did NOT return"
    wait_until 10 back && result="returned in $((SECONDS - killedAt)) s or less"
    echo "descriptors: $idleFds idle, $busyFds with 1,000 streams, $(descriptors $server) after the kill ($result)"
    echo "RSS KB:      $idleRss idle, $busyRss with 1,000 streams, $(rss_kb $server) after the kill"
    stop_quotecast
}

fault_restart() {
    echo "## restart under 1,000 clients"
    start_quotecast
    "$build/bench/sseload" --url "http://127.0.0.1:$port/stream" --clients 1000 --ramp-ms 1000 \
        --duration 20 --reconnect > "${TMPDIR:-/tmp}/restart.txt" &
    local load=$!
    sleep 10 # ramp 1 s, settle 5 s, then 4 s of measured feed before the restart
    stop_quotecast
    start_quotecast
    echo "restarted at $(date +%T.%N | cut -c1-12); clients reconnect over the next retry period"
    wait $load
    cat "${TMPDIR:-/tmp}/restart.txt"
    stop_quotecast
}

soak() {
    echo "## soak: 5,000 clients for 10 minutes"
    start_quotecast
    "$build/bench/sseload" --url "http://127.0.0.1:$port/stream" --clients 5000 --ramp-ms 5000 \
        --duration 600 --server-pid $server
    stop_quotecast
}

gui_lag() {
    echo "## the window under 10,000 streams at 10 events/s"
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/guilag" --warmup 10 --duration 17 \
        --bind 127.0.0.1 --port $port --interval 100 --max-clients 19000 > "${TMPDIR:-/tmp}/guilag.txt" 2>&1 &
    local gui=$!
    wait_for_port $port
    "$build/bench/sseload" --url "http://127.0.0.1:$port/stream" --clients 10000 --ramp-ms 5000 \
        --duration 18 --server-pid $gui
    wait $gui
    grep -E '^gui lag' "${TMPDIR:-/tmp}/guilag.txt"
}

case ${1:-} in
"") fault_kill; echo; fault_restart ;;
soak) soak ;;
gui) gui_lag ;;
*) echo "bench: faults.sh [soak|gui]" >&2; exit 2 ;;
esac
