#!/usr/bin/python3
# The client side of proof/backup-restore (standard library only; run with /usr/bin/python3). The
# people, their sessions and everything they wrote are kept in STATE (JSON); each subcommand prints
# progress lines and ends with "ok ..." (exit 0) or "FAIL reason" (exit 1).
#   people                      the accounts to create: "email role region" lines (region "-": none)
#   populate  --base URL        every person signs in and writes: session plans with workshops in them
#                               and their settings, language and time zone, consents; the DROs create
#                               library resources and upload files (one file's bytes twice, another's by
#                               both DROs) and one edits a workshop; the admin turns on two-factor
#                               sign-in, creates a union and makes the reader a member of it
#   load      --base URL --journal DIR --stop FILE
#                               light write load until FILE exists: the "load" DRO alternately saves a
#                               plan and creates a library resource, journalling each write's send and
#                               acknowledgement times
#   sign-in   --base URL --slot NAME
#                               signs every person in anew (a fresh session; two-factor for the admin)
#                               and keeps the cookies under NAME
#   snapshot  --base URL --slot NAME --out DIR
#                               as each person (cookies NAME): GET /account/data (the raw bytes, to
#                               DIR/<email>.json), their plans' pages (text, to DIR/<email>.plans.json);
#                               every uploaded file downloaded (SHA-256s to DIR/files.json)
#   volatility --base URL --slot NAME --out DIR
#                               one person's export twice, 1.1 s apart: what differs between two
#                               exports of unchanged data
#   compare   --before DIR --after DIR --mode same-session|signed-in-again --cut UNIX_TIME
#                               each person's export after the restore against the one taken at the
#                               backup: same-session must be byte-equal but for "exported_at";
#                               signed-in-again may also hold what that sign-in wrote (one session
#                               created at or after --cut, audit rows of the sign-in and of the exports
#                               at or after --cut, the admin's last TOTP step), nothing else. Plans'
#                               pages and downloaded files must be equal as well.
#   load-check --journal DIR --base URL --start T0 --end T1
#                               the load DRO's export from the restored instance (its session from
#                               before the backup): every write
#                               acknowledged before the backup started is in it, none sent after it
#                               ended
#   write     --base URL --slot NAME
#                               each person saves a plan on the restored instance (new ids follow on)
import argparse
import base64
import collections
import hashlib
import hmac
import html
import html.parser
import http.client
import json
import os
import random
import re
import struct
import sys
import threading
import time
import urllib.parse
import uuid

PASSWORD = os.environ.get("BACKUP_RESTORE_PASSWORD", "")
LP = r"^(?:/(?:en|fr|es|ar))?"  # a redirect may carry the person's language prefix
# The people whose exports are compared, and the load writer (compared by its journal instead).
PEOPLE = [
    ("admin@example.org", "admin", "-"),
    ("coordinator@example.org", "coordinator", "latin-america"),
    ("dro-a@example.org", "dro", "asia-pacific"),
    ("dro-b@example.org", "dro", "africa-mena"),
    ("facilitator@example.org", "facilitator", "europe-caribbean"),
    ("reader@example.org", "-", "-"),
]
LOAD = ("load@example.org", "dro", "asia-pacific")


def say(*a):
    print("backup-restore:", *a, flush=True)


class Fail(Exception):
    pass


# ---- HTTP ------------------------------------------------------------------------------------
class Client:
    """One person's browser: cookies, the Origin header on writes, a new connection per request."""

    def __init__(self, base, cookies=None, timeout=20):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.origin, self.timeout = u.hostname, u.port, f"{u.scheme}://{u.netloc}", timeout
        self.cookies = dict(cookies or {})

    def request(self, method, path, form=None, files=None):
        headers = {"Accept-Language": "en", "Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if files is not None:
            boundary = "----brst" + uuid.uuid4().hex
            parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in form or []]
            for k, (name, ctype, data) in files.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n'
                             f"Content-Type: {ctype}\r\n\r\n".encode() + data + b"\r\n")
            parts.append(f"--{boundary}--\r\n".encode())
            body = b"".join(parts)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
            headers["Origin"] = self.origin
        elif form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
        except (OSError, http.client.HTTPException) as e:
            raise Fail(f"{method} {path}: no answer ({type(e).__name__}: {e})")
        finally:
            conn.close()
        for c in r.msg.get_all("Set-Cookie") or []:
            name, _, value = c.split(";", 1)[0].partition("=")
            if "max-age=0" in c.lower().replace(" ", "") or value == "":
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()
        return r.status, r.msg, data

    def get(self, path, want=200):
        status, headers, data = self.request("GET", path)
        if want is not None and status != want:
            raise Fail(f"GET {path}: {status} (wanted {want}) {title_of(data)!r}")
        return data

    def csrf(self, path="/guide/plans"):
        m = re.search(rb'name="_csrf" value="([^"]*)"', self.get(path))
        if not m:
            raise Fail(f"GET {path}: no form token")
        return m.group(1).decode()

    def post(self, path, form, expect, files=None, token_from="/guide/plans"):
        """POSTs a form (with a fresh token) and returns the match of expect on the 303's Location."""
        form = [("_csrf", self.csrf(token_from))] + list(form)
        status, headers, data = self.request("POST", path, form, files)
        location = headers.get("Location") or ""
        u = urllib.parse.urlsplit(location)
        where = u.path + ("?" + u.query if u.query else "")
        m = re.search(expect, where) if status == 303 else None
        if not m:
            raise Fail(f"POST {path}: {status} {location} {title_of(data)!r} {alert_of(data)!r}")
        return m


