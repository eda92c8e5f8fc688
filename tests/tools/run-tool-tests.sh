#!/bin/sh
# The real coding tools, installed from npm, through a real Gatehouse, against a fake model
# server that answers on every upstream surface. For each tool and each provider surface
# (Chat Completions, Responses, Anthropic Messages, Ollama) the fake model asks the tool to run a tool
# that writes a file, then answers once the tool's result is back; the test checks the file
# and the final text.
#   Codex CLI (Responses API)      codex exec, its exec_command tool; and apply_patch, a custom
#                                  tool with a grammar, offered to each surface
#   Claude Code (Messages API)     claude -p, its Bash tool
#   opencode (Chat Completions and opencode run, its bash tool; with @ai-sdk/openai-compatible
#   Responses)                     (Chat Completions) and @ai-sdk/openai (Responses)
#   Gemini CLI (Gemini API)        gemini -p, its run_shell_command tool; to a provider on the
#                                  Gemini surface and to ones on the other surfaces
#   Qwen Code (Chat Completions)   qwen --yolo, its run_shell_command tool
#   Continue's cn (Chat            cn -p, its Bash tool
#   Completions)
# Nothing leaves 127.0.0.1: each tool's own network features are turned off (cn's version
# check, which no setting turns off, is refused by loopback-only.mjs), and every tool runs
# with a home folder of its own.
# Usage: run-tool-tests.sh GATEHOUSE_BINARY FAKE_UPSTREAM_BINARY
set -eu
gatehouse=$1
fake=$2
here=$(cd "$(dirname "$0")" && pwd)
name=run-tool-tests
. "$here/../common/gateway-fixture.sh"
command -v node >/dev/null && command -v npm >/dev/null || { echo "run-tool-tests: node and npm are needed" >&2; exit 1; }

