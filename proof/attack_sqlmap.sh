# Drill 1 of proof/attack, sqlmap: sourced by proof/attack (not run on its own), after its settings
# (level, risk, sq_threads, pg), helpers (say, die, fail, wanted, start_instance, stop, login,
# statuses_after, errors_after) and summary lines are defined. Sets summary_sqlmap; see proof/attack's
# header for what the drill does and when it passes.
# shellcheck shell=bash
# ---- 1. sqlmap --------------------------------------------------------------------------------
sq_targets=0 sq_params=0 sq_injectable=0 sq_bad=0
sq_common=(--batch --disable-coloring --flush-session --skip-waf --level "$level" --risk "$risk" --technique BEUST
  --threads "$sq_threads" --timeout 30 --retries 1 --drop-set-cookie)
# One sqlmap run. names: the parameters it must report as tested (comma-separated; a custom
# injection marker in the URL or body is named "#1*" and then no -p is passed).
sq_run() {  # label dbms names log -- sqlmap arguments...
  local label=$1 dbms=$2 names=$3 log=$4; shift 5
  local n=$(( sq_targets + 1 )) dir out clean before t0 rc=0 problems=() p csv_rows codes
  dir="$tmp/sqlmap/$n" out="$tmp/sqlmap/$n.out"
  local p_args=()
  [[ "$names" == *"#"* ]] || p_args=(-p "$names")
  before=$(wc -l <"$log")
  t0=$SECONDS
  HOME="$tmp/home" timeout 900 sqlmap "$@" "${sq_common[@]}" --dbms "$dbms" "${p_args[@]}" --output-dir "$dir" \
    </dev/null >"$out" 2>&1 || rc=$?
  sleep 0.3  # the access log is written every 100 ms
  clean=$(sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\x1b[()][A-Z0-9]//g' "$out")
  sq_targets=$n
  [ "$rc" = 0 ] || problems+=("sqlmap exited with status $rc")
  # sqlmap's verdict: a candidate ("appears to be '...' injectable") counts unless its own
  # false-positive check rejected it ("false positive or unexploitable injection point detected";
  # its results CSV then notes "false positive or unexploitable").
  local candidates rejected confirmed=0
  candidates=$(grep -cE "(is|appears to be) '[^']*' injectable" <<<"$clean" || true)
  rejected=$(grep -c "false positive or unexploitable injection point detected" <<<"$clean" || true)
  grep -q "identified the following injection point" <<<"$clean" && confirmed=1
  [ "$candidates" -le "$rejected" ] || confirmed=1
  csv_rows=$(find "$dir" -name 'results-*.csv' -exec awk 'FNR > 1 && NF' {} + 2>/dev/null | grep -vc 'false positive or unexploitable' || true)
  [ "${csv_rows:-0}" -eq 0 ] || confirmed=1
  if [ "$confirmed" = 1 ]; then
    problems+=("INJECTION REPORTED by sqlmap")
    sq_injectable=$(( sq_injectable + 1 ))
  fi
  local note=""
  if [ "$rejected" -gt 0 ]; then
    note="; $rejected candidate(s) rejected by sqlmap's false-positive check ($(grep -oE "parameter '[^']*' appears to be '[^']*'" <<<"$clean" |
      sed "s/parameter '\([^']*\)' appears to be '\([^']*\)'/\1: \2/" | paste -sd';' - | sed 's/;/; /g' || true))"
  fi
  if grep -q '\[CRITICAL\]' <<<"$clean"; then problems+=("$(grep -m 1 '\[CRITICAL\]' <<<"$clean" | sed 's/^.*\[CRITICAL\] //' || true)"); fi
  if grep -q 'might be vulnerable to cross-site scripting' <<<"$clean"; then problems+=("sqlmap's XSS heuristic saw a payload reflected unescaped"); fi
  codes=$(sed -n '/HTTP error codes detected during run/,$p' <<<"$clean" | grep -E '^5[0-9]{2} ' | grep -v '^503 ' | paste -sd, - || true)
  [ -z "$codes" ] || problems+=("sqlmap saw $codes")
  IFS=',' read -r -a plist <<<"$names"
  for p in "${plist[@]}"; do
    sq_params=$(( sq_params + 1 ))
    # sqlmap also concludes when the application casts the value to an integer (a path id).
    grep -qF "parameter '$p' does not seem to be injectable" <<<"$clean" ||
      grep -F "type casting detected" <<<"$clean" | grep -qF "\"$p\"" || problems+=("parameter $p was not tested to the end")
  done
  local errs
  errs=$(errors_after "$log" "$before")
  [ -z "$errs" ] || problems+=("the server answered 500 or logged an error: $(head -n 2 <<<"$errs" | paste -sd' ' -)")
  local tally
  tally=$(statuses_after "$log" "$before")
  if [ ${#problems[@]} -eq 0 ]; then
    say "sqlmap [$dbms] $label ($names): not injectable$note; $(( SECONDS - t0 )) s, answers ${tally:-none}"
  else
    sq_bad=$(( sq_bad + 1 ))
    fail "sqlmap [$dbms] $label: $(IFS=';'; echo "${problems[*]}")"
    grep -E "injectable|false positive|Parameter:|Type:|Title:|Payload:|CRITICAL|ERROR|cross-site" <<<"$clean" | grep -v 'might not be injectable' | head -n 20 | sed 's/^/    /' || true
    echo "    (sqlmap's output: $out; answers ${tally:-none})"
  fi
}

# The GET targets for an instance whose browsers are logged in: the search and filter forms (on
# both databases), then (with "all") options, path parameters and the diff.
sq_get_targets() {  # dbms base log [all]
  local dbms=$1 b=$2 log=$3 all=${4:-}
  local slug=why-data-and-ai-matter
  sq_run "site search /search" "$dbms" "q,kind,page,User-Agent,Referer" "$log" -- \
    -u "$b/search?q=workers+data&kind=guide&page=1"
  sq_run "library search with facets /library/search" "$dbms" "q,region,theme,type,lang,year,page" "$log" -- \
    -u "$b/library/search?q=data&region=asia-pacific&theme=data-ai&type=slides&lang=en&year=2023&page=1"
  sq_run "library facets /library" "$dbms" "region,theme,type,lang,year,page" "$log" -- \
    -u "$b/library?region=asia-pacific&theme=data-ai&type=slides&lang=en&year=2023&page=1"
  # The feed's self link repeats the query string as sent, so in this small document the payload
  # itself makes the true and false answers differ (on PostgreSQL sqlmap took it for a boolean-based
  # injection of theme, which is only ever compared with the seven theme keys): compare the text.
  sq_run "library feed filters /library/feed.atom" "$dbms" "region,theme,type,lang,year" "$log" -- \
    -u "$b/library/feed.atom?region=asia-pacific&theme=data-ai&type=slides&lang=en&year=2023" --text-only
  sq_run "guide filters /guide" "$dbms" "theme,audience" "$log" -- -u "$b/guide?theme=1&audience=dro"
  sq_run "people search /admin/people (admin, two factors)" "$dbms" "email" "$log" -- \
    -u "$b/admin/people?email=dro" --cookie "avenir_session=$admin_session; avenir_csrf=$admin_csrf_cookie"
  [ "$all" = all ] || return 0
  sq_run "run sheet options /guide/{slug}" "$dbms" "start,view,optional" "$log" -- \
    -u "$b/guide/$slug?start=09:30&view=participants&optional=0"
  sq_run "resource language /library/{id}" "$dbms" "lang" "$log" -- -u "$b/library/1?lang=fr"
  sq_run "resource id /library/{id}" "$dbms" "#1*" "$log" -- -u "$b/library/1*"
  sq_run "region slug /regions/{slug}" "$dbms" "#1*" "$log" -- -u "$b/regions/asia-pacific*"
  sq_run "workshop slug /guide/{slug}" "$dbms" "#1*" "$log" -- -u "$b/guide/$slug*"
  sq_run "workshop diff /guide/{slug}/diff (guide editor)" "$dbms" "from,to,avenir_session" "$log" -- \
    -u "$b/guide/$slug/diff?from=$dro_diff_from&to=$dro_diff_to" --cookie "avenir_session=$dro_session; avenir_csrf=$dro_csrf_cookie"
}

# Browsers for an instance: anonymous, reader (with a plan), DRO (a workshop saved once), admin
# (two factors on).
sq_browsers() {  # base
  login anon_ "$1"
  login reader_ "$1" --email reader@example.org --make-plan
  login dro_ "$1" --email dro@example.org --form /library/new --edit-workshop why-data-and-ai-matter
  login admin_ "$1" --email admin@example.org --two-factor --form /admin/people
}

if wanted sqlmap; then
  started=$SECONDS
  say "sqlmap $(sqlmap --version 2>/dev/null | head -n 1 || true): level $level, risk $risk, techniques BEUST, $sq_threads threads"
  start_instance sqli "sqlite:$tmp/sqli.db" AVENIR_PAGE_CACHE_TTL_MS=0 AVENIR_TRUSTED_PROXIES=127.0.0.1
  sq_pid=$inst_pid sb=$inst_base slog=$inst_log
  sq_browsers "$sb"
  sq_get_targets SQLite "$sb" "$slog" all
  origin=(-H "Origin: $sb")
  # Sign-in: each request from a random address (trusted X-Forwarded-For) so the per-address lock
  # never trips; for the password run each request also names a random account.
  sq_run "sign-in POST /account/sign-in" SQLite "email" "$slog" -- -u "$sb/account/sign-in" \
    --data "_csrf=$anon_csrf&email=nobody%40example.org&password=not+the+password+at+all&next=" \
    --cookie "avenir_csrf=$anon_csrf_cookie" "${origin[@]}" --tamper xforwardedfor
  sq_run "sign-in POST /account/sign-in" SQLite "password" "$slog" -- -u "$sb/account/sign-in" \
    --data "_csrf=$anon_csrf&email=nobody%40example.org&password=not+the+password+at+all&next=" \
    --cookie "avenir_csrf=$anon_csrf_cookie" "${origin[@]}" --tamper xforwardedfor \
    --eval "import random; email='drill%d@example.org' % random.randint(1, 10**12)"
  sq_run "password reset request POST /account/forgot" SQLite "email" "$slog" -- -u "$sb/account/forgot" \
    --data "_csrf=$anon_csrf&email=reader%40example.org" --cookie "avenir_csrf=$anon_csrf_cookie" "${origin[@]}"
  sq_run "new plan POST /guide/plans (signed in)" SQLite "title,slot" "$slog" -- -u "$sb/guide/plans" \
    --data "_csrf=$reader_csrf&title=Drill+plan&slot=180" \
    --cookie "avenir_session=$reader_session; avenir_csrf=$reader_csrf_cookie" "${origin[@]}"
  # A step that does not exist: the workshop is looked up (the payload sits in its slug), nothing is added.
  sq_run "plan items POST /guide/plans/{id}/items (signed in)" SQLite "#1*" "$slog" -- -u "$sb/guide/plans/$reader_plan/items" \
    --data "_csrf=$reader_csrf&action=add&item=why-data-and-ai-matter*/no-such-step" \
    --cookie "avenir_session=$reader_session; avenir_csrf=$reader_csrf_cookie" "${origin[@]}"
  sq_run "plan reorder POST /guide/plans/{id}/items (signed in)" SQLite "action,position" "$slog" -- \
    -u "$sb/guide/plans/$reader_plan/items" --data "_csrf=$reader_csrf&action=up&position=0" \
    --cookie "avenir_session=$reader_session; avenir_csrf=$reader_csrf_cookie" "${origin[@]}"
  sq_run "new resource POST /library/new (DRO)" SQLite "title_en,summary_en,publisher,regions" "$slog" -- \
    -u "$sb/library/new" \
    --data "_csrf=$dro_csrf&type=publication&date=2024-05-01&publisher=PSI&licence=&url=&duration_minutes=&regions=asia-pacific&themes=data-ai&audiences=members&title_en=Drill+resource&summary_en=A+summary&body_en=A+body" \
    --cookie "avenir_session=$dro_session; avenir_csrf=$dro_csrf_cookie" "${origin[@]}"
  n500=$(grep -c 'status=500' "$slog" || true)
  nerr=$(grep -c 'level=error' "$slog" || true)
  say "sqlmap [SQLite]: server log: $(grep -c 'event=http' "$slog" || true) requests, $n500 answered 500, $nerr error lines"
  stop "$sq_pid"

  if [ "$pg" = 1 ]; then
    pg_db="avenir_attack_$$"
    psql -X -q -v ON_ERROR_STOP=1 -d "$AVENIR_TEST_PG_DSN" -c "CREATE DATABASE $pg_db" >/dev/null || die "could not create database $pg_db"
    pg_url="${AVENIR_TEST_PG_DSN%/*}/$pg_db"
    psql -X -q -v ON_ERROR_STOP=1 -d "$pg_url" -c "CREATE EXTENSION IF NOT EXISTS unaccent" >/dev/null ||
      die "could not create extension unaccent in $pg_db"
    start_instance sqli-pg "$pg_url" AVENIR_PAGE_CACHE_TTL_MS=0 AVENIR_TRUSTED_PROXIES=127.0.0.1
    pg_pid=$inst_pid
    sq_browsers "$inst_base"
    sq_get_targets PostgreSQL "$inst_base" "$inst_log"
    say "sqlmap [PostgreSQL]: server log: $(grep -c 'event=http' "$inst_log" || true) requests, $(grep -c 'status=500' "$inst_log" || true) answered 500, $(grep -c 'level=error' "$inst_log" || true) error lines"
    stop "$pg_pid"
  else
    say "sqlmap [PostgreSQL]: skipped (AVENIR_TEST_PG_DSN is not set; run under scripts/with-postgres.sh)"
  fi
  if [ "$sq_bad" -eq 0 ]; then
    summary_sqlmap="sqlmap: $sq_targets targets, $sq_injectable injectable"
  else
    summary_sqlmap="sqlmap: $sq_bad of $sq_targets targets failed, $sq_injectable injectable"
  fi
  say "sqlmap: $sq_targets targets, $sq_params parameters, $sq_injectable injectable ($(( SECONDS - started )) s)"
fi
