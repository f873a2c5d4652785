#!/bin/sh
# Builds the fuzz preset (build-fuzz/, clang with libFuzzer, ASan and UBSan) and runs each fuzz
# target for SECONDS (60 unless given) from a copy of its seed corpus and regressions, so the
# repository's are never modified; then says what each ran. A crash, a sanitizer's report, a
# failed check, a leak or an input slower than 25 s fails it, after the other targets ran;
# the input is left in build-fuzz/fuzz-findings/<target>/: fix the bug, then add the input
# to tests/fuzz/regressions/<target>/, where the fuzzcorpus_<target> test keeps running it.
#   tests/fuzz/run-fuzzers.sh [SECONDS [TARGET...]]      (TARGET: a folder of tests/fuzz/corpus)
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-$(ls tests/fuzz/corpus)}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings=build-fuzz/fuzz-findings
failed=""
for target in $targets; do
    mkdir -p "$work/$target" "$findings/$target"
    cp tests/fuzz/corpus/"$target"/* "$work/$target/"
    if [ -d tests/fuzz/regressions/"$target" ]; then
        cp tests/fuzz/regressions/"$target"/* "$work/$target/"
    fi
    dict=""
    [ -f tests/fuzz/"$target".dict ] && dict="-dict=tests/fuzz/$target.dict"
    log="$findings/$target/fuzz.log"
    # shellcheck disable=SC2086 # $dict is one argument or none
    if QT_QPA_PLATFORM=offscreen build-fuzz/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" \
        -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 $dict \
        -artifact_prefix="$findings/$target/" "$work/$target" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
        corpus=$(ls "$work/$target" | wc -l)
        echo "fuzz $target: ${seconds} s, $runs inputs ($speed/s), corpus $corpus, no finding"
    else
        echo "fuzz $target: FAILED, the input is in $findings/$target/; the end of $log:"
        tail -n 40 "$log"
        failed="$failed $target"
    fi
done
[ -z "$failed" ] || { echo "fuzz: findings in$failed"; exit 1; }
