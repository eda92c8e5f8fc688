#!/usr/bin/env bash
# Instructions per request on Gatehouse's gateway thread, counted by callgrind: a figure that
# repeats from run to run where wall-clock ones on a shared machine do not. The gateway runs
# under callgrind with instrumentation off; after warm-up requests the counters are zeroed,
# REQUESTS requests are sent over CONNECTIONS keep-alive connections, and the gateway thread's
# instructions are divided by REQUESTS. With BASELINE=path, another gatehouse binary is
# measured the same way in the same run.
# Usage: bench/callgrind.sh [BUILD_DIR]   (default build/release; built if missing)
# Environment: REQUESTS (default 2000), CONNECTIONS (default 4), STREAM=1 (50-event streams
#              instead of whole answers), BASELINE (a gatehouse binary), KEEP=DIR (keep the
#              gateway thread's callgrind file there, for callgrind_annotate).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
requests=${REQUESTS:-2000}
connections=${CONNECTIONS:-4}
stream=${STREAM:-0}
for tool in valgrind callgrind_control python3; do
    command -v "$tool" >/dev/null || { echo "callgrind: $tool is missing" >&2; exit 1; }
done
source bench/lib.sh
build_if_missing "$build" gatehouse gatehouse-fake-upstream

work=$(mktemp -d)
pids=()
trap cleanup EXIT

"$build/bench/gatehouse-fake-upstream" --port 0 --events 50 --interval-ms 0 >"$work/upstream.out" 2>&1 &
pids+=($!)
upstream_port=$(wait_for_line "$work/upstream.out")

# load PORT KEY COUNT: COUNT chat requests over the keep-alive connections; fails on any non-200.
load() {
    python3 - "$1" "$2" "$3" "$connections" "$stream" <<'PY'
import http.client, json, sys, threading
port, key, count, conns, stream = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1"
body = json.dumps({"model": "fake:echo-1", "stream": stream,
                   "messages": [{"role": "user", "content": "hello there"}]})
headers = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}
failures = []
def worker(n):
    c = http.client.HTTPConnection("127.0.0.1", port)
    for _ in range(n):
        c.request("POST", "/v1/chat/completions", body, headers)
        r = c.getresponse()
        r.read()
        if r.status != 200:
            failures.append(r.status)
threads = [threading.Thread(target=worker, args=(count // conns + (1 if i < count % conns else 0),))
           for i in range(conns)]
for t in threads: t.start()
for t in threads: t.join()
if failures:
    sys.exit("callgrind: %d requests failed, e.g. %s" % (len(failures), failures[0]))
PY
}

measure() { # name binary -> prints "name: N instructions per request"
    local name=$1 bin=$2 dir="$work/config-$1"
    "$bin" --config-dir "$dir" provider add fake --url "http://127.0.0.1:$upstream_port/v1" \
        --surface openai --model echo-1 >/dev/null
    local key
    key=$("$bin" --config-dir "$dir" key create bench 2>/dev/null)
    valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes \
        --callgrind-out-file="$work/cg-$name.%p" "$bin" --config-dir "$dir" --headless --port 0 \
        >"$work/$name.out" 2>&1 &
    local pid=$!
    pids+=("$pid")
    local port
    port=$(wait_for_line "$work/$name.out")
    callgrind_control -i on "$pid" >/dev/null 2>&1
    load "$port" "$key" 200 # warm-up: caches, pools, the first connections
    callgrind_control -z "$pid" >/dev/null 2>&1
    load "$port" "$key" "$requests"
    callgrind_control -d "$pid" >/dev/null 2>&1
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    # The gateway thread is the one that ran the gateway's code.
    local best=0 file total
    for file in "$work"/cg-"$name"."$pid"*; do
        grep -q "Gateway" "$file" || continue
        total=$(awk '/^(summary|totals):/ { print $2; exit }' "$file")
        if [ "${total:-0}" -gt "$best" ]; then
            best=$total
            [ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$file" "$KEEP/callgrind.out.$name"
        fi
    done
    echo "$name: $((best / requests)) instructions per request on the gateway thread"
}

kind=$([ "$stream" = 1 ] && echo "50-event streams" || echo "whole answers")
echo "callgrind, $requests requests ($kind) over $connections connections:"
measure gatehouse "$build/app/gatehouse"
[ -n "${BASELINE:-}" ] && measure baseline "$BASELINE"
exit 0
