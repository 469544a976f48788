#!/usr/bin/env bash
# The team server's .deb as an organisation's IT installs it: on a clean Debian 12 (debian-root.sh)
# with Debian's own PostgreSQL, `apt-get install ./polku-server_*.deb` must find everything in
# Debian, make the service's user and keep its configuration readable by that user only; then the
# unit's own command, run as its user with its configuration file (no systemd runs in a chroot),
# must serve the team library from that database (`/healthz` says so), and a purge must take the
# user and the configuration away.
#
#   tests/package/server-deb.test.sh path/to/polku-server_X_amd64.deb
#
# Needs root (debootstrap, chroot, mounts in a private mount namespace), the Debian mirror, curl.
set -euo pipefail
deb="$(realpath "${1:?usage: server-deb.test.sh path/to/polku-server.deb}")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${POLKU_PACKAGE_DIR:?set POLKU_PACKAGE_DIR (make server-package does)}"

# shellcheck source=debian-root.sh
source "$here/debian-root.sh"
install_test "server deb test" "$work" "$work/debian12-server-root" "$deb" "$here/server-deb-inside.sh"
echo "server deb test: PASS"
