#!/usr/bin/python3
# The client side of proof/kill9 (standard library only; run with /usr/bin/python3):
#   kill9_writer.py write  --base URL --journal DIR --accounts E1,E2,.. --slugs S1,S2,.. --stop FILE
#       writer threads, one per account, loop until FILE exists: library resources (POST /library/new),
#       session plans (POST /guide/plans) and workshop saves (POST /guide/{slug}/edit, each thread its own
#       workshop). Every write carries a unique marker; before its request is sent it is journalled as
#       "sent" (with everything needed to recognise it whole), and "ack" only when a success answer came
#       back in full (303 to the new thing's address); anything else is journalled "nack" with the reason.
#       The server being down (connection refused) is waited out; nothing is journalled then.
#   kill9_writer.py verify --journal DIR --dialect sqlite|postgres --db PATH|DSN --base URL
#       reads the database (sqlite3 or psql CLI) and the live server: every acknowledged write present
#       exactly once and whole; every unacknowledged one absent or whole; no row that no writer sent;
#       the guide's current state matching its newest saved version; no 500 answer seen by any writer.
#       Prints counts and a last line "verify: ok key=value ..." or "verify: FAIL reason"; exit 0 or 1.
import argparse
import collections
import csv
import hashlib
import html.parser
import http.client
import io
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

MARK = "kn9"  # every marker starts so; nothing shipped or seeded does
WORDS = ("workers data rights union steward bargaining algorithm solidarity transparency consent monitoring "
         "négociation données travailleurs sécurité équipe réseau plateforme échange").split()
THEMES = ["data-ai", "public-services", "rights", "joint-governance", "bargaining", "solidarity", "coalitions"]
AUDIENCES = ["union-leaders", "organisers", "stewards", "union-staff", "negotiators", "trainers", "members", "public"]
TYPES = ["publication", "guide", "slides", "article", "law-policy", "collective-agreement"]
REGION = "asia-pacific"  # the writers' accounts are DROs of this region


class Down(Exception):
    """Could not connect: nothing was sent."""


class Stopping(Exception):
    """The stop file appeared."""


class Broken(Exception):
    """The request may have reached the server, but no complete answer came back."""


