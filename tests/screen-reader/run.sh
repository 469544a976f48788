#!/usr/bin/env bash
# Screen-reader run: the real Polku window with the Orca screen reader, driven by the keyboard
# alone, as a blind facilitator would. A MANUAL check for the accessibility statement: not part
# of `make test`, nothing in it passes or fails. Run it, then read the transcript.
#
#   tests/screen-reader/run.sh TRANSCRIPT.txt
#
# What it does: installs what is missing (Debian: orca, speech-dispatcher + espeak-ng, AT-SPI,
# python3-gi, Xvfb, xdotool), starts its own D-Bus session (and with it the AT-SPI bus), Xvfb,
# the app binary with a fresh data folder, and Orca with speech through speech-dispatcher and
# espeak-ng into a null ALSA device (nothing is heard; Orca writes each utterance to a log).
# Then flow.py presses keys with xdotool: the workshop list, a new workshop, a note added, typed,
# coloured through its menu, moving between notes, the outline view, the export dialog opened
# and closed, About and its accessibility statement link.
#
# Reading the transcript: one block per step.
#   keys:   what was pressed ("type:…" is text typed)
#   ORCA:   what Orca said, in order ("(silence)": it said nothing: after an action that is
#           usually the finding — focus lost, or a change not announced)
#   FOCUS:  the focused object read fresh from the AT-SPI tree after the step: role, accessible
#           name, description, states. When ORCA and FOCUS disagree (say, another name), the user
#           heard something stale.
#   NAME-CHANGE event: WebKit told assistive technology that an accessible name changed.
# The language is English (the app follows the OS language; LANG is set to en_US here).
#
# Environment (optional): POLKU_DESKTOP_BIN (default <repo>/target/debug/polku-desktop; build it
# first with `make build`), POLKU_SR_ORCA=0 runs without Orca (the AT-SPI focus column only: tells
# whether a problem needs Orca to happen), POLKU_SR_KEEP=1 keeps the temp dir (Orca's speech log, app log).
# Orca refuses to start while another Orca of the same user runs; stop that one first.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$(dirname "$here")")"

# ---- inside our own D-Bus session ---------------------------------------------------------
if [[ "${1:-}" == "--inside" ]]; then
  transcript="$2"
  pids=()
  cleanup() {
    # Only what this script started, newest first, by process id.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
    if [[ -f "$XDG_RUNTIME_DIR/speech-dispatcher/pid" ]]; then
      kill -TERM "$(cat "$XDG_RUNTIME_DIR/speech-dispatcher/pid")" 2>/dev/null || true
    fi
    [[ -n "${app_pid:-}" ]] && kill -TERM -- "-$app_pid" 2>/dev/null || true
    sleep 0.5
  }
  trap cleanup EXIT

  exec 5>"$SR_TMP/display"
  Xvfb -displayfd 5 -screen 0 1400x900x24 -nolisten tcp >"$SR_TMP/xvfb.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 50); do [[ -s "$SR_TMP/display" ]] && break; sleep 0.1; done
  export DISPLAY=":$(head -1 "$SR_TMP/display")"

  # Accessibility on for GTK and WebKitGTK (the AT-SPI bus is started on demand by D-Bus).
  export GTK_MODULES=gail:atk-bridge WEBKIT_DISABLE_DMABUF_RENDERER=1
  unset NO_AT_BRIDGE
  gsettings set org.gnome.desktop.interface toolkit-accessibility true 2>/dev/null || true

  # The app, with a data folder of its own, in its own process group (its WebKit processes too).
  setsid env POLKU_DATA_DIR="$SR_TMP/data" "$POLKU_DESKTOP_BIN" >"$SR_TMP/app.log" 2>&1 &
  app_pid=$!
  win=""
  for _ in $(seq 1 300); do
    win=$(xdotool search --onlyvisible --name '^Polku$' 2>/dev/null | head -1 || true)
    [[ -n "$win" ]] && break
    sleep 0.1
  done
  [[ -n "$win" ]] || { echo "screen-reader run: the Polku window did not appear; its log:" >&2; cat "$SR_TMP/app.log" >&2; exit 1; }
  sleep 4 # the embedded UI loads and the backend answers

  # Orca: its preferences in the temp dir; orca-customizations.py (loaded from there) copies
  # each utterance to the speech log and turns key echo off.
  mkdir -p "$SR_TMP/orca"
  cat >"$SR_TMP/orca/orca-customizations.py" <<'EOF'
