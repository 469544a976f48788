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

# shellcheck source=debian-root.sh
source "$here/debian-root.sh"
export SHOT="$work/deb-installed.png" HERE="$here"
install_test "deb test" "$work" "$work/debian12-root" "$deb" "$here/deb-inside.sh"
echo "deb test: PASS"
