#!/usr/bin/env bash
# Browser tests: a fresh SQLite database, the real server on a free loopback port, and
# tests/browser/*.test.mjs (node --test, playwright-core driving Debian's chromium, axe-core).
#   scripts/browser-tests.sh BUILD_DIR
# Needs node/npm and /usr/bin/chromium (scripts/install-deps.sh test); not curl.
# Ends with one line "browser: N passed, M failed" (the server's graceful shutdown counts as a check).
# Mail goes by SMTP to scripts/smtp-sink.py (Debian's python3-aiosmtpd) on another free port; the
# tests read the messages from AVENIR_MAIL_DIR. An admin without two-factor sign-in is created with
# the CLI before the server starts (AVENIR_ADMIN_EMAIL / AVENIR_ADMIN_PASSWORD), with a DRO, a
# coordinator and a facilitator of Asia-Pacific (AVENIR_DRO_EMAIL, AVENIR_COORD_EMAIL,
# AVENIR_FACIL_EMAIL; same password), and for the network a coordinator of Europe and the Caribbean
# and two people without a role (AVENIR_NET_COORD_EMAIL, AVENIR_NET_APPLICANT_EMAIL,
# AVENIR_NET_AUTHOR_EMAIL).
# AVENIR_BROWSER_TESTS="./a.test.mjs ./b.test.mjs" runs only those files.
# AVENIR_KEEP_TMP=1 keeps the temp dir (database, server log, TAP output) for a look afterwards.
set -uo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" 2>/dev/null && pwd) || { echo "browser: no build dir '$1'" >&2; echo "browser: 0 passed, 1 failed"; exit 1; }
avenir="$build/avenir"
tests="$root/tests/browser"

tmp=""
server_pid=""
sink_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  # The sink after the server, which may still be sending.
  if [ -n "$sink_pid" ] && kill -0 "$sink_pid" 2>/dev/null; then
    kill -TERM "$sink_pid" 2>/dev/null
    for _ in $(seq 1 25); do kill -0 "$sink_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$sink_pid" 2>/dev/null && kill -KILL "$sink_pid" 2>/dev/null
    wait "$sink_pid" 2>/dev/null
  fi
  if [ -n "$tmp" ] && [ "${AVENIR_KEEP_TMP:-0}" != 1 ]; then rm -rf "$tmp"; fi
  if [ -n "$tmp" ] && [ "${AVENIR_KEEP_TMP:-0}" = 1 ]; then echo "browser: kept $tmp" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

show_server_log() {
  if [ -s "$tmp/server.log" ]; then
    echo "---- last 60 lines of the server log ($tmp/server.log) ----" >&2
    tail -n 60 "$tmp/server.log" >&2
    echo "----" >&2
  fi
  if [ -s "$tmp/smtp-sink.log" ]; then
    echo "---- last 20 lines of the SMTP sink's log ($tmp/smtp-sink.log) ----" >&2
    tail -n 20 "$tmp/smtp-sink.log" >&2
    echo "----" >&2
  fi
}

# A step before the tests could run failed: say which, and end with the summary line.
setup_failed() {
  echo "browser: setup failed: $*" >&2
  show_server_log
  echo "browser: 0 passed, 1 failed"
  exit 1
}

command -v node >/dev/null 2>&1 || setup_failed "node not found (scripts/install-deps.sh test)"
command -v npm >/dev/null 2>&1 || setup_failed "npm not found (scripts/install-deps.sh test)"
[ -x "${AVENIR_CHROMIUM:-/usr/bin/chromium}" ] || setup_failed "${AVENIR_CHROMIUM:-/usr/bin/chromium} not found (scripts/install-deps.sh test)"
[ -x "$avenir" ] || setup_failed "$avenir not built"
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null \
  || setup_failed "python3-aiosmtpd not installed (scripts/install-deps.sh test)"

# npm dependencies: (re)install when missing or older than the lock file. npm ci writes
# node_modules/.package-lock.json, so its date is the date of the last install.
if [ ! -f "$tests/node_modules/.package-lock.json" ] || [ "$tests/package-lock.json" -nt "$tests/node_modules/.package-lock.json" ]; then
  echo "browser: npm ci in tests/browser"
  (cd "$tests" && npm ci --no-audit --no-fund) || setup_failed "npm ci"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/avenir-browser.XXXXXX") || setup_failed "mktemp"
export AVENIR_DATABASE_URL="sqlite:$tmp/avenir.db"

