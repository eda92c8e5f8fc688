#!/bin/sh
# Installs what Gatehouse needs to build, run and test on Debian 12 (bookworm).
set -eu
packages="build-essential cmake ninja-build pkg-config zlib1g-dev
qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools libgl-dev
xvfb xauth dbus-x11 gnome-keyring libsecret-tools
clang-format clang-tidy openssl git
clang libclang-rt-14-dev
qt6-svg-dev libqt6svg6 libsqlite3-dev appstream dpkg-dev desktop-file-utils
libtomlplusplus-dev libyaml-cpp-dev prometheus-cpp-dev qt6-charts-dev libqt6opengl6-dev
chromium prometheus curl python3"
# toml++ and yaml-cpp: reading and merging other tools' TOML and YAML files.
# prometheus-cpp: the /metrics registry and text format; prometheus: promtool and a real
# scraper for the metrics tests, which drive it with curl and read JSON with python3.
# qt6-charts-dev: the Usage page's charts; its CMake files need Qt6OpenGL's, which
# Debian ships in libqt6opengl6-dev without qt6-charts-dev depending on it.
# chromium: the browser test (tests/browser) drives it headless, without a display.
# The SDK tests run the official Node SDKs with Node.js and npm; Debian's are used when none is installed.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    packages="$packages nodejs npm"
fi
if [ "${GATEHOUSE_BENCH_DEPS:-0}" = 1 ]; then
    packages="$packages nginx-light wrk"
fi
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
as_root apt-get update
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends $packages
