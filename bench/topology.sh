#!/usr/bin/env bash
# The relay of README's "Serving more browsers", loaded on this machine: quotecast posts
# every event to nchan (nginx), and the clients are spread over quotecast's own /stream
# and the nodes' /stream, all at once. The nodes run the shipped packaging/nchan files
# with this script's ports. Targets 127.0.0.1 only and stops by itself.
#
#   bench/topology.sh            both stages (about 3 minutes)
#   bench/topology.sh one        quotecast + one nchan node
#   bench/topology.sh redis      quotecast + two nchan nodes sharing one Redis
#
# one:   19,500 clients on quotecast + 18,500 on node 1 (quotecast-nchan.conf): an nginx
#        worker begins to close connections still waiting for their request once fewer
#        than 1/16 of its worker_connections (20,000: the descriptors a process may have
#        here) are free, so it takes about 18,700 streams.
# redis: 12,000 on quotecast + 13,000 on node 1 + 13,000 on node 2
#        (quotecast-nchan-redis.conf; quotecast posts to node 1, node 2 hears it via Redis).
# Every target has its own sseload (a process holds at most 20,000 sockets); each event is
# timed from its tick (`ts`, set by quotecast) to its arrival, so nchan's latency includes
# quotecast's POST and, for the nodes, Redis.
#
# Environment: RATE events/s (default 1), ONE="19500 18500" and REDIS="12000 13000 13000"
# (clients per target, at most 19,500 each), RAMP_MS (40000: in a 20 s storm the two cores
# saturate and about 2,000 of quotecast's connects were reset in 2 runs of 3), SETTLE_MS
# (10000), DURATION s (30), RESULTS_DIR for sseload's files (/tmp).
# Needs: a build, nginx-light, libnginx-mod-nchan and redis-server.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cmake --build "$build" --target quotecast sseload > /dev/null
for tool in nginx redis-server; do
    command -v $tool > /dev/null || {
        echo "bench: needs nginx-light, libnginx-mod-nchan and redis-server" >&2
        exit 2
    }
done
ulimit -n "$(ulimit -Hn)"
# shellcheck source=bench/common.sh
. bench/common.sh

rate=${RATE:-1}
ramp_ms=${RAMP_MS:-40000}
settle_ms=${SETTLE_MS:-10000}
duration=${DURATION:-30}
qport=18220
rport=18223
node_ports=(18221 18222)

work=$(mktemp -d)
# nginx's workers run as nobody (we are root) and must reach their temp files.
chmod 755 "$work"
cleanup() {
    # SIGTERM to all: quotecast and redis exit, each nginx master stops its worker first.
    local pids
    mapfile -t pids < <(jobs -p)
    kill "${pids[@]}" 2> /dev/null || true
    wait 2> /dev/null || true
    cp "$work"/*.txt "$work"/*.json "$work"/*.log "${RESULTS_DIR:-/tmp}" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# node_config DIR PORT CONF: packaging/nchan/CONF installed as users do (the server file
# included by nginx.conf, the snippet in snippets/ beside it), with this script's ports.
node_config() {
    mkdir -p "$1/snippets" "$1/temp"
    cp packaging/nchan/snippets/quotecast-nchan.conf "$1/snippets/"
    sed -e "s|listen 8081;|listen 127.0.0.1:$2;|" -e "s|127\.0\.0\.1:8080|127.0.0.1:$qport|" \
        -e "s|127\.0\.0\.1:6379|127.0.0.1:$rport|" "packaging/nchan/$3" > "$1/server.conf"
    # A port the sed missed would load, or publish to, a real service of this machine.
    if sed 's/#.*//' "$1/server.conf" "$1/snippets/quotecast-nchan.conf" \
        | grep -Ewq '8080|8081|6379'; then
        echo "bench: packaging/nchan/$3 has an address this script does not replace" >&2
        exit 2
    fi
    # Like bench/nchan.conf.in: one worker, as many streams as one process may hold.
    cat > "$1/nginx.conf" << EOF
load_module /usr/lib/nginx/modules/ngx_nchan_module.so;
worker_processes 1;
worker_rlimit_nofile 20000;
daemon off;
pid $1/nginx.pid;
error_log stderr warn;
events {
    worker_connections 20000;
    multi_accept on;
}
http {
    access_log off;
    client_body_temp_path $1/temp/body;
    proxy_temp_path $1/temp/proxy;
    include $1/server.conf;
}
EOF
}

# start_node N CONF: nginx node N (1 or 2); sets node_pid[N] (its master) and
# node_worker[N] (the worker, which holds the streams).
node_pid=()
node_worker=()
start_node() {
    local port=${node_ports[$1 - 1]}
    local dir=$work/$stage-node$1
    node_config "$dir" "$port" "$2"
    start_nginx "$dir" "$port"
    # Kept with the results: why connections failed, if they did.
    ln -s "$stage-node$1/error.log" "$work/topology-$stage-node$1-nginx.log"
    node_pid[$1]=$nginx_master # set by start_nginx, like nginx_worker
    node_worker[$1]=$nginx_worker
}