class Http:
    def __init__(self, base, timeout):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.origin, self.timeout = u.hostname, u.port, f"{u.scheme}://{u.netloc}", timeout
        self.conn = None
        self.cookies = {}

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def connect(self):
        if self.conn is None:
            c = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                c.connect()
            except OSError as e:
                c.close()
                raise Down(str(e))
            self.conn = c

    def request(self, method, path, form=None, on_sent=None):
        """One request on a (kept-alive) connection. on_sent() runs once the connection stands and just
        before the request goes out. Returns (status, headers, body text); raises Down or Broken."""
        self.connect()
        headers = {"Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        if on_sent:
            on_sent()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            r = self.conn.getresponse()
            data = r.read()  # IncompleteRead when the answer was cut short
        except (OSError, http.client.HTTPException) as e:
            self.close()
            raise Broken(f"{type(e).__name__}: {e}".strip())
        for c in r.msg.get_all("Set-Cookie") or []:
            pair = c.split(";", 1)[0]
            name, _, value = pair.partition("=")
            if "max-age=0" in c.lower().replace(" ", "") or value == "":
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()
        if r.will_close:
            self.close()
        return r.status, r.msg, data.decode("utf-8", "replace")


def csrf_of(page):
    m = re.search(r'name="_csrf" value="([^"]*)"', page)
    return m.group(1) if m else None


class FormParser(html.parser.HTMLParser):
    """The fields a browser would submit from the form whose action ends with `action`."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.fields = action, False, []
        self.textarea = self.select = None
        self.options = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = (a.get("action") or "").endswith(self.action)
            return
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            t = (a.get("type") or "text").lower()
            if t in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append([a["name"], a.get("value", "on")])
            elif t not in ("submit", "button", "image", "reset", "file"):
                self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
        elif tag == "select" and a.get("name"):
            self.select, self.options = a["name"], []
        elif tag == "option" and self.select:
            self.options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(self.textarea)
            self.textarea = None
        elif tag == "select" and self.select:
            chosen = [v for v, s in self.options if s] or [v for v, _ in self.options[:1]]
            for v in chosen:
                self.fields.append([self.select, v])
            self.select = None


def body_text(rng, size, lang):
    words = [w for w in WORDS if lang == "fr" or w.isascii()]
    out, n = [], 0
    while n < size:
        w = rng.choice(words)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def digests(text):
    b = text.encode()
    return {"len": len(text), "sha3": hashlib.sha3_256(b).hexdigest(), "sha256": hashlib.sha256(b).hexdigest()}


# ---- writers ---------------------------------------------------------------------------------
class Shared:
    def __init__(self):
        self.lock = threading.Lock()
        self.status = collections.Counter()  # "kind status" -> count; "kind broken", "kind down"
        self.acked = collections.Counter()
        self.unacked = collections.Counter()
        self.errors = []  # 500s and other surprises: (time, what)
        self.signed_in = 0

    def note(self, key):
        with self.lock:
            self.status[key] += 1

    def error(self, what):
        with self.lock:
            self.status["5xx-500"] += 1
            if len(self.errors) < 20:
                self.errors.append(f"{time.strftime('%H:%M:%S')} {what}")


class Writer(threading.Thread):
    def __init__(self, n, a, shared):
        super().__init__(daemon=True)
        self.n, self.a, self.shared = n, a, shared
        self.email = a.accounts[n]
        self.slug = a.slugs[n] if n < len(a.slugs) else None  # one writer per workshop: no edit conflicts
        self.http = Http(a.base, a.timeout)
        self.rng = random.Random()
        self.csrf = None
        self.journal = open(os.path.join(a.journal, f"writer-{n}.jsonl"), "a", buffering=1)

    def log(self, **rec):
        rec["t"] = round(time.time(), 3)
        self.journal.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.journal.flush()

    def get(self, path):
        """A GET that is retried until it gets a whole answer (the server may be restarting)."""
        while not self.stopping():
            try:
                status, headers, page = self.http.request("GET", path)
            except (Down, Broken):
                time.sleep(0.05)
                continue
            if status in (502, 503, 504):
                time.sleep(0.1)
                continue
            if status == 500:
                self.shared.error(f"GET {path}: 500")
            return status, headers, page
        raise Stopping

    def stopping(self):
        return os.path.exists(self.a.stop)

    def sign_in(self):
        while not self.stopping():
            self.http.cookies.clear()
            status, _, page = self.get("/account/sign-in")
            token = csrf_of(page)
            if status != 200 or not token:
                time.sleep(0.2)
                continue
            try:
                status, headers, _ = self.http.request(
                    "POST", "/account/sign-in", [("_csrf", token), ("next", ""), ("email", self.email), ("password", self.a.password)])
            except (Down, Broken):
                time.sleep(0.05)
                continue
            if status == 303 and "avenir_session" in self.http.cookies:
                status, _, page = self.get("/guide/plans")
                self.csrf = csrf_of(page)
                if status == 200 and self.csrf:
                    with self.shared.lock:
                        self.shared.signed_in += 1
                    return
            elif status == 500:
                self.shared.error("POST /account/sign-in: 500")
            time.sleep(0.2)
        raise Stopping

    def post_write(self, kind, marker, path, form, expect, detail):
        """Sends one write; journals it sent, then ack or nack. Returns the status (None: no answer)."""
        try:
            status, headers, page = self.http.request(
                "POST", path, form, on_sent=lambda: self.log(ev="sent", kind=kind, marker=marker, **detail))
        except Down:
            return None  # nothing was sent (and nothing journalled)
        except Broken as e:
            self.log(ev="nack", marker=marker, why=str(e)[:120])
            self.shared.note(f"{kind} no answer")
            with self.shared.lock:
                self.shared.unacked[kind] += 1
            return None
        self.shared.note(f"{kind} {status}")
        location = headers.get("Location") or ""
        m = re.search(expect, location) if status == 303 else None
        if m:
            self.log(ev="ack", marker=marker, id=m.group(1))
            with self.shared.lock:
                self.shared.acked[kind] += 1
        else:
            self.log(ev="nack", marker=marker, why=f"status {status} {location}".strip())
            with self.shared.lock:
                self.shared.unacked[kind] += 1
            if status == 500:
                self.shared.error(f"POST {path}: 500 ({kind} {marker})")
            elif (status == 303 and "/account/sign-in" in location) or status == 403:
                self.csrf = None  # signed out or the form expired: sign in again
            elif status == 409 and kind == "guide":
                pass  # "someone saved meanwhile": the verifier checks that someone did (see cmd_verify)
            elif status not in (502, 503, 504):
                with self.shared.lock:
                    if len(self.shared.errors) < 20:
                        title = re.search(r"<title>([^<]*)</title>", page)
                        alert = re.search(r'role="alert"[^>]*>([^<]*)<', page)
                        self.shared.errors.append(f"POST {path}: unexpected {status} {location} "
                                                  f"({title.group(1) if title else page[:80]!r}: {alert.group(1) if alert else ''})")
                    self.shared.status["unexpected"] += 1
        return status

    def library(self):
        marker = MARK + uuid.uuid4().hex[:20]
        rng = random.Random(marker)
        regions = sorted({REGION} | ({"global"} if rng.random() < 0.5 else set()))
        themes = sorted(rng.sample(THEMES, rng.randint(1, 3)))
        audiences = sorted(rng.sample(AUDIENCES, rng.randint(0, 2)))
        rtype = rng.choice(TYPES)
        date = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        versions = {}
        form = [("_csrf", self.csrf), ("type", rtype), ("date", date), ("publisher", marker), ("licence", "CC BY 4.0"),
                ("url", ""), ("duration_minutes", "")]
        form += [("regions", r) for r in regions] + [("themes", t) for t in themes] + [("audiences", x) for x in audiences]
        for lang, word in (("en", "drill resource"), ("fr", "ressource exercice")):
            title = f"{marker} {word} {lang}"
            summary = f"Summary of {marker} in {lang}."
            body = f"{marker} " + body_text(rng, rng.choice([200, 2000, 9000, 30000]), lang)
            versions[lang] = {"title": title, "summary": summary, "body": digests(body)}
            form += [(f"title_{lang}", title), (f"summary_{lang}", summary), (f"body_{lang}", body)]
        detail = {"type": rtype, "date": date, "regions": regions, "themes": [THEMES.index(t) + 1 for t in themes],
                  "audiences": audiences, "versions": versions}
        return self.post_write("library", marker, "/library/new", form, r"/library/(\d+)$", detail)

    def plan(self):
        marker = MARK + uuid.uuid4().hex[:20]
        slot = self.rng.randint(15, 1440)
        title = f"{marker} session plan"
        form = [("_csrf", self.csrf), ("title", title), ("slot", str(slot))]
        return self.post_write("plan", marker, "/guide/plans", form, r"/guide/plans/(\d+)$",
                               {"title": title, "slot": slot, "account": self.email})

    def guide(self):
        status, _, page = self.get(f"/guide/{self.slug}/edit")
        if status != 200:
            self.shared.note(f"guide form {status}")
            if status in (303, 401, 403):
                self.csrf = None
            time.sleep(0.1)
            return None
        p = FormParser(f"/guide/{self.slug}/edit")
        p.feed(page)
        fields = dict((k, v) for k, v in p.fields)
        if "version" not in fields or "_csrf" not in fields:
            self.shared.note("guide form unreadable")
            time.sleep(0.1)
            return None
        marker = MARK + uuid.uuid4().hex[:20]
        summary = f"{marker} drill summary"
        form = [(k, summary if k == "summary" else v) for k, v in p.fields if k not in ("note", "op")]
        form += [("note", marker), ("op", "save")]
        return self.post_write("guide", marker, f"/guide/{self.slug}/edit", form, r"/guide/([a-z0-9-]+)/history$",
                               {"slug": self.slug, "base_version": int(fields["version"]), "summary": summary, "account": self.email})

    def run(self):
        try:
            while not self.stopping():
                if not self.csrf:
                    self.sign_in()
                r = self.rng.random()
                if r < 0.5:
                    status = self.library()
                elif r < 0.75 or not self.slug:
                    status = self.plan()
                else:
                    status = self.guide()
                if status is None or status in (502, 503, 504):
                    time.sleep(0.05)  # down or restarting: do not spin
        except Stopping:
            pass
        finally:
            self.journal.close()


def cmd_write(a):
    os.makedirs(a.journal, exist_ok=True)
    shared = Shared()
    writers = [Writer(i, a, shared) for i in range(len(a.accounts))]
    for w in writers:
        w.start()
    status_file = os.path.join(a.journal, "progress")
    started = time.time()
    while any(w.is_alive() for w in writers):
        with shared.lock:
            line = (f"{sum(shared.acked.values())} {sum(shared.unacked.values())} {shared.signed_in} "
                    f"{shared.status['5xx-500']} {shared.status['unexpected']}")
        with open(status_file + ".tmp", "w") as f:
            f.write(line + "\n")
        os.replace(status_file + ".tmp", status_file)
        time.sleep(0.2)
    with shared.lock:
        summary = {"acked": dict(shared.acked), "unacked": dict(shared.unacked), "status": dict(shared.status),
                   "errors": shared.errors, "seconds": round(time.time() - started, 1)}
    with open(os.path.join(a.journal, "writers.json"), "w") as f:
        json.dump(summary, f, indent=1)


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

    # Verdicts per write.
    counts = collections.Counter()
    for m, rec in sent.items():
        kind = rec["kind"]
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
          f"(library {counts['library acknowledged']}, plans {counts['plan acknowledged']}, workshop saves {counts['guide acknowledged']}), "
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


def main():
    p = argparse.ArgumentParser(description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("--base", required=True)
    w.add_argument("--journal", required=True)
    w.add_argument("--accounts", required=True, type=lambda s: s.split(","))
    w.add_argument("--password", default=os.environ.get("KILL9_PASSWORD", ""))
    w.add_argument("--slugs", default="", type=lambda s: [x for x in s.split(",") if x])
    w.add_argument("--stop", required=True)
    w.add_argument("--timeout", type=float, default=20)
    v = sub.add_parser("verify")
    v.add_argument("--journal", required=True)
    v.add_argument("--dialect", choices=["sqlite", "postgres"], required=True)
    v.add_argument("--db", required=True)
    v.add_argument("--base", default="")
    v.add_argument("--accounts", required=True, type=lambda s: s.split(","))
    v.add_argument("--password", default=os.environ.get("KILL9_PASSWORD", ""))
    v.add_argument("--http-checks", type=int, default=300)
    a = p.parse_args()
    if a.cmd == "write":
        cmd_write(a)
        return 0
    try:
        return cmd_verify(a)
    except RuntimeError as e:
        print(f"verify: FAIL {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
