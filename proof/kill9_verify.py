#!/usr/bin/python3
# The verifying side of proof/kill9, run through proof/kill9_writer.py verify (standard library only):
# reads the database (sqlite3 or psql CLI) and the live server after the writers' run and judges every
# journalled write (see proof/kill9_writer.py for the journal and the verdicts).
import collections
import csv
import io
import json
import os
import random
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kill9_training import verify_training  # noqa: E402
from drill_http import Broken, Down, Http, csrf_of  # noqa: E402

MARK = "kn9"  # every marker starts so; nothing shipped or seeded does


# ---- verification ----------------------------------------------------------------------------
class Db:
    def __init__(self, dialect, target):
        self.dialect, self.target = dialect, target

    def rows(self, sql):
        if self.dialect == "sqlite":
            cmd = ["sqlite3", "-bail", "-csv", "-header", "-cmd", ".timeout 10000", self.target, sql]
        else:
            cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-d", self.target, "-c", sql]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed on: {sql[:120]}: {p.stderr.strip()[:400]}")
        return list(csv.DictReader(io.StringIO(p.stdout)))

    def body_hash(self, col):
        return f"lower(hex(sha3({col})))" if self.dialect == "sqlite" else f"encode(sha256(convert_to({col}, 'UTF8')), 'hex')"

    def strpos(self, hay, needle):
        return f"instr({hay}, {needle})" if self.dialect == "sqlite" else f"strpos({hay}, {needle})"


def load_journal(d):
    """sent: marker -> its "sent" record (plus "writer" and "seq", its place in that writer's journal)."""
    sent, acks, nacks = {}, {}, {}
    for name in sorted(os.listdir(d)):
        if not (name.startswith("writer-") and name.endswith(".jsonl")):
            continue
        with open(os.path.join(d, name)) as f:
            for seq, line in enumerate(f):
                rec = json.loads(line)
                if rec["ev"] == "sent":
                    rec["writer"], rec["seq"] = name, seq
                    sent[rec["marker"]] = rec
                elif rec["ev"] == "ack":
                    acks[rec["marker"]] = rec["id"]
                else:
                    nacks[rec["marker"]] = rec.get("why", "")
    return sent, acks, nacks


