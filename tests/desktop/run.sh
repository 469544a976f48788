#!/usr/bin/env bash
# Desktop end-to-end suite: the real Polku window (the built polku-desktop binary, the real backend,
# a real SQLite file) driven through tauri-driver + WebKitWebDriver under Xvfb.
#
# Builds nothing: run `make build` first (both binaries, the UI embedded in the app).
#
# Environment (all optional):
#   CARGO_TARGET_DIR     where the binaries are (default: <repo>/target); profile "debug"
#   POLKU_DESKTOP_BIN    the app binary       (default: $CARGO_TARGET_DIR/debug/polku-desktop)
#   POLKU_BIN            the CLI binary       (default: $CARGO_TARGET_DIR/debug/polku)
#   TAURI_DRIVER         tauri-driver         (default: from PATH, else ~/.cargo/bin/tauri-driver)
#   WEBKIT_WEBDRIVER     native driver        (default: /usr/bin/WebKitWebDriver)
#   POLKU_E2E_KEEP=1     keep the temp dir (data dir, logs, screenshot) even when all pass
# Arguments: test files (relative to tests/) to run instead of all of tests/desktop/.
# Exit code: the test runner's (0 = all passed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tests_dir="$(dirname "$here")"
repo="$(dirname "$tests_dir")"

# ---- inside Xvfb: start tauri-driver, run the tests, always stop the driver -------------------
if [[ "${1:-}" == "--inside-xvfb" ]]; then
  driver_pid=""
  stop_driver() {
    if [[ -n "$driver_pid" ]] && kill -0 "$driver_pid" 2>/dev/null; then
      # tauri-driver was started in its own process group (setsid): end it with its
      # WebKitWebDriver and any app window still open, and nothing else.
      kill -TERM -- "-$driver_pid" 2>/dev/null || true
      for _ in $(seq 1 20); do
        kill -0 "$driver_pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -KILL -- "-$driver_pid" 2>/dev/null || true
    fi
  }
  trap stop_driver EXIT

  setsid "$TAURI_DRIVER" --port "$POLKU_E2E_DRIVER_PORT" --native-port "$POLKU_E2E_NATIVE_PORT" \
    --native-driver "$WEBKIT_WEBDRIVER" >"$POLKU_E2E_TMP/tauri-driver.log" 2>&1 &
  driver_pid=$!

  # Wait until the driver answers (at most ~10 s).
  ready=0
  for _ in $(seq 1 100); do
    if ! kill -0 "$driver_pid" 2>/dev/null; then break; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$POLKU_E2E_DRIVER_PORT") 2>/dev/null; then
      ready=1
      break
    fi
    sleep 0.1
  done
  if [[ $ready -ne 1 ]]; then
    echo "desktop e2e: tauri-driver did not start on port $POLKU_E2E_DRIVER_PORT; its log:" >&2
    cat "$POLKU_E2E_TMP/tauri-driver.log" >&2 || true
    exit 1
  fi

  cd "$tests_dir"
  set +e
  shift
  if [[ $# -eq 0 ]]; then set -- desktop/*.test.mjs; fi
  if [[ "${1:-}" == *.mjs && "$1" != *.test.mjs ]]; then
    node "$@" # a plain script (for poking at the driver by hand)
    status=$?
  else
    node --test --test-reporter=spec --test-concurrency=1 "$@" 2>&1 | tee "$POLKU_E2E_TMP/test-output.txt"
    status=${PIPESTATUS[0]}
  fi
  set -e
  exit $status
fi

# ---- outside: check prerequisites, make the temp dirs, run ourselves under Xvfb ---------------
target="${CARGO_TARGET_DIR:-$repo/target}"
export POLKU_DESKTOP_BIN="${POLKU_DESKTOP_BIN:-$target/debug/polku-desktop}"
export POLKU_BIN="${POLKU_BIN:-$target/debug/polku}"
# A real PostgreSQL for the team library (team.test.mjs), and the system browser the app opens
# for signing in to it: Debian's Chromium, driven as a person would.
export POLKU_TEST_POSTGRES="${POLKU_TEST_POSTGRES:-$target/debug/test-postgres}"
export POLKU_BROWSER="$here/system-browser.mjs"
export WEBKIT_WEBDRIVER="${WEBKIT_WEBDRIVER:-/usr/bin/WebKitWebDriver}"
if [[ -z "${TAURI_DRIVER:-}" ]]; then
  TAURI_DRIVER="$(command -v tauri-driver || true)"
  [[ -n "$TAURI_DRIVER" ]] || TAURI_DRIVER="$HOME/.cargo/bin/tauri-driver"
fi
export TAURI_DRIVER

missing=0
need() { # need <path-or-empty> <what> <how to get it>
  if [[ -z "$1" || ! -x "$1" ]]; then
    echo "desktop e2e: $2 not found at ${1:-<nowhere>}. $3" >&2
    missing=1
  fi
}
need "$POLKU_DESKTOP_BIN" "the desktop app" \
  "Build it (the UI embedded): make build"
need "$POLKU_BIN" "the polku CLI" "Build it: make build"
need "$TAURI_DRIVER" "tauri-driver" "Install it: scripts/install-deps.sh test (cargo install tauri-driver --locked)"
need "$WEBKIT_WEBDRIVER" "WebKitWebDriver" "Install it: apt-get install webkit2gtk-driver"
need "$(command -v xvfb-run || true)" "xvfb-run" "Install it: apt-get install xvfb xauth"
if [[ ! -d "$tests_dir/node_modules/webdriverio" ]]; then
  echo "desktop e2e: webdriverio is not installed. Run: npm --prefix tests ci" >&2
  missing=1
fi
[[ $missing -eq 0 ]] || exit 2

tmp="$(mktemp -d "${TMPDIR:-/tmp}/polku-desktop-e2e.XXXXXX")"
status=1
cleanup() {
  # The last line says how it went, whatever was printed before.
  local summary="" pass fail
  if [[ -f "$tmp/test-output.txt" ]]; then
    pass="$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$tmp/test-output.txt" | tail -n 1)"
    fail="$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$tmp/test-output.txt" | tail -n 1)"
    [[ -n "$pass" ]] && summary="$pass passed, ${fail:-?} failed"
  fi
  # Kept on failure too: the data dir, the driver log and the screenshot help to see why.
  if [[ "${POLKU_E2E_KEEP:-0}" == "1" || $status -ne 0 ]]; then
    echo "desktop e2e: kept $tmp (data dir, tauri-driver.log, test-output.txt, board.png)"
  else
    rm -rf "$tmp"
  fi
  if [[ $status -eq 0 ]]; then
    echo "desktop e2e: PASS (${summary:-no count})"
  else
    echo "desktop e2e: FAIL, exit $status (${summary:-the tests did not run to the end})"
  fi
}
trap cleanup EXIT

