#!/usr/bin/env bash
# Where quotecast's CPU time goes in a reconnection storm: perf (cpu-clock, call graphs) on the
# server while sseload opens CLIENTS streams within RAMP_MS at 10 events/s; prints each
# thread's share of the samples, then each thread's hottest functions. Targets 127.0.0.1 only
# and stops by itself. Issue 18's profile was taken with it.
#
#   bench/stormprofile.sh                 19,000 clients within 2 s, held 10 s
#   bench/stormprofile.sh 10000 1000 11   CLIENTS RAMP_MS DURATION_S
#
# Needs: a build (cmake --build --preset default) and perf (linux-perf); perf's own cost
# slows the server, so its latencies are not the benchmark's (bench/run.sh e f).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
clients=${1:-19000} ramp=${2:-2000} duration=${3:-10}
command -v perf > /dev/null || { echo "bench: needs perf (apt-get install linux-perf)" >&2; exit 2; }
cmake --build "$build" --target quotecast sseload > /dev/null
ulimit -n "$(ulimit -Hn)"
. bench/common.sh

work=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$work"' EXIT
port=18220
"$build/quotecast" --headless --bind 127.0.0.1 --port $port --interval 100 --max-clients 20000 \
    --history-file "$work/history.sqlite" > "$work/quotecast.log" 2>&1 &
server=$!
wait_for_port $port
perf record -e cpu-clock -F 1000 -g -p $server -o "$work/perf.data" 2> "$work/perf.log" &
perf=$!
sleep 1 # perf takes a moment to attach; the storm must not start before
"$build/bench/sseload" --url "http://127.0.0.1:$port/stream" --clients "$clients" \
    --ramp-ms "$ramp" --settle-ms 0 --duration "$duration" --whole-run --server-pid $server
kill -INT $perf; wait $perf || true
kill $server; wait $server || true

echo
echo "### samples per thread (quotecast-serve accepts and routes; qc-streams-N write the streams)"
perf report -i "$work/perf.data" -n --no-children --sort comm --stdio -g none 2> /dev/null \
    | grep -v '^#' | grep -v '^$'
for thread in quotecast-serve qc-streams-0; do
    echo
    echo "### $thread: hottest functions (share of all samples)"
    perf report -i "$work/perf.data" --no-children --comms $thread --sort dso,sym --stdio -g none \
        2> /dev/null | grep -v '^#' | grep -v '^$' | head -n 15
done
