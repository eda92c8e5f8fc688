#!/bin/sh
# Fails when a user-visible string of the window has no translation: re-reads the sources
# into copies of the .ts files and looks for entries left unfinished.
set -eu
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sources="ui core/config core/secrets core/discovery core/chat core/catalog
core/gateway/GatewayRuntime.cpp core/gateway/GatewayService.cpp"
status=0
for lang in de zh_CN; do
    cp "translations/gatehouse_$lang.ts" "$work/"
    # shellcheck disable=SC2086
    "$LUPDATE" -silent -no-obsolete $sources -target-language "$lang" \
        -ts "$work/gatehouse_$lang.ts" >/dev/null 2>&1
    missing=$(grep -c 'type="unfinished"' "$work/gatehouse_$lang.ts" || true)
    if [ "$missing" != 0 ]; then
        echo "gatehouse_$lang.ts: $missing string(s) without a translation; run translations/update.sh and translate them" >&2
        status=1
    fi
done
exit $status
