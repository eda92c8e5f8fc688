#!/usr/bin/env bash
# Gatehouse benchmark: the same requests, side by side in one run, against
#   direct    - the fake upstream itself
#   nginx     - nginx as a plain reverse proxy (proxy_buffering off, keepalive upstream)
#   gatehouse - the headless gateway
#   baseline  - another Gatehouse binary (BASELINE=path), e.g. the last release: before and after
# Streams also through the Responses API: straight to the upstream's /v1/responses, through
# Gatehouse to a Responses provider (relayed as it is), and to a Chat Completions provider
# (translated both ways); and as Ollama NDJSON streams (/api/chat) the same three ways.
# Usage: bench/run.sh [BUILD_DIR]   (default build/release; built if missing)
# Needs: wrk, nginx (GATEHOUSE_BENCH_DEPS=1 packaging/install-deps.sh installs them).
# Environment: DURATION (seconds per wrk run, default 5), ROUNDS (wrk runs per cell, interleaved;
#              the median is reported, default 3), CONCURRENCY (default "1 16 64"),
#              EXTRA_PROVIDERS (configure this many more providers and aliases, default 0),
#              BASELINE (a gatehouse binary to measure beside this one).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
duration=${DURATION:-5}
rounds=${ROUNDS:-3}
concurrency=${CONCURRENCY:-1 16 64}
extra=${EXTRA_PROVIDERS:-0}

for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run GATEHOUSE_BENCH_DEPS=1 packaging/install-deps.sh" >&2; exit 1; }
done
source bench/lib.sh
build_if_missing "$build" gatehouse gatehouse-fake-upstream gatehouse-stream-probe

work=$(mktemp -d)
pids=()
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
peak_rss_kib() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

# Fake upstream: 50 events per stream, 2 ms apart, so buffering would show.
"$build/bench/gatehouse-fake-upstream" --port 0 --events 50 --interval-ms 2 >"$work/upstream.out" 2>&1 &
pids+=($!); upstream_pid=$!
upstream_port=$(wait_for_line "$work/upstream.out")

# nginx as a plain reverse proxy, one worker like Gatehouse's one gateway thread.
nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    upstream fake { server 127.0.0.1:$upstream_port; keepalive 128; }
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://fake;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
            proxy_request_buffering off;
        }
    }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$work/nginx.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/nginx/nginx.pid" ] && break; sleep 0.05; done
nginx_worker=$(pgrep -P "$(cat "$work/nginx/nginx.pid")" | head -1)

# Gatehouse, headless, with its own config folder.
gh="$build/app/gatehouse --config-dir $work/gatehouse"
$gh provider add fake --url "http://127.0.0.1:$upstream_port/v1" --surface openai --model echo-1 >/dev/null
# The same fake upstream on its Anthropic surface: OpenAI clients reach it through translation.
$gh provider add claude --url "http://127.0.0.1:$upstream_port" --surface anthropic --model echo-1 >/dev/null
for i in $(seq 1 "$extra"); do
    $gh provider add "extra-$i" --url "http://127.0.0.1:$upstream_port/v1" --surface openai --model "m-$i" >/dev/null
done
# The fake upstream's Responses API: Responses clients reach it as it is.
$gh provider add resp --url "http://127.0.0.1:$upstream_port/v1" --surface responses --model echo-1 >/dev/null
# Its Ollama API: Ollama clients reach it as it is (NDJSON).
$gh provider add olla --url "http://127.0.0.1:$upstream_port" --surface ollama --model echo-1 >/dev/null
key=$($gh key create bench 2>/dev/null)
$gh --headless --port 0 >"$work/gatehouse.out" 2>&1 &
pids+=($!); gatehouse_pid=$!
gatehouse_port=$(wait_for_line "$work/gatehouse.out")

declare -A port=([direct]=$upstream_port [nginx]=$nginx_port [gatehouse]=$gatehouse_port)
declare -A model=([direct]=echo-1 [nginx]=echo-1 [gatehouse]=fake:echo-1)
declare -A proc=([direct]=$upstream_pid [nginx]=$nginx_worker [gatehouse]=$gatehouse_pid)
targets=(direct nginx gatehouse)

# The same configuration served by another build, measured in the same rounds.
if [ -n "${BASELINE:-}" ]; then
    bl="$BASELINE --config-dir $work/baseline"
    $bl provider add fake --url "http://127.0.0.1:$upstream_port/v1" --surface openai --model echo-1 >/dev/null
    $bl provider add claude --url "http://127.0.0.1:$upstream_port" --surface anthropic --model echo-1 >/dev/null
    blkey=$($bl key create bench 2>/dev/null)
    $bl --headless --port 0 >"$work/baseline.out" 2>&1 &
    pids+=($!); baseline_pid=$!
    port[baseline]=$(wait_for_line "$work/baseline.out")
    model[baseline]=fake:echo-1; proc[baseline]=$baseline_pid
    targets+=(baseline)
fi
declare -A keyof
for t in "${targets[@]}"; do keyof[$t]=$key; done
[ -n "${BASELINE:-}" ] && keyof[baseline]=$blkey

