#!/bin/sh
# Installs the official OpenAI and Anthropic Node SDKs (npm), starts a fake upstream and a
# headless Gatehouse on loopback, and runs sdk.test.mjs against them.
# Usage: run-sdk-tests.sh GATEHOUSE_BINARY FAKE_UPSTREAM_BINARY
set -eu
gatehouse=$1
fake=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
fake_pid=
gw_pid=
cleanup() {
    # Stop both and wait for them: the gateway writes its state file as it shuts down.
    for pid in $gw_pid $fake_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
command -v node >/dev/null && command -v npm >/dev/null || { echo "run-sdk-tests: node and npm are needed" >&2; exit 1; }

cp "$here/package.json" "$here/package-lock.json" "$here/sdk.test.mjs" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

wait_port() { # file -> port from "listening on http://host:PORT"
    for _ in $(seq 200); do
        if grep -q "listening on" "$1" 2>/dev/null; then grep "listening on" "$1" | grep -o '[0-9]*$'; return 0; fi
        sleep 0.05
    done
    echo "run-sdk-tests: $1 never said it was listening" >&2
    cat "$1" >&2
    return 1
}

"$fake" --port 0 --events 5 >"$work/fake.out" 2>&1 &
fake_pid=$!
up=$(wait_port "$work/fake.out")
cfg="$work/config"
"$gatehouse" --config-dir "$cfg" provider add oai --url "http://127.0.0.1:$up/v1" --surface openai >/dev/null
"$gatehouse" --config-dir "$cfg" provider add resp --url "http://127.0.0.1:$up/v1" --surface responses >/dev/null
"$gatehouse" --config-dir "$cfg" provider add claude --url "http://127.0.0.1:$up" --surface anthropic >/dev/null
key=$("$gatehouse" --config-dir "$cfg" key create sdk 2>/dev/null)
"$gatehouse" --headless --config-dir "$cfg" --port 0 >"$work/gatehouse.out" 2>&1 &
gw_pid=$!
port=$(wait_port "$work/gatehouse.out")

cd "$work"
GATEHOUSE_URL="http://127.0.0.1:$port" GATEHOUSE_KEY="$key" node --test sdk.test.mjs
