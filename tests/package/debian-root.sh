# A clean Debian 12 root for the package tests, sourced by deb.test.sh and server-deb.test.sh:
# made once per build folder with debootstrap (minbase: nothing of ours, no desktop), then copied
# fresh for each run, so no run sees another's install.
#
#   fresh_debian_root WORK ROOT   makes $WORK/debian12-base once, then ROOT as a copy of it
#   install_test LABEL WORK ROOT DEB INSIDE
#                                 a fresh ROOT with DEB in its /tmp, then the INSIDE script run in
#                                 a mount namespace of its own (its mounts go away with it, even
#                                 when the test is killed), ROOT and DEB_NAME in its environment
# Needs root, debootstrap and the Debian mirror (POLKU_DEBIAN_MIRROR, default deb.debian.org).
fresh_debian_root() {
  local work="$1" root="$2"
  local mirror="${POLKU_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
  local base="$work/debian12-base"
  if [ ! -f "$base/.polku-base-complete" ]; then
    rm -rf "$base"
    echo "making a clean Debian 12 root with debootstrap (once per build folder)"
    local start=$SECONDS
    debootstrap --variant=minbase bookworm "$base" "$mirror" >"$work/debootstrap.log" 2>&1 ||
      { tail -n 20 "$work/debootstrap.log" >&2; echo "debootstrap failed (log: $work/debootstrap.log)" >&2; return 1; }
    # A Debian 12 as installed: its updates and security fixes too.
    cat >"$base/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
    rm -rf "$base/var/cache/apt/archives/"*.deb
    touch "$base/.polku-base-complete"
    echo "base root made in $((SECONDS - start)) s"
  fi
  rm -rf "$root"
  cp -a "$base" "$root"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
}

install_test() {
  local label="$1" work="$2" root="$3" deb="$4" inside="$5"
  [ "$(id -u)" -eq 0 ] || { echo "$label: FAIL: needs root (debootstrap, chroot): run it as root, as CI does" >&2; return 1; }
  fresh_debian_root "$work" "$root" | sed "s/^/$label: /" || { echo "$label: FAIL: no clean Debian 12 root" >&2; return 1; }
  cp "$deb" "$root/tmp/"
  ROOT="$root" DEB_NAME="$(basename "$deb")" unshare --mount --propagation private bash "$inside"
}
