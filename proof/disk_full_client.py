#!/usr/bin/python3
# The client side of proof/disk-full (standard library only; run with /usr/bin/python3). Each
# subcommand keeps what it learnt in STATE (a JSON file: cookies, every write and its answer), prints
# progress lines and ends with "ok ..." (exit 0) or "FAIL reason" (exit 1).
#   disk_full_client.py setup   --base URL --state FILE --dro EMAIL --reader EMAIL
#       signs both people in (the password comes from DISK_FULL_PASSWORD).
#   disk_full_client.py writes  --base URL --state FILE --phase NAME --expect ok|full
#       one round of writes: a library resource (DRO), a file uploaded to it (or, on a full disk, to
#       the first resource), a session plan (each person), language and time zone, consents, and a
#       sign-in. ok: each must succeed (303 to the right place). full: each must answer 503 with the
#       error page's heading and a sentence (never 500, never a success, never internals such as
#       "sqlite" or a file path).
#   disk_full_client.py reads   --base URL --state FILE --phase NAME [--rounds N]
#       anonymous pages (/, /library, a resource page, /guide, a workshop, library and site search,
#       with query strings the page cache has not seen) and signed-in pages (/guide/plans, /account,
#       a plan) must answer 200; a resource's files must download whole.
#   disk_full_client.py wait-write --base URL --state FILE --timeout S
#       saves a plan every 0.25 s until one succeeds (the disk has room again); prints the seconds.
#   disk_full_client.py verify  --state FILE --db PATH --files DIR
#       after the server stopped: every acknowledged write is in the database whole, every refused
#       one is absent (preferences and consents hold the last acknowledged values), every uploaded
#       file is stored under its SHA-256 with the bytes that were sent, and every file in the store
#       matches its name.
import argparse
import hashlib
import html
import json
import os
import random
import re
import sqlite3
import sys
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drill_http  # noqa: E402
from drill_http import Fail  # noqa: E402

MARK = "dfull"
LP = r"^(?:/(?:en|fr|es|ar))?"  # a redirect may carry the person's language prefix
PASSWORD = os.environ.get("DISK_FULL_PASSWORD", "")
# Internals that must never reach a person's screen.
LEAKS = re.compile(r"sqlite|database or disk|disk is full|no space left|blob store|std::|exception|errno|"
                   r"/tmp/|/var/|\.cpp|\bincoming\b|SQLSTATE|postgres", re.I)


def say(*a):
    print("disk-full:", *a, flush=True)


# ---- HTTP ------------------------------------------------------------------------------------
class Client(drill_http.Client):
    """One person's browser (proof/drill_http.py), with the form token and sign-in of this drill."""

    BOUNDARY = "----dfull"

    def __init__(self, base, cookies=None, timeout=15):
        super().__init__(base, cookies, timeout)

    def get(self, path):
        return self.request("GET", path)

    token = None  # the session's form token, when known (it stays valid as long as the session)

    def csrf(self, path="/guide/plans"):
        if self.token and path == "/guide/plans":
            return self.token
        status, _, page = self.get(path)
        m = re.search(rb'name="_csrf" value="([^"]*)"', page)
        if status != 200 or not m:
            raise Fail(f"GET {path}: {status}, no form token")
        return m.group(1).decode()

    def sign_in(self, email):
        """Returns (status, location, page): 303 to /account with a session cookie on success."""
        self.cookies.clear()
        token = self.csrf("/account/sign-in")
        status, headers, page = self.request(
            "POST", "/account/sign-in", [("_csrf", token), ("next", ""), ("email", email), ("password", PASSWORD)])
        return status, headers.get("Location") or "", page


def error_text(page):
    """(heading, first paragraph) of an error page, tags removed."""
    text = page.decode("utf-8", "replace")
    main = text.split("<main", 1)[-1]
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", main, re.S)
    p = re.search(r"</h1>\s*<p[^>]*>(.*?)</p>", main, re.S)
    clean = lambda s: html.unescape(re.sub(r"<[^>]+>", "", s)).strip() if s else ""
    return clean(h1.group(1) if h1 else ""), clean(p.group(1) if p else "")


# ---- state -----------------------------------------------------------------------------------
def load(path):
    with open(path) as f:
        return json.load(f)


def save(path, state):
    with open(path + ".tmp", "w") as f:
        json.dump(state, f, indent=1)
    os.replace(path + ".tmp", path)


def person(a, state, who):
    c = Client(a.base, state["people"][who]["cookies"])
    c.token = state["people"][who].get("csrf")
    return c


def keep_cookies(state, who, client):
    state["people"][who]["cookies"] = client.cookies