for t in "${targets[@]}"; do
    cat >"$work/$t.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"model":"${model[$t]}","messages":[{"role":"user","content":"hello"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer ${keyof[$t]}"
LUA
done


median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A rps p50 p99 cpu
declare -A all_rps all_p50 all_p99 all_cpu
# Rounds interleave the targets, so a slow spell of the machine touches them all alike; each
# cell is the median of its rounds.
for round in $(seq "$rounds"); do
    for c in $concurrency; do
        for t in "${targets[@]}"; do
            threads=$(( c < 2 ? 1 : 2 ))
            # Warm up connection pools first.
            wrk -t"$threads" -c"$c" -d1s -s "$work/$t.lua" "http://127.0.0.1:${port[$t]}/v1/chat/completions" >/dev/null
            before=$(cpu_ns "${proc[$t]}")
            out=$(wrk -t"$threads" -c"$c" -d"${duration}s" --latency -s "$work/$t.lua" "http://127.0.0.1:${port[$t]}/v1/chat/completions")
            after=$(cpu_ns "${proc[$t]}")
            if echo "$out" | grep -q "Non-2xx"; then echo "bench: $t answered errors:" >&2; echo "$out" >&2; exit 1; fi
            requests=$(echo "$out" | awk '/requests in/ {print $1}')
            all_rps[$t,$c]+=" $(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')"
            all_p50[$t,$c]+=" $(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")"
            all_p99[$t,$c]+=" $(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")"
            all_cpu[$t,$c]+=" $(awk -v d=$((after - before)) -v n="$requests" 'BEGIN { printf "%.1f", d / 1000 / n }')"
        done
    done
done
for c in $concurrency; do
    for t in "${targets[@]}"; do
        rps[$t,$c]=$(echo "${all_rps[$t,$c]}" | median)
        p50[$t,$c]=$(echo "${all_p50[$t,$c]}" | median)
        p99[$t,$c]=$(echo "${all_p99[$t,$c]}" | median)
        cpu[$t,$c]=$(echo "${all_cpu[$t,$c]}" | median)
    done
done

