#!/bin/sh
# "gatehouse connect" with the real coding tools, installed from npm: for each tool, a home
# folder holds the tool's config file with settings of its own user; `gatehouse connect TOOL`
# merges the Gatehouse settings into it; the tool, started with no Gatehouse-related
# environment variable at all (no base URL, key or model), completes the fake model's
# write-a-file task through a running Gatehouse; `gatehouse connect TOOL --undo` then leaves
# the file byte for byte as it was and revokes the tool's access key.
# Nothing leaves 127.0.0.1: each tool's own network features are off in its user settings
# (cn's version check, which no setting turns off, is refused by loopback-only.mjs).
# Usage: run-connect-tests.sh GATEHOUSE_BINARY FAKE_UPSTREAM_BINARY
set -eu
gatehouse=$1
fake=$2
here=$(cd "$(dirname "$0")" && pwd)
name=run-connect-tests
. "$here/../common/gateway-fixture.sh"
command -v node >/dev/null && command -v npm >/dev/null || { echo "$name: node and npm are needed" >&2; exit 1; }

cp "$here/package.json" "$here/package-lock.json" "$work/"
# As in run-tool-tests.sh: npm install, since npm ci refuses opencode-ai's lock file.
(cd "$work" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
bin="$work/node_modules/.bin"

start_fixture 3
base="http://127.0.0.1:$port"

failures=0
runs=0
pass() { runs=$((runs + 1)); echo "ok   $1"; }
failed() { # NAME DETAILS...
    runs=$((runs + 1))
    failures=$((failures + 1))
    echo "FAIL $1"
    shift
    for line in "$@"; do echo "  $line"; done
}
fresh() { # a new empty folder under $work
    d="$work/$1"
    rm -rf "$d"
    mkdir -p "$d"
    echo "$d"
}
# gatehouse with this test's config, for a tool whose home folder is $home.
gh() { HOME="$home" XDG_CONFIG_HOME="$home/.config" "$gatehouse" --config-dir "$cfg" "$@"; }
key_state() { # TOOL -> active, revoked or none
    gh key list | awk -v n="$1" '$1 == n { print ($NF == "active" ? "active" : "revoked"); f = 1 } END { if (!f) print "none" }'
}

# connect TOOL MODEL FILE...: connects the tool, with copies of its files kept as FILE.before
# (a file that is not there yet is recorded as absent); checks the key and the files' mode.
connect() {
    tool=$1 model=$2
    shift 2
    for f in "$@"; do
        if [ -e "$f" ]; then cp -p "$f" "$f.before"; else rm -f "$f.before"; fi
    done
    if ! gh connect "$tool" --model "$model" --url "$base" >"$work/$tool.connect" 2>&1; then
        failed "$tool: connect" "$(cat "$work/$tool.connect")"
        return 1
    fi
    problems=
    [ "$(key_state "$tool")" = active ] || problems="$problems key-not-active"
    for f in "$@"; do
        [ "$(stat -c %a "$f")" = 600 ] || problems="$problems $f:mode-$(stat -c %a "$f")"
    done
    if [ -n "$problems" ]; then failed "$tool: connect" "$problems"; else pass "$tool: connect"; fi
}

# check_run NAME DIR WORD STDOUT_FILE: the file the tool wrote holds WORD, and its last words
# were the fake model's final answer.
check_run() {
    if [ "$(cat "$2/out.txt" 2>/dev/null)" = "$3" ] && grep -q "AGENT DONE: $3" "$4"; then
        pass "$1"
    else
        failed "$1" "out.txt: $(cat "$2/out.txt" 2>&1)" "stdout:" "$(tail -20 "$4")" "stderr:" \
            "$(tail -30 "$4.err")"
    fi
}

# undo TOOL FILE...: disconnects; each file is back byte for byte (or gone again when it was
# not there before), and the key is revoked.
undo() {
    tool=$1
    shift
    if ! gh connect "$tool" --undo >"$work/$tool.undo" 2>&1; then
        failed "$tool: undo" "$(cat "$work/$tool.undo")"
        return 1
    fi
    problems=
    for f in "$@"; do
        if [ -e "$f.before" ]; then
            cmp -s "$f" "$f.before" || problems="$problems $f:differs"
        elif [ -e "$f" ]; then
            problems="$problems $f:left-behind"
        fi
    done
    [ "$(key_state "$tool")" = revoked ] || problems="$problems key:$(key_state "$tool")"
    if [ -n "$problems" ]; then failed "$tool: undo" "$problems"; else pass "$tool: undo"; fi
}

# ---- Claude Code: ~/.claude/settings.json, whose env map turns off its own network features.
home=$(fresh claude-home)
dir=$(fresh claude)
mkdir -p "$home/.claude"
cat >"$home/.claude/settings.json" <<'JSON'
{
  "env": {
    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
    "DISABLE_AUTOUPDATER": "1",
    "DISABLE_TELEMETRY": "1",
    "DISABLE_ERROR_REPORTING": "1"
  },
  "includeCoAuthoredBy": false
}
JSON
if connect claude-code claude:agent-1 "$home/.claude/settings.json"; then
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" timeout 120 \
        "$bin/claude" -p "Please WRITE out.txt connect-claude and stop." --allowedTools "Bash Write" \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check_run "claude-code runs through gatehouse" "$dir" connect-claude "$dir.out"
    undo claude-code "$home/.claude/settings.json"
fi

# ---- Codex CLI: ~/.codex/config.toml with settings of its own, tables included.
home=$(fresh codex-home)
dir=$(fresh codex)
mkdir -p "$home/.codex"
cat >"$home/.codex/config.toml" <<'TOML'
# My Codex settings.
web_search = "disabled"
approval_policy = "never"

[analytics]
enabled = false

[features]
plugins = false
TOML
if connect codex resp:agent-1 "$home/.codex/config.toml"; then
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" timeout 120 \
        "$bin/codex" exec --skip-git-repo-check --dangerously-bypass-approvals-and-sandbox \
        --ephemeral "Please WRITE out.txt connect-codex and stop." \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check_run "codex runs through gatehouse" "$dir" connect-codex "$dir.out"
    undo codex "$home/.codex/config.toml"
fi

# ---- opencode: ~/.config/opencode/opencode.json with settings of its own.
home=$(fresh opencode-home)
dir=$(fresh opencode)
# A seeded config folder: opencode would otherwise install its plugin package from npm.
mkdir -p "$home/.config/opencode/node_modules"
echo '{"dependencies":{"@opencode-ai/plugin":"1.18.33"}}' >"$home/.config/opencode/package.json"
echo '{"lockfileVersion":3,"packages":{"":{"dependencies":{"@opencode-ai/plugin":"1.18.33"}}}}' \
    >"$home/.config/opencode/package-lock.json"
cat >"$home/.config/opencode/opencode.json" <<'JSON'
{
  "$schema": "https://opencode.ai/config.json",
  "autoupdate": false,
  "share": "disabled",
  "theme": "system"
}
JSON
if connect opencode chat:agent-1 "$home/.config/opencode/opencode.json"; then
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" XDG_CONFIG_HOME="$home/.config" \
        XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
        XDG_STATE_HOME="$home/.local/state" OPENCODE_DISABLE_MODELS_FETCH=1 \
        OPENCODE_DISABLE_AUTOUPDATE=1 timeout 180 \
        "$bin/opencode" run --title ci Please WRITE out.txt connect-opencode and stop. \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check_run "opencode runs through gatehouse" "$dir" connect-opencode "$dir.out"
    undo opencode "$home/.config/opencode/opencode.json"
fi

# ---- Gemini CLI: ~/.gemini/settings.json with settings of its own, and the work folder
# trusted (it reads ~/.gemini/.env only in trusted folders, and runs its shell tool with
# --yolo only there); ~/.gemini/.env is not there before Connect.
home=$(fresh gemini-home)
dir=$(fresh gemini)
mkdir -p "$home/.gemini"
cat >"$home/.gemini/settings.json" <<'JSON'
{
  "general": {"enableAutoUpdate": false, "enableAutoUpdateNotification": false},
  "privacy": {"usageStatisticsEnabled": false},
  "telemetry": {"enabled": false}
}
JSON
printf '{"%s": "TRUST_FOLDER"}\n' "$dir" >"$home/.gemini/trustedFolders.json"
if connect gemini-cli gem:agent-1 "$home/.gemini/settings.json" "$home/.gemini/.env"; then
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" timeout 180 \
        "$bin/gemini" --yolo -p "Please WRITE out.txt connect-gemini and stop." \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check_run "gemini-cli runs through gatehouse" "$dir" connect-gemini "$dir.out"
    undo gemini-cli "$home/.gemini/settings.json" "$home/.gemini/.env"
fi

# ---- Qwen Code: ~/.qwen/settings.json with settings of its own (its update checks, usage
# statistics and telemetry off, a model provider of its own, Qwen's own sign-in) and
# ~/.qwen/.env with a key of its own. The settings carry the version Qwen Code writes, as a
# file it has run with does; without it Qwen Code rewrites the file as it starts.
home=$(fresh qwen-home)
dir=$(fresh qwen)
mkdir -p "$home/.qwen"
cat >"$home/.qwen/settings.json" <<'JSON'
{
  "$version": 4,
  "general": {"enableAutoUpdate": false},
  "privacy": {"usageStatisticsEnabled": false},
  "telemetry": {"enabled": false},
  "ui": {"theme": "GitHub"},
  "modelProviders": {
    "openai": [{"id": "qwen3-coder-plus", "baseUrl": "http://127.0.0.1:9/v1", "envKey": "DASHSCOPE_API_KEY"}]
  },
  "security": {"auth": {"selectedType": "qwen-oauth"}},
  "model": {"name": "qwen3-coder-plus"}
}
JSON
printf '# My keys\nDASHSCOPE_API_KEY=sk-not-for-gatehouse\n' >"$home/.qwen/.env"
if connect qwen-code chat:agent-1 "$home/.qwen/settings.json" "$home/.qwen/.env"; then
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" timeout 180 \
        "$bin/qwen" --yolo "Please WRITE out.txt connect-qwen and stop." \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check_run "qwen-code runs through gatehouse" "$dir" connect-qwen "$dir.out"
    undo qwen-code "$home/.qwen/settings.json" "$home/.qwen/.env"
fi

# ---- Continue: ~/.continue/config.yaml (shared by cn and the editor extensions) with a model,
# settings and comments of its own; cn -p runs its Bash tool without asking. cn asks
# api.continue.dev for its latest version as it starts, with no setting to turn that off: a
# preloaded module refuses fetch() to anything but this machine.
home=$(fresh continue-home)
dir=$(fresh continue)
mkdir -p "$home/.continue"
cat >"$home/.continue/config.yaml" <<'YAML'
# My Continue setup
name: My Config
version: 1.0.0
schema: v1

models:
  # the one on this machine
  - name: Local Llama
    provider: ollama
    model: llama3.1:8b
    apiBase: http://127.0.0.1:9
    roles: [chat, autocomplete]

context:
  - provider: code
YAML
if connect continue chat:agent-1 "$home/.continue/config.yaml"; then
    (cd "$dir" && env -i PATH="$PATH" TERM=dumb HOME="$home" \
        NODE_OPTIONS="--import=\"$here/loopback-only.mjs\"" timeout 180 \
        "$bin/cn" -p "Please WRITE out.txt connect-continue and stop." \
        </dev/null >"$dir.out" 2>"$dir.out.err") || true
    check_run "continue (cn) runs through gatehouse" "$dir" connect-continue "$dir.out"
    undo continue "$home/.continue/config.yaml"
fi

# ---- More tools: add their blocks below (home, pre-existing file, connect, run, undo).

echo "$((runs - failures)) of $runs connect checks passed"
[ "$failures" -eq 0 ]