mkdir -p "$tmp/data" "$tmp/home/data" "$tmp/home/config" "$tmp/home/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export POLKU_E2E_TMP="$tmp"
# The library the app opens; tauri-driver -> WebKitWebDriver -> the app inherit it.
export POLKU_DATA_DIR="$tmp/data"
# WebKit's own storage (localStorage holds the chosen UI language) starts empty every run and
# never touches the user's real profile.
export XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" \
  XDG_CACHE_HOME="$tmp/home/cache" XDG_RUNTIME_DIR="$tmp/runtime"
# The UI follows the OS language; the test also picks English itself, so this is only a default.
# (en_US.UTF-8 only if it is installed: GTK warns about a locale the C library lacks.)
if locale -a 2>/dev/null | grep -qiE '^en_US\.utf-?8$'; then export LANG=en_US.UTF-8; else export LANG=C.UTF-8; fi
export LANGUAGE="${POLKU_E2E_LANGUAGE:-en_US:en}"  # e.g. POLKU_E2E_LANGUAGE=fi to try a Finnish desktop
unset LC_ALL LC_MESSAGES
export NO_AT_BRIDGE=1
# Note: do not set WEBKIT_DISABLE_DMABUF_RENDERER or WEBKIT_DISABLE_COMPOSITING_MODE here:
# with either, WebKitWebDriver's screenshot command hangs under Xvfb (WebKitGTK 2.50).

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
export POLKU_E2E_DRIVER_PORT="${POLKU_E2E_DRIVER_PORT:-$(free_port)}"
export POLKU_E2E_NATIVE_PORT="${POLKU_E2E_NATIVE_PORT:-$(free_port)}"
if [[ "$POLKU_E2E_NATIVE_PORT" == "$POLKU_E2E_DRIVER_PORT" ]]; then
  POLKU_E2E_NATIVE_PORT=$((POLKU_E2E_DRIVER_PORT + 1))
fi

set +e
xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$here/run.sh" --inside-xvfb "$@"
status=$?
set -e
if [[ $status -ne 0 && -s "$tmp/tauri-driver.log" ]]; then
  echo "---- tauri-driver / WebKitWebDriver / app log (last 60 lines) ----" >&2
  tail -n 60 "$tmp/tauri-driver.log" >&2
fi
exit $status