def pdf_bytes(marker, size):
    rng = random.Random(marker)
    body = bytes(rng.getrandbits(8) for _ in range(size))
    return b"%PDF-1.4\n% " + marker.encode() + b"\n" + body + b"\n%%EOF\n"


# ---- writes ----------------------------------------------------------------------------------
def write_round(a, state):
    """The round's writes: list of (kind, who, marker, request thunk, success pattern, detail)."""
    phase, n = a.phase, len(state["writes"])
    langs = ["fr", "es", "en", "ar"]
    zones = ["Africa/Accra", "Asia/Manila", "America/Bogota", "Europe/Paris"]
    out = []

    def add(kind, who, detail, do, expect):
        marker = f"{MARK}{uuid.uuid4().hex[:16]}"
        out.append({"kind": kind, "who": who, "phase": phase, "marker": marker, "detail": detail, "do": do, "expect": expect})
        return out[-1]

    def library(w):
        c = person(a, state, "dro")
        form = [("_csrf", c.csrf()), ("type", "publication"), ("date", "2024-05-01"), ("publisher", w["marker"]),
                ("licence", "CC BY 4.0"), ("url", ""), ("duration_minutes", ""), ("regions", "asia-pacific"),
                ("themes", "data-ai"), ("title_en", f"{w['marker']} disk drill"), ("summary_en", f"Summary {w['marker']}"),
                ("body_en", f"{w['marker']} " + "workers data rights " * 200)]
        w["detail"]["title"] = f"{w['marker']} disk drill"
        return c, c.request("POST", "/library/new", form)

    def upload(w):
        c = person(a, state, "dro")
        rid = w["detail"]["resource"]
        data = pdf_bytes(w["marker"], 48 * 1024 + random.randint(0, 4096))
        w["detail"].update(sha256=hashlib.sha256(data).hexdigest(), size=len(data), name=f"{w['marker']}.pdf")
        form = [("_csrf", c.csrf()), ("lang", "en"), ("role", "main")]
        return c, c.request("POST", f"/library/{rid}/files", form, files={"file": (f"{w['marker']}.pdf", "application/pdf", data)})

    def plan(who):
        def do(w):
            c = person(a, state, who)
            w["detail"]["title"] = f"{w['marker']} plan"
            return c, c.request("POST", "/guide/plans", [("_csrf", c.csrf()), ("title", w["detail"]["title"]), ("slot", "90")])
        return do

    def preferences(w):
        c = person(a, state, "reader")
        w["detail"].update(lang=langs[n % 4], time_zone=zones[n % 4])
        return c, c.request("POST", "/account/preferences",
                            [("_csrf", c.csrf()), ("lang", w["detail"]["lang"]), ("time_zone", w["detail"]["time_zone"])])

    def consents(w):
        c = person(a, state, "reader")
        chosen = [["recorded"], ["listed_publicly"], ["recorded", "listed_publicly"], []][n % 4]
        w["detail"]["consents"] = chosen
        return c, c.request("POST", "/account/consents", [("_csrf", c.csrf())] + [("consent", k) for k in chosen])

    def sign_in(w):
        c = Client(a.base)
        status, location, page = c.sign_in(state["people"]["reader"]["email"])
        return None, (status, {"Location": location}, page)

    add("library", "dro", {}, library, LP + r"/library/(\d+)$")
    # The resource this round uploads to: this round's (when the disk has room) or the first one.
    first = next((w for w in state["writes"] if w["kind"] == "library" and w.get("ok")), None)
    add("upload", "dro", {"resource": first["id"] if first else None}, upload, LP + r"/library/(\d+)\?lang=en$")
    add("plan", "reader", {}, plan("reader"), LP + r"/guide/plans/(\d+)$")
    add("plan", "dro", {}, plan("dro"), LP + r"/guide/plans/(\d+)$")
    add("preferences", "reader", {}, preferences, LP + r"/account$")
    add("consents", "reader", {}, consents, LP + r"/account$")
    add("sign-in", "reader", {}, sign_in, LP + r"/account$")
    return out