# Streams: the targets, plus Gatehouse translating (OpenAI client, Anthropic-surface upstream),
# and Responses API streams: direct, relayed as they are, and translated from Chat Completions.
port[translated]=$gatehouse_port; model[translated]=claude:echo-1; proc[translated]=$gatehouse_pid
keyof[translated]=$key
declare -A api=()
for t in resp-direct resp-gatehouse resp-translated; do api[$t]=responses; keyof[$t]=$key; done
port[resp-direct]=$upstream_port; model[resp-direct]=echo-1; proc[resp-direct]=$upstream_pid
port[resp-gatehouse]=$gatehouse_port; model[resp-gatehouse]=resp:echo-1; proc[resp-gatehouse]=$gatehouse_pid
port[resp-translated]=$gatehouse_port; model[resp-translated]=fake:echo-1; proc[resp-translated]=$gatehouse_pid
# Ollama NDJSON streams: direct, relayed as they are, and translated from Chat Completions.
for t in olla-direct olla-gatehouse olla-translated; do api[$t]=ollama; keyof[$t]=$key; done
port[olla-direct]=$upstream_port; model[olla-direct]=echo-1; proc[olla-direct]=$upstream_pid
port[olla-gatehouse]=$gatehouse_port; model[olla-gatehouse]=olla:echo-1; proc[olla-gatehouse]=$gatehouse_pid
port[olla-translated]=$gatehouse_port; model[olla-translated]=fake:echo-1; proc[olla-translated]=$gatehouse_pid
stream_targets=("${targets[@]}" translated resp-direct resp-gatehouse resp-translated olla-direct olla-gatehouse olla-translated)
declare -A ttft total spread scpu
for sc in 1 32; do
    for t in "${stream_targets[@]}"; do
        n=$(( sc == 1 ? 30 : 96 ))
        before=$(cpu_ns "${proc[$t]}")
        json=$("$build/bench/gatehouse-stream-probe" --port "${port[$t]}" --key "${keyof[$t]}" --model "${model[$t]}" --concurrency "$sc" --requests "$n" --api "${api[$t]:-chat}")
        after=$(cpu_ns "${proc[$t]}")
        get() { echo "$json" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
        ttft[$t,$sc]=$(get ttft_p50_ms); total[$t,$sc]=$(get total_p50_ms); spread[$t,$sc]=$(get spread_p50_ms)
        scpu[$t,$sc]=$(awk -v d=$((after - before)) -v n="$n" 'BEGIN { printf "%.0f", d / 1000 / n }')
    done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
report="$work/report.md"
{
    echo "Machine: $(nproc) cores, $(uname -sr); medians of $rounds interleaved wrk runs of ${duration}s per cell; fake upstream answers at once."
    echo
    echo "| concurrency | target | req/s | p50 ms | p99 ms | proxy CPU µs/req |"
    echo "|---|---|---|---|---|---|"
    for c in $concurrency; do
        for t in "${targets[@]}"; do
            cpucell=${cpu[$t,$c]}; [ "$t" = direct ] && cpucell="(upstream ${cpu[$t,$c]})"
            echo "| $c | $t | ${rps[$t,$c]} | ${p50[$t,$c]} | ${p99[$t,$c]} | $cpucell |"
        done
    done
    echo
    echo "Added latency at p50 (target minus direct) and Gatehouse/nginx ratios:"
    echo
    echo "| concurrency | nginx added ms | gatehouse added ms | added-latency ratio | CPU/req ratio | req/s ratio |"
    echo "|---|---|---|---|---|---|"
    for c in $concurrency; do
        an=$(awk -v a="${p50[nginx,$c]}" -v d="${p50[direct,$c]}" 'BEGIN { printf "%.3f", a - d }')
        ag=$(awk -v a="${p50[gatehouse,$c]}" -v d="${p50[direct,$c]}" 'BEGIN { printf "%.3f", a - d }')
        echo "| $c | $an | $ag | $(ratio "$ag" "$an") | $(ratio "${cpu[gatehouse,$c]}" "${cpu[nginx,$c]}") | $(ratio "${rps[gatehouse,$c]}" "${rps[nginx,$c]}") |"
    done
    if [ -n "${BASELINE:-}" ]; then
        echo
        echo "This build against the baseline build (same rounds; below 1 is better for latency and CPU):"
        echo
        echo "| concurrency | baseline added ms | gatehouse added ms | added-latency ratio | CPU/req ratio | baseline/nginx added | baseline/nginx CPU |"
        echo "|---|---|---|---|---|---|---|"
        for c in $concurrency; do
            an=$(awk -v a="${p50[nginx,$c]}" -v d="${p50[direct,$c]}" 'BEGIN { printf "%.3f", a - d }')
            ab=$(awk -v a="${p50[baseline,$c]}" -v d="${p50[direct,$c]}" 'BEGIN { printf "%.3f", a - d }')
            ag=$(awk -v a="${p50[gatehouse,$c]}" -v d="${p50[direct,$c]}" 'BEGIN { printf "%.3f", a - d }')
            echo "| $c | $ab | $ag | $(ratio "$ag" "$ab") | $(ratio "${cpu[gatehouse,$c]}" "${cpu[baseline,$c]}") | $(ratio "$ab" "$an") | $(ratio "${cpu[baseline,$c]}" "${cpu[nginx,$c]}") |"
        done
    fi
    echo
    echo "Streams of 50 events, 2 ms apart (medians; spread = first to last event, ~98 ms when unbuffered):"
    echo
    echo "(translated = OpenAI client through Gatehouse to the upstream's Anthropic surface, translated both ways;"
    echo " resp-* = Responses API streams: resp-direct to the upstream, resp-gatehouse relayed to a Responses"
    echo " provider, resp-translated to a Chat Completions provider; TTFT is to the first text delta, which"
    echo " the fake's Responses stream sends after four other events, 2 ms apart, and its Chat Completions"
    echo " stream at once: resp-translated's TTFT is not comparable with resp-direct's;"
    echo " olla-* = Ollama NDJSON streams (/api/chat): olla-direct to the upstream, olla-gatehouse relayed"
    echo " to an Ollama provider, olla-translated to a Chat Completions provider)"
    echo
    echo "| streams at once | target | TTFT ms | total ms | spread ms | TTFT minus direct ms | CPU µs per stream |"
    echo "|---|---|---|---|---|---|---|"
    for sc in 1 32; do
        for t in "${stream_targets[@]}"; do
            ref=direct; [ "${api[$t]:-chat}" = responses ] && ref=resp-direct
            [ "${api[$t]:-chat}" = ollama ] && ref=olla-direct
            d=$(awk -v a="${ttft[$t,$sc]}" -v b="${ttft[$ref,$sc]}" 'BEGIN { printf "%.3f", a - b }')
            cpucell=${scpu[$t,$sc]}
            case $t in direct|resp-direct|olla-direct) cpucell="(upstream ${scpu[$t,$sc]})" ;; esac
            echo "| $sc | $t | ${ttft[$t,$sc]} | ${total[$t,$sc]} | ${spread[$t,$sc]} | $d | $cpucell |"
        done
    done
    echo
    unbuffered=yes
    for sc in 1 32; do
        for t in gatehouse translated resp-gatehouse resp-translated olla-gatehouse olla-translated; do
            awk -v s="${spread[$t,$sc]}" 'BEGIN { exit !(s < 50) }' && unbuffered=no
        done
    done
    echo "Events unbuffered through Gatehouse: $unbuffered"
    echo
    echo "Peak RSS: gatehouse $(( $(peak_rss_kib "$gatehouse_pid") / 1024 )) MiB, nginx worker $(( $(peak_rss_kib "$nginx_worker") / 1024 )) MiB"
} >"$report"
cat "$report"
mkdir -p bench/results
cp "$report" "bench/results/latest.md"