cp "$here/package.json" "$here/package-lock.json" "$work/"
# npm ci refuses the lock file opencode-ai gives (its other platforms' packages are left out of
# it), so the exact versions in package.json and the lock file are installed with npm install.
# The packages' install scripts only copy the platform's binary into place.
(cd "$work" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
bin="$work/node_modules/.bin"

start_fixture 3
base="http://127.0.0.1:$port"

failures=0
runs=0
# check NAME DIR WORD STDOUT_FILE: the file the tool wrote holds WORD, and its last words were
# the fake model's final answer.
check() {
    runs=$((runs + 1))
    if [ "$(cat "$2/out.txt" 2>/dev/null)" = "$3" ] && grep -q "AGENT DONE: $3" "$4"; then
        echo "ok   $1"
    else
        failures=$((failures + 1))
        echo "FAIL $1"
        echo "  out.txt: $(cat "$2/out.txt" 2>&1)"
        echo "  stdout:"; sed 's/^/    /' "$4" | tail -20
        echo "  stderr:"; sed 's/^/    /' "$4.err" | tail -30
    fi
}
fresh() { # a new empty folder under $work
    d="$work/$1"
    rm -rf "$d"
    mkdir -p "$d"
    echo "$d"
}

# ---- Codex CLI: a Gatehouse model provider in its config.toml (wire_api "responses").
codex_home=$(fresh codex-home)
cat >"$codex_home/config.toml" <<EOF
model_provider = "gatehouse"
web_search = "disabled"

[analytics]
enabled = false

[features]
plugins = false

[model_providers.gatehouse]
name = "Gatehouse"
base_url = "$base/v1"
wire_api = "responses"
env_key = "GATEHOUSE_API_KEY"
request_max_retries = 0
stream_max_retries = 0
stream_idle_timeout_ms = 30000
EOF
# Codex offers apply_patch (a custom tool with a grammar) only to models it knows: describe
# the test model as one of those.
catalog="$codex_home/models.json"
CODEX_HOME="$codex_home" "$bin/codex" debug models </dev/null 2>/dev/null | node -e '
const models = JSON.parse(require("fs").readFileSync(0, "utf8")).models;
// A model Codex calls through the plain Responses API (not its "lite" variant, which sends
// no tools).
const freeform = models.find(m => m.apply_patch_tool_type === "freeform" && !m.use_responses_lite);
if (!freeform) { console.error("codex lists no model with apply_patch"); process.exit(1); }
const out = [];
for (const slug of process.argv.slice(1)) out.push({ ...freeform, slug, upgrade: null });
console.log(JSON.stringify({ models: out }));' chat:agent-patch resp:agent-patch claude:agent-patch olla:agent-patch >"$catalog"

run_codex() { # SURFACE MODEL WORD [extra codex args]
    surface=$1 model=$2 word=$3
    shift 3
    dir=$(fresh "codex-$surface-$model")
    (cd "$dir" && CODEX_HOME="$codex_home" GATEHOUSE_API_KEY="$key" timeout 120 \
        "$bin/codex" exec --skip-git-repo-check --dangerously-bypass-approvals-and-sandbox \
        --ephemeral -m "$surface:$model" "$@" "Please WRITE out.txt $word and stop." \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check "codex $model via $surface" "$dir" "$word" "$dir.out"
}
for surface in resp chat claude olla; do
    run_codex "$surface" agent-1 "codex-$surface"
    run_codex "$surface" agent-patch "patch-$surface" -c "model_catalog_json=\"$catalog\""
done

# ---- Claude Code: ANTHROPIC_BASE_URL and a Gatehouse access key.
for surface in claude chat resp olla; do
    home=$(fresh "claude-home-$surface")
    dir=$(fresh "claude-$surface")
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" CLAUDE_CONFIG_DIR="$home/.claude" \
        ANTHROPIC_BASE_URL="$base" ANTHROPIC_AUTH_TOKEN="$key" \
        ANTHROPIC_MODEL="$surface:agent-1" ANTHROPIC_DEFAULT_HAIKU_MODEL="$surface:agent-1" \
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_AUTOUPDATER=1 DISABLE_TELEMETRY=1 \
        DISABLE_ERROR_REPORTING=1 timeout 120 \
        "$bin/claude" -p "Please WRITE out.txt claude-$surface and stop." --allowedTools "Bash Write" \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check "claude-code via $surface" "$dir" "claude-$surface" "$dir.out"
done

# ---- opencode: a Gatehouse provider in opencode.json, over Chat Completions
# (@ai-sdk/openai-compatible) and the Responses API (@ai-sdk/openai).
for npm_package in @ai-sdk/openai-compatible @ai-sdk/openai; do
    for surface in chat resp claude olla; do
        name="opencode-$(echo "$npm_package" | tr -c 'a-z\n' '-')$surface"
        home=$(fresh "$name-home")
        dir=$(fresh "$name")
        # A seeded config folder: opencode would otherwise install its plugin package from npm.
        mkdir -p "$home/.config/opencode/node_modules"
        echo '{"dependencies":{"@opencode-ai/plugin":"1.18.33"}}' >"$home/.config/opencode/package.json"
        echo '{"lockfileVersion":3,"packages":{"":{"dependencies":{"@opencode-ai/plugin":"1.18.33"}}}}' \
            >"$home/.config/opencode/package-lock.json"
        cat >"$dir/opencode.json" <<EOF
{
  "model": "gatehouse/$surface:agent-1",
  "small_model": "gatehouse/$surface:agent-1",
  "autoupdate": false,
  "share": "disabled",
  "provider": {
    "gatehouse": {
      "npm": "$npm_package",
      "name": "Gatehouse",
      "options": {"baseURL": "$base/v1", "apiKey": "$key"},
      "models": {"$surface:agent-1": {"name": "agent", "tool_call": true, "limit": {"context": 128000, "output": 4096}}}
    }
  }
}
EOF
        word="oc-$surface-$(echo "$npm_package" | sed 's/.*\///')"
        (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" XDG_CONFIG_HOME="$home/.config" \
            XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
            XDG_STATE_HOME="$home/.local/state" OPENCODE_DISABLE_MODELS_FETCH=1 \
            OPENCODE_DISABLE_AUTOUPDATE=1 timeout 180 \
            "$bin/opencode" run --title ci Please WRITE out.txt "$word" and stop. \
            </dev/null >"$dir.out" 2>"$dir.out.err") || true
        check "opencode ($npm_package) via $surface" "$dir" "$word" "$dir.out"
    done
done

# ---- Gemini CLI: GOOGLE_GEMINI_BASE_URL (the gateway's root) and GEMINI_API_KEY; it sends
# the key in x-goog-api-key and streams with streamGenerateContent?alt=sse. Its settings pick
# the Gemini API key sign-in (in -p mode it refuses the "gateway" one that the base URL
# variable alone would choose) and turn off updates and usage statistics; the workspace is
# trusted so that --yolo runs its shell tool.
for surface in gem chat claude resp; do
    home=$(fresh "gemini-home-$surface")
    dir=$(fresh "gemini-$surface")
    mkdir -p "$home/.gemini"
    cat >"$home/.gemini/settings.json" <<EOF
{
  "general": {"enableAutoUpdate": false, "enableAutoUpdateNotification": false},
  "privacy": {"usageStatisticsEnabled": false},
  "telemetry": {"enabled": false},
  "security": {"auth": {"selectedType": "gemini-api-key"}}
}
EOF
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" GEMINI_CLI_NO_RELAUNCH=true \
        GEMINI_CLI_TRUST_WORKSPACE=true \
        GOOGLE_GEMINI_BASE_URL="$base" GEMINI_API_KEY="$key" timeout 180 \
        "$bin/gemini" -m "$surface:agent-1" --yolo -p "Please WRITE out.txt gemini-$surface and stop." \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check "gemini-cli via $surface" "$dir" "gemini-$surface" "$dir.out"
done

# ---- Qwen Code: an OpenAI-compatible model provider in its settings.json, whose key it reads
# from the variable the entry names; its updates, usage statistics and telemetry are off. The
# settings carry the version Qwen Code writes, so that it does not rewrite the file.
for surface in chat resp claude olla gem; do
    home=$(fresh "qwen-home-$surface")
    dir=$(fresh "qwen-$surface")
    mkdir -p "$home/.qwen"
    cat >"$home/.qwen/settings.json" <<EOF
{
  "\$version": 4,
  "general": {"enableAutoUpdate": false},
  "privacy": {"usageStatisticsEnabled": false},
  "telemetry": {"enabled": false},
  "modelProviders": {"openai": [{"id": "$surface:agent-1", "baseUrl": "$base/v1", "envKey": "GATEHOUSE_API_KEY"}]},
  "security": {"auth": {"selectedType": "openai"}},
  "model": {"name": "$surface:agent-1"}
}
EOF
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" GATEHOUSE_API_KEY="$key" timeout 180 \
        "$bin/qwen" --yolo "Please WRITE out.txt qwen-$surface and stop." \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check "qwen-code via $surface" "$dir" "qwen-$surface" "$dir.out"
done

# ---- Continue's cn: a model with provider openai in its config.yaml; cn -p runs its Bash tool
# without asking. Its version check (api.continue.dev, no setting turns it off) is refused by
# a preloaded module that lets fetch() reach this machine only.
for surface in chat resp claude olla gem; do
    home=$(fresh "cn-home-$surface")
    dir=$(fresh "cn-$surface")
    mkdir -p "$home/.continue"
    cat >"$home/.continue/config.yaml" <<EOF
name: Tests
version: 1.0.0
schema: v1
models:
  - name: Gatehouse
    provider: openai
    model: "$surface:agent-1"
    apiBase: "$base/v1"
    apiKey: "$key"
    roles: [chat]
EOF
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" \
        NODE_OPTIONS="--import=\"$here/loopback-only.mjs\"" timeout 180 \
        "$bin/cn" -p "Please WRITE out.txt cn-$surface and stop." \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check "continue (cn) via $surface" "$dir" "cn-$surface" "$dir.out"
done

echo "$((runs - failures)) of $runs tool runs passed"
[ "$failures" -eq 0 ]
