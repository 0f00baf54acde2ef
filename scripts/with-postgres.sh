#!/usr/bin/env bash
# Runs CMD with a throwaway PostgreSQL cluster:
#   scripts/with-postgres.sh CMD [ARGS...]
# Creates a cluster in a mktemp -d folder, listening on 127.0.0.1 only (a free port, unix socket
# inside the folder, trust auth for loopback; extra server options from AVENIR_PG_OPTS, such as
# "-c shared_buffers=1GB"), creates database avenir_test, exports
#   AVENIR_TEST_PG_DSN=postgresql://postgres@127.0.0.1:PORT/avenir_test
#   AVENIR_REQUIRE_PG=1   (store tests then fail rather than skip without a DSN)
#   AVENIR_TEST_PG_PID=the postmaster's pid (bench/http keeps the server off the CPUs it measures)
#   AVENIR_TEST_PG_CTL=a command that stops or starts the cluster (the fault drills of make proof):
#     "$AVENIR_TEST_PG_CTL" stop [fast|immediate]   "$AVENIR_TEST_PG_CTL" start
# runs CMD, always stops the cluster and removes the folder, and exits with CMD's status.
# As root, the server runs as the unprivileged user avenir-test (created if missing), since
# PostgreSQL refuses to run as root.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "with-postgres: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin;" \
       "install them with 'scripts/install-deps.sh test' (or: apt-get install postgresql)" >&2
  exit 127
fi

as_user=()
if [ "$(id -u)" -eq 0 ]; then
  user=avenir-test
  if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user" 2>/dev/null \
      || { user=nobody; }
  fi
  as_user=(runuser -u "$user" --)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/avenir-pg.XXXXXX")
chmod 700 "$dir"
if [ ${#as_user[@]} -gt 0 ]; then chown "$user" "$dir"; fi
data="$dir/data"
log="$dir/server.log"

# Runs a server tool as the cluster's owner, from inside the folder (the caller's working
# directory may not be readable by that user).
as_owner() { (cd "$dir" && "${as_user[@]}" "$@"); }

cleanup() {
  local status=$?
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_owner "$bindir/initdb" -D "$data" --username=postgres --auth=trust --encoding=UTF8 --no-locale \
  --no-instructions >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# Loopback only: initdb's trust lines cover local sockets, 127.0.0.1 and ::1, and we listen on
# 127.0.0.1 alone. Durability is pointless for a throwaway cluster, so fsync is off.
opts="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off"
opts+=" -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
# More server settings from the caller (bench/search sizes shared_buffers as a server would be).
opts+=" ${AVENIR_PG_OPTS:-}"

port=""
for _ in $(seq 1 20); do
  try=$((54000 + RANDOM % 1000))
  if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$try" -t 1 >/dev/null 2>&1 || [ $? -ne 2 ]; then continue; fi  # taken
  if as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 30 -o "$opts -p $try" start >/dev/null 2>&1; then
    port=$try
    break
  fi
done
if [ -z "$port" ]; then
  echo "with-postgres: could not start PostgreSQL; server log:" >&2
  cat "$log" >&2 2>/dev/null || true
  exit 1
fi

for _ in $(seq 1 50); do
  "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" && break
  sleep 0.2
done
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres avenir_test
# unaccent once per database, up front: tests migrate many schemas in parallel.
"$bindir/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d avenir_test -c "CREATE EXTENSION IF NOT EXISTS unaccent" >/dev/null

export AVENIR_TEST_PG_DSN="postgresql://postgres@127.0.0.1:$port/avenir_test"
export AVENIR_REQUIRE_PG=1
AVENIR_TEST_PG_PID=$(head -n 1 "$data/postmaster.pid")
export AVENIR_TEST_PG_PID
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

# The fault drills stop and start the cluster while Avenir runs: a small script that knows how.
cat >"$dir/pgctl" <<EOF
#!/usr/bin/env bash
# Stops (mode fast by default, or immediate) or starts the throwaway cluster of with-postgres.sh.
set -e
cd "$dir"
case "\${1:-}" in
  stop) ${as_user[*]} "$bindir/pg_ctl" -D "$data" -m "\${2:-fast}" -w stop >/dev/null ;;
  start) ${as_user[*]} "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 30 -o "$opts -p $port" start >/dev/null ;;
  *) echo "usage: \$0 stop [fast|immediate] | start" >&2; exit 2 ;;
esac
EOF
chmod 755 "$dir/pgctl"
export AVENIR_TEST_PG_CTL="$dir/pgctl"

set +e
"$@"
status=$?
set -e
exit "$status"
