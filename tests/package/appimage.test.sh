#!/usr/bin/env bash
# The AppImage, started under Xvfb on this machine as a user would start a downloaded one, must
# paint the workshop list (read back from the screen, see screen.sh). APPIMAGE_EXTRACT_AND_RUN:
# machines without FUSE (containers, CI) run it from a temporary extraction instead of a mount.
#
#   tests/package/appimage.test.sh path/to/Polku_X_amd64.AppImage
set -euo pipefail
image="$(realpath "${1:?usage: appimage.test.sh path/to/Polku.AppImage}")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
say() { echo "appimage test: $*"; }
fail() {
  echo "appimage test: FAIL: $*" >&2
  [ -f "$tmp/app.log" ] && { echo "--- the app's output:" >&2; tail -n 30 "$tmp/app.log" >&2; }
  exit 1
}
# shellcheck source=screen.sh
source "$here/screen.sh"

tmp="$(mktemp -d)"
start_screen "$tmp" || fail "no screen"
chmod +x "$image"
start_ms=$(date +%s%3N)
# TMPDIR: the runtime extracts the image (~300 MB) under it, and a killed app cannot clean up after
# itself; the folder goes with this test's own.
DISPLAY="$SCREEN_DISPLAY" POLKU_DATA_DIR="$tmp/library" APPIMAGE_EXTRACT_AND_RUN=1 TMPDIR="$tmp" \
  XDG_DATA_HOME="$tmp/xdg-data" XDG_CONFIG_HOME="$tmp/xdg-config" XDG_CACHE_HOME="$tmp/xdg-cache" \
  setsid "$image" >"$tmp/app.log" 2>&1 &
app_pid=$!
stop() {
  kill -TERM -- "-$app_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$app_pid" 2>/dev/null || true
  kill "$SCREEN_PID" 2>/dev/null || true
  rm -rf "$tmp"
}
trap stop EXIT

shot="$(dirname "$image")/appimage-started.png"
listed=0
wait_for_list "$tmp" "$app_pid" 60 && listed=1
save_screen "$tmp" "$shot"
[ "$listed" = 1 ] || fail "the workshop list never appeared on the screen (screenshot: $shot; read: $(tr '\n' ' ' <<<"$SCREEN_TEXT" | head -c 300))"
say "the AppImage showed the workshop list within $(( $(date +%s%3N) - start_ms )) ms of its start (screenshot: $shot)"
[ -f "$tmp/library/polku.sqlite3" ] || fail "the AppImage made no library in POLKU_DATA_DIR"
say "PASS"
