#!/usr/bin/env bash
# Two Avenir instances on one PostgreSQL database behind nginx, on loopback, and the browser test
# that goes through both (tests/browser/two_instances.cluster.mjs). Run under a PostgreSQL:
#   scripts/with-postgres.sh scripts/cluster-tests.sh BUILD_DIR        (make test does)
# What it sets up, as docs/deploy.md describes for production:
#   - a fresh database on $AVENIR_TEST_PG_DSN's cluster; migrations and content loaded once;
#   - instances A and B (avenir serve) sharing that database and one files folder
#     (AVENIR_FILES_DIR), trusting nginx's X-Forwarded-For, with a long page cache TTL (30 s) so
#     the test shows that an edit reaches the other instance through the database's stamp, not
#     through the TTL;
#   - nginx with three listeners: the balanced one (round robin over A and B, each answer says
#     which instance served it in X-Avenir-Upstream) and one pinned to each instance;
#   - e-mail by SMTP to scripts/smtp-sink.py.
# Ends with "cluster: N passed, M failed". AVENIR_KEEP_TMP=1 keeps the temp dir.
set -uo pipefail

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" 2>/dev/null && pwd) || { echo "cluster: no build dir '$1'"; echo "cluster: 0 passed, 1 failed"; exit 1; }
avenir="$build/avenir"
nginx=/usr/sbin/nginx
python=/usr/bin/python3
tests="$root/tests/browser"

