#!/usr/bin/env bash
# Runs the same SSE loads against quotecast and against nchan (nginx), one after the
# other on this machine, and prints them side by side. Targets 127.0.0.1 only and
# stops by itself.
#
#   bench/run.sh            loads a and b (about 2 minutes)
#   bench/run.sh full       all six loads (about 9 minutes)
#   bench/run.sh c          only load c
#   bench/run.sh e f        the reconnection storms (common.sh says what each load is)
#
# Needs: a build (cmake --build --preset default), nginx-light and libnginx-mod-nchan.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cmake --build "$build" --target quotecast sseload publisher > /dev/null
command -v nginx > /dev/null || { echo "bench: needs nginx-light and libnginx-mod-nchan" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)"
. bench/common.sh

work=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; cp "$work"/*.txt "$work"/*.json "${RESULTS_DIR:-/tmp}" 2> /dev/null; rm -rf "$work"' EXIT
qport=18200
nport=18201

# run_quotecast NAME CLIENTS EVENTS_PER_S RAMP_MS DURATION_S [SSELOAD_OPTION...]
run_quotecast() {
    local interval=$((1000 / $3))
    "$build/quotecast" --headless --bind 127.0.0.1 --port $qport --interval "$interval" \
        --max-clients 20000 --history-file "$work/$1-history.sqlite" > "$work/quotecast.log" 2>&1 &
    local server=$!
    wait_for_port $qport
    "$build/bench/sseload" --url "http://127.0.0.1:$qport/stream" --clients "$2" \
        --ramp-ms "$4" --duration "$5" --server-pid $server --json "$work/$1-quotecast.json" \
        "${@:6}" > "$work/$1-quotecast.txt"
    kill $server; wait $server || true
}

# run_nchan NAME CLIENTS EVENTS_PER_S RAMP_MS DURATION_S [SSELOAD_OPTION...]
run_nchan() {
    mkdir -p "$work/nginx/body"
    sed -e "s|@DIR@|$work/nginx|g" -e "s|@PORT@|$nport|g" bench/nchan.conf.in > "$work/nginx/nginx.conf"
    start_nginx "$work/nginx" $nport
    local master=$nginx_master worker=$nginx_worker
    "$build/bench/publisher" $nport /pub "$3" $(( $4 / 1000 + $5 + 8 )) & # ramp, settle, hold
    local publisher=$!
    "$build/bench/sseload" --url "http://127.0.0.1:$nport/sub" --clients "$2" \
        --ramp-ms "$4" --duration "$5" --server-pid "$worker" --json "$work/$1-nchan.json" \
        "${@:6}" > "$work/$1-nchan.txt"
    kill $publisher 2> /dev/null; wait $publisher 2> /dev/null || true
    stop_nginx $master
}

compare() {
    local q="$work/$1-quotecast.json" n="$work/$1-nchan.json"
    printf '\n### %s\n\n' "$2"
    printf '| | quotecast | nchan | quotecast / nchan |\n|---|---|---|---|\n'
    local key
    for key in connected failed dropped eventsPerSecond deliveredPercent serverKbPerClient serverCpuCores; do
        local a b
        a=$(field "$q" $key); b=$(field "$n" $key)
        printf '| %s | %s | %s | %s |\n' "$key" "$a" "$b" \
            "$(awk -v a="$a" -v b="$b" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }')"
    done
    # Latency: from an event's `ts` to its arrival. Set-up: from connect() to the stream's head.
    local row
    for row in "p50:latency p50" "p99:latency p99" "max:latency max" "setupP99:set-up p99" \
        "setupMax:set-up max"; do
        local a b
        a=$(field "$q" "${row%%:*}"); b=$(field "$n" "${row%%:*}")
        printf '| %s (ms) | %s | %s | %s |\n' "${row#*:}" "$a" "$b" \
            "$(awk -v a="$a" -v b="$b" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }')"
    done
}

load() { # NAME TITLE CLIENTS RATE RAMP_MS DURATION_S [SSELOAD_OPTION...]
    echo "bench: $2 ..." >&2
    run_quotecast "$1" "$3" "$4" "$5" "$6" "${@:7}"
    run_nchan "$1" "$3" "$4" "$5" "$6" "${@:7}"
    compare "$1" "$2"
}

# Which loads: a b (default), `full` for all six, or any list of their letters.
loads=${*:-a b}
[ "$loads" = full ] && loads="a b c d e f"
# shellcheck disable=SC2086 # the list of letters is meant to split
run_loads $loads
echo
echo "machine: $(nproc) cores, $(uname -r)"
