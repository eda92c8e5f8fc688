#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a bounded time on a copy of its seed corpus
# (tests/fuzz/corpus/<target>) and fails if any finds a crash, a leak, a timeout or runs out
# of memory. Builds nothing: configure and build the "fuzz" preset first.
#
#   tests/fuzz/run-fuzzers.sh [build dir]        (default: build/fuzz)
#
# Environment:
#   FUZZ_SECONDS   time per target (default 30)
#   FUZZ_TIMEOUT   seconds one input may take before it counts as a hang (default 10)
#   FUZZ_RSS_MB    memory limit per target in MiB (default 2048)
#   FUZZ_JOBS      targets run at the same time (default: the number of CPUs)
#   FUZZ_TARGETS   which targets, separated by spaces (default: all that were built)
#   FUZZ_OUT       where logs and findings go (default: <build dir>/fuzz-findings)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-build/fuzz}"
seconds="${FUZZ_SECONDS:-30}"
timeout="${FUZZ_TIMEOUT:-10}"
rss="${FUZZ_RSS_MB:-2048}"
jobs="${FUZZ_JOBS:-$(nproc)}"
out="${FUZZ_OUT:-$build/fuzz-findings}"

if [ -n "${FUZZ_TARGETS:-}" ]; then
    read -r -a targets <<<"$FUZZ_TARGETS"
else
    targets=()
    for bin in "$build"/tests/fuzz/fuzz_*; do
        [ -f "$bin" ] && [ -x "$bin" ] && targets+=("$(basename "$bin" | sed 's/^fuzz_//')")
    done
fi
if [ "${#targets[@]}" = 0 ]; then
    echo "no fuzz targets in $build/tests/fuzz: build the fuzz preset first" >&2
    exit 2
fi

dictionary() {
    case "$1" in
    http_* | chunked_*) echo "$here/dict/http.dict" ;;
    sse_* | ndjson_* | surface_stream) echo "$here/dict/sse.dict" ;;
    surface_* | config_*) echo "$here/dict/json.dict" ;;
    esac
}

rm -rf "$out"
mkdir -p "$out"
run_one() {
    local t="$1" bin="$build/tests/fuzz/fuzz_$1"
    local work="$out/$t/corpus" dict
    mkdir -p "$work" "$out/$t/artifacts"
    [ -d "$here/corpus/$t" ] && cp -r "$here/corpus/$t/." "$work/"
    dict="$(dictionary "$t")"
    local args=(-max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss"
        -print_final_stats=1 -artifact_prefix="$out/$t/artifacts/")
    [ -n "$dict" ] && args+=(-dict="$dict")
    local rc=0
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        "$bin" "${args[@]}" "$work" >"$out/$t/log" 2>&1 || rc=$?
    local execs speed
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t/log" | tail -1)"
    speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$t/log" | tail -1)"
    if [ "$rc" != 0 ] || [ -n "$(ls -A "$out/$t/artifacts")" ]; then
        echo "FAIL $t (exit $rc): $(ls "$out/$t/artifacts" | tr '\n' ' ')"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant failed|qFatal)|runtime error|failed: ' \
            "$out/$t/log" | head -8 | sed 's/^/    /'
        # The input itself, so that a finding on another machine can be reproduced here.
        for a in "$out/$t/artifacts"/*; do
            [ -f "$a" ] && [ "$(wc -c <"$a")" -le 8192 ] &&
                echo "    input $(basename "$a") (base64): $(base64 -w0 "$a")"
        done
        echo "    log: $out/$t/log"
        return 1
    fi
    echo "ok   $t: ${execs:-?} runs, ${speed:-?}/s, corpus $(ls "$here/corpus/$t" 2>/dev/null | wc -l) -> $(ls "$work" | wc -l)"
}

echo "fuzzing ${#targets[@]} targets for ${seconds}s each, $jobs at a time"
failed=0
running=0
for t in "${targets[@]}"; do
    if [ ! -x "$build/tests/fuzz/fuzz_$t" ]; then
        echo "FAIL $t: no executable $build/tests/fuzz/fuzz_$t"
        failed=1
        continue
    fi
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || failed=1
        running=$((running - 1))
    fi
done
while [ "$running" -gt 0 ]; do
    wait -n || failed=1
    running=$((running - 1))
done
if [ "$failed" != 0 ]; then
    echo "fuzzing found problems; reproduce with: $build/tests/fuzz/fuzz_<target> <artifact>" >&2
    exit 1
fi
echo "fuzzing: no findings"
