#!/usr/bin/env bash
# The .deb as a facilitator's IT department installs it: on a clean Debian 12 made here with
# debootstrap (minbase: no desktop, no WebKit, nothing of ours), `apt-get install ./polku_*.deb`
# must find every library the app needs in Debian itself; then the installed app starts under
# Xvfb and must paint the workshop list. The screen is kept as a PNG and read back with
# tesseract, so "it started" means the words of the list are on the screen, not only that a
# process ran.
#
#   tests/package/deb.test.sh path/to/polku_X_amd64.deb
#
# Needs root (debootstrap, chroot, mounts in a private mount namespace that vanishes with the
# script), the Debian mirror, and Xvfb, netpbm and tesseract on this machine (make package
# installs them). The base root is made once per build folder ($POLKU_PACKAGE_DIR/debian12-base,
# ~2 min) and copied fresh for every run, so no run sees another's install.
set -euo pipefail

deb="$(realpath "${1:?usage: deb.test.sh path/to/polku.deb}")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${POLKU_PACKAGE_DIR:?set POLKU_PACKAGE_DIR (make package does)}"
mirror="${POLKU_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base="$work/debian12-base"
root="$work/debian12-root"
shot="$work/deb-installed.png"
say() { echo "deb test: $*"; }
fail() { echo "deb test: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot): run it as root, as CI does"

# ---- the clean Debian 12, made once --------------------------------------------------------
if [ ! -f "$base/.polku-base-complete" ]; then
  rm -rf "$base"
  say "making a clean Debian 12 root with debootstrap (once per build folder)"
  start=$SECONDS
  debootstrap --variant=minbase bookworm "$base" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed (log: $work/debootstrap.log)"; }
  # A Debian 12 as installed: its updates and security fixes too.
  cat >"$base/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
  rm -rf "$base/var/cache/apt/archives/"*.deb
  touch "$base/.polku-base-complete"
  say "base root made in $((SECONDS - start)) s"
fi

# ---- a fresh copy, the install and the app, inside a mount namespace of their own -----------
# Mounts made in the namespace go away with it, even when this script is killed.
rm -rf "$root"
cp -a "$base" "$root"
cp "$deb" "$root/tmp/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
export ROOT="$root" DEB_NAME="$(basename "$deb")" SHOT="$shot" HERE="$here"
unshare --mount --propagation private bash "$here/deb-inside.sh"
say "PASS"
