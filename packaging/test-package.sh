#!/bin/sh
# Builds the .deb from a configured build folder, installs it with apt (which pulls in its
# dependencies), and checks the installed program and files. Needs root (or sudo).
# Usage: packaging/test-package.sh BUILD_DIR
set -eu
build=${1:?usage: test-package.sh BUILD_DIR}
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/gatehouse_*.deb | head -n 1)
echo "package: $deb"
dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Depends\|Recommends\):/  \1:/p'
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends "$(realpath "$deb")" >/dev/null
version=$(/usr/bin/gatehouse --version)
echo "installed: $version"
[ "$version" = "gatehouse $(dpkg-deb --field "$deb" Version)" ]
appstreamcli validate --no-net /usr/share/metainfo/org.gatehouse.Gatehouse.metainfo.xml >/dev/null
desktop-file-validate /usr/share/applications/org.gatehouse.Gatehouse.desktop
[ -f /usr/share/icons/hicolor/scalable/apps/gatehouse.svg ]
[ -f /usr/share/icons/hicolor/256x256/apps/gatehouse.png ]
DEBIAN_FRONTEND=noninteractive as_root apt-get remove -y gatehouse >/dev/null
echo "package installs, runs and removes cleanly"