cd "$root" || setup_failed "cd $root"
"$avenir" migrate >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; setup_failed "avenir migrate"; }
"$avenir" seed >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; setup_failed "avenir seed"; }

# A verified admin without two-factor sign-in, for the tests that check it is asked to set it up.
export AVENIR_ADMIN_EMAIL=admin@example.org
export AVENIR_ADMIN_PASSWORD=violet-tractor-harbour-91
printf '%s\n' "$AVENIR_ADMIN_PASSWORD" \
  | "$avenir" user create --email "$AVENIR_ADMIN_EMAIL" --name Admin --role admin --password-stdin >"$tmp/admin.log" 2>&1 \
  || { cat "$tmp/admin.log" >&2; setup_failed "avenir user create (admin)"; }
# A Digital Rights Organiser of Asia-Pacific edits the library (no second factor needed for DROs).
export AVENIR_DRO_EMAIL=dro@example.org
printf '%s\n' "$AVENIR_ADMIN_PASSWORD" \
  | "$avenir" user create --email "$AVENIR_DRO_EMAIL" --name DRO --role dro --region asia-pacific --password-stdin >"$tmp/dro.log" 2>&1 \
  || { cat "$tmp/dro.log" >&2; setup_failed "avenir user create (dro)"; }

# Training: a coordinator of Asia-Pacific (sets up two-factor sign-in in the test) and a facilitator.
export AVENIR_COORD_EMAIL=coord.asia@example.org AVENIR_FACIL_EMAIL=facil.asia@example.org
for who in "$AVENIR_COORD_EMAIL coordinator Coordinator" "$AVENIR_FACIL_EMAIL facilitator Facilitator"; do
  set -- $who
  printf '%s\n' "$AVENIR_ADMIN_PASSWORD" \
    | "$avenir" user create --email "$1" --name "$3" --role "$2" --region asia-pacific --password-stdin >"$tmp/$2.log" 2>&1 \
    || { cat "$tmp/$2.log" >&2; setup_failed "avenir user create ($2)"; }
done

# Network: a coordinator of Europe and the Caribbean (sets up two-factor sign-in in the test), a
# member who applies to become a DRO and a member who shares a case (no role: they just signed up).
export AVENIR_NET_COORD_EMAIL=coord.europe@example.org AVENIR_NET_APPLICANT_EMAIL=applicant@example.org AVENIR_NET_AUTHOR_EMAIL=author@example.org
printf '%s\n' "$AVENIR_ADMIN_PASSWORD" \
  | "$avenir" user create --email "$AVENIR_NET_COORD_EMAIL" --name "Europe Coordinator" --role coordinator --region europe-caribbean \
      --password-stdin >"$tmp/net-coord.log" 2>&1 \
  || { cat "$tmp/net-coord.log" >&2; setup_failed "avenir user create (network coordinator)"; }
for who in "$AVENIR_NET_APPLICANT_EMAIL Applicant" "$AVENIR_NET_AUTHOR_EMAIL Author"; do
  set -- $who
  printf '%s\n' "$AVENIR_ADMIN_PASSWORD" \
    | "$avenir" user create --email "$1" --name "$2" --password-stdin >"$tmp/net-$2.log" 2>&1 \
    || { cat "$tmp/net-$2.log" >&2; setup_failed "avenir user create ($2)"; }
done

# Bargaining: a union of Asia-Pacific in the health sector and its representative, who composes a
# proposal and exports it (AVENIR_BARGAINING_REP_EMAIL).
export AVENIR_BARGAINING_REP_EMAIL=rep@example.org
bargaining_union=$("$avenir" union create --name "Health Workers Union (example)" --country Fiji --region asia-pacific --sector health \
  2>"$tmp/union.log" | tail -n 1) || { cat "$tmp/union.log" >&2; setup_failed "avenir union create"; }
printf '%s\n' "$AVENIR_ADMIN_PASSWORD" \
  | "$avenir" user create --email "$AVENIR_BARGAINING_REP_EMAIL" --name "Union Rep" --role union_rep --union "$bargaining_union" \
      --password-stdin >"$tmp/rep.log" 2>&1 \
  || { cat "$tmp/rep.log" >&2; setup_failed "avenir user create (union rep)"; }

# Register: a member of another union, who must not see union A's entry by any route.
export AVENIR_REGISTER_OTHER_EMAIL=other.member@example.org
other_union=$("$avenir" union create --name "Municipal Workers Union (example)" --country Peru --region latin-america --sector "local government" \
  2>"$tmp/union2.log" | tail -n 1) || { cat "$tmp/union2.log" >&2; setup_failed "avenir union create (second)"; }
