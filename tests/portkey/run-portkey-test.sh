#!/bin/sh
# Portkey's open-source gateway, installed from npm, runs the routing configs Gatehouse exports:
#   fallback  in order: a provider on a refused 127.0.0.1 port, then the fake model server
#   spread    weighted 1:999 over two models of the fake model server
# Each config goes in the x-portkey-config header of a Chat Completions request; the answer
# must come through the target Gatehouse would use (Portkey's x-portkey-last-used-option-index
# header) with the model Gatehouse itself answers with for the same route.
# Nothing leaves 127.0.0.1: loopback-only.mjs binds Portkey to it and refuses any other
# address; Portkey's only outside calls (hosted guardrails and files) are not configured.
# Usage: run-portkey-test.sh GATEHOUSE_BINARY FAKE_UPSTREAM_BINARY
set -eu
gatehouse=$1
fake=$2
here=$(cd "$(dirname "$0")" && pwd)
name=run-portkey-test
. "$here/../common/gateway-fixture.sh"
command -v node >/dev/null && command -v npm >/dev/null || { echo "$name: node and npm are needed" >&2; exit 1; }
command -v curl >/dev/null || { echo "$name: curl is needed" >&2; exit 1; }
portkey_pid=
trap 'kill $portkey_pid 2>/dev/null || true; wait $portkey_pid 2>/dev/null || true; cleanup' EXIT

cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)

"$fake" --port 0 >"$work/fake.out" 2>&1 &
fake_pid=$!
up=$(wait_port "$work/fake.out")
# A port nothing listens on: taken from the system, then closed.
dead=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

cfg="$work/config"
gh() { "$gatehouse" --config-dir "$cfg" "$@"; }
gh provider add dead --url "http://127.0.0.1:$dead/v1" --surface openai >/dev/null
gh provider add live --url "http://127.0.0.1:$up/v1" --surface openai >/dev/null
gh route set fallback --to dead:first-choice --to live:second-choice >/dev/null
gh route set spread --strategy weighted --to live:spread-a=1 --to live:spread-b=999 >/dev/null
key=$(gh key create portkey-test 2>/dev/null)
gh export --format portkey --route fallback --out "$work/fallback.json" >/dev/null
gh export --format portkey --route spread --out "$work/spread.json" >/dev/null

(cd "$work" && node --import "$here/loopback-only.mjs" node_modules/@portkey-ai/gateway/build/start-server.js --headless >"$work/portkey.out" 2>&1) &
portkey_pid=$!
portkey=
for _ in $(seq 600); do
    portkey=$(grep -o 'listening on [0-9]*' "$work/portkey.out" 2>/dev/null | grep -o '[0-9]*$' || true)
    [ -n "$portkey" ] && break
    sleep 0.05
done
[ -n "$portkey" ] || { echo "$name: Portkey never started" >&2; cat "$work/portkey.out" >&2; exit 1; }
start_gateway

failures=0
body='{"model":"unused","messages":[{"role":"user","content":"hello"}]}'
# ask CONFIG_FILE: one request through Portkey; sets $index (the target it used) and $model.
ask() {
    curl -sS -D "$work/headers" -o "$work/answer" -H 'Content-Type: application/json' \
        -H "x-portkey-config: $(cat "$1")" -d "$body" "http://127.0.0.1:$portkey/v1/chat/completions"
    index=$(tr -d '\r' <"$work/headers" | sed -n 's/^x-portkey-last-used-option-index: *//Ip')
    model=$(node -e "console.log(JSON.parse(require('fs').readFileSync('$work/answer')).model ?? '')")
}
# gatehouse_model ROUTE: the model the fake model server answers with through Gatehouse.
gatehouse_model() {
    curl -sS -H 'Content-Type: application/json' -H "Authorization: Bearer $key" \
        -d "{\"model\":\"$1\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}" \
        "http://127.0.0.1:$port/v1/chat/completions" |
        node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).model??''))"
}
check() { # NAME, then the condition as a command
    what=$1
    shift
    if "$@"; then echo "ok   $what"; else
        failures=$((failures + 1))
        echo "FAIL $what (index \"$index\", model \"$model\")"
        sed 's/^/    /' "$work/answer"
        echo
    fi
}

ask "$work/fallback.json"
expected=$(gatehouse_model fallback)
check "fallback: Gatehouse answers with second-choice" test "$expected" = second-choice
check "fallback: Portkey answered through the second target" test "$index" = "config.targets[1]"
check "fallback: with the model Gatehouse uses" test "$model" = "$expected"

# Every answer comes with the model of the target Portkey names, and the weights hold: nearly
# every request goes to the heavy target (all but at most two of eight, a chance of about
# 1 in 20 million to fail by bad luck).
heavy=0
for i in 1 2 3 4 5 6 7 8; do
    ask "$work/spread.json"
    case "$index" in
    "config.targets[0]") want=spread-a ;;
    "config.targets[1]") want=spread-b heavy=$((heavy + 1)) ;;
    *) want="(no target)" ;;
    esac
    check "weighted request $i: $index answered with its model" test "$model" = "$want"
done
check "weighted: $heavy of 8 requests went to the target of weight 999" test "$heavy" -ge 6

if grep -q 'blocked a request' "$work/portkey.out"; then
    failures=$((failures + 1))
    echo "FAIL Portkey tried to reach another address:"
    grep 'blocked a request' "$work/portkey.out" | sed 's/^/    /'
fi
[ "$failures" -eq 0 ] || { echo "$name: $failures failed" >&2; exit 1; }
echo "$name: all passed"
