#!/usr/bin/env bash
# Runs make targets one after another as the layers of `make test` and says how long each took:
# a line as each layer ends, and all of them again at the end, so a slow layer is visible in every
# CI log. Stops at the first layer that fails (its exit code is ours).
#   scripts/layers.sh deps-test ui rust-test …
set -uo pipefail

minutes() { printf '%d min %02d s' $(($1 / 60)) $(($1 % 60)); }

lines=()
begin=$SECONDS
status=0
for layer in "$@"; do
  start=$SECONDS
  make --no-print-directory "$layer"
  status=$?
  took=$((SECONDS - start))
  if [[ $status -eq 0 ]]; then outcome=passed; else outcome="FAILED (exit $status)"; fi
  line=$(printf 'layer: %-14s %12s  %s' "$layer" "$(minutes $took)" "$outcome")
  echo "$line"
  lines+=("$line")
  [[ $status -eq 0 ]] || break
done

echo
echo "---- how long each layer took ----"
printf '%s\n' "${lines[@]}"
printf 'layer: %-14s %12s\n' "all" "$(minutes $((SECONDS - begin)))"
exit $status
