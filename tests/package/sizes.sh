#!/usr/bin/env bash
# The sizes of what facilitators download and install, from a release folder (target/release):
# the app's binary (stripped, the UI embedded), the .deb and, when `make appimage` has made one,
# the AppImage. In MB of 1,000,000 bytes, as download pages give them.
set -euo pipefail
release="${1:?usage: sizes.sh target/release}"
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1000000 }'; }
newest() { ls -t "$release"/bundle/"$1"/*."$2" 2>/dev/null | head -n 1 || true; }

echo "bench: release.binary_mb $(mb "$release/polku-desktop") MB"
deb="$(newest deb deb)"
[ -n "$deb" ] && echo "bench: release.deb_mb $(mb "$deb") MB"
image="$(newest appimage AppImage)"
if [ -n "$image" ]; then
  echo "bench: release.appimage_mb $(mb "$image") MB"
else
  echo "sizes: no AppImage in $release/bundle/appimage (make appimage makes one where GitHub can be reached)"
fi
