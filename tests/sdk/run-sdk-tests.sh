#!/bin/sh
# Installs the official OpenAI and Anthropic Node SDKs (npm), starts a fake upstream and a
# headless Gatehouse on loopback, and runs sdk.test.mjs against them.
# Usage: run-sdk-tests.sh GATEHOUSE_BINARY FAKE_UPSTREAM_BINARY
set -eu
gatehouse=$1
fake=$2
here=$(cd "$(dirname "$0")" && pwd)
name=run-sdk-tests
. "$here/../common/gateway-fixture.sh"
command -v node >/dev/null && command -v npm >/dev/null || { echo "run-sdk-tests: node and npm are needed" >&2; exit 1; }

cp "$here/package.json" "$here/package-lock.json" "$here/sdk.test.mjs" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

start_upstream 5
# The keyless Ollama API listener, under a key configuration that allows two providers.
ollama_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
"$gatehouse" --config-dir "$cfg" key config set keyless-apps --allow 'chat:*' --allow 'olla:*' >/dev/null
"$gatehouse" --config-dir "$cfg" ollama-api enable --port "$ollama_port" --key-config keyless-apps >/dev/null
start_gateway

cd "$work"
GATEHOUSE_URL="http://127.0.0.1:$port" GATEHOUSE_KEY="$key" \
    GATEHOUSE_OLLAMA_URL="http://127.0.0.1:$ollama_port" node --test sdk.test.mjs