def cmd_verify(a):
    problems = []

    def bad(msg):
        if len(problems) < 30:
            print(f"verify: PROBLEM {msg}", flush=True)
        problems.append(msg)

    sent, acks, nacks = load_journal(a.journal)
    for m in sent:
        if m not in acks and m not in nacks:
            bad(f"{m}: journalled sent with no outcome (writer bug)")
    db = Db(a.dialect, a.db)
    kind_of = {m: r["kind"] for m, r in sent.items()}
    found = collections.defaultdict(list)  # marker -> ids found in the database
    whole = {}  # marker -> True / reason it is not whole

    # Library resources: the row, both language versions with their exact texts, regions, themes,
    # audiences and the audit entry written in the same transaction.
    res = db.rows(f"SELECT id, publisher, type, published_on, audiences FROM library_resources WHERE publisher LIKE '{MARK}%'")
    ids = {r["id"]: r for r in res}
    versions = collections.defaultdict(dict)
    for r in db.rows(f"SELECT v.resource_id, v.lang, v.title, v.summary, length(v.body) AS blen, {db.body_hash('v.body')} AS bhash "
                     f"FROM library_versions v JOIN library_resources r ON r.id = v.resource_id WHERE r.publisher LIKE '{MARK}%'"):
        versions[r["resource_id"]][r["lang"]] = r
    regions, themes = collections.defaultdict(set), collections.defaultdict(set)
    for r in db.rows(f"SELECT x.resource_id, x.region FROM library_resource_regions x JOIN library_resources r ON r.id = x.resource_id "
                     f"WHERE r.publisher LIKE '{MARK}%'"):
        regions[r["resource_id"]].add(r["region"])
    for r in db.rows(f"SELECT x.resource_id, x.theme FROM library_resource_themes x JOIN library_resources r ON r.id = x.resource_id "
                     f"WHERE r.publisher LIKE '{MARK}%'"):
        themes[r["resource_id"]].add(int(r["theme"]))
    audited = collections.Counter(r["detail"] for r in db.rows("SELECT detail FROM accounts_audit WHERE event = 'library_resource_created'"))
    hash_key = "sha3" if a.dialect == "sqlite" else "sha256"
    for rid, r in ids.items():
        m = r["publisher"]
        found[m].append(rid)
        exp = sent.get(m)
        if exp is None:
            whole[m] = "no writer sent it"
            continue
        why = []
        if r["type"] != exp["type"] or r["published_on"] != exp["date"]:
            why.append(f"type/date {r['type']}/{r['published_on']}")
        if set(filter(None, r["audiences"].split(","))) != set(exp["audiences"]):
            why.append(f"audiences {r['audiences']!r}")
        if regions[rid] != set(exp["regions"]):
            why.append(f"regions {sorted(regions[rid])}")
        if themes[rid] != set(exp["themes"]):
            why.append(f"themes {sorted(themes[rid])}")
        if set(versions[rid]) != set(exp["versions"]):
            why.append(f"versions {sorted(versions[rid])}")
        for lang, ev in exp["versions"].items():
            v = versions[rid].get(lang)
            if v and (v["title"] != ev["title"] or v["summary"] != ev["summary"] or int(v["blen"]) != ev["body"]["len"]
                      or v["bhash"] != ev["body"][hash_key]):
                why.append(f"[{lang}] text differs (body {v['blen']} chars, sent {ev['body']['len']})")
        if audited[rid] != 1:
            why.append(f"{audited[rid]} audit entries")
        whole[m] = "; ".join(why) or True
    orphans = db.rows(f"SELECT v.resource_id, v.title FROM library_versions v WHERE v.title LIKE '{MARK}%' "
                      f"AND NOT EXISTS (SELECT 1 FROM library_resources r WHERE r.id = v.resource_id)")
    for o in orphans:
        bad(f"library version {o['title']!r} without its resource {o['resource_id']}")
    for t in ("library_resource_regions", "library_resource_themes"):
        n = db.rows(f"SELECT count(*) AS n FROM {t} x WHERE NOT EXISTS (SELECT 1 FROM library_resources r WHERE r.id = x.resource_id)")[0]["n"]
        if n != "0":
            bad(f"{n} rows of {t} without their resource")
    drill_audits = sum(n for d, n in audited.items() if d in ids)
    all_audits = sum(audited.values())
    seeded_ids = {r["id"] for r in db.rows("SELECT id FROM library_resources")}
    for d in audited:
        if d not in seeded_ids:
            bad(f"audit entry library_resource_created {d} for a resource that is not there")

    # Session plans: one row each.
    for r in db.rows(f"SELECT p.id, p.title, p.slot_minutes, u.email FROM guide_plans p JOIN accounts_users u ON u.id = p.owner_id "
                     f"WHERE p.title LIKE '{MARK}%'"):
        m = r["title"].split(" ", 1)[0]
        found[m].append(r["id"])
        exp = sent.get(m)
        if exp is None:
            whole[m] = "no writer sent it"
        elif r["title"] != exp["title"] or int(r["slot_minutes"]) != exp["slot"] or r["email"] != exp["account"]:
            whole[m] = f"plan row differs: {r}"
        else:
            whole[m] = True

    # Workshop saves: the version row holds the texts with the marker; the workshop's current state
    # (version number, texts) is its newest saved version; version numbers have no gaps.
    gv = db.rows(f"SELECT workshop_slug, version, note, CASE WHEN {db.strpos('texts', 'note')} > 0 THEN 1 ELSE 0 END AS has_marker, "
                 "CASE WHEN length(structure) > 2 THEN 1 ELSE 0 END AS has_structure "
                 f"FROM guide_workshop_versions WHERE note LIKE '{MARK}%'")
    for r in gv:
        m = r["note"]
        found[m].append(f"{r['workshop_slug']}@{r['version']}")
        exp = sent.get(m)
        if exp is None:
            whole[m] = "no writer sent it"
        elif r["workshop_slug"] != exp["slug"] or int(r["version"]) != exp["base_version"] + 1:
            whole[m] = f"saved as {r['workshop_slug']} version {r['version']}, sent over version {exp['base_version']}"
        elif r["has_marker"] != "1" or r["has_structure"] != "1":
            whole[m] = "version row without its texts"
        else:
            whole[m] = True
    # A workshop save refused with 409 ("someone saved this workshop meanwhile") is right only if the
    # version it was based on had been superseded by an earlier write of the same writer (the one
    # writer of that workshop): one that got no answer and yet committed, e.g. a COMMIT that a
    # killed instance had sent and PostgreSQL carried out after the restart.
    version_owner = {(r["workshop_slug"], int(r["version"])): r["note"] for r in gv}
    conflicts = 0
    for m, why in nacks.items():
        rec = sent.get(m)
        if not rec or rec["kind"] != "guide" or not why.startswith("status 409"):
            continue
        conflicts += 1
        other = sent.get(version_owner.get((rec["slug"], rec["base_version"] + 1), ""))
        if not other or other["writer"] != rec["writer"] or other["seq"] > rec["seq"] or other["marker"] in acks:
            bad(f"guide save {m} refused with 409 over version {rec['base_version']} of {rec['slug']}, but no earlier "
                f"unacknowledged save had made version {rec['base_version'] + 1} (the edit form was stale)")
    by_slug = collections.defaultdict(list)
    for r in db.rows("SELECT workshop_slug, version FROM guide_workshop_versions"):
        by_slug[r["workshop_slug"]].append(int(r["version"]))
    drill_slugs = {r["slug"] for r in sent.values() if r["kind"] == "guide"}
    for slug in sorted(drill_slugs):
        vs = sorted(by_slug.get(slug, []))
        if vs and vs != list(range(vs[0], vs[-1] + 1)):
            bad(f"workshop {slug}: version numbers have gaps: {[v for v in range(vs[0], vs[-1] + 1) if v not in vs][:10]}")
    for r in db.rows("SELECT w.slug, w.version, (SELECT max(v.version) FROM guide_workshop_versions v WHERE v.workshop_slug = w.slug) AS maxv, "
                     "(SELECT v.note FROM guide_workshop_versions v WHERE v.workshop_slug = w.slug AND v.version = w.version) AS note, "
                     "t.doc FROM guide_workshops w LEFT JOIN guide_workshop_texts t ON t.workshop_slug = w.slug AND t.lang = 'en'"):
        if r["slug"] not in drill_slugs or not r["maxv"]:
            continue
        if r["version"] != r["maxv"]:
            bad(f"workshop {r['slug']}: current version {r['version']} but newest saved version {r['maxv']}")
            continue
        if r["note"].startswith(MARK):
            try:
                summary = json.loads(r["doc"] or "{}").get("summary")
            except ValueError:
                summary = None
            exp = sent.get(r["note"])
            if not exp or summary != exp["summary"]:
                bad(f"workshop {r['slug']}: current English texts ({summary!r}) are not those of version {r['version']} ({r['note']})")

    # Verdicts per write (the training writes are checked by their final states below).
    counts = collections.Counter()
    for m, rec in sent.items():
        kind = rec["kind"]
        if kind in ("enrolment", "attendance"):
            continue
        hits = found.get(m, [])
        if len(hits) > 1:
            bad(f"{kind} {m}: stored {len(hits)} times ({hits})")
        if m in acks:
            counts[f"{kind} acknowledged"] += 1
            if not hits:
                bad(f"LOST: acknowledged {kind} {m} (answer named {acks[m]}) is not in the database")
                counts["lost"] += 1
                continue
            if kind != "guide" and str(acks[m]) not in [str(h) for h in hits]:
                bad(f"{kind} {m}: acknowledged as {acks[m]} but stored as {hits}")
            if kind == "guide" and acks[m] != rec["slug"]:
                bad(f"guide {m}: acknowledged for {acks[m]}, sent for {rec['slug']}")
            if whole.get(m) is not True:
                bad(f"acknowledged {kind} {m} is not whole: {whole.get(m)}")
            else:
                counts["verified present"] += 1
        else:
            counts["unacknowledged"] += 1
            if hits:
                if whole.get(m) is True:
                    counts["unacknowledged present whole"] += 1
                else:
                    bad(f"HALF-PRESENT: unacknowledged {kind} {m} ({nacks.get(m)}): {whole.get(m)}")
            else:
                counts["unacknowledged absent"] += 1
    for m in found:
        if m not in sent:
            bad(f"{m}: in the database ({found[m]}) but no writer sent it")
    training = verify_training(db, sent, acks, bad)
    counts["lost"] += training["enrolment lost"] + training["attendance lost"]

    # Through the server: resource pages and search, plan lists, workshop histories.
    http_checked = 0
    if a.base:
        h = Http(a.base, 30)

        def get(path):
            for _ in range(100):
                try:
                    s, _, page = h.request("GET", path)
                    if s not in (502, 503, 504):
                        return s, page
                except (Down, Broken):
                    pass
                time.sleep(0.1)
            return None, ""

        lib_acked = [m for m in acks if kind_of.get(m) == "library"]
        lib_unacked_present = [m for m in sent if kind_of[m] == "library" and m not in acks and found.get(m)]
        rng = random.Random(1)
        sample = rng.sample(lib_acked, min(len(lib_acked), a.http_checks)) + lib_unacked_present
        for m in sample:
            rid = found[m][0] if found.get(m) else acks.get(m)
            exp = sent[m]["versions"]["en"]
            s, page = get(f"/library/{rid}")
            if s != 200 or exp["title"] not in page or exp["summary"] not in page:
                bad(f"GET /library/{rid} ({m}): {s}, title or summary missing")
                continue
            s, page = get(f"/library/search?q={m}")
            if s != 200 or not re.search(rf'/library/{rid}\b', page):
                bad(f"GET /library/search?q={m}: {s}, resource {rid} not found by its marker (search index)")
                continue
            http_checked += 1
        def sign_in_as(email):
            h.cookies.clear()
            _, p1 = get("/account/sign-in")
            try:
                h.request("POST", "/account/sign-in", [("_csrf", csrf_of(p1) or ""), ("next", ""), ("email", email), ("password", a.password)])
            except (Down, Broken):
                pass

        for slug in sorted(drill_slugs):
            sign_in_as(next(r["account"] for r in sent.values() if r["kind"] == "guide" and r["slug"] == slug))
            s, page = get(f"/guide/{slug}/history")
            notes = set(re.findall(rf"{MARK}[0-9a-f]{{20}}", page))
            missing = [m for m in acks if kind_of.get(m) == "guide" and sent[m]["slug"] == slug and m not in notes]
            if s != 200 or missing:
                bad(f"GET /guide/{slug}/history: {s}, {len(missing)} acknowledged saves not listed")
            else:
                http_checked += 1
        for email in sorted({r["account"] for r in sent.values() if r["kind"] == "plan"}):
            sign_in_as(email)
            s, page = get("/guide/plans")
            titles = set(re.findall(rf"{MARK}[0-9a-f]{{20}}", page))
            missing = [m for m in acks if kind_of.get(m) == "plan" and sent[m]["account"] == email and m not in titles]
            if s != 200 or missing:
                bad(f"GET /guide/plans as {email}: {s}, {len(missing)} acknowledged plans not listed")
            else:
                http_checked += 1

    # What the writers saw: a 500 is a defect (a database outage or restart must answer 503).
    try:
        with open(os.path.join(a.journal, "writers.json")) as f:
            ws = json.load(f)
    except (OSError, ValueError):
        ws = {"status": {}, "errors": ["writers.json missing"]}
    n500 = ws["status"].get("5xx-500", 0)
    for e in ws["errors"]:
        print(f"verify: writer saw: {e}")
    if n500:
        first = next((e for e in ws["errors"] if ": 500" in e), "")
        bad(f"the server answered 500 {n500} times (first: {first})")
    unexpected = ws["status"].get("unexpected", 0)
    if unexpected:
        first = next((e for e in ws["errors"] if "unexpected" in e), "")
        bad(f"{unexpected} unexpected answers to writes (first: {first})")
    statuses = ", ".join(f"{k}: {v}" for k, v in sorted(ws["status"].items()))
    print(f"verify: answers seen by the writers: {statuses}")
    acked = sum(1 for m in sent if m in acks)
    print(f"verify: {len(sent)} writes sent: {acked} acknowledged "
          f"(library {counts['library acknowledged']}, plans {counts['plan acknowledged']}, workshop saves {counts['guide acknowledged']}, "
          f"places taken or given up {training['enrolment acknowledged']}, attendance marks {training['attendance acknowledged']}), "
          f"training: {training['enrolment places verified']} places and {training['attendance marks verified']} marks in a state a write left, "
          f"{counts['verified present']} verified present and whole, {counts['lost']} lost; "
          f"{counts['unacknowledged']} unacknowledged: {counts['unacknowledged present whole']} present whole, "
          f"{counts['unacknowledged absent']} absent; {http_checked} checked through HTTP"
          + (f"; {conflicts} workshop saves refused with 409 (each must follow an unacknowledged save that committed)" if conflicts else ""))
    if acked == 0:
        bad("no write was acknowledged: the drill did not exercise anything")
    if problems:
        print(f"verify: FAIL {problems[0]}" + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""))
        return 1
    print(f"verify: ok acknowledged={acked} present={counts['verified present']} lost={counts['lost']} "
          f"unacked={counts['unacknowledged']} unacked_present={counts['unacknowledged present whole']} "
          f"unacked_absent={counts['unacknowledged absent']}")
    return 0