def title_of(page):
    m = re.search(rb"<title>([^<]*)</title>", page)
    return html.unescape(m.group(1).decode("utf-8", "replace")) if m else page[:60].decode("utf-8", "replace")


def alert_of(page):
    m = re.search(rb'role="alert"[^>]*>([^<]*)<', page)
    return html.unescape(m.group(1).decode("utf-8", "replace")) if m else ""


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
        elif not self.inside:
            return
        elif tag == "input" and a.get("name"):
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
            self.fields += [[self.select, v] for v in chosen]
            self.select = None


# ---- two-factor sign-in (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps) ----------------------------
def totp(secret_b32, step):
    key = base64.b32decode(secret_b32.upper() + "=" * (-len(secret_b32) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    off = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[off:off + 4])[0] & 0x7FFFFFFF) % 1000000:06d}"


def next_step(p):
    """The smallest step the server accepts now (it allows one step either side) that is newer than
    the last one used: never waits unless three sign-ins fell in the same 30 s."""
    while True:
        now = int(time.time()) // 30
        for s in (now - 1, now, now + 1):
            if s > p.get("last_step", 0):
                p["last_step"] = s
                return s
        time.sleep(1)


def sign_in(base, email, p):
    """A new session for the person (two-factor when they have it). Returns the client."""
    c = Client(base)
    token = c.csrf("/account/sign-in")
    status, headers, data = c.request("POST", "/account/sign-in", [("_csrf", token), ("next", ""), ("email", email), ("password", PASSWORD)])
    location = headers.get("Location") or ""
    if status != 303 or "avenir_session" not in c.cookies:
        raise Fail(f"sign-in of {email}: {status} {location} {alert_of(data)!r}")
    if "/account/sign-in/code" in location:
        if not p.get("secret"):
            raise Fail(f"sign-in of {email} asks for a code, but no two-factor secret is known")
        c.post("/account/sign-in/code", [("next", ""), ("code", totp(p["secret"], next_step(p)))], LP + r"/account$",
               token_from="/account/sign-in/code")
    return c


# ---- state -----------------------------------------------------------------------------------
def load_state(path):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return {"people": {}, "resources": [], "files": [], "plans": []}


def save_state(path, state):
    with open(path + ".tmp", "w") as f:
        json.dump(state, f, indent=1)
    os.replace(path + ".tmp", path)


def pdf_bytes(seed, size):
    rng = random.Random(seed)
    return b"%PDF-1.4\n% " + seed.encode() + b"\n" + rng.randbytes(size) + b"\n%%EOF\n"


