#!/usr/bin/env bash
# What routing costs: two headless gateways side by side in one run, against the same fake
# upstream, with the same requests at the same time of day:
#   plain   - one provider; requests name fake:echo-1
#   routed  - 20 providers, 50 aliases and a key configuration with allow patterns and a
#             (never reached) rate limit; requests name an alias whose chain starts in the
#             middle of the provider list
# Rounds alternate plain/routed so drifting machine load hits both alike; medians are quoted.
# Usage: bench/routing.sh [BUILD_DIR]   (default build/release)
# Environment: DURATION (seconds per round, default 4), ROUNDS (default 5), CONCURRENCY (16).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
duration=${DURATION:-4}
rounds=${ROUNDS:-5}
c=${CONCURRENCY:-16}

command -v wrk >/dev/null || { echo "bench: wrk is missing; run GATEHOUSE_BENCH_DEPS=1 packaging/install-deps.sh" >&2; exit 1; }
source bench/lib.sh
build_if_missing "$build" gatehouse gatehouse-fake-upstream

work=$(mktemp -d)
pids=()
trap cleanup EXIT

"$build/bench/gatehouse-fake-upstream" --port 0 >"$work/upstream.out" 2>&1 &
pids+=($!)
up=$(wait_for_line "$work/upstream.out")

start_gateway() { # name -> sets port_<name>, pid_<name>
    "$build/app/gatehouse" --config-dir "$work/$1" --headless --port 0 >"$work/$1.out" 2>&1 &
    pids+=($!)
    eval "pid_$1=$!"
    eval "port_$1=$(wait_for_line "$work/$1.out")"
}

# plain
gp="$build/app/gatehouse --config-dir $work/plain"
$gp provider add fake --url "http://127.0.0.1:$up/v1" --surface openai --model echo-1 >/dev/null
key_plain=$($gp key create bench 2>/dev/null)

# routed: 20 providers (the same upstream under 20 names), 50 aliases of 3 candidates each,
# a key configuration that allows most of them and counts requests.
gr="$build/app/gatehouse --config-dir $work/routed"
for i in $(seq 1 20); do
    $gr provider add "p$i" --url "http://127.0.0.1:$up/v1" --surface openai --model echo-1 --model "m$i" >/dev/null
done
for a in $(seq 1 50); do
    x=$(( (a % 20) + 1 )); y=$(( ((a + 7) % 20) + 1 )); z=$(( ((a + 13) % 20) + 1 ))
    $gr route set "alias-$a" --to "p$x:echo-1" --to "p$y:echo-1" --to "p$z:echo-1" >/dev/null
done
allow=()
for i in $(seq 1 20); do allow+=(--allow "p$i:*"); done
$gr key config set team "${allow[@]}" --allow 'alias-*' --rpm 1000000 >/dev/null
key_routed=$($gr key create bench --key-config team 2>/dev/null)

start_gateway plain
start_gateway routed

body() { echo "wrk.method = \"POST\"
wrk.body = '{\"model\":\"$1\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}'
wrk.headers[\"Content-Type\"] = \"application/json\"
wrk.headers[\"Authorization\"] = \"Bearer $2\""; }
body fake:echo-1 "$key_plain" >"$work/plain.lua"
body alias-30 "$key_routed" >"$work/routed.lua"

# Both answer correctly before anything is measured.
for t in plain routed; do
    p=$(eval echo "\$port_$t")
    wrk -t2 -c"$c" -d1s -s "$work/$t.lua" "http://127.0.0.1:$p/v1/chat/completions" | grep -q "Non-2xx" && { echo "bench: $t answered errors" >&2; exit 1; }
done

declare -A p50s cpus rpss
for r in $(seq 1 "$rounds"); do
    for t in plain routed; do
        p=$(eval echo "\$port_$t"); pid=$(eval echo "\$pid_$t")
        before=$(cpu_ns "$pid")
        out=$(wrk -t2 -c"$c" -d"${duration}s" --latency -s "$work/$t.lua" "http://127.0.0.1:$p/v1/chat/completions")
        after=$(cpu_ns "$pid")
        n=$(echo "$out" | awk '/requests in/ {print $1}')
        p50s[$t]+="$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')") "
        rpss[$t]+="$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}') "
        cpus[$t]+="$(awk -v d=$((after - before)) -v n="$n" 'BEGIN { printf "%.2f", d / 1000 / n }') "
    done
done
median() { echo "$1" | tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
report="$work/routing.md"
{
    echo "Routing cost: $rounds alternating rounds of ${duration}s, $c connections, $(nproc) cores; medians."
    echo
    echo "| gateway | p50 ms | req/s | gateway CPU µs/req |"
    echo "|---|---|---|---|"
    for t in plain routed; do
        echo "| $t | $(median "${p50s[$t]}") | $(median "${rpss[$t]}") | $(median "${cpus[$t]}") |"
    done
    echo
    echo "routed / plain: p50 $(ratio "$(median "${p50s[routed]}")" "$(median "${p50s[plain]}")"), CPU per request $(ratio "$(median "${cpus[routed]}")" "$(median "${cpus[plain]}")"), req/s $(ratio "$(median "${rpss[routed]}")" "$(median "${rpss[plain]}")")"
    echo
    echo "Per round (p50 ms / CPU µs): plain ${p50s[plain]}/ ${cpus[plain]}; routed ${p50s[routed]}/ ${cpus[routed]}"
} >"$report"
cat "$report"
mkdir -p bench/results
cp "$report" bench/results/routing.md
