# Sourced by the package tests: a screen of their own (Xvfb writing its framebuffer to a file) and
# reading it back, so "the app started" means the workshop list's words are on the screen.

# start_screen DIR: Xvfb on a free display, framebuffer in DIR/Xvfb_screen0; sets SCREEN_DISPLAY
# (":N") and SCREEN_PID.
start_screen() {
  local dir="$1"
  Xvfb -displayfd 4 -screen 0 1280x900x24 -fbdir "$dir" -nolisten tcp 4>"$dir/display" 2>"$dir/xvfb.log" &
  SCREEN_PID=$!
  for _ in $(seq 1 100); do [ -s "$dir/display" ] && break; sleep 0.1; done
  [ -s "$dir/display" ] || { echo "Xvfb did not start: $(cat "$dir/xvfb.log")" >&2; return 1; }
  SCREEN_DISPLAY=":$(cat "$dir/display")"
}

# wait_for_list DIR PID SECONDS: 0 once the workshop list's heading, its new-workshop form and
# that form's button are read on the screen; 1 when PID exits or time runs out. SCREEN_TEXT holds
# what was read last.
wait_for_list() {
  local dir="$1" pid="$2" seconds="$3"
  SCREEN_TEXT=""
  for _ in $(seq 1 "$seconds"); do
    sleep 1
    kill -0 "$pid" 2>/dev/null || return 1
    xwdtopnm "$dir/Xvfb_screen0" 2>/dev/null >"$dir/screen.pnm" || continue
    SCREEN_TEXT="$(tesseract "$dir/screen.pnm" - 2>/dev/null || true)"
    if grep -q "Workshops" <<<"$SCREEN_TEXT" && grep -q "New workshop" <<<"$SCREEN_TEXT" &&
      grep -q "Create workshop" <<<"$SCREEN_TEXT"; then
      return 0
    fi
  done
  return 1
}

# save_screen DIR PNG: the last screen read, for a person to look at.
save_screen() {
  pnmtopng "$1/screen.pnm" >"$2" 2>/dev/null || true
}
