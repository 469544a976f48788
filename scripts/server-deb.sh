#!/usr/bin/env bash
# The team server as a Debian package: the `polku` program (the dist profile, the UI embedded), the
# systemd unit polku-team.service and its configuration file /etc/polku/polku.env (a conffile: an
# upgrade keeps IT's edits), made with dpkg-deb from packaging/server and packaging/polku-team.*.
#
#   scripts/server-deb.sh OUT_DIR      prints the path of the .deb it wrote
#
# Needs ui/dist built first (make does) and CARGO_TARGET_DIR (make exports it).
set -euo pipefail
out="$(realpath -m "${1:?usage: server-deb.sh OUT_DIR}")"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n 1)"
[ -n "$version" ] || { echo "server-deb: no version in Cargo.toml" >&2; exit 1; }

cargo build --profile dist -p polku-server --bin polku >&2
stage="$(mktemp -d)"
chmod 0755 "$stage"
trap 'rm -rf "$stage"' EXIT
install -D -m 0755 "$target/dist/polku" "$stage/usr/bin/polku"
# The unit as the package installs it: its program in /usr/bin, without the by-hand install notes
# (the comment block before [Unit]), which the package does itself.
install -d "$stage/lib/systemd/system"
sed -n '/^\[Unit\]/,$p' "$repo/packaging/polku-team.service" | sed 's#/usr/local/bin/polku#/usr/bin/polku#' \
  >"$stage/lib/systemd/system/polku-team.service"
install -D -m 0640 "$repo/packaging/polku-team.env" "$stage/etc/polku/polku.env"
install -D -m 0644 "$repo/packaging/out/copyright" "$stage/usr/share/doc/polku-server/copyright"
install -d "$stage/DEBIAN"
for script in postinst prerm postrm; do
  install -m 0755 "$repo/packaging/server/$script" "$stage/DEBIAN/$script"
done
echo /etc/polku/polku.env >"$stage/DEBIAN/conffiles"
(cd "$stage" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
cat >"$stage/DEBIAN/control" <<CONTROL
Package: polku-server
Version: $version
Architecture: amd64
Maintainer: Polku developers <polku@localhost>
Section: net
Priority: optional
Depends: libc6 (>= 2.34), libgcc-s1, adduser
Recommends: postgresql (>= 13)
Installed-Size: $(du -ks "$stage" | cut -f1)
Description: Polku team server: service journey workshops for an organisation
 The same Polku as the desktop app, served to facilitators' browsers from the
 organisation's own machine, with its workshops in PostgreSQL. Participants
 join from their phones or from home by a link or a short code; nothing of them
 is kept but a nickname. Configure /etc/polku/polku.env, then
 systemctl enable --now polku-team.
CONTROL
mkdir -p "$out"
deb="$out/polku-server_${version}_amd64.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >&2
echo "$deb"