start_redis() {
    redis-server --bind 127.0.0.1 --port $rport --save '' --appendonly no \
        > "$work/topology-$stage-redis.log" 2>&1 &
    redis=$!
    wait_for_port $rport
}

# start_quotecast: the feed at $rate, publishing to node 1.
start_quotecast() {
    "$build/quotecast" --headless --bind 127.0.0.1 --port $qport --interval $((1000 / rate)) \
        --max-clients 20000 --in-memory --publish "http://127.0.0.1:${node_ports[0]}/pub/quotes" \
        > "$work/topology-$stage-quotecast.log" 2>&1 &
    quotecast=$!
    wait_for_port $qport
    sleep 1 # its first posts to node 1
    check_quotecast
}

# check_quotecast: a stage whose quotecast died measured nothing worth printing.
check_quotecast() {
    kill -0 $quotecast 2> /dev/null && return 0
    local status=0
    wait $quotecast || status=$?
    echo "bench: quotecast exited (status $status):" >&2
    tail -n 5 "$work/topology-$stage-quotecast.log" >&2
    exit 1
}

# load STAGE TARGET PORT SERVER_PID CLIENTS: one sseload in the background; appends it to
# `loads`. All of a stage's loads ramp, settle and measure over the same seconds.
loads=()
load() {
    if [ "$5" -gt 19500 ]; then
        echo "bench: $5 clients on $2: one sseload (and one server process) holds 19,500" >&2
        exit 2
    fi
    "$build/bench/sseload" --url "http://127.0.0.1:$3/stream" --clients "$5" \
        --ramp-ms "$ramp_ms" --settle-ms "$settle_ms" --duration "$duration" \
        --server-pid "$4" --json "$work/topology-$1-$2.json" > "$work/topology-$1-$2.txt" &
    loads+=($!)
}

# hold: returns when the loads' measuring ends (they start together). Meanwhile samples
# quotecast's queue for node 1 (a backlog there means nchan answers its posts too slowly)
# and, if it runs, Redis's CPU over those seconds in cores (it has no sseload of its own).
hold() {
    sleep "$(awk -v ms=$((ramp_ms + settle_ms)) 'BEGIN { print ms / 1000 }')"
    queued_start=$(publisher_metric queued)
    local before machine_before
    [ -z "$redis" ] || before=$(cpu_ticks $redis)
    machine_before=$(machine_ticks)
    sleep "$duration"
    queued_end=$(publisher_metric queued)
    machine_cores=$(cores_over_hold "$machine_before" "$(machine_ticks)")
    [ -z "$redis" ] || redis_cores=$(cores_over_hold "$before" "$(cpu_ticks $redis)")
}

# cores_over_hold BEFORE AFTER: CPU clock ticks spent over the hold, in cores.
cores_over_hold() {
    awk -v a="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" -v s="$duration" \
        'BEGIN { printf "%.2f", (b - a) / hz / s }'
}

# machine_ticks: the CPU time all cores spent busy so far (not idle, not waiting for I/O),
# in clock ticks: the servers, the load clients, the kernel's loopback and whatever else runs.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# publisher_metric NAME: quotecast_publish_NAME from quotecast's /metrics.
publisher_metric() {
    curl -s -m 5 "http://127.0.0.1:$qport/metrics" | awk -v name="quotecast_publish_$1" '
        $1 == name { print $2 }'
}

# Table rows: one per target, then Redis (CPU and memory only), then the total.
header() {
    sum_clients=0 sum_connected=0 sum_failed=0 sum_dropped=0 sum_events=0 sum_missing=0
    sum_cpu=0 sum_rss=0 worst_p50=0 worst_p99=0
    printf '| target | clients | connected | failed | dropped | events | in s | per client/s '
    printf '| missing | delivered | p50 ms | p99 ms | server CPU | server RSS |\n'
    printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
}

