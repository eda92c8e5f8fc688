# Sourced by the tests that drive Gatehouse with real clients from npm (sdk, tools): a fake
# model server and a headless Gatehouse on loopback, with one provider per upstream surface:
#   chat   (OpenAI Chat Completions)   resp (OpenAI Responses)   claude (Anthropic Messages)
#   olla   (Ollama's native API)
#   gem    (Google Gemini API)
# Needs: $gatehouse and $fake (binaries) and $name (for messages). Sets $work (a temporary
# folder, removed on exit unless KEEP_WORK is set), after start_upstream: $cfg (the config
# folder), $up (the fake's port) and $key, and after start_gateway (or start_fixture, both in
# one): $port.
work=$(mktemp -d)
fake_pid=
gw_pid=
cleanup() {
    # Stop both and wait for them: the gateway writes its state file as it shuts down.
    for pid in $gw_pid $fake_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "${KEEP_WORK:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

wait_port() { # file -> port from "listening on http://host:PORT"
    for _ in $(seq 200); do
        if grep -q "listening on" "$1" 2>/dev/null; then grep "listening on" "$1" | grep -o '[0-9]*$'; return 0; fi
        sleep 0.05
    done
    echo "$name: $1 never said it was listening" >&2
    cat "$1" >&2
    return 1
}

start_upstream() { # EVENTS_PER_STREAM [FAKE_OPTIONS...]
    events=$1
    shift
    "$fake" --port 0 --events "$events" "$@" >"$work/fake.out" 2>&1 &
    fake_pid=$!
    up=$(wait_port "$work/fake.out")
    cfg="$work/config"
    "$gatehouse" --config-dir "$cfg" provider add chat --url "http://127.0.0.1:$up/v1" --surface openai >/dev/null
    "$gatehouse" --config-dir "$cfg" provider add resp --url "http://127.0.0.1:$up/v1" --surface responses >/dev/null
    "$gatehouse" --config-dir "$cfg" provider add claude --url "http://127.0.0.1:$up" --surface anthropic >/dev/null
    "$gatehouse" --config-dir "$cfg" provider add olla --url "http://127.0.0.1:$up" --surface ollama >/dev/null
    "$gatehouse" --config-dir "$cfg" provider add gem --url "http://127.0.0.1:$up" --surface gemini >/dev/null
    key=$("$gatehouse" --config-dir "$cfg" key create "$name" 2>/dev/null)
}

start_gateway() {
    "$gatehouse" --headless --config-dir "$cfg" --port 0 >"$work/gatehouse.out" 2>&1 &
    gw_pid=$!
    port=$(wait_port "$work/gatehouse.out")
}

start_fixture() { # EVENTS_PER_STREAM
    start_upstream "$1"
    start_gateway
}
