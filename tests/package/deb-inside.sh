#!/usr/bin/env bash
# The half of deb.test.sh that runs in its own mount namespace (see there): install the .deb in
# the fresh root, look at what it put where, start the installed app and read its screen.
# Environment from deb.test.sh: ROOT, DEB_NAME, SHOT, HERE.
set -euo pipefail
say() { echo "deb test: $*"; }
fail() {
  echo "deb test: FAIL: $*" >&2
  [ -f "$ROOT/tmp/app.log" ] && { echo "--- the app's output:" >&2; tail -n 30 "$ROOT/tmp/app.log" >&2; }
  exit 1
}
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
mount -t sysfs sys "$ROOT/sys"
mount -t tmpfs tmpfs "$ROOT/run"

# ---- install: every dependency must come from Debian ---------------------------------------
say "apt-get install ./$DEB_NAME in a clean Debian 12"
start=$SECONDS
in_root apt-get update -qq >"$ROOT/tmp/apt.log" 2>&1 || { cat "$ROOT/tmp/apt.log" >&2; fail "apt-get update failed"; }
if ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/$DEB_NAME" >>"$ROOT/tmp/apt.log" 2>&1; then
  tail -n 30 "$ROOT/tmp/apt.log" >&2
  fail "apt-get could not install the package from Debian 12 alone"
fi
say "installed with $(grep -c '^Setting up' "$ROOT/tmp/apt.log") packages in $((SECONDS - start)) s"
in_root dpkg-query -W -f='${Status} ${Version}\n' polku | grep -q '^install ok installed' || fail "dpkg does not list polku as installed"

# ---- what a desktop finds: the menu entry (fi/sv/en), the icon, the .polku file type ----------
entry="$(in_root dpkg -L polku | grep '^/usr/share/applications/.*\.desktop$' | head -n 1)"
[ -n "$entry" ] || fail "the package has no desktop entry"
desktop-file-validate "$ROOT$entry" || fail "the desktop entry $entry does not validate"
for lang in fi sv; do
  grep -q "^Comment\[$lang\]=" "$ROOT$entry" || fail "the desktop entry has no Comment[$lang]"
done
grep -q '^MimeType=application/vnd.polku+json' "$ROOT$entry" || fail "the desktop entry does not open .polku files"
[ -f "$ROOT/usr/share/mime/packages/polku.xml" ] || fail "the .polku file type (mime/packages/polku.xml) is missing"
icon="$(sed -n 's/^Icon=//p' "$ROOT$entry")"
in_root dpkg -L polku | grep -q "/usr/share/icons/hicolor/.*/apps/$icon.png" || fail "no icon named $icon in the package"
app="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$ROOT$entry")"
[ -x "$ROOT/usr/bin/$app" ] || [ -x "$ROOT$app" ] || fail "the entry's program $app is not installed"
say "desktop entry $entry runs $app (icon $icon, .polku files)"
# The licences of everything inside, where Debian keeps them.
copyright="$ROOT/usr/share/doc/polku/copyright"
[ -f "$copyright" ] || fail "no /usr/share/doc/polku/copyright"
for part in "License: EUPL-1.2" "tauri" "rusqlite" "svelte" "OFL-1.1"; do
  grep -q "$part" "$copyright" || fail "the copyright file does not name $part"
done

# ---- start it as the menu would, under Xvfb, and read the screen ---------------------------
# shellcheck source=screen.sh
source "$HERE/screen.sh"
fb="$(mktemp -d)"
start_screen "$fb" || fail "no screen"
mkdir -p "$ROOT/tmp/.X11-unix" "$ROOT/run/user/0" && chmod 700 "$ROOT/run/user/0"
mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"

start_ms=$(date +%s%3N)
chroot "$ROOT" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 DISPLAY="$SCREEN_DISPLAY" \
  XDG_RUNTIME_DIR=/run/user/0 "$app" >"$ROOT/tmp/app.log" 2>&1 &
app_pid=$!
stop() {
  kill -TERM "$app_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$app_pid" 2>/dev/null || true
  kill "$SCREEN_PID" 2>/dev/null || true
}
trap stop EXIT

listed=0
wait_for_list "$fb" "$app_pid" 60 && listed=1
save_screen "$fb" "$SHOT"
[ "$listed" = 1 ] || fail "the workshop list never appeared on the screen (screenshot: $SHOT; read: $(tr '\n' ' ' <<<"$SCREEN_TEXT" | head -c 300))"
say "the installed app showed the workshop list within $(( $(date +%s%3N) - start_ms )) ms of its start (read once a second; screenshot: $SHOT)"

# Its first start made a library in the user's folder.
stop
trap - EXIT
db="$(find "$ROOT/root/.local/share" -name polku.sqlite3 2>/dev/null | head -n 1)"
[ -n "$db" ] || fail "the app made no library under /root/.local/share"
say "its library: ${db#"$ROOT"}"
