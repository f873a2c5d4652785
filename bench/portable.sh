#!/usr/bin/env bash
# What the portable fan-out costs: the same SSE loads against quotecast built as usual (the
# epoll StreamWriters, Linux) and built with QUOTECAST_PORTABLE=ON (Qt's own sockets in the
# server's thread, the path Windows and macOS take), one after the other, side by side.
# Targets 127.0.0.1 only and stops by itself.
#
#   bench/portable.sh        loads a and b of bench/run.sh (about 2 minutes)
#   bench/portable.sh c      any list of a to f
#
# Configures and builds build-portable-bench/ (no tests, benchmarks or tools) the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
portable=${PORTABLE_BUILD_DIR:-build-portable-bench} # not the preset's: its own options
cmake --build "$build" --target quotecast sseload > /dev/null
[ -f "$portable/CMakeCache.txt" ] || cmake -S . -B "$portable" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQUOTECAST_PORTABLE=ON -DQUOTECAST_BUILD_TESTS=OFF \
    -DQUOTECAST_BUILD_BENCH=OFF -DQUOTECAST_BUILD_TOOLS=OFF > /dev/null
cmake --build "$portable" --target quotecast > /dev/null
ulimit -n "$(ulimit -Hn)"
. bench/common.sh

work=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$work"' EXIT
port=18210

# run BINARY TAG NAME CLIENTS EVENTS_PER_S RAMP_MS DURATION_S [SSELOAD_OPTION...]
run() {
    "$1" --headless --bind 127.0.0.1 --port $port --interval $((1000 / $5)) \
        --max-clients 20000 --in-memory > "$work/$2.log" 2>&1 &
    local server=$!
    wait_for_port $port
    "$build/bench/sseload" --url "http://127.0.0.1:$port/stream" --clients "$4" \
        --ramp-ms "$6" --duration "$7" --server-pid $server --json "$work/$3-$2.json" \
        "${@:8}" > "$work/$3-$2.txt"
    kill $server; wait $server || true
}

load() { # NAME TITLE CLIENTS RATE RAMP_MS DURATION_S [SSELOAD_OPTION...]
    echo "bench: $2 ..." >&2
    run "$build/quotecast" epoll "$1" "$3" "$4" "$5" "$6" "${@:7}"
    run "$portable/quotecast" qt "$1" "$3" "$4" "$5" "$6" "${@:7}"
    local e="$work/$1-epoll.json" q="$work/$1-qt.json"
    printf '\n### %s\n\n| | epoll (Linux) | qt (portable) | qt / epoll |\n|---|---|---|---|\n' "$2"
    local key
    for key in connected failed dropped eventsPerSecond deliveredPercent serverKbPerClient \
        serverCpuCores p50 p99 max; do
        local a b
        a=$(field "$e" $key); b=$(field "$q" $key)
        printf '| %s | %s | %s | %s |\n' "$key" "$a" "$b" \
            "$(awk -v a="$a" -v b="$b" 'BEGIN { if (a + 0 == 0) print "-"; else printf "%.2f", b / a }')"
    done
}

[ $# -gt 0 ] || set -- a b
run_loads "$@"
echo
echo "machine: $(nproc) cores, $(uname -r)"