# row NAME JSON: prints the target's row and adds it to the total (sum_*, worst p50/p99).
row() {
    local j=$2 seconds clients connected failed dropped events missing p50 p99 cpu rss per_client
    clients=$(field "$j" clients) connected=$(field "$j" connected) failed=$(field "$j" failed)
    dropped=$(field "$j" dropped) events=$(field "$j" events) missing=$(field "$j" missing)
    p50=$(field "$j" p50) p99=$(field "$j" p99)
    cpu=$(field "$j" serverCpuCores) rss=$(field "$j" serverRssKb)
    # Events per second per connected client: the feed's rate if every stream kept up. The
    # seconds are sseload's: fewer than DURATION when it began measuring late (starved).
    seconds=$(awk -v s="$(field "$j" seconds)" 'BEGIN { printf "%.1f", s }')
    per_client=$(awk -v e="$(field "$j" eventsPerSecond)" -v c="$connected" \
        'BEGIN { printf "%.2f", (c > 0 ? e / c : 0) }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s %% | %s | %s | %.2f cores ' \
        "$1" "$clients" "$connected" "$failed" "$dropped" "$events" "$seconds" "$per_client" \
        "$missing" "$(percent "$events" "$missing")" "$p50" "$p99" "$cpu"
    printf '| %s MB |\n' "$((rss / 1024))"
    sum_clients=$((sum_clients + clients)) sum_connected=$((sum_connected + connected))
    sum_failed=$((sum_failed + failed)) sum_dropped=$((sum_dropped + dropped))
    sum_events=$((sum_events + events)) sum_missing=$((sum_missing + missing))
    sum_rss=$((sum_rss + rss))
    sum_cpu=$(awk -v a="$sum_cpu" -v b="$cpu" 'BEGIN { print a + b }')
    worst_p50=$((p50 > worst_p50 ? p50 : worst_p50))
    worst_p99=$((p99 > worst_p99 ? p99 : worst_p99))
}

# percent DELIVERED MISSING
percent() {
    awk -v e="$1" -v m="$2" 'BEGIN { printf "%.3f", (e + m > 0 ? 100 * e / (e + m) : 100) }'
}

redis_row() {
    local rss
    rss=$(rss_kb $redis)
    printf '| redis | | | | | | | | | | | | %.2f cores | %s MB |\n' "$redis_cores" $((rss / 1024))
    sum_rss=$((sum_rss + rss))
    sum_cpu=$(awk -v a="$sum_cpu" -v b="$redis_cores" 'BEGIN { print a + b }')
}

total_row() {
    printf '| **total** (sums; worst latency) | %s | %s | %s | %s | %s | | ' \
        $sum_clients $sum_connected $sum_failed $sum_dropped $sum_events
    printf '| %s | %s %% | %s | %s | %.2f cores | %s MB |\n' $sum_missing \
        "$(percent $sum_events $sum_missing)" $worst_p50 $worst_p99 "$sum_cpu" $((sum_rss / 1024))
}

# publisher_line: how quotecast's posts to node 1 went.
publisher_line() {
    printf 'quotecast -> node 1: %s events posted, %s dropped; %s waiting at the start of ' \
        "$(publisher_metric sent_total)" "$(publisher_metric dropped_total)" "$queued_start"
    printf 'the hold, %s at its end\n' "$queued_end"
    echo "machine: $machine_cores of $(nproc) cores busy during the hold"
}

# run_stage CONF TITLE CLIENTS...: quotecast publishing to node 1, and one nginx node with
# packaging/nchan/CONF for each client count after quotecast's (Redis too when CONF uses it),
# all loaded at once; then the stage's table. $stage names its files.
run_stage() {
    local conf=$1 title=$2 n
    shift 2
    local clients=("$@") nodes=$(($# - 1))
    if [ $nodes -lt 1 ] || [ $nodes -gt ${#node_ports[@]} ]; then
        echo "bench: $title takes quotecast's and 1 to ${#node_ports[@]} nodes' clients" >&2
        exit 2
    fi
    echo "bench: $title, ${clients[*]} clients at $rate events/s ..." >&2
    redis=
    [ "$conf" = quotecast-nchan.conf ] || start_redis
    for n in $(seq $nodes); do start_node "$n" "$conf"; done
    start_quotecast
    loads=()
    load "$stage" quotecast $qport $quotecast "${clients[0]}"
    for n in $(seq $nodes); do
        load "$stage" "node$n" "${node_ports[n - 1]}" "${node_worker[n]}" "${clients[n]}"
    done
    hold
    wait "${loads[@]}"
    check_quotecast
    printf '\n### quotecast + %s, %s events/s\n\n' "$title" "$rate"
    header
    row quotecast "$work/topology-$stage-quotecast.json"
    for n in $(seq $nodes); do row "node $n" "$work/topology-$stage-node$n.json"; done
    [ -z "$redis" ] || redis_row
    total_row
    echo
    publisher_line
    kill $quotecast; wait $quotecast || true
    for n in $(seq $nodes); do stop_nginx "${node_pid[n]}"; done
    if [ -n "$redis" ]; then
        kill $redis; wait $redis || true
        redis=
    fi
}

stages=("$@")
[ $# -gt 0 ] || stages=(one redis)
for stage in "${stages[@]}"; do # $stage also names the stage's files
    case $stage in
    one)
        read -ra clients <<< "${ONE:-19500 18500}"
        run_stage quotecast-nchan.conf "one nchan node" "${clients[@]}"
        ;;
    redis)
        read -ra clients <<< "${REDIS:-12000 13000 13000}"
        run_stage quotecast-nchan-redis.conf "two nchan nodes sharing Redis" "${clients[@]}"
        ;;
    *) echo "bench: unknown stage $stage (one or redis)" >&2; exit 2 ;;
    esac
done
echo
echo "machine: $(nproc) cores, $(uname -r)"
