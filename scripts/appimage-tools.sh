#!/usr/bin/env bash
# Before Tauri's bundler makes the AppImage: are its tools here, or can it fetch them?
#
# The bundler takes AppRun and linuxdeploy from ~/.cache/tauri and downloads them from GitHub when
# they are missing. Where GitHub can't be reached (municipal networks, this project's build
# machines) it fails with only "failed to lookup address information", after the whole release
# build; this says which files are missing and where they go instead (README, "Packages for
# facilitators").
set -euo pipefail

arch=$(uname -m)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/tauri"
missing=()
[ -x "$cache/AppRun-$arch" ] || missing+=("AppRun-$arch")
compgen -G "$cache/linuxdeploy-*-$arch.AppImage" > /dev/null || missing+=("linuxdeploy-<revision>-$arch.AppImage")
[ ${#missing[@]} -eq 0 ] && exit 0

if curl -sfI --max-time 10 -o /dev/null https://github.com/tauri-apps/binary-releases/releases; then
  echo "appimage: ${missing[*]} not in $cache yet: Tauri's bundler downloads them from GitHub now"
  exit 0
fi

{
  echo "appimage: can't make the AppImage on this machine: its tools are not in $cache"
  echo "          (missing: ${missing[*]}) and GitHub, where Tauri's bundler downloads them, can't be reached."
  echo "          Put copies built or downloaded elsewhere there under those names (README, \"Packages for facilitators\");"
  echo "          the .deb needs none of this (make release)."
} >&2
exit 1
