#!/bin/sh
# The request log, usage and /metrics of a real Gatehouse, seen the ways a user sees them:
#   - requests of every kind (answered, streamed, failed over, refused by a limit, cancelled by
#     the client, failed) appear in `logs --json`, `usage --json` and GET /metrics, with the
#     same counts everywhere;
#   - /metrics passes `promtool check metrics`, needs an access key, and a real Prometheus
#     scrapes it with the key as bearer token and answers a query for gatehouse_requests_total;
#   - privacy: with content capture off a prompt's marker is nowhere in the config folder nor in
#     any command's output; with it on, the captured body holds it, with the access key
#     redacted.
# Usage: run-metrics-tests.sh GATEHOUSE_BINARY FAKE_UPSTREAM_BINARY
set -eu
gatehouse=$1
fake=$2
here=$(cd "$(dirname "$0")" && pwd)
name=run-metrics-tests
for tool in curl python3 promtool prometheus; do
    command -v "$tool" >/dev/null || { echo "$name: $tool is missing (packaging/install-deps.sh installs it)" >&2; exit 1; }
done
. "$here/../common/gateway-fixture.sh"

failures=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; failures=$((failures + 1)); }
check() { # NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: expected $2, got $3"; fi
}
gh() { "$gatehouse" --config-dir "$cfg" "$@"; }

start_upstream 3
# A route that fails over: the first candidate answers 503, the second answers.
gh route set failover --to chat:status-503 --to chat:gpt-4o --retries 0 >/dev/null
# A key whose configuration allows one request a minute.
gh key config set tight --rpm 1 >/dev/null
limited=$(gh key create limited --key-config tight 2>/dev/null)
start_gateway
base="http://127.0.0.1:$port"

post() { # KEY PATH BODY [CURL_OPTIONS...] -> the HTTP status
    k=$1 p=$2 b=$3
    shift 3
    curl -s -o /dev/null -w '%{http_code}' "$@" -H "authorization: Bearer $k" \
        -H 'content-type: application/json' -d "$b" "$base$p" || true
}
chat() { # MODEL [STREAM]
    printf '{"model":"%s","stream":%s,"messages":[{"role":"user","content":"hello there"}]}' "$1" "${2:-false}"
}

marker="privacy-marker-$(date +%s)-$$"
check "answered" 200 "$(post "$key" /v1/chat/completions "$(chat chat:gpt-4o)")"
check "streamed" 200 "$(post "$key" /v1/chat/completions "$(chat chat:gpt-4o true)")"
check "streamed (messages)" 200 "$(post "$key" /v1/messages '{"model":"claude:c","max_tokens":50,"stream":true,"messages":[{"role":"user","content":"hi"}]}')"
check "failed over" 200 "$(post "$key" /v1/chat/completions "$(chat failover)")"
check "failed" 500 "$(post "$key" /v1/chat/completions "$(chat chat:status-500)")"
check "under the limit" 200 "$(post "$limited" /v1/chat/completions "$(chat chat:gpt-4o)")"
check "refused by the limit" 429 "$(post "$limited" /v1/chat/completions "$(chat chat:gpt-4o)")"
# The client gives up on a provider that never answers.
post "$key" /v1/chat/completions "$(chat chat:hang)" --max-time 1 >/dev/null
check "with a marker (capture off)" 200 "$(post "$key" /v1/chat/completions "$(printf '{"model":"chat:gpt-4o","messages":[{"role":"user","content":"%s"}]}' "$marker")")"
sent=9

# The cancelled request is logged once the gateway saw the client leave.
for _ in $(seq 100); do
    [ "$(gh logs --json --status 499 | wc -l)" -ge 1 ] && break
    sleep 0.1
done
sleep 1 # the log's writer batches for half a second

logs=$(gh logs --json --limit 100)
count=$(printf '%s\n' "$logs" | grep -c '^{' || true)
check "logs --json has every request" "$sent" "$count"
field_counts=$(printf '%s\n' "$logs" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin if l.strip()]
need = ["time","request_id","key","endpoint","model","provider","provider_model","status",
        "attempts","ttfb_ms","total_ms","input_tokens","output_tokens","cost_usd"]
