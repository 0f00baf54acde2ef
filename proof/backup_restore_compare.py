# The comparisons of proof/backup-restore, run through proof/backup_restore_lib.py (standard library
# only): volatility, compare and load-check (see proof/backup_restore_lib.py for what each does).
import collections
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from backup_restore_people import PEOPLE, Client, load_state, say  # noqa: E402


# ---- comparisons -----------------------------------------------------------------------------
def rows_key(row):
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def short(row):
    """A row in a few words: its id, or its first two values."""
    if "id" in row:
        return f"id {row['id']}"
    return "/".join(str(v) for k, v in sorted(row.items()) if not k.endswith("_id"))[:40]


def describe(before, after):
    """Differences between two parsed exports, as short phrases."""
    out = []
    for k in sorted(set(before) | set(after)):
        if k == "tables":
            continue
        if before.get(k) != after.get(k):
            out.append(f"{k}: {before.get(k)!r} -> {after.get(k)!r}")
    bt, at = before.get("tables", {}), after.get("tables", {})
    for t in sorted(set(bt) | set(at)):
        b, c = bt.get(t, []), at.get(t, [])
        if b == c:
            continue
        bk, ck = [rows_key(r) for r in b], [rows_key(r) for r in c]
        if sorted(bk) == sorted(ck):
            out.append(f"{t}: same rows in another order ({', '.join(short(r) for r in b)} -> {', '.join(short(r) for r in c)})")
            continue
        gone = [r for r in b if rows_key(r) not in ck]
        new = [r for r in c if rows_key(r) not in bk]
        if gone:
            out.append(f"{t}: {len(gone)} row(s) no longer there, e.g. {rows_key(gone[0])[:160]}")
        if new:
            out.append(f"{t}: {len(new)} new row(s), e.g. {rows_key(new[0])[:160]}")
    return out


EXPORTED_AT = re.compile(rb'^(\{\s*"exported_at":\s*)\d+', re.S)


def cmd_volatility(a):
    state = load_state(a.state)
    email = PEOPLE[-1][0]
    c = Client(a.base, state["people"][email]["slots"][a.slot])
    first = c.get("/account/data")
    time.sleep(1.1)
    second = c.get("/account/data")
    os.makedirs(a.out, exist_ok=True)
    for name, data in (("first", first), ("second", second)):
        with open(os.path.join(a.out, f"volatility-{name}.json"), "wb") as f:
            f.write(data)
    diffs = describe(json.loads(first), json.loads(second))
    say(f"two exports of {email} 1.1 s apart, nothing changed in between: " + ("byte-equal" if first == second else f"{len(diffs)} difference(s)"))
    for d in diffs:
        say("   " + d)
    print(f"ok volatile parts of an export: {'; '.join(d.split(':')[0] for d in diffs) or 'none'}")
    return 0


def refreshed_sessions(before, after):
    """Sets back the "last seen" time of the sessions that the restored instance refreshed (it does so
    at most once a minute, when a request comes over 60 s after the last refresh: only a slow run
    gets there). Returns how many."""
    n = 0
    old = {(r.get("created_at"), r.get("user_id")): r for r in before.get("tables", {}).get("accounts_sessions", [])}
    for r in after.get("tables", {}).get("accounts_sessions", []):
        b = old.get((r.get("created_at"), r.get("user_id")))
        if b and b.get("last_seen_at") is not None and (r.get("last_seen_at") or 0) > b["last_seen_at"] and \
                {**r, "last_seen_at": 0} == {**b, "last_seen_at": 0}:
            r["last_seen_at"] = b["last_seen_at"]
            n += 1
    return n


def signed_in_again_extras(before, after, cut):
    """Removes from `after` what signing in again and exporting on the restored instance wrote; returns
    (after without it, what was removed as phrases, what looks wrong)."""
    after = json.loads(json.dumps(after))
    removed, wrong = [], []
    t = after.get("tables", {})
    b = before.get("tables", {})
    old_sessions = {rows_key(r) for r in b.get("accounts_sessions", [])}
    keep = []
    for r in t.get("accounts_sessions", []):
        if rows_key(r) not in old_sessions and r.get("created_at", 0) >= cut:
            removed.append(f"session created at {r.get('created_at')}")
        else:
            keep.append(r)
    t["accounts_sessions"] = keep
    old_audit = {r.get("id") for r in b.get("accounts_audit", [])}
    keep = []
    for r in t.get("accounts_audit", []):
        if r.get("id") not in old_audit and r.get("at", 0) >= cut and r.get("event") in ("sign_in", "sign_in_second_factor", "data_exported"):
            removed.append(f"audit {r.get('event')}")
        else:
            keep.append(r)
    t["accounts_audit"] = keep
    # Two-factor sign-in advances the replay guard.
    for rb, ra in zip(b.get("accounts_users", []), t.get("accounts_users", [])):
        if rb.get("totp_last_step") != ra.get("totp_last_step"):
            if (ra.get("totp_last_step") or 0) > (rb.get("totp_last_step") or 0):
                removed.append("totp_last_step advanced")
                ra["totp_last_step"] = rb.get("totp_last_step")
            else:
                wrong.append("totp_last_step went back")
    return after, removed, wrong