tmp="" pids=() admin_dsn="" dbname=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  done
  [ -n "$dbname" ] && psql -q "$admin_dsn" -c "DROP DATABASE IF EXISTS $dbname" >/dev/null 2>&1
  if [ -n "$tmp" ]; then
    if [ "${AVENIR_KEEP_TMP:-0}" = 1 ]; then echo "cluster: kept $tmp" >&2; else rm -rf "$tmp"; fi
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail_setup() {
  echo "cluster: setup failed: $*" >&2
  for f in "$tmp"/*.log; do [ -s "$f" ] && { echo "---- $f (last 30 lines)" >&2; tail -n 30 "$f" >&2; }; done
  echo "cluster: 0 passed, 1 failed"
  exit 1
}

[ -n "${AVENIR_TEST_PG_DSN:-}" ] || fail_setup "AVENIR_TEST_PG_DSN is not set (run under scripts/with-postgres.sh)"
[ -x "$avenir" ] || fail_setup "$avenir not built"
[ -x "$nginx" ] || fail_setup "$nginx not found (scripts/install-deps.sh test installs nginx-light)"
command -v psql >/dev/null 2>&1 || fail_setup "psql not found"
[ -f "$tests/node_modules/.package-lock.json" ] || (cd "$tests" && npm ci --no-audit --no-fund) || fail_setup "npm ci"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/avenir-cluster.XXXXXX") || fail_setup "mktemp"
chmod 755 "$tmp"

# A database of its own on the test cluster.
admin_dsn=$AVENIR_TEST_PG_DSN
dbname="avenir_cluster_$RANDOM$RANDOM"
psql -q "$admin_dsn" -c "CREATE DATABASE $dbname" >/dev/null || fail_setup "CREATE DATABASE $dbname"
dsn="${admin_dsn%/*}/$dbname"

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port_a=$(free_port) && port_b=$(free_port) && port_lb=$(free_port) && port_pa=$(free_port) && port_pb=$(free_port) \
  || fail_setup "no free ports"

export AVENIR_DATABASE_URL="$dsn" AVENIR_FILES_DIR="$tmp/shared-files" AVENIR_TRUSTED_PROXIES=127.0.0.1
export AVENIR_PAGE_CACHE_TTL_MS=30000 AVENIR_BASE_URL="http://127.0.0.1:$port_lb"
export AVENIR_DRO_EMAIL=dro@example.org AVENIR_DRO_PASSWORD=violet-tractor-harbour-91
cd "$root" || fail_setup "cd $root"
"$avenir" migrate >"$tmp/migrate.log" 2>&1 || fail_setup "avenir migrate"
"$avenir" seed >"$tmp/seed.log" 2>&1 || fail_setup "avenir seed"
printf '%s\n' "$AVENIR_DRO_PASSWORD" | "$avenir" user create --email "$AVENIR_DRO_EMAIL" --name "DRO" --role dro \
  --region asia-pacific --password-stdin >"$tmp/users.log" 2>&1 || fail_setup "avenir user create"

mail_dir="$tmp/mail"
mkdir -p "$mail_dir"
"$root/scripts/smtp-sink.py" "$mail_dir" 0 >"$tmp/smtp-sink.out" 2>"$tmp/smtp-sink.log" &
pids+=($!)
smtp_port=""
for _ in $(seq 1 100); do
  grep -qx ready "$tmp/smtp-sink.out" 2>/dev/null && { smtp_port=$(sed -n 's/^port \([0-9][0-9]*\)$/\1/p' "$tmp/smtp-sink.out"); break; }
  sleep 0.2
done
[ -n "$smtp_port" ] || fail_setup "scripts/smtp-sink.py did not start"
export AVENIR_SMTP_URL="smtp://127.0.0.1:$smtp_port" AVENIR_MAIL_FROM=avenir@localhost

healthy() {  # port
  (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
   printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
   IFS= read -r -t 2 line <&3 || exit 1
   [[ $line == "HTTP/1."[01]" 200"* ]]) 2>/dev/null
}
start_instance() {  # name port
  "$avenir" serve --host 127.0.0.1 --port "$2" >"$tmp/$1.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 150); do
    healthy "$2" && return 0
    kill -0 "$pid" 2>/dev/null || fail_setup "instance $1 exited while starting"
    sleep 0.2
  done
  fail_setup "instance $1 did not answer /healthz within 30 s"
}
start_instance a "$port_a"
start_instance b "$port_b"

user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user nobody nogroup;"
mkdir -p "$tmp/nginx"
proxy='proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; add_header X-Avenir-Upstream $upstream_addr always;'
cat >"$tmp/nginx.conf" <<NGINX
$user_line
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx-error.log;
events {}
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body; proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi; uwsgi_temp_path $tmp/nginx/uwsgi; scgi_temp_path $tmp/nginx/scgi;
  client_max_body_size 64m;
  upstream both { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; keepalive 8; }
  upstream only_a { server 127.0.0.1:$port_a; keepalive 4; }
  upstream only_b { server 127.0.0.1:$port_b; keepalive 4; }
  server { listen 127.0.0.1:$port_lb; location / { proxy_pass http://both; $proxy } location = /metrics { return 404; } }
  server { listen 127.0.0.1:$port_pa; location / { proxy_pass http://only_a; $proxy } location = /metrics { return 404; } }
  server { listen 127.0.0.1:$port_pb; location / { proxy_pass http://only_b; $proxy } location = /metrics { return 404; } }
}
NGINX
"$nginx" -t -q -p "$tmp" -c "$tmp/nginx.conf" >"$tmp/nginx-t.log" 2>&1 || { cat "$tmp/nginx-t.log" >&2; fail_setup "nginx -t"; }
"$nginx" -p "$tmp" -c "$tmp/nginx.conf" >"$tmp/nginx.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do healthy "$port_lb" && break; sleep 0.1; done
healthy "$port_lb" || fail_setup "nginx did not answer on $port_lb"

echo "cluster: instances on $port_a and $port_b (PostgreSQL database $dbname), nginx on $port_lb (balanced), $port_pa (A), $port_pb (B)"
(
  cd "$tests" && AVENIR_BASE_URL="http://127.0.0.1:$port_lb" AVENIR_CLUSTER_A="http://127.0.0.1:$port_pa" \
    AVENIR_CLUSTER_B="http://127.0.0.1:$port_pb" AVENIR_CLUSTER_DIRECT_A="http://127.0.0.1:$port_a" \
    AVENIR_CLUSTER_DIRECT_B="http://127.0.0.1:$port_b" AVENIR_MAIL_DIR="$mail_dir" AVENIR_FILES_DIR="$AVENIR_FILES_DIR" \
    node --test --test-concurrency=1 --test-timeout=300000 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tmp/tap.txt" ./two_instances.cluster.mjs
)
status=$?
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tmp/tap.txt" 2>/dev/null | tail -n 1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tmp/tap.txt" 2>/dev/null | tail -n 1)
passed=${passed:-0}; failed=${failed:-0}
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
if [ "$failed" -ne 0 ]; then
  for f in a b; do echo "---- instance $f (last 40 lines)" >&2; tail -n 40 "$tmp/$f.log" >&2; done
fi
echo "cluster: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