def cmd_writes(a):
    state = load(a.state)
    counts = {"ok": 0, "503": 0}
    problems = []
    round_ = write_round(a, state)
    for w in round_:
        do, expect = w.pop("do"), w.pop("expect")
        if w["kind"] == "upload" and w["detail"]["resource"] is None:
            # No resource yet: this round's library write made one (or, when full, none exists at all).
            prior = [x for x in state["writes"] if x["kind"] == "library" and x.get("ok")]
            if not prior:
                problems.append("upload: no resource to upload to")
                continue
            w["detail"]["resource"] = prior[-1]["id"]
        client, (status, headers, page) = do(w)
        if client is not None:
            keep_cookies(state, w["who"], client)
        location = headers.get("Location") or ""
        path = urllib.parse.urlsplit(location).path + (("?" + urllib.parse.urlsplit(location).query) if "?" in location else "")
        m = re.search(expect, path) if status == 303 else None
        w["status"] = status
        w["ok"] = bool(m)
        if m and w["kind"] in ("library", "plan"):
            w["id"] = int(m.group(1))
        if w["kind"] == "library" and m:
            pass
        state["writes"].append(w)
        what = f"{w['kind']} ({w['who']})"
        if a.expect == "ok":
            if m:
                counts["ok"] += 1
            else:
                h, p = error_text(page)
                problems.append(f"{what}: {status} {location} {h!r} {p[:100]!r}".strip())
        else:
            h, p = error_text(page)
            w["message"] = f"{h} | {p}"
            retry = headers.get("Retry-After")
            if status == 503 and h and len(p.split()) >= 4 and not LEAKS.search(h + " " + p):
                counts["503"] += 1
                say(f"  {what}: 503 Retry-After={retry} {h!r}: {p[:90]!r}")
            elif status == 503:
                problems.append(f"{what}: 503 but no readable message (heading {h!r}, text {p[:120]!r})")
            elif m:
                problems.append(f"{what}: succeeded ({status} {location}) although the disk is full: was it?")
            else:
                problems.append(f"{what}: {status} {location} {h!r} {p[:100]!r}".strip())
    save(a.state, state)
    for p in problems:
        say("  " + p)
    if problems:
        # One short line: the answers by status, with the kinds that got each.
        by = {}
        for w in state["writes"][-len(round_):]:
            by.setdefault(w.get("status"), []).append(w["kind"])
        wrong = "; ".join(f"{st}: {', '.join(kinds)}" for st, kinds in sorted(by.items(), key=lambda x: str(x[0]))
                          if not (a.expect == "full" and st == 503) and not (a.expect == "ok" and st == 303))
        print(f"FAIL {a.phase} writes: {len(problems)} of {len(round_)} wrong ({wrong or problems[0]})")
        return 1
    print(f"ok {a.phase} writes: " + (f"{counts['ok']} succeeded" if a.expect == "ok" else f"{counts['503']} answered 503 with a message"))
    return 0


# ---- reads -----------------------------------------------------------------------------------
def cmd_reads(a):
    state = load(a.state)
    anon = Client(a.base)
    resources = [w["id"] for w in state["writes"] if w["kind"] == "library" and w.get("ok")]
    uploads = [w for w in state["writes"] if w["kind"] == "upload" and w.get("ok")]
    plans = {who: [w["id"] for w in state["writes"] if w["kind"] == "plan" and w.get("ok") and w["who"] == who] for who in ("dro", "reader")}
    status, _, page = anon.get("/guide")
    slug = next((s for s in re.findall(r'href="/guide/([a-z0-9-]+)"', page.decode()) if s not in ("introduction", "plans", "translations")), None)
    problems, n = [], 0
    for r in range(a.rounds):
        q = f"{random.choice(['workers', 'data', 'rights', 'union', 'algorithm'])}"
        anon_paths = ["/", f"/?r={uuid.uuid4().hex[:6]}", "/library", f"/library?page=1&r={uuid.uuid4().hex[:6]}", "/guide",
                      f"/library/search?q={q}&r={uuid.uuid4().hex[:6]}", f"/search?q={q}&r={uuid.uuid4().hex[:6]}"]
        if slug:
            anon_paths.append(f"/guide/{slug}")
        anon_paths += [f"/library/{rid}" for rid in resources[:3]]
        for p in anon_paths:
            status, headers, page = anon.get(p)
            n += 1
            if status != 200:
                problems.append(f"GET {p} (anonymous): {status} {error_text(page)[0]!r}")
        for who in ("reader", "dro"):
            c = person(a, state, who)
            for p in ["/guide/plans", "/account", "/guide"] + [f"/guide/plans/{pid}" for pid in plans[who][:1]]:
                status, headers, page = c.get(p)
                n += 1
                if status != 200:
                    problems.append(f"GET {p} (signed in as {who}): {status} {error_text(page)[0]!r}")
            keep_cookies(state, who, c)
        # People whose last click was over a minute ago: their next request refreshes "last seen".
        for who, cookies in state.get("idle", {}).items():
            c = Client(a.base, cookies)
            for p in ["/guide/plans", "/account", "/guide"]:
                status, headers, page = c.get(p)
                n += 1
                if status != 200:
                    problems.append(f"GET {p} (signed in as {who}, idle over a minute): {status} {error_text(page)[0]!r}")
        for u in uploads[:2]:
            status, _, page = anon.get(f"/library/{u['detail']['resource']}")
            links = re.findall(rf'href="(/library/{u["detail"]["resource"]}/files/\d+)"', page.decode("utf-8", "replace"))
            got = set()
            for link in links:
                s, _, data = anon.get(link)
                n += 1
                if s == 200:
                    got.add(hashlib.sha256(data).hexdigest())
            if u["detail"]["sha256"] not in got:
                problems.append(f"the file uploaded as {u['marker']} does not download whole from /library/{u['detail']['resource']}")
        if r + 1 < a.rounds:
            time.sleep(a.pause)
    save(a.state, state)
    for p in sorted(set(problems)):
        say("  " + p)
    if problems:
        kinds = sorted({re.sub(r"^GET \S+ \((.*?)\): (\d+).*", r"\2 for \1", p) for p in problems})
        kinds = sorted({re.sub(r"signed in as (dro|reader)", "signed in", k) for k in kinds})
        print(f"FAIL {a.phase} reads: {len(problems)} of {n} wrong ({'; '.join(kinds)})")
        return 1
    print(f"ok {a.phase} reads: {n} answered 200")
    return 0


