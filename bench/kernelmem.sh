#!/usr/bin/env bash
# What stalled readers cost the server's kernel: N streams that never read (stallload, each
# with a small receive buffer) on quotecast at a fast feed and a small --client-buffer. Every
# second it sums, over the server's sockets on its port, the bytes the kernel still owes
# (ss's Send-Q: sent but unacknowledged, or not sent yet) and the memory they take (skmem w:
# the kernel's own accounting, buffers' overhead included), and prints the peaks and how
# soon the streams were ended: by quotecast's cap (slow clients dropped) or by the kernel
# (TCP_USER_TIMEOUT, clients timed out). Targets 127.0.0.1 only and stops by itself.
#
#   bench/kernelmem.sh                       the build in build/ (about 1.5 minutes)
#   bench/kernelmem.sh /tmp/old/build build  two builds, one after the other, side by side
#
# Environment: CLIENTS (200), BUFFER (--client-buffer, 16KiB), INTERVAL (--interval, 10ms),
# RCVBUF (each client's SO_RCVBUF, 4096), DURATION (seconds per build, 90), BUILD_DIR (where
# stallload is built, build).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
tools=${BUILD_DIR:-build}
cmake --build "$tools" --target stallload > /dev/null
clients=${CLIENTS:-200}
buffer=${BUFFER:-16KiB}
interval=${INTERVAL:-10ms}
rcvbuf=${RCVBUF:-4096}
duration=${DURATION:-90}
builds=("${@:-build}")

work=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$work"' EXIT

# A port nothing listens on, from 18210 up (run.sh takes 18200 and 18201).
port=18210
while ss -Htln "( sport = :$port )" | grep -q .; do port=$((port + 1)); done

metric() { curl -s "http://127.0.0.1:$port/metrics" | awk -v m="quotecast_$1" '$1 == m { print $2 }'; }

# kernel_bytes: "<Send-Q sum> <largest Send-Q> <skmem w sum>" over the server's side of its
# streams, whatever their state (a stream closed with bytes unsent lingers in FIN-WAIT-1).
kernel_bytes() {
    ss -Htmn state connected "( sport = :$port )" | awk '
        /^[A-Za-z]/ { queue += $3; if ($3 > largest) largest = $3 }
        /skmem:/ { if (match($0, /,w[0-9]+/)) memory += substr($0, RSTART + 2, RLENGTH - 2) }
        END { printf "%d %d %d\n", queue, largest, memory }'
}

now() { date +%s.%N; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }

results=()
for build in "${builds[@]}"; do
    echo "bench: $build: $clients streams that never read, --client-buffer $buffer, a tick every $interval, $duration s at most ..." >&2
    "$build/quotecast" --headless --bind 127.0.0.1 --port $port --interval "$interval" \
        --client-buffer "$buffer" --history-file "$work/history.sqlite" > "$work/quotecast.log" 2>&1 &
    server=$!
    wait_for_port $port
    started=$(now)
    "$tools/bench/stallload" --port $port --clients "$clients" --rcvbuf "$rcvbuf" \
        --duration "$duration" > "$work/stallload.txt" 2>&1 &
    load=$!
    peak_queue=0 peak_stream=0 peak_memory=0 first_end='' all_ended='' sample=0
    # Five samples a second: a stream cut by the cap lives about two.
    while :; do
        sleep 0.2
        sample=$((sample + 1))
        t=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
        read -r queue largest memory < <(kernel_bytes)
        open=$(metric clients)
        open=${open:-0}
        [ "$queue" -gt "$peak_queue" ] && peak_queue=$queue
        [ "$largest" -gt "$peak_stream" ] && peak_stream=$largest
        [ "$memory" -gt "$peak_memory" ] && peak_memory=$memory
        [ -z "$first_end" ] && [ "$open" -lt "$clients" ] && first_end=$t
        [ -z "$all_ended" ] && [ "$open" -eq 0 ] && all_ended=$t
        [ $((sample % 5)) -eq 0 ] || [ "$open" -eq 0 ] \
            && printf '%5s s: %3d streams open, kernel send queues %9d bytes (memory %9d)\n' \
                "$t" "$open" "$queue" "$memory" >> "$work/samples.txt"
        # Done once every stream ended and the kernel let go of their bytes, or at the duration.
        { [ "$open" -eq 0 ] && [ "$queue" -eq 0 ]; } && break
        awk -v t="$t" -v d="$duration" 'BEGIN { exit !(t >= d) }' && break
    done
    dropped=$(metric slow_clients_dropped_total)
    timed_out=$(metric clients_timed_out_total)
    kill $load 2> /dev/null || true
    wait $load 2> /dev/null || true
    kill $server
    wait $server || true
    echo "## $build" >&2
    cat "$work/samples.txt" "$work/stallload.txt" >&2
    rm -f "$work/samples.txt" "$work/history.sqlite"*
    results+=("$(printf '| %s | %s | %s | %s | %s | %s | %s / %s |' "$build" "$(mb "$peak_queue")" \
        "$(mb "$peak_memory")" "$(awk -v b="$peak_stream" 'BEGIN { printf "%.1f KB", b / 1e3 }')" \
        "$dropped" "$timed_out" "${first_end:-never}" "${all_ended:-never}")")
done

echo
echo "$clients streams that never read (SO_RCVBUF $rcvbuf), --client-buffer $buffer, a tick every $interval:"
echo
echo "| build | peak kernel send queues | their memory (skmem w) | largest per stream | cut by the cap | timed out | first / last ended (s) |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${results[@]}"
echo
echo "machine: $(nproc) cores, $(uname -r), net.ipv4.tcp_wmem $(tr '\t' ' ' < /proc/sys/net/ipv4/tcp_wmem)"