# ---- populate --------------------------------------------------------------------------------
def cmd_populate(a):
    state = load_state(a.state)
    base = a.base
    os.makedirs(a.files_out, exist_ok=True)
    people = state["people"]
    clients = {}
    for email, role, region in PEOPLE:
        p = people.setdefault(email, {"role": role, "region": region})
        clients[email] = sign_in(base, email, p)
    anon = Client(base)
    guide = anon.get("/guide").decode()
    slugs = [s for s in dict.fromkeys(re.findall(r'href="/guide/([a-z0-9-]+)"', guide)) if s not in ("introduction", "plans", "translations")]
    if len(slugs) < 3:
        raise Fail("fewer than three workshops on /guide")

    # The admin: two-factor sign-in on, a union, the reader made a member of it.
    admin, ap = clients["admin@example.org"], people["admin@example.org"]
    page = admin.get("/account/two-factor").decode()
    m = re.search(r'class="secret">([A-Z2-7=]+)<', page)
    if not m:
        raise Fail("no two-factor key on /account/two-factor")
    ap["secret"] = m.group(1)
    token = admin.csrf("/account/two-factor")
    status, _, data = admin.request("POST", "/account/two-factor", [("_csrf", token), ("code", totp(ap["secret"], next_step(ap)))])
    codes = re.findall(rb"<li><code>([^<]+)</code></li>", data)
    if status != 200 or len(codes) != 10:
        raise Fail(f"turning on two-factor sign-in: {status} {title_of(data)!r}, {len(codes)} recovery codes")
    ap["recovery_codes"] = [c.decode() for c in codes]
    admin.post("/admin/unions", [("name", "Drill Workers Union"), ("country", "Ghana"), ("region", "africa-mena"), ("sector", "health")],
               LP + r"/admin/unions$", token_from="/admin/unions")
    unions = re.findall(r"<td>Drill Workers Union</td>.*?<td>(\d+)</td></tr>", admin.get("/admin/unions").decode())
    if not unions:
        raise Fail("the new union is not listed on /admin/unions")
    admin.post("/admin/grants", [("email", "reader@example.org"), ("role", "member"), ("scope", unions[0])],
               LP + r"/admin/people$", token_from="/admin/people")
    say("admin: two-factor on, union", unions[0], "created, reader made a member")

    # Everyone: plans with workshops in them, settings, language and time zone, consents.
    zones = ["Africa/Accra", "Asia/Manila", "America/Bogota", "Europe/Paris", "Pacific/Auckland", ""]
    langs = ["es", "", "fr", "ar", "fr", ""]
    consents = [["recorded"], ["listed_publicly"], ["recorded", "listed_publicly"], [], ["recorded"], ["listed_publicly"]]
    for i, (email, role, _) in enumerate(PEOPLE):
        c = clients[email]
        for k in range(1 + i % 2):
            title = f"{role} plan {k + 1}: ateliers « données » ١٢ {uuid.uuid4().hex[:6]}"
            pid = int(c.post("/guide/plans", [("title", title), ("slot", str(60 + 30 * k))], LP + r"/guide/plans/(\d+)$").group(1))
            state["plans"].append({"owner": email, "id": pid})
            plan_page = c.get(f"/guide/plans/{pid}").decode()
            options = re.findall(r'<option value="([a-z0-9-]+(?:/[A-Za-z0-9_-]+)?)"', plan_page.split('name="item"', 1)[-1])
            for choice in options[: 2 + k]:
                c.post(f"/guide/plans/{pid}/items", [("action", "add"), ("item", choice)], LP + rf"/guide/plans/{pid}$")
            if k == 0:
                c.post(f"/guide/plans/{pid}", [("title", title + " (revised)"), ("start", "09:30"), ("factor", "150"), ("slot", "120")],
                       LP + rf"/guide/plans/{pid}$")
        # Consents: given, then changed (a withdrawal row), then the person's final choice.
        for chosen in (["recorded", "listed_publicly"], consents[i]):
            c.post("/account/consents", [("consent", k) for k in chosen], LP + r"/account$")
        c.post("/account/preferences", [("lang", langs[i]), ("time_zone", zones[i])], LP + r"/account$")

    # The DROs: resources, files (the same bytes twice on one resource's two languages, and a file
    # both DROs upload), a workshop edit.
    shared = pdf_bytes("shared", 70_000)
    for email, region, n in (("dro-a@example.org", "asia-pacific", 2), ("dro-b@example.org", "africa-mena", 1)):
        c = clients[email]
        for r in range(n):
            marker = f"brst{uuid.uuid4().hex[:12]}"
            form = [("type", "publication"), ("date", f"2023-0{r + 1}-15"), ("publisher", marker), ("licence", "CC BY 4.0"), ("url", ""),
                    ("duration_minutes", ""), ("regions", region), ("regions", "global"), ("themes", "data-ai"), ("themes", "bargaining"),
                    ("audiences", "stewards"), ("title_en", f"{marker} data at work"), ("summary_en", "What the union can ask for."),
                    ("body_en", "Workers' data rights, **bargaining** and algorithms.\n\n" * 30), ("title_fr", f"{marker} les données au travail"),
                    ("summary_fr", "Ce que le syndicat peut demander."), ("body_fr", "Négociation et données des travailleurs.\n" * 20)]
            rid = int(c.post("/library/new", form, LP + r"/library/(\d+)$").group(1))
            state["resources"].append({"owner": email, "id": rid, "marker": marker})
            uploads = [("en", pdf_bytes(marker + "-en", 40_000 + 20_000 * r)), ("fr", pdf_bytes(marker + "-en", 40_000 + 20_000 * r))]
            if r == n - 1:
                uploads.append(("en", shared))
            for lang, data in uploads:
                name = f"{marker}-{lang}-{len(data)}.pdf"
                c.post(f"/library/{rid}/files", [("lang", lang), ("role", "main")], LP + rf"/library/{rid}\?lang={lang}$",
                       files={"file": (name, "application/pdf", data)})
                digest = hashlib.sha256(data).hexdigest()
                with open(os.path.join(a.files_out, digest), "wb") as f:
                    f.write(data)
                state["files"].append({"owner": email, "resource": rid, "lang": lang, "sha256": digest, "size": len(data)})
    # The file ids, from the resource pages.
    for f in state["files"]:
        page = anon.get(f"/library/{f['resource']}?lang={f['lang']}").decode()
        ids = sorted(set(re.findall(rf'/library/{f["resource"]}/files/(\d+)', page)), key=int)
        f["file_ids"] = ids
    c = clients["dro-a@example.org"]
    page = c.get(f"/guide/{slugs[0]}/edit").decode()
    fp = FormParser(f"/guide/{slugs[0]}/edit")
    fp.feed(page)
    fields = [(k, v) for k, v in fp.fields if k not in ("note", "op", "_csrf")]
    fields = [(k, (v + " — revised for the drill") if k == "summary" else v) for k, v in fields]
    c.post(f"/guide/{slugs[0]}/edit", fields + [("note", "backup drill edit"), ("op", "save")], LP + rf"/guide/{slugs[0]}/history$",
           token_from=f"/guide/{slugs[0]}/edit")
    for email in clients:
        people[email]["cookies"] = clients[email].cookies
    save_state(a.state, state)
    print(f"ok populated: {len(PEOPLE)} people, {len(state['plans'])} plans, {len(state['resources'])} resources, "
          f"{len(state['files'])} uploads ({len({f['sha256'] for f in state['files']})} distinct files), 1 workshop edit, 1 union")
    return 0