missing = sorted({f for r in rows for f in need if f not in r})
by = {}
for r in rows: by[r["status"]] = by.get(r["status"], 0) + 1
fo = [r for r in rows if r["model"] == "failover"]
streamed = [r for r in rows if r["stream"] and r["status"] == 200]
print("missing=%s 200=%d 429=%d 499=%d 500=%d failover_attempts=%s streams=%d limited=%d body=%s" % (
    ",".join(missing) or "none", by.get(200,0), by.get(429,0), by.get(499,0), by.get(500,0),
    len(fo[0]["attempts"]) if fo else -1, len(streamed),
    sum(1 for r in rows if r["key"] == "limited"),
    any("request_body" in r for r in rows)))
')
check "logs --json rows" "missing=none 200=6 429=1 499=1 500=1 failover_attempts=2 streams=2 limited=2 body=False" "$field_counts"
check "logs --status" 1 "$(gh logs --json --status 429 | wc -l)"
check "logs --key" 2 "$(gh logs --json --key limited | wc -l)"
check "logs --provider" 7 "$(gh logs --json --provider chat | wc -l)"
check "logs --limit" 3 "$(gh logs --json --limit 3 | wc -l)"
check "logs --since" "$sent" "$(gh logs --json --since 15m | wc -l)"
gh logs >"$work/logs.txt"
check "logs as a table" "$((sent + 1))" "$(wc -l <"$work/logs.txt")"

usage_total=$(gh usage --json --by key | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin if l.strip()]
need = ["group","requests","errors","input_tokens","output_tokens","cost_usd"]
ok = all(f in r for r in rows for f in need)
print("%d %d %s %s" % (sum(r["requests"] for r in rows), sum(r["errors"] for r in rows),
      ok, sorted(r["group"] for r in rows)))
')
check "usage --by key" "$sent 2 True ['limited', '$name']" "$usage_total"
check "usage --by provider" "$sent" "$(gh usage --json --by provider | python3 -c 'import json,sys; print(sum(json.loads(l)["requests"] for l in sys.stdin))')"
check "usage --by day" "$sent" "$(gh usage --json --by day | python3 -c 'import json,sys; print(sum(json.loads(l)["requests"] for l in sys.stdin))')"
gh usage --csv --by model >"$work/usage.csv"
check "usage --csv header" "group,requests,errors,input_tokens,output_tokens,cached_tokens,reasoning_tokens,cost_usd,ttfb_p50_ms,ttfb_p95_ms" "$(head -1 "$work/usage.csv")"

# ---- /metrics
check "/metrics needs a key" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$base/metrics")"
curl -sf -H "authorization: Bearer $key" "$base/metrics" >"$work/metrics.txt"
if promtool check metrics <"$work/metrics.txt" >"$work/promtool.out" 2>&1; then
    ok "promtool check metrics"
else
    bad "promtool check metrics"; sed 's/^/    /' "$work/promtool.out"
fi
metric_counts=$(python3 - "$work/metrics.txt" <<'PY'
import re, sys
total = 0; by = {}; attempts = {}; streams = None; conns = None; rss = 0; cpu = None
for line in open(sys.argv[1]):
    if line.startswith("#"): continue
    m = re.match(r'(\w+)(\{[^}]*\})? (\S+)', line)
    if not m: continue
    name, labels, value = m.group(1), m.group(2) or "", float(m.group(3))
    if name == "gatehouse_requests_total":
        total += value
        s = re.search(r'status="(\d+)"', labels).group(1)
        by[s] = by.get(s, 0) + value
    elif name == "gatehouse_upstream_attempts_total":
        o = re.search(r'outcome="(\w+)"', labels).group(1)
        attempts[o] = attempts.get(o, 0) + value
    elif name == "gatehouse_active_streams": streams = value
    elif name == "gatehouse_open_connections": conns = value
    elif name == "process_resident_memory_bytes": rss = value
    elif name == "process_cpu_seconds_total": cpu = value
print("total=%d 200=%d 429=%d 499=%d 500=%d failed_over=%d streams=%s rss=%s cpu=%s conns=%s" % (
    total, by.get("200",0), by.get("429",0), by.get("499",0), by.get("500",0),
    attempts.get("failed_over",0), streams, rss > 0, cpu is not None, conns is not None and conns >= 1))
PY
)
check "/metrics counts" "total=$sent 200=6 429=1 499=1 500=1 failed_over=1 streams=0.0 rss=True cpu=True conns=True" "$metric_counts"
grep -q 'gatehouse_tokens_total{.*kind="input"' "$work/metrics.txt" && ok "/metrics tokens" || bad "/metrics tokens"
grep -q '^gatehouse_time_to_first_byte_seconds_bucket{provider="chat"' "$work/metrics.txt" && ok "/metrics ttfb histogram" || bad "/metrics ttfb histogram"
grep -q '^gatehouse_provider_cooling_off{provider="chat"} 0' "$work/metrics.txt" && ok "/metrics cooling off" || bad "/metrics cooling off"

