#!/usr/bin/env bash
# The half of server-deb.test.sh that runs in its own mount namespace (see there).
# Environment from server-deb.test.sh: ROOT, DEB_NAME.
set -euo pipefail
say() { echo "server deb test: $*"; }
server_pid=""
fail() {
  echo "server deb test: FAIL: $*" >&2
  [ -f "$ROOT/tmp/serve.log" ] && { echo "--- the server's output:" >&2; tail -n 30 "$ROOT/tmp/serve.log" >&2; }
  exit 1
}
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
# The chroot shares this machine's network: ports of their own, away from anything running here.
PG_PORT=55432
PORT=48870
stop() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  in_root pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
}
trap stop EXIT

mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
mount -t sysfs sys "$ROOT/sys"
mount -t tmpfs tmpfs "$ROOT/run"
# No service starts by itself in the chroot (PostgreSQL's package would try): the test starts it.
printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d" && chmod +x "$ROOT/usr/sbin/policy-rc.d"

say "apt-get install ./$DEB_NAME postgresql in a clean Debian 12"
start=$SECONDS
in_root apt-get update -qq >"$ROOT/tmp/apt.log" 2>&1 || { cat "$ROOT/tmp/apt.log" >&2; fail "apt-get update failed"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/$DEB_NAME" postgresql systemd >>"$ROOT/tmp/apt.log" 2>&1 ||
  { tail -n 30 "$ROOT/tmp/apt.log" >&2; fail "apt-get could not install the package from Debian 12 alone"; }
say "installed with $(grep -c '^Setting up' "$ROOT/tmp/apt.log") packages in $((SECONDS - start)) s"

# ---- what the package put where ------------------------------------------------------------
in_root getent passwd polku | grep -q ':/usr/sbin/nologin$' || fail "no system user polku without a login shell"
perms="$(in_root stat -c '%a %U:%G' /etc/polku/polku.env)"
[ "$perms" = "640 root:polku" ] || fail "/etc/polku/polku.env is $perms, not 640 root:polku (it holds the database password)"
unit=/lib/systemd/system/polku-team.service
[ -f "$ROOT$unit" ] || fail "no $unit"
in_root systemd-analyze verify "$unit" >"$ROOT/tmp/verify.log" 2>&1 || { cat "$ROOT/tmp/verify.log" >&2; fail "systemd-analyze verify refuses $unit"; }
exec_start="$(sed -n 's/^ExecStart=//p' "$ROOT$unit")"
user="$(sed -n 's/^User=//p' "$ROOT$unit")"
env_file="$(sed -n 's/^EnvironmentFile=//p' "$ROOT$unit")"
[ "$exec_start" = "/usr/bin/polku serve" ] && [ "$user" = polku ] && [ "$env_file" = /etc/polku/polku.env ] ||
  fail "the unit runs '$exec_start' as '$user' with '$env_file'"
grep -q '^License: EUPL-1.2' "$ROOT/usr/share/doc/polku-server/copyright" || fail "the copyright file does not name EUPL-1.2"
say "user polku, $env_file $perms, $unit runs $exec_start (systemd-analyze verify: clean)"

# ---- the database, as IT makes it, and the configuration, as IT edits it -------------------
in_root pg_conftool 15 main set port "$PG_PORT"
in_root pg_ctlcluster 15 main start || fail "PostgreSQL did not start"
in_root runuser -u postgres -- psql -q -p "$PG_PORT" -c "CREATE ROLE polku LOGIN PASSWORD 'polku-testi-2026'" >/dev/null
in_root runuser -u postgres -- createdb -p "$PG_PORT" -O polku polku
sed -i -e "s#^POLKU_DATABASE=.*#POLKU_DATABASE=postgres://polku:polku-testi-2026@127.0.0.1:$PG_PORT/polku#" \
  -e "s#^POLKU_PUBLIC_URL=.*#POLKU_PUBLIC_URL=https://polku.kunta.example#" \
  -e "s#^POLKU_LISTEN=.*#POLKU_LISTEN=127.0.0.1:$PORT#" "$ROOT$env_file"

# ---- the unit's command, as its user, with its configuration --------------------------------
chroot "$ROOT" /usr/sbin/runuser -u "$user" -- /bin/sh -c "set -a; . $env_file; set +a; exec $exec_start" >"$ROOT/tmp/serve.log" 2>&1 &
server_pid=$!
health=""
for _ in $(seq 1 100); do
  health="$(curl -s "http://127.0.0.1:$PORT/healthz" || true)"
  [ -n "$health" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server ended"
  sleep 0.2
done
grep -q '"status":"ok"' <<<"$health" && grep -q '"library":"team"' <<<"$health" || fail "/healthz answered '$health'"
say "polku serve, as user $user from $env_file, serves the team library: /healthz $health"
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""

# ---- removed, and purged -------------------------------------------------------------------
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q polku-server >>"$ROOT/tmp/apt.log" 2>&1 || fail "apt-get purge failed"
! in_root getent passwd polku >/dev/null || fail "the purge left the user polku"
[ ! -e "$ROOT/etc/polku/polku.env" ] || fail "the purge left /etc/polku/polku.env"
[ ! -e "$ROOT/usr/bin/polku" ] || fail "the purge left /usr/bin/polku"
say "purged: no program, no user, no configuration left"