# ---- load ------------------------------------------------------------------------------------
def cmd_load(a):
    os.makedirs(a.journal, exist_ok=True)
    c = sign_in(a.base, LOAD[0], {})
    with open(os.path.join(a.journal, "cookies.json"), "w") as f:
        json.dump(c.cookies, f)
    token = c.csrf()
    n = 0
    with open(os.path.join(a.journal, "writes.jsonl"), "a", buffering=1) as j:
        while not os.path.exists(a.stop):
            marker = f"brload{uuid.uuid4().hex[:12]}"
            kind = "plan" if n % 2 == 0 else "library"
            if kind == "plan":
                form, path, expect = [("_csrf", token), ("title", marker), ("slot", "45")], "/guide/plans", LP + r"/guide/plans/(\d+)$"
            else:
                form = [("_csrf", token), ("type", "article"), ("date", "2022-11-30"), ("publisher", marker), ("licence", ""), ("url", ""),
                        ("duration_minutes", ""), ("regions", "asia-pacific"), ("themes", "rights"), ("title_en", f"{marker} load"),
                        ("summary_en", "Load."), ("body_en", "Load body. " * 50)]
                path, expect = "/library/new", LP + r"/library/(\d+)$"
            sent = time.time()
            try:
                status, headers, _ = c.request("POST", path, form)
            except Fail as e:
                j.write(json.dumps({"kind": kind, "marker": marker, "sent": sent, "error": str(e)}) + "\n")
                time.sleep(0.2)
                continue
            u = urllib.parse.urlsplit(headers.get("Location") or "")
            m = re.search(expect, u.path) if status == 303 else None
            j.write(json.dumps({"kind": kind, "marker": marker, "sent": sent, "acked": time.time() if m else None,
                                "status": status, "id": int(m.group(1)) if m else None}) + "\n")
            n += 1
            time.sleep(0.1)
    return 0


# ---- sessions, snapshots ---------------------------------------------------------------------
def cmd_sign_in(a):
    state = load_state(a.state)
    for email, _, _ in PEOPLE:
        p = state["people"][email]
        p.setdefault("slots", {})[a.slot] = sign_in(a.base, email, p).cookies
    save_state(a.state, state)
    print(f"ok {len(PEOPLE)} people signed in anew ({a.slot})")
    return 0


