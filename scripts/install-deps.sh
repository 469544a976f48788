#!/usr/bin/env bash
# Installs what Polku needs on Debian/Ubuntu, and only what is missing, so a bare machine
# (a new laptop or CI) gets from clone to running app with `make run` / `make test`.
#   install-deps.sh build   — what building the desktop app needs
#   install-deps.sh test    — plus what the test layers need (Xvfb, WebKitWebDriver, Chromium, poppler)
#   install-deps.sh package — plus what `make package` needs to build the Linux packages and try
#                             the .deb on a clean Debian 12 (debootstrap, Xvfb, the screen read
#                             back with netpbm and tesseract, and a bare WebKitGTK window from
#                             Python for the memory bench's floor)
set -euo pipefail
want=${1:-build}

# fonts-noto-color-emoji: persona avatars are emoji; without a colour emoji font they show as boxes.
pkgs=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev curl file fonts-noto-color-emoji)
if [ "$want" = test ]; then
  # python3-gi, gir1.2-gtk-3.0: the desktop suite's stand-in file manager to drag files from.
  # iproute2: the LAN test's network namespace and veth pair (`ip netns`, `ip link`).
  # postgresql: the team server's engine; the store's tests start its server on a temp folder.
  # dbus, at-spi2-core, gir1.2-atspi-2.0: the desktop suite asks the board what a screen reader
  # asks, over AT-SPI in a D-Bus session of its own (tests/desktop/a11y-board.test.mjs).
  pkgs+=(dbus at-spi2-core gir1.2-atspi-2.0 postgresql iproute2 xvfb xauth xdotool webkit2gtk-driver chromium poppler-utils fonts-dejavu-core python3-gi gir1.2-gtk-3.0)
fi

if [ "$want" = package ]; then
  pkgs+=(debootstrap xvfb xauth netpbm tesseract-ocr tesseract-ocr-eng desktop-file-utils python3-gi gir1.2-webkit2-4.1)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Polku: please install these packages with your system's package manager: ${missing[*]}" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Polku: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null 2>&1 || {
  echo "Polku: Rust is missing. Install it from rustup (https://rustup.rs), then run this again." >&2
  exit 1
}
# Vite 8 needs Node.js 20.19 or newer; Debian 12's own nodejs package is older.
node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=19)?1:0)' 2>/dev/null || echo 0)
if [ "$node_ok" != 1 ] || ! command -v npm >/dev/null 2>&1; then
  echo "Polku: Node.js 20.19+ with npm is needed (found: $(node --version 2>/dev/null || echo none)). Install it from nodejs.org or NodeSource, then run this again." >&2
  exit 1
fi

if [ "$want" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "Polku: installing tauri-driver (desktop end-to-end tests)"
  cargo install tauri-driver --locked --quiet
fi
