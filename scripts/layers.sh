#!/usr/bin/env bash
# Runs make targets as the layers of `make test` and says how long each took: a line as each layer
# ends, and all of them again at the end, so a slow layer is visible in every CI log. Stops at the
# first layer that fails (its exit code is ours).
#
#   scripts/layers.sh deps-test bg:ui-test build rust-test wait browser-test
#
# `bg:NAME` starts a layer alongside the ones after it (its output is kept and printed when it is
# joined); `wait` joins it, and so does the end. Only for layers that share nothing with the
# others and leave a core idle otherwise.
set -uo pipefail

minutes() { printf '%d min %02d s' $(($1 / 60)) $(($1 % 60)); }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/polku-layers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
lines=()
background=()
begin=$SECONDS
status=0

# say LAYER SECONDS STATUS [NOTE]
say() {
  local outcome=passed
  [[ $3 -eq 0 ]] || outcome="FAILED (exit $3)"
  local line
  line=$(printf 'layer: %-14s %12s  %s%s' "$1" "$(minutes "$2")" "$outcome" "${4:-}")
  echo "$line"
  lines+=("$line")
}

run() {
  local start=$SECONDS
  make --no-print-directory "$1"
  local code=$?
  say "$1" $((SECONDS - start)) $code
  return $code
}

start_background() {
  local layer=$1
  (
    start=$SECONDS
    make --no-print-directory "$layer" >"$tmp/$layer.log" 2>&1
    code=$?
    echo "$code $((SECONDS - start))" >"$tmp/$layer.result"
  ) &
  background+=("$layer:$!")
  echo "layer: $layer started alongside the next layers (its output follows when it ends)"
}

join_background() {
  local entry layer pid code took
  for entry in "${background[@]}"; do
    layer=${entry%%:*}
    pid=${entry##*:}
    wait "$pid"
    read -r code took <"$tmp/$layer.result" || { code=1 took=0; }
    echo "---- $layer (ran alongside) ----"
    cat "$tmp/$layer.log"
    say "$layer" "$took" "$code" "  (alongside)"
    [[ $code -eq 0 ]] || status=$code
  done
  background=()
  return $status
}

for arg in "$@"; do
  case $arg in
    bg:*) start_background "${arg#bg:}" ;;
    wait) join_background || break ;;
    *)
      run "$arg" || { status=$?; join_background; break; }
      ;;
  esac
done
[[ ${#background[@]} -eq 0 ]] || join_background

echo
echo "---- how long each layer took ----"
printf '%s\n' "${lines[@]}"
printf 'layer: %-14s %12s\n' "all" "$(minutes $((SECONDS - begin)))"
exit $status