def cmd_wait_write(a):
    state = load(a.state)
    started = time.time()
    last = None
    while time.time() - started < a.timeout:
        c = person(a, state, "reader")
        title = f"{MARK}{uuid.uuid4().hex[:16]} plan"
        status, headers, page = c.request("POST", "/guide/plans", [("_csrf", c.csrf()), ("title", title), ("slot", "60")])
        keep_cookies(state, "reader", c)
        m = re.search(LP + r"/guide/plans/(\d+)$", urllib.parse.urlsplit(headers.get("Location") or "").path) if status == 303 else None
        state["writes"].append({"kind": "plan", "who": "reader", "phase": "recovery", "marker": title.split()[0],
                                "detail": {"title": title}, "status": status, "ok": bool(m), **({"id": int(m.group(1))} if m else {})})
        if m:
            save(a.state, state)
            print(f"ok writes accepted again after {time.time() - started:.1f} s")
            return 0
        if status == 500:
            last = "500"
        elif last != "500":
            last = str(status)
        time.sleep(0.25)
    save(a.state, state)
    print(f"FAIL writes still refused {a.timeout:.0f} s after space returned (last answer {last})")
    return 1


def cmd_setup(a):
    """Signs both people in (new sessions) and keeps their form tokens, so that writes need no GET
    first. With --keep-idle, the sessions signed in before become the "idle" ones of the reads."""
    try:
        state = load(a.state)
    except FileNotFoundError:
        state = {"people": {}, "writes": [], "idle": {}}
    if a.keep_idle:
        state["idle"] = {who: p["cookies"] for who, p in state["people"].items()}
    for who, email in (("dro", a.dro), ("reader", a.reader)):
        c = Client(a.base)
        status, location, page = c.sign_in(email)
        if status != 303 or "avenir_session" not in c.cookies:
            print(f"FAIL could not sign {email} in: {status} {location} {error_text(page)}")
            return 1
        state["people"][who] = {"email": email, "cookies": c.cookies, "csrf": c.csrf()}
    save(a.state, state)
    print("ok signed in: dro, reader" + (" (the sessions before kept as idle ones)" if a.keep_idle else ""))
    return 0