def cmd_compare(a):
    problems, summary = [], []
    for email, _, _ in PEOPLE:
        with open(os.path.join(a.before, f"{email}.json"), "rb") as f:
            rb = f.read()
        with open(os.path.join(a.after, f"{email}.json"), "rb") as f:
            ra = f.read()
        before, after = json.loads(rb), json.loads(ra)
        if a.mode == "same-session":
            nb, na = EXPORTED_AT.sub(rb"\1 0", rb), EXPORTED_AT.sub(rb"\1 0", ra)
            if not EXPORTED_AT.match(rb) or not EXPORTED_AT.match(ra):
                problems.append(f"{email}: the export does not start with exported_at as it did")
            elif nb == na:
                summary.append(f"{email}: {len(ra)} bytes, byte-equal but for exported_at")
                continue
            before.pop("exported_at", None)
            after.pop("exported_at", None)
            refreshed = refreshed_sessions(before, after)
            diffs = describe(before, after)
            if refreshed and not diffs:
                summary.append(f"{email}: equal but for exported_at and {refreshed} session(s)' last_seen_at, refreshed by the restored "
                               f"instance (the run was slow: over 60 s since the sign-in)")
                continue
            problems.append(f"{email}: {'; '.join(diffs) or 'bytes differ (formatting)'}")
        else:
            stripped, removed, wrong = signed_in_again_extras(before, after, a.cut)
            if refreshed_sessions(before, stripped):
                removed.append("last_seen_at refreshed")
            for x in (before, stripped):
                x.pop("exported_at", None)
            diffs = describe(before, stripped) + wrong
            if diffs:
                problems.append(f"{email}: {'; '.join(diffs)}")
            else:
                summary.append(f"{email}: equal once this sign-in's own rows are set aside ({', '.join(sorted(set(removed))) or 'none'})")
        # Plans' pages.
    for email, _, _ in PEOPLE:
        with open(os.path.join(a.before, f"{email}.plans.json")) as f:
            pb = json.load(f)
        with open(os.path.join(a.after, f"{email}.plans.json")) as f:
            pa = json.load(f)
        for pid in sorted(set(pb) | set(pa)):
            if pb.get(pid) != pa.get(pid):
                problems.append(f"{email}: plan {pid}'s page differs ({(pb.get(pid) or '')[:80]!r} vs {(pa.get(pid) or '')[:80]!r})")
    with open(os.path.join(a.before, "files.json")) as f:
        fb = json.load(f)
    with open(os.path.join(a.after, "files.json")) as f:
        fa = json.load(f)
    for k in sorted(set(fb) | set(fa)):
        if fb.get(k) != fa.get(k):
            problems.append(f"file /library/{k.replace('/', '/files/')}: {fb.get(k)} at the backup, {fa.get(k)} after the restore")
    for s in summary:
        say("  " + s)
    for p in problems:
        say("  " + p)
    if problems:
        # One short line: who differs, in which tables, how.
        tags = collections.OrderedDict()
        for p in problems:
            who, _, rest = p.partition(": ")
            for d in rest.split("; "):
                table, _, how = d.partition(": ")
                how = re.sub(r"\s*[(,].*", "", how)
                tags.setdefault(f"{table} {how}".strip(), []).append(who.split("@")[0])
        print(f"FAIL {a.mode}: {len(problems)} difference(s): " +
              "; ".join(f"{t} ({', '.join(dict.fromkeys(w))})" for t, w in tags.items()))
        return 1
    pages = sum(len(json.load(open(os.path.join(a.after, e + ".plans.json")))) for e, _, _ in PEOPLE)
    how = "equal but for this sign-in's own rows"
    if a.mode == "same-session":
        how = "byte-equal but for exported_at" if all("byte-equal" in x for x in summary) else "equal but for exported_at and last_seen_at"
    print(f"ok {a.mode}: {len(PEOPLE)} exports {how}, {pages} plan pages and {len(fa)} file downloads equal")
    return 0


def cmd_load_check(a):
    with open(os.path.join(a.journal, "cookies.json")) as f:
        c = Client(a.base, json.load(f))
    data = c.get("/account/data")
    with open(os.path.join(a.journal, "export-after-restore.json"), "wb") as f:
        f.write(data)
    doc = json.loads(data)
    plans = {r["title"] for r in doc["tables"].get("guide_plans", [])}
    resources = {r["publisher"] for r in doc["tables"].get("library_resources", [])}
    present = plans | resources
    writes = [json.loads(line) for line in open(os.path.join(a.journal, "writes.jsonl"))]
    before = [w for w in writes if w.get("acked") and w["acked"] < a.start]
    after = [w for w in writes if w["sent"] > a.end]
    during = [w for w in writes if w not in before and w not in after]
    problems = [f"{w['kind']} {w['marker']} acknowledged before the backup started is missing" for w in before if w["marker"] not in present]
    problems += [f"{w['kind']} {w['marker']} sent after the backup ended is in it" for w in after if w["marker"] in present]
    if not after or not before:
        problems.append(f"the load did not run across the backup ({len(before)} writes before it, {len(after)} after)")
    for p in problems[:5]:
        say("  " + p)
    if problems:
        print(f"FAIL load writes: {problems[0]}" + (f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""))
        return 1
    kept = sum(1 for w in during if w["marker"] in present)
    print(f"ok load writes: {len(before)} acknowledged before the backup all restored, {len(after)} sent after it all absent, "
          f"{kept} of {len(during)} sent during it restored")
    return 0