import logging, os
_h = logging.FileHandler(os.environ["POLKU_SR_SPEECH_LOG"])
_h.setFormatter(logging.Formatter("%(created).3f %(name)s %(message)s"))
for _n in ("speech", "braille"):
    logging.getLogger(_n).addHandler(_h)
import orca.settings as _s
_s.enableKeyEcho = False
_s.enableEchoByCharacter = False
_s.enableEchoByWord = False
EOF
  export POLKU_SR_SPEECH_LOG="$SR_TMP/speech.log"
  : >"$POLKU_SR_SPEECH_LOG"
  xdotool windowfocus --sync "$win"
  if [[ "${POLKU_SR_ORCA:-1}" == 0 ]]; then
    echo "0.000 speech SPEECH OUTPUT: (Orca not started: POLKU_SR_ORCA=0, AT-SPI only) Screen reader on" >"$POLKU_SR_SPEECH_LOG"
  fi
  if [[ "${POLKU_SR_ORCA:-1}" != 0 ]]; then
    orca -u "$SR_TMP/orca" >"$SR_TMP/orca.log" 2>&1 &
    pids+=($!)
  fi
  for _ in $(seq 1 150); do grep -q "Screen reader on" "$POLKU_SR_SPEECH_LOG" && break; sleep 0.1; done
  grep -q "Screen reader on" "$POLKU_SR_SPEECH_LOG" || { echo "screen-reader run: Orca did not start; its log:" >&2; cat "$SR_TMP/orca.log" >&2; exit 1; }
  sleep 2
  xdotool windowfocus --sync "$win"

  /usr/bin/python3 "$here/flow.py" "$transcript" "$POLKU_SR_SPEECH_LOG"
  if ! kill -0 "$app_pid" 2>/dev/null || ! pgrep -P "$app_pid" -f WebKitWebProcess >/dev/null; then
    echo "# NOTE: the app or its web content process was no longer running at the end" | tee -a "$transcript"
  fi
  exit 0
fi

# ---- outside: packages, temp dir, then ourselves in a D-Bus session ------------------------
transcript="${1:?usage: tests/screen-reader/run.sh TRANSCRIPT.txt}"
transcript="$(realpath -m "$transcript")"
export POLKU_DESKTOP_BIN="${POLKU_DESKTOP_BIN:-$repo/target/debug/polku-desktop}"
[[ -x "$POLKU_DESKTOP_BIN" ]] || { echo "screen-reader run: no app at $POLKU_DESKTOP_BIN (make build first)" >&2; exit 1; }

pkgs=(orca speech-dispatcher speech-dispatcher-espeak-ng espeak-ng python3-gi gir1.2-atspi-2.0
  at-spi2-core libatk-adaptor dbus xvfb xauth xdotool procps)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  echo "screen-reader run: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if pgrep -u "$(id -u)" -x orca >/dev/null; then
  echo "screen-reader run: another Orca of this user is running; stop it first (Orca allows one)." >&2
  exit 1
fi

SR_TMP="$(mktemp -d -t polku-sr.XXXXXX)"
export SR_TMP
mkdir -p "$SR_TMP/data" "$SR_TMP/home" "$SR_TMP/config" "$SR_TMP/cache" "$SR_TMP/run" "$SR_TMP/xdgdata"
chmod 700 "$SR_TMP/run"
# speech-dispatcher (started by Orca) as configured system-wide, but its sound into ALSA's null
# device: no sound card is needed, and it never blocks Orca waiting for one.
cp -r /etc/speech-dispatcher "$SR_TMP/config/"
echo 'AudioOutputMethod "alsa"' >>"$SR_TMP/config/speech-dispatcher/speechd.conf"
printf 'pcm.!default { type null }\nctl.!default { type hw card 0 }\n' >"$SR_TMP/home/.asoundrc"

status=0
env HOME="$SR_TMP/home" XDG_CONFIG_HOME="$SR_TMP/config" XDG_CACHE_HOME="$SR_TMP/cache" \
  XDG_RUNTIME_DIR="$SR_TMP/run" XDG_DATA_HOME="$SR_TMP/xdgdata" LANG=en_US.UTF-8 LANGUAGE=en \
  dbus-run-session -- "$here/run.sh" --inside "$transcript" || status=$?

if [[ "${POLKU_SR_KEEP:-}" == 1 || $status -ne 0 ]]; then
  echo "screen-reader run: logs kept in $SR_TMP"
else
  rm -rf "$SR_TMP"
fi
echo "screen-reader run: transcript in $transcript"
exit $status