# Models nobody configured share one label, however many a client names.
for i in $(seq 80); do
    post "$key" /v1/chat/completions "$(chat "chat:made-up-$i")" >/dev/null
done
curl -sf -H "authorization: Bearer $key" "$base/metrics" >"$work/metrics2.txt"
models=$(grep '^gatehouse_requests_total' "$work/metrics2.txt" | grep -o 'model="[^"]*"' | sort -u | wc -l)
other=$(grep -c '^gatehouse_requests_total{.*model="other"' "$work/metrics2.txt" || true)
if [ "$models" -le 70 ] && [ "$other" -ge 1 ]; then ok "model labels are bounded ($models)"; else bad "model labels are bounded: $models models, $other other"; fi

# ---- a real Prometheus scrapes it with the access key as bearer token
printf '%s' "$key" >"$work/key.txt"
chmod 600 "$work/key.txt"
pport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: gatehouse
    metrics_path: /metrics
    authorization:
      type: Bearer
      credentials_file: $work/key.txt
    static_configs:
      - targets: ["127.0.0.1:$port"]
EOF
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
    --web.listen-address="127.0.0.1:$pport" >"$work/prometheus.out" 2>&1 &
prom_pid=$!
answer=""
for _ in $(seq 150); do
    answer=$(curl -s "http://127.0.0.1:$pport/api/v1/query?query=sum(gatehouse_requests_total)" || true)
    if printf '%s' "$answer" | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d["data"]["result"] else 1)' 2>/dev/null; then
        break
    fi
    answer=""
    sleep 0.2
done
kill "$prom_pid" 2>/dev/null || true
wait "$prom_pid" 2>/dev/null || true
if [ -n "$answer" ]; then
    total=$(printf '%s' "$answer" | python3 -c 'import json,sys; print(int(float(json.load(sys.stdin)["data"]["result"][0]["value"][1])))')
    check "Prometheus scraped gatehouse_requests_total" "$((sent + 80))" "$total"
else
    bad "Prometheus never answered with gatehouse_requests_total"
    tail -20 "$work/prometheus.out" | sed 's/^/    /'
fi

# ---- privacy: with capture off the marker is stored nowhere and printed by no command
if grep -rqa "$marker" "$cfg"; then bad "capture off: the marker is in the config folder ($(grep -rla "$marker" "$cfg"))"; else ok "capture off: the marker is nowhere in the config folder"; fi
outputs=$(gh logs --json --limit 1000; gh logs; gh usage --json; gh usage --csv --by model; gh key config list)
if printf '%s' "$outputs" | grep -q "$marker"; then bad "capture off: a command printed the marker"; else ok "capture off: no command prints the marker"; fi

# With capture on, the body is kept, and the access key in it is not.
gh key config set default --capture-content on --capture-retention-days 3 >/dev/null
gh key config list | grep -q "on, 3 days, 1048576 bytes a body" && ok "key config list shows capture" || bad "key config list shows capture"
marker2="captured-$marker"
for _ in $(seq 100); do
    post "$key" /v1/chat/completions "$(printf '{"model":"chat:gpt-4o","messages":[{"role":"user","content":"%s my key is %s"}]}' "$marker2" "$key")" >/dev/null
    sleep 0.5
    row=$(gh logs --json --limit 1)
    printf '%s' "$row" | grep -q '"request_body"' && break
done
captured=$(printf '%s' "$row" | python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
print(sys.argv[1] in r.get("request_body", ""), sys.argv[2] in r.get("request_body", ""),
      "[redacted]" in r.get("request_body", ""), sys.argv[1] in r.get("response_body", ""))
' "$marker2" "$key")
check "capture on: the body is kept, the key redacted, the answer too" "True False True True" "$captured"
capfile="$cfg/captures.sqlite"
check "captured bodies live in their own owner-only file" "600" "$(stat -c %a "$capfile")"
if grep -qa "$marker2" "$cfg/requests.sqlite"*; then bad "the request log holds a captured body"; else ok "the request log holds no body"; fi

check "logs --clear" 0 "$(gh logs --clear >/dev/null; gh logs --json | wc -l)"

echo "$failures failed"
[ "$failures" = 0 ]
