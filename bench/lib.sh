# Helpers shared by the benchmark scripts (sourced, not run).
# The caller declares: work (a temporary folder) and pids (an array of processes to end).
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
wait_for_line() { # file -> port from "listening on http://host:PORT"
    for _ in $(seq 200); do
        if grep -q "listening on" "$1" 2>/dev/null; then grep "listening on" "$1" | grep -o '[0-9]*$' | head -1; return; fi
        sleep 0.05
    done
    echo "bench: $1 never said it was listening" >&2; cat "$1" >&2; exit 1
}
# CPU time of a process in nanoseconds, all threads together (schedstat is precise; stat ticks are 10 ms).
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{ s += $1 } END { printf "%.0f", s }'; }
to_ms() { # wrk latency ("512.00us", "1.20ms", "2.00s") -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
build_if_missing() { # build dir, targets...
    local build=$1; shift
    if [ ! -x "$build/app/gatehouse" ] || [ ! -x "$build/bench/gatehouse-fake-upstream" ]; then
        cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGATEHOUSE_BUILD_TESTS=OFF >/dev/null
    fi
    cmake --build "$build" --target "$@" >/dev/null
}