printf '%s\n' "$AVENIR_ADMIN_PASSWORD" \
  | "$avenir" user create --email "$AVENIR_REGISTER_OTHER_EMAIL" --name "Other Member" --role member --union "$other_union" \
      --password-stdin >"$tmp/other.log" 2>&1 \
  || { cat "$tmp/other.log" >&2; setup_failed "avenir user create (member of another union)"; }

# The SMTP sink: any free port (it says which), one .eml and one .json per message in $mail_dir.
mail_dir="$tmp/mail"
mkdir -p "$mail_dir" || setup_failed "mkdir $mail_dir"
"$root/scripts/smtp-sink.py" "$mail_dir" 0 >"$tmp/smtp-sink.out" 2>"$tmp/smtp-sink.log" &
sink_pid=$!
smtp_port=""
for _ in $(seq 1 100); do  # up to 20 s
  if grep -qx ready "$tmp/smtp-sink.out" 2>/dev/null; then
    smtp_port=$(sed -n 's/^port \([0-9][0-9]*\)$/\1/p' "$tmp/smtp-sink.out")
    break
  fi
  kill -0 "$sink_pid" 2>/dev/null || { cat "$tmp/smtp-sink.log" >&2; setup_failed "scripts/smtp-sink.py exited before it was ready"; }
  sleep 0.2
done
[ -n "$smtp_port" ] || { cat "$tmp/smtp-sink.log" >&2; setup_failed "scripts/smtp-sink.py did not say it was ready within 20 s"; }

# A free loopback port: the kernel picks one, node tells it.
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})') \
  || setup_failed "no free port"

AVENIR_SMTP_URL="smtp://127.0.0.1:$smtp_port" AVENIR_MAIL_FROM=avenir@localhost AVENIR_BASE_URL="http://127.0.0.1:$port" \
  "$avenir" serve --host 127.0.0.1 --port "$port" >"$tmp/server.log" 2>&1 &
server_pid=$!

# GET /healthz over bash's /dev/tcp (no curl needed); true on a 200.
healthy() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3
    IFS= read -r -t 2 status_line <&3 || exit 1
    [[ $status_line == "HTTP/1."[01]" 200"* ]]
  ) 2>/dev/null
}
up=no
for _ in $(seq 1 150); do  # up to 30 s
  if healthy; then up=yes; break; fi
  kill -0 "$server_pid" 2>/dev/null || setup_failed "avenir serve exited before answering /healthz"
  sleep 0.2
done
[ "$up" = yes ] || setup_failed "avenir serve did not answer GET /healthz with 200 within 30 s"

base="http://127.0.0.1:$port"
echo "browser: server up at $base (pid $server_pid), mail to smtp://127.0.0.1:$smtp_port -> $mail_dir; running tests/browser"
(
  # AVENIR_BROWSER_TESTS picks files (e.g. "./guide.test.mjs") while working on one of them.
  # shellcheck disable=SC2086
  cd "$tests" && AVENIR_BASE_URL="$base" AVENIR_MAIL_DIR="$mail_dir" node --test --test-concurrency=1 --test-timeout=300000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tmp/tap.txt" \
    ${AVENIR_BROWSER_TESTS:-./*.test.mjs}
)
test_status=$?

# Graceful shutdown: SIGTERM, then the server must finish in-flight work and exit 0.
kill -TERM "$server_pid" 2>/dev/null
for _ in $(seq 1 75); do  # up to 15 s
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$server_pid" 2>/dev/null; then
  kill -KILL "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  server_status="still running 15 s after SIGTERM (killed)"
else
  wait "$server_pid"
  rc=$?
  if [ "$rc" -eq 0 ]; then server_status=ok; else server_status="exit status $rc after SIGTERM"; fi
fi
server_pid=""

passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tmp/tap.txt" 2>/dev/null | tail -n 1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tmp/tap.txt" 2>/dev/null | tail -n 1)
cancelled=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tmp/tap.txt" 2>/dev/null | tail -n 1)
passed=${passed:-0}
failed=$(( ${failed:-0} + ${cancelled:-0} ))
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "browser: node --test exited with $test_status without a failed test in its report" >&2
  failed=1
fi

echo "browser: graceful shutdown: $server_status"
if [ "$server_status" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
if [ "$failed" -ne 0 ]; then show_server_log; fi
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
