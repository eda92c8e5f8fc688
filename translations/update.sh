#!/bin/sh
# Re-reads every user-visible string of the window into the .ts files (run after changing
# texts, then translate the new entries with Qt Linguist). The gateway's answers to tools
# (API error bodies) and the command line stay in English on purpose: they are API output.
set -eu
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
sources="ui core/config core/secrets core/discovery core/chat core/catalog core/connect core/migrate
core/gateway/GatewayRuntime.cpp core/gateway/GatewayService.cpp"
# shellcheck disable=SC2086
"$LUPDATE" -silent -locations relative -no-obsolete $sources \
    -source-language en -target-language en -pluralonly -ts translations/gatehouse_en.ts
for lang in de zh_CN; do
    # shellcheck disable=SC2086
    "$LUPDATE" -silent -locations relative -no-obsolete $sources \
        -source-language en -target-language "$lang" -ts "translations/gatehouse_$lang.ts"
done