# ---- verification ----------------------------------------------------------------------------
def cmd_verify(a):
    state = load(a.state)
    db = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    q = lambda sql, *p: db.execute(sql, p).fetchall()
    problems = []
    acked = [w for w in state["writes"] if w.get("ok")]
    refused = [w for w in state["writes"] if not w.get("ok")]
    users = {who: q("SELECT id FROM accounts_users WHERE email = ?", p["email"])[0][0] for who, p in state["people"].items()}
    for w in state["writes"]:
        kind, ok, marker = w["kind"], w.get("ok"), w["marker"]
        if kind == "library":
            rows = q("SELECT r.id, v.title, r.created_by FROM library_resources r JOIN library_versions v ON v.resource_id = r.id "
                     "WHERE r.publisher = ?", marker)
            if ok and rows != [(w["id"], w["detail"]["title"], users["dro"])]:
                problems.append(f"acknowledged resource {marker} (id {w['id']}): found {rows}")
            if not ok and rows:
                problems.append(f"refused resource {marker} ({w['status']}) is in the database: {rows}")
        elif kind == "plan":
            rows = q("SELECT id, owner_id FROM guide_plans WHERE title = ?", w["detail"]["title"])
            if ok and rows != [(w["id"], users[w["who"]])]:
                problems.append(f"acknowledged plan {marker} (id {w['id']}): found {rows}")
            if not ok and rows:
                problems.append(f"refused plan {marker} ({w['status']}) is in the database: {rows}")
        elif kind == "upload":
            rows = q("SELECT f.hash, f.size FROM library_files f JOIN library_versions v ON v.id = f.version_id "
                     "WHERE v.resource_id = ? AND f.hash = ?", w["detail"]["resource"], w["detail"]["sha256"])
            if ok and rows != [(w["detail"]["sha256"], w["detail"]["size"])]:
                problems.append(f"acknowledged upload {marker}: found {rows}")
            if not ok and rows:
                problems.append(f"refused upload {marker} ({w['status']}) is in the database")
            path = os.path.join(a.files, w["detail"]["sha256"][:2], w["detail"]["sha256"][2:4], w["detail"]["sha256"])
            if ok and not os.path.isfile(path):
                problems.append(f"acknowledged upload {marker}: {path} is missing")
    # Preferences and consents: the last acknowledged values, whatever was refused after them.
    last_pref = next((w for w in reversed(acked) if w["kind"] == "preferences"), None)
    if last_pref:
        got = q("SELECT lang, time_zone FROM accounts_users WHERE id = ?", users["reader"])[0]
        want = (last_pref["detail"]["lang"], last_pref["detail"]["time_zone"])
        if got != want:
            problems.append(f"reader's preferences are {got}, the last acknowledged were {want}")
    last_consent = next((w for w in reversed(acked) if w["kind"] == "consents"), None)
    if last_consent:
        got = sorted(k for (k,) in q("SELECT kind FROM accounts_consents WHERE user_id = ? AND withdrawn_at IS NULL", users["reader"]))
        if got != sorted(last_consent["detail"]["consents"]):
            problems.append(f"reader's consents in force are {got}, the last acknowledged were {sorted(last_consent['detail']['consents'])}")
    # Every row of library_files points at a stored file; every stored file matches its name.
    for (h,) in q("SELECT DISTINCT hash FROM library_files"):
        if not os.path.isfile(os.path.join(a.files, h[:2], h[2:4], h)):
            problems.append(f"library_files names {h}, which is not in the files folder")
    stored, leftovers = 0, []
    for dirpath, dirnames, filenames in os.walk(a.files):
        for name in filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, a.files)
            if re.fullmatch(r"[0-9a-f]{64}", name) and rel == os.path.join(name[:2], name[2:4], name):
                stored += 1
                with open(full, "rb") as f:
                    if hashlib.sha256(f.read()).hexdigest() != name:
                        problems.append(f"stored file {rel} does not match its SHA-256 name")
            else:
                leftovers.append(rel)
    if leftovers:
        say(f"  files folder: {len(leftovers)} other file(s) left behind: {', '.join(sorted(leftovers)[:5])}")
    for p in problems:
        say("  " + p)
    if problems:
        print("FAIL " + "; ".join(problems[:4]) + (f" (+{len(problems) - 4} more)" if len(problems) > 4 else ""))
        return 1
    print(f"ok acknowledged={len(acked)} refused={len(refused)} stored_files={stored} leftovers={len(leftovers)}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup")
    s.add_argument("--dro", required=True)
    s.add_argument("--reader", required=True)
    s.add_argument("--keep-idle", action="store_true")
    w = sub.add_parser("writes")
    w.add_argument("--phase", required=True)
    w.add_argument("--expect", choices=["ok", "full"], required=True)
    r = sub.add_parser("reads")
    r.add_argument("--phase", required=True)
    r.add_argument("--rounds", type=int, default=1)
    r.add_argument("--pause", type=float, default=3.0)
    ww = sub.add_parser("wait-write")
    ww.add_argument("--timeout", type=float, default=10)
    v = sub.add_parser("verify")
    v.add_argument("--db", required=True)
    v.add_argument("--files", required=True)
    for p in (s, w, r, ww, v):
        p.add_argument("--state", required=True)
        if p is not v:
            p.add_argument("--base", required=True)
    a = ap.parse_args()
    try:
        return {"setup": cmd_setup, "writes": cmd_writes, "reads": cmd_reads, "wait-write": cmd_wait_write,
                "verify": cmd_verify}[a.cmd](a)
    except Fail as e:
        print(f"FAIL {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
