#!/bin/sh
# A real headless Chromium (Debian's chromium, driven with playwright-core from npm) against a
# headless Gatehouse on loopback and a fake upstream that prints every request it gets: pages of
# other origins must not reach the upstream; the official browser SDKs, bundled with esbuild,
# must work from an allowed origin. browser.test.mjs starts the gateway itself, once it knows
# the allowed page's origin.
# Usage: run-browser-tests.sh GATEHOUSE_BINARY FAKE_UPSTREAM_BINARY
set -eu
gatehouse=$1
fake=$2
here=$(cd "$(dirname "$0")" && pwd)
name=run-browser-tests
. "$here/../common/gateway-fixture.sh"
command -v node >/dev/null && command -v npm >/dev/null || { echo "run-browser-tests: node and npm are needed" >&2; exit 1; }
chromium=${CHROMIUM:-$(command -v chromium || true)}
[ -n "$chromium" ] || { echo "run-browser-tests: chromium is needed (packaging/install-deps.sh installs it)" >&2; exit 1; }

cp "$here/package.json" "$here/package-lock.json" "$here/browser.test.mjs" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

start_upstream 5 --log-requests

cd "$work"
GATEHOUSE="$gatehouse" GATEHOUSE_CONFIG_DIR="$cfg" GATEHOUSE_KEY="$key" FAKE_LOG="$work/fake.out" \
    CHROMIUM="$chromium" node --test browser.test.mjs
