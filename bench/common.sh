# shellcheck shell=bash
# Shared by the benchmark scripts: sourced, not run.

# wait_for_port PORT: until something accepts connections on 127.0.0.1:PORT (10 s at most).
wait_for_port() {
    for _ in $(seq 100); do
        (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0
        sleep 0.1
    done
    echo "bench: nothing listens on port $1" >&2
    return 1
}

# rss_kb PID
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# cpu_ticks PID: the user and system CPU time it used so far, in clock ticks (getconf CLK_TCK).
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# descriptors PID: open files of a process (its streams, plus a few of its own).
descriptors() { ls "/proc/$1/fd" | wc -l; }

# start_nginx DIR PORT: nginx with DIR/nginx.conf (which says `daemon off`), as a child of
# this shell, so that `wait` and the scripts' traps reach it. Sets nginx_master and
# nginx_worker: the one worker, which holds the streams (sseload's --server-pid).
start_nginx() {
    nginx -p "$1" -c "$1/nginx.conf" 2> "$1/error.log" &
    nginx_master=$!
    wait_for_port "$2"
    # The master listens before it forks: the port alone does not say the worker exists.
    nginx_worker=
    for _ in $(seq 100); do
        nginx_worker=$(pgrep -P $nginx_master | head -n 1) && [ -n "$nginx_worker" ] && return 0
        sleep 0.1
    done
    echo "bench: nginx in $1 started no worker (see $1/error.log)" >&2
    return 1
}

# stop_nginx MASTER: SIGTERM to the master, which stops its workers before it exits.
stop_nginx() { kill "$1" 2> /dev/null; wait "$1" 2> /dev/null || true; }

# field JSON KEY: a number from sseload's --json file (the first KEY in it).
field() { grep -o "\"$2\":[0-9.e+-]*" "$1" | head -n 1 | cut -d: -f2; }

# run_loads LETTERS...: calls `load NAME TITLE CLIENTS EVENTS_PER_S RAMP_MS DURATION_S
# [SSELOAD_OPTION...]` (the caller's) for each of the loads that every benchmark script measures
# the same way: a to d the steady state after a ramp and a 5 s settle; e and f a reconnection
# storm (everyone back within a second or two, as after a restart or a Wi-Fi outage), measured
# over the whole run, the storm included.
run_loads() {
    local name
    for name in "$@"; do
        case $name in
        a) load a "1,000 clients x 100 events/s" 1000 100 2000 20 ;;
        b) load b "10,000 clients x 10 events/s" 10000 10 5000 20 ;;
        c) load c "19,000 clients x 10 events/s" 19000 10 10000 30 ;;
        d) load d "19,000 clients held 60 s at 1 event/s" 19000 1 10000 60 ;;
        e) load e "storm: 10,000 clients within 1 s x 10 events/s" 10000 10 1000 11 \
            --settle-ms 0 --whole-run ;;
        f) load f "storm: 19,000 clients within 2 s x 10 events/s" 19000 10 2000 10 \
            --settle-ms 0 --whole-run ;;
        *) echo "bench: unknown load $name (a to f)" >&2; exit 2 ;;
        esac
    done
}
