#!/bin/sh
# Runs a command inside a private D-Bus session with a fresh, unlocked GNOME Keyring, so tests
# use the real Secret Service without touching the user's own keyring.
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || { echo "run-with-keyring: $tool is not installed (apt-get install dbus-x11 gnome-keyring)" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home" 2>/dev/null || true' EXIT
mkdir -p "$home/runtime" && chmod 700 "$home/runtime"
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/runtime"
unset DISPLAY WAYLAND_DISPLAY
dbus-run-session -- sh -c '
    printf %s gatehouse-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' sh "$@"