def page_text(page, origin):
    """A page's main content as text, the instance's own address replaced (ports differ)."""
    text = page.decode("utf-8", "replace")
    main = text.split("<main", 1)[-1].split("</main>", 1)[0]
    main = main.replace(origin, "ORIGIN")
    main = re.sub(r'name="_csrf" value="[^"]*"', 'name="_csrf" value="TOKEN"', main)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main))).strip()


def cmd_snapshot(a):
    state = load_state(a.state)
    os.makedirs(a.out, exist_ok=True)
    n = 0
    for email, _, _ in PEOPLE:
        c = Client(a.base, state["people"][email]["slots"][a.slot])
        status, headers, data = c.request("GET", "/account/data")
        if status != 200 or not (headers.get("Content-Type") or "").startswith("application/json"):
            raise Fail(f"GET /account/data as {email}: {status} {headers.get('Content-Type')} {title_of(data)!r}")
        with open(os.path.join(a.out, f"{email}.json"), "wb") as f:
            f.write(data)
        plans = {}
        for p in state["plans"]:
            if p["owner"] == email:
                plans[str(p["id"])] = page_text(c.get(f"/guide/plans/{p['id']}"), c.origin)
        with open(os.path.join(a.out, f"{email}.plans.json"), "w") as f:
            json.dump(plans, f, indent=1, ensure_ascii=False)
        n += 1
    anon = Client(a.base)
    files = {}
    for f in state["files"]:
        for fid in f["file_ids"]:
            key = f"{f['resource']}/{fid}"
            if key not in files:
                files[key] = hashlib.sha256(anon.get(f"/library/{key.replace('/', '/files/')}")).hexdigest()
    with open(os.path.join(a.out, "files.json"), "w") as f:
        json.dump(files, f, indent=1, sort_keys=True)
    wanted = {f["sha256"] for f in state["files"]}
    missing = wanted - set(files.values())
    if missing:
        raise Fail(f"{len(missing)} uploaded file(s) do not download whole: {sorted(missing)[:2]}")
    print(f"ok {n} exports, {sum(1 for p in state['plans'])} plan pages, {len(files)} file downloads ({len(wanted)} distinct files) taken")
    return 0


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


def cmd_write(a):
    state = load_state(a.state)
    for email, _, _ in PEOPLE:
        c = Client(a.base, state["people"][email]["slots"][a.slot])
        c.post("/guide/plans", [("title", f"after the restore {uuid.uuid4().hex[:6]}"), ("slot", "30")], LP + r"/guide/plans/(\d+)$")
    print(f"ok {len(PEOPLE)} new plans saved on the restored instance")
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("people")
    p = sub.add_parser("populate")
    p.add_argument("--files-out", required=True)
    ld = sub.add_parser("load")
    ld.add_argument("--journal", required=True)
    ld.add_argument("--stop", required=True)
    si = sub.add_parser("sign-in")
    sn = sub.add_parser("snapshot")
    sn.add_argument("--out", required=True)
    vo = sub.add_parser("volatility")
    vo.add_argument("--out", required=True)
    wr = sub.add_parser("write")
    for x in (si, sn, vo, wr):
        x.add_argument("--slot", required=True)
    for x in (p, ld, si, sn, vo, wr):
        x.add_argument("--base", required=True)
    for x in (p, si, sn, vo, wr):
        x.add_argument("--state", required=True)
    co = sub.add_parser("compare")
    co.add_argument("--before", required=True)
    co.add_argument("--after", required=True)
    co.add_argument("--mode", choices=["same-session", "signed-in-again"], required=True)
    co.add_argument("--cut", type=int, default=0)
    lc = sub.add_parser("load-check")
    lc.add_argument("--journal", required=True)
    lc.add_argument("--base", required=True)
    lc.add_argument("--start", type=float, required=True)
    lc.add_argument("--end", type=float, required=True)
    a = ap.parse_args()
    if a.cmd == "people":
        for email, role, region in PEOPLE + [LOAD]:
            print(email, role, region)
        return 0
    try:
        return {"populate": cmd_populate, "load": cmd_load, "sign-in": cmd_sign_in, "snapshot": cmd_snapshot,
                "volatility": cmd_volatility, "compare": cmd_compare, "load-check": cmd_load_check, "write": cmd_write}[a.cmd](a)
    except Fail as e:
        print(f"FAIL {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
