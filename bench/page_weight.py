#!/usr/bin/env python3
"""Page weight for bench/page-weight: every GET route of `avenir routes` that answers an HTML page,
fetched as a browser would (Accept-Encoding: gzip) anonymous and signed in, with the subresources
its HTML references (stylesheets, scripts, images, icons, fonts, CSS url() and @import), counting
the bytes on the wire (bodies as sent, compressed when the server compresses) and the requests.

Personas: anonymous, and signed-in accounts of increasing rights (member, dro, admin with two-factor
sign-in set up here, as an admin must). A public page is measured anonymous and as the member; any
other page as the first persona that gets 200 (the least rights that open it). Path parameters are
filled with real values found on the site (list pages, links) or created here (a session plan and
its share link, a union, two saved versions of a workshop for the diff page). Each page type is
measured for every value found (capped) and every language asked for; the row shows the heaviest.

Prints the table on stdout; with --summary FILE appends the headline lines for bench/run-all.
Exits 1 only when something could not be set up (a sign-in failed, the route table is unreadable)."""
import argparse
import base64
import gzip
import hashlib
import hmac
import html
import http.client
import re
import struct
import sys
import time
import urllib.parse
import zlib
from html.parser import HTMLParser

HTML_BUDGET = 14 * 1024
TOTAL_BUDGET = 50 * 1024
LANGS_ALL = ["en", "fr", "es", "ar"]
# Pages that show what a query asks for: measured with typical queries (and without one).
QUERIES = {
    "/library/search": ["?q=workers+data", "?q=collective+bargaining&region=asia-pacific", "?q=data"],
    "/search": ["?q=data", "?q=workers+data&kind=library", ""],
    "/library": ["", "?region=asia-pacific&type=publication"],
}
# Variants of a parameterised page (the run sheet with a start time, the handout view).
SUFFIXES = {
    "/guide/{slug}": ["", "?start=09:30", "?view=participants"],
}


def die(msg):
    print(f"bench/page-weight: {msg}", file=sys.stderr)
    sys.exit(1)


def kb(n):
    return f"{n / 1024:.1f} KB"


# ---------------------------------------------------------------------------------------------
# HTTP with a cookie jar, no redirects followed, bodies kept as sent.

class Response:
    def __init__(self, status, headers, raw):
        self.status = status
        self.headers = headers  # list of (name, value)
        self.raw = raw  # the body as it came over the wire (after de-chunking)

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return ""

    @property
    def text(self):
        body = self.raw
        enc = self.header("Content-Encoding").lower()
        if enc == "gzip":
            body = gzip.decompress(body)
        elif enc == "deflate":
            body = zlib.decompress(body)
        return body.decode("utf-8", "replace")

    @property
    def content_type(self):
        return self.header("Content-Type").split(";")[0].strip().lower()


class Client:
    def __init__(self, host, port, name):
        self.host, self.port, self.name = host, port, name
        self.cookies = {}
        self.conn = None

    def _connect(self):
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def request(self, method, path, form=None, headers=None, lang="en"):
        hdrs = {"Accept-Encoding": "gzip", "Accept-Language": lang,
                "User-Agent": "avenir-bench-page-weight"}
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
            hdrs["Origin"] = f"http://{self.host}:{self.port}"
        hdrs.update(headers or {})
        for attempt in range(3):
            if self.conn is None:
                self._connect()
            try:
                self.conn.request(method, path, body=body, headers=hdrs)
                res = self.conn.getresponse()
                raw = res.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        out = Response(res.status, res.getheaders(), raw)
        for k, v in out.headers:
            if k.lower() != "set-cookie":
                continue
            pair = v.split(";", 1)[0]
            if "=" not in pair:
                continue
            name, value = pair.split("=", 1)
            attrs = v.lower()
            if value == "" or "max-age=0" in attrs or "expires=thu, 01 jan 1970" in attrs:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()
        if res.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return out

    def get(self, path, lang="en"):
        return self.request("GET", path, lang=lang)


CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


def csrf_of(page_text):
    m = CSRF.search(page_text)
    return m.group(1) if m else ""


def totp(secret_b32, now=None, digits=6, step=30):
    """RFC 6238 (SHA-1), as every authenticator app computes it."""
    s = secret_b32.strip().replace(" ", "").upper()
    key = base64.b32decode(s + "=" * (-len(s) % 8))
    counter = int((now if now is not None else time.time()) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    off = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[off:off + 4])[0] & 0x7FFFFFFF) % (10 ** digits)
    return str(code).zfill(digits)


def sign_in(client, email, password):
    """Password sign-in; the argon2id queue may answer 503 under load: try again."""
    for attempt in range(10):
        page = client.get("/account/sign-in")
        token = csrf_of(page.text)
        if not token:
            die(f"no CSRF token on /account/sign-in (status {page.status})")
        res = client.request("POST", "/account/sign-in", form={"_csrf": token, "email": email, "password": password})
        if res.status == 303:
            return res.header("Location")
        if res.status == 503:
            time.sleep(1 + attempt)
            continue
        die(f"sign-in as {email} answered {res.status}")
    die(f"sign-in as {email} kept answering 503")


def set_up_two_factor(client):
    """Turns on two-factor sign-in for the signed-in account: reads the key from the set-up page and
    answers with the current code, which also makes this session a two-factor one."""
    page = client.get("/account/two-factor")
    if page.status != 200:
        return f"/account/two-factor answered {page.status}"
    m = re.search(r'class="secret">([A-Z2-7 ]+)<', page.text)
    if not m:
        return "no key on /account/two-factor (already on?)"
    secret = m.group(1)
    for _ in range(3):
        res = client.request("POST", "/account/two-factor", form={"_csrf": csrf_of(page.text), "code": totp(secret)})
        if res.status == 200:
            return ""
        # A code of the step just used, or a clock edge: wait for the next step.
        time.sleep(31 - time.time() % 30)
        page = client.get("/account/two-factor")
    return f"the code was refused ({res.status})"


# ---------------------------------------------------------------------------------------------
# HTML: references to subresources, and forms (to save a workshop as it is).

class Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.inline_css = []
        self._in_style = False

    def _add(self, url):
        if url:
            self.urls.append(url.strip())

    @staticmethod
    def _largest_of_srcset(srcset):
        best, best_w = None, -1.0
        for cand in srcset.split(","):
            parts = cand.strip().split()
            if not parts:
                continue
            w = 1.0
            if len(parts) > 1:
                try:
                    w = float(parts[1][:-1])
                except ValueError:
                    w = 1.0
            if w > best_w:
                best, best_w = parts[0], w
        return best

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "style" in a:
            self.inline_css.append(a["style"])
        if tag == "link":
            rel = a.get("rel", "").lower().split()
            if any(r in rel for r in ("stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload", "mask-icon")):
                self._add(a.get("href"))
        elif tag == "script":
            self._add(a.get("src"))
        elif tag in ("img", "source", "input"):
            if tag == "input" and a.get("type", "").lower() != "image":
                return
            srcset = a.get("srcset")
            self._add(self._largest_of_srcset(srcset) if srcset else a.get("src"))
        elif tag == "video":
            self._add(a.get("poster"))
        elif tag == "object":
            self._add(a.get("data"))
        elif tag in ("iframe", "embed"):
            self._add(a.get("src"))
        elif tag == "style":
            self._in_style = True

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)


CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""", re.I)


def css_refs(css):
    return [m.group(2) for m in CSS_URL.finditer(css)] + [m.group(2) for m in CSS_IMPORT.finditer(css)]


class Forms(HTMLParser):
    """The fields of every form, as a browser would submit them (checked boxes, selected options)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {"action": a.get("action", ""), "fields": [], "buttons": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        if tag == "input":
            t = a.get("type", "text").lower()
            if t in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append((a.get("name", ""), a.get("value", "on")))
            elif t in ("submit", "image", "button", "reset", "file"):
                pass
            elif a.get("name"):
                self._form["fields"].append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea = [a.get("name", ""), ""]
        elif tag == "select":
            self._select = {"name": a.get("name", ""), "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            if self._select["first"] is None:
                self._select["first"] = a.get("value", "")
            if "selected" in a:
                self._select["chosen"] = a.get("value", "")
        elif tag == "button":
            self._form["buttons"].append((a.get("name", ""), a.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None and self._form is not None:
            name, text = self._textarea
            if name:
                self._form["fields"].append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            s = self._select
            v = s["chosen"] if s["chosen"] is not None else s["first"]
            if s["name"] and v is not None:
                self._form["fields"].append((s["name"], v))
            self._select = None
        elif tag == "form":
            self._form = None


def forms_of(text):
    p = Forms()
    p.feed(text)
    return p.forms


# ---------------------------------------------------------------------------------------------

class Site:
    def __init__(self, args):
        self.args = args
        self.host, self.port = "127.0.0.1", args.port
        self.origin = f"http://{self.host}:{self.port}"
        self.personas = {}  # name -> Client (None for a persona that could not be set up)
        self.persona_notes = {}
        self.values = {}  # kind -> list of values
        self.value_notes = {}
        self.sub_cache = {}  # absolute URL -> (bytes on the wire, status, content type, [refs])

    def client(self, name):
        return Client(self.host, self.port, name)

    # Accounts ------------------------------------------------------------------------------------
    def set_up_personas(self):
        self.personas["anonymous"] = self.client("anonymous")
        self.personas["anonymous"].get("/")  # a browser's first visit: the CSRF cookie
        for name, email in (("member", self.args.member), ("dro", self.args.dro), ("admin", self.args.admin)):
            if not email:
                continue
            c = self.client(name)
            where = sign_in(c, email, self.args.password)
            if name == "admin":
                note = set_up_two_factor(c)
                if "/sign-in/code" in (where or ""):
                    note = "this admin already has two-factor sign-in on (bench/page-weight needs a fresh database)"
                if note:
                    self.persona_notes[name] = f"two-factor could not be set up: {note}; admin pages not measured"
                    c = None
                elif c.get("/admin").status != 200:
                    self.persona_notes[name] = "two-factor set up but /admin still refused; admin pages not measured"
                    c = None
                else:
                    self.persona_notes[name] = "signed in with two-factor (set up by this script: key read from the set-up page, TOTP computed)"
            elif where is None:
                c = None
            self.personas[name] = c

    # Values for path parameters -------------------------------------------------------------
    def links(self, path, pattern, client=None):
        res = (client or self.personas["anonymous"]).get(path)
        if res.status != 200:
            return []
        seen = []
        for m in re.finditer(pattern, res.text):
            v = html.unescape(m.group(1))
            if v not in seen:
                seen.append(v)
        return seen

    def find_values(self):
        cap = self.args.values
        anon = self.personas["anonymous"]
        self.values["region"] = self.links("/regions", r'href="/regions/([a-z0-9-]+)"')[:cap]
        skip = {"introduction", "plans", "translations", "shared"}
        self.values["workshop"] = [s for s in self.links("/guide", r'href="/guide/([a-z0-9-]+)"') if s not in skip][:cap]
        self.values["resource"] = self.links("/library", r'href="/library/([0-9]+)"')[:cap]
        self.values["theme"] = self.links("/library", r'name="theme" value="([^"]+)"')[:cap]
        files = []
        for rid in self.values["resource"]:
            for f in self.links(f"/library/{rid}", r'href="(/library/[0-9]+/files/[0-9]+)[^"]*"'):
                files.append(f)
        self.values["file"] = files[:cap]
        if not self.values["file"]:
            self.value_notes["file"] = "no library resource of the seeded database has a file"
        member = self.personas.get("member")
        # A session plan with a few workshops in it, and its share link.
        if member is not None and self.values["workshop"]:
            page = member.get("/guide/plans")
            res = member.request("POST", "/guide/plans", form={"_csrf": csrf_of(page.text), "title": "Bench: a two-day session", "slot": "600"})
            m = re.search(r"/guide/plans/([0-9]+)$", res.header("Location"))
            if m:
                plan = m.group(1)
                for slug in self.values["workshop"][:3]:
                    page = member.get(f"/guide/plans/{plan}")
                    member.request("POST", f"/guide/plans/{plan}/items", form={"_csrf": csrf_of(page.text), "action": "add", "item": slug})
                self.values["plan"] = [plan]
                self.values["token"] = self.links(f"/guide/plans/{plan}", r'href="/guide/shared/([0-9a-f]+)"', member)[:1]
            else:
                self.value_notes["plan"] = f"creating a session plan answered {res.status}"
        else:
            self.value_notes["plan"] = "no member account or no workshop"
        admin = self.personas.get("admin")
        if admin is not None:
            page = admin.get("/admin/unions")
            admin.request("POST", "/admin/unions", form={"_csrf": csrf_of(page.text), "name": "Bench Public Services Union",
                                                        "country": "Fiji", "region": self.values["region"][0] if self.values["region"] else "asia-pacific",
                                                        "sector": "health"})
            page = admin.get("/admin/unions")
            m = re.search(r"<td>Bench Public Services Union</td>.*?<td>([0-9]+)</td></tr>", page.text, re.S)
            self.values["union"] = [m.group(1)] if m else []
            if not m:
                self.value_notes["union"] = "the union created here was not listed on /admin/unions"
        else:
            self.value_notes["union"] = "no admin session (unions are created by an admin)"
        # Two saved versions of a workshop, so that /history lists them and /diff compares them.
        editor = self.personas.get("dro") or admin
        self.values["diff"] = []
        if editor is not None and self.values["workshop"]:
            slug = self.values["workshop"][0]
            for note in ("bench: saved as it was", "bench: saved again"):
                page = editor.get(f"/guide/{slug}/edit")
                if page.status != 200:
                    break
                form = next((f for f in forms_of(page.text) if f["action"].endswith("/edit")), None)
                if form is None:
                    break
                fields = [(k, v) for k, v in form["fields"] if k != "note"] + [("note", note), ("op", "save")]
                editor.request("POST", f"/guide/{slug}/edit", form=fields)
            hist = editor.get(f"/guide/{slug}/history")
            m = re.search(r'href="(/guide/[a-z0-9-]+/diff\?from=[0-9]+&(?:amp;)?to=[0-9]+)"', hist.text)
            if m:
                self.values["diff"] = [html.unescape(m.group(1))]
            else:
                self.value_notes["diff"] = "saving a workshop did not give two versions to compare"

    def fill(self, pattern):
        """The concrete paths for a route pattern: a list of paths, or a reason it cannot be filled."""
        names = re.findall(r"\{([^}]+)\}", pattern)
        if pattern in QUERIES:
            return [pattern + q for q in QUERIES[pattern]], ""
        if not names:
            return [pattern], ""
        if pattern.endswith("/diff") and pattern.startswith("/guide/"):
            return (self.values["diff"], "") if self.values["diff"] else ([], self.value_notes.get("diff", "no versions"))
        kinds = []
        for n in names:
            if n.endswith("..."):
                return [], "a file path (static files)"
            if n == "slug" and (pattern.startswith("/regions/") or "/regions/" in pattern):
                kinds.append("region")
            elif n == "slug" and pattern.startswith("/guide/"):
                kinds.append("workshop")
            elif n == "region":
                kinds.append("region")
            elif n == "theme":
                kinds.append("theme")
            elif n == "id" and pattern.startswith("/library/"):
                kinds.append("resource")
            elif n == "file_id":
                kinds.append("file")
            elif n == "plan_id":
                kinds.append("plan")
            elif n == "token":
                kinds.append("token")
            elif n == "union_id":
                kinds.append("union")
            else:
                return [], f"no value known for {{{n}}}"
        if "file" in kinds:
            return (self.values["file"], "") if self.values.get("file") else ([], self.value_notes.get("file", "no file"))
        paths = [pattern]
        for n, k in zip(names, kinds):
            vals = self.values.get(k) or []
            if not vals:
                return [], self.value_notes.get(k, f"no {k} found")
            # Several parameters: the first value for all but the first one.
            use = vals if n == names[0] else vals[:1]
            paths = [p.replace("{" + n + "}", urllib.parse.quote(v, safe="")) for p in paths for v in use]
        return [p + q for p in paths for q in SUFFIXES.get(pattern, [""])], ""

    # Measuring ------------------------------------------------------------------------------
    def fetch_sub(self, client, url):
        """Bytes on the wire, status, and the further references of a subresource (CSS)."""
        if url in self.sub_cache:
            return self.sub_cache[url]
        u = urllib.parse.urlsplit(url)
        path = (u.path or "/") + (("?" + u.query) if u.query else "")
        res = client.get(path)
        refs = []
        if res.status == 200 and res.content_type == "text/css":
            refs = [urllib.parse.urljoin(url, r) for r in css_refs(res.text)]
        out = (len(res.raw), res.status, res.content_type, refs)
        self.sub_cache[url] = out
        return out

    def measure(self, client, path, lang):
        """(status, html bytes, total bytes, requests, notes) or (status, None, ..., reason) when not HTML."""
        full = path if lang == "en" else f"/{lang}" + (path if path != "/" else "/")
        res = client.get(full, lang=lang)
        if res.status in (301, 302, 303, 307, 308):
            return res.status, None, None, None, f"answers {res.status} to {res.header('Location') or '?'}", full
        if res.content_type != "text/html":
            return res.status, None, None, None, f"not an HTML page ({res.content_type or 'no content type'})", full
        page_url = self.origin + full
        parser = Refs()
        parser.feed(res.text)
        pending = [urllib.parse.urljoin(page_url, u) for u in parser.urls]
        for css in parser.inline_css:
            pending += [urllib.parse.urljoin(page_url, u) for u in css_refs(css)]
        html_bytes = len(res.raw)
        total, requests, seen, notes = html_bytes, 1, set(), []
        while pending:
            url = pending.pop(0)
            if url.startswith("data:") or url in seen or url.startswith("#"):
                continue
            seen.add(url)
            u = urllib.parse.urlsplit(url)
            if u.scheme not in ("http", "https"):
                continue
            requests += 1
            if u.netloc != f"{self.host}:{self.port}":
                notes.append(f"third-party: {u.netloc}")
                continue
            size, status, ctype, refs = self.fetch_sub(client, url)
            total += size
            if status != 200:
                notes.append(f"{u.path} answered {status}")
            pending += refs
        return res.status, html_bytes, total, requests, "; ".join(notes), full


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--routes", required=True, help="the output of `avenir routes`")
    ap.add_argument("--password", required=True)
    ap.add_argument("--member", default="")
    ap.add_argument("--dro", default="")
    ap.add_argument("--admin", default="")
    ap.add_argument("--langs", default="en fr es ar")
    ap.add_argument("--values", type=int, default=8, help="at most this many values per path parameter")
    ap.add_argument("--summary", default="")
    args = ap.parse_args()
    langs = [l for l in args.langs.split() if l in LANGS_ALL] or ["en"]

    routes = []
    for line in open(args.routes, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3 and parts[0] in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"):
            routes.append((parts[0], parts[1], parts[2]))
    if not routes:
        die("no routes read from `avenir routes`")

    site = Site(args)
    site.set_up_personas()
    site.find_values()
    order = ["member", "dro", "admin"]

    rows, skipped, posts = [], [], []
    for method, pattern, permission in routes:
        if method != "GET":
            posts.append(f"{method} {pattern}")
            continue
        if pattern.startswith("/static/"):
            skipped.append((pattern, "static files (counted as subresources of the pages that use them)"))
            continue
        paths, why = site.fill(pattern)
        if not paths:
            skipped.append((pattern, why))
            continue
        if permission == "public":
            whos = ["anonymous", "member"]
        else:
            # The least rights that open the page: try each signed-in persona on the first path.
            whos = []
            tried = []
            for who in order:
                c = site.personas.get(who)
                if c is None:
                    continue
                allowed = [p for p in paths if site.measure(c, p, "en")[0] == 200]
                tried.append(f"{who} {'200' if allowed else site.measure(c, paths[0], 'en')[0]}")
                if allowed:
                    whos, paths = [who], allowed
                    break
            if not whos:
                note = "; ".join(v for k, v in site.persona_notes.items() if k == "admin" and "not measured" in v)
                skipped.append((pattern, f"no persona here gets 200 ({', '.join(tried) or 'none signed in'})" + (f"; {note}" if note else "")))
                continue
        not_here = []
        for who in whos:
            c = site.personas.get(who)
            if c is None:
                not_here.append((who, site.persona_notes.get(who, "persona not set up")))
                continue
            variants, reasons = [], set()
            for p in paths:
                for lang in langs:
                    status, hb, tb, nreq, note, full = site.measure(c, p, lang)
                    if hb is None:
                        reasons.add(note.split(" to ")[0] if note.startswith("answers") else note)
                        continue
                    variants.append((status, hb, tb, nreq, note, full))
            if not variants:
                not_here.append((who, "; ".join(sorted(reasons))))
                continue
            rows.append((pattern, who, variants))
        if not_here and len(not_here) == len(whos) and len({r for _, r in not_here}) == 1:
            skipped.append((pattern, not_here[0][1]))
        else:
            skipped += [(f"{pattern} ({who})", r) for who, r in not_here]

    # The table.
    print(f"Page weight: bytes on the wire with Accept-Encoding: gzip (response bodies; headers not counted), "
          f"languages {' '.join(langs)}, up to {args.values} values per path parameter; each row shows the heaviest variant.")
    print(f"Budgets: HTML <= {HTML_BUDGET} bytes (14 KB), everything <= {TOTAL_BUDGET} bytes (50 KB).")
    for k, v in site.persona_notes.items():
        print(f"  {k}: {v}")
    print()
    hdr = f"{'page':<34} {'who':<9} {'status':<9} {'HTML gz':>8} {'total gz':>9} {'req':>4}  {'verdict':<36} heaviest variant (n measured)"
    print(hdr)
    print("-" * len(hdr))
    over, all_rows = [], []
    for pattern, who, variants in rows:
        hv = max(variants, key=lambda v: v[1])
        tv = max(variants, key=lambda v: v[2])
        nreq = max(v[3] for v in variants)
        statuses = sorted({v[0] for v in variants})
        status = ",".join(str(s) for s in statuses)
        problems = []
        if hv[1] > HTML_BUDGET:
            problems.append(f"HTML {kb(hv[1])} > 14 KB")
        if tv[2] > TOTAL_BUDGET:
            problems.append(f"total {kb(tv[2])} > 50 KB")
        verdict = "holds" if not problems else "OVER: " + ", ".join(problems)
        if problems:
            over.append(f"{pattern} ({who}; {hv[5] if hv[1] > HTML_BUDGET else tv[5]})")
        notes = sorted({v[4] for v in variants if v[4]})
        print(f"{pattern:<34} {who:<9} {status:<9} {hv[1]:>8} {tv[2]:>9} {nreq:>4}  {verdict:<36} {hv[5]} ({len(variants)})"
              + (f"  [{'; '.join(notes)}]" if notes else ""))
        all_rows.append((pattern, who, hv, tv, nreq))
    print()
    print("Not measured:")
    for what, why in skipped:
        print(f"  {what}: {why}")
    if posts:
        print(f"  {len(posts)} routes that are not GET (the targets of forms, not pages): {', '.join(posts)}")
    print()
    if not all_rows:
        die("no page could be measured")
    big_html = max(all_rows, key=lambda r: r[2][1])
    big_total = max(all_rows, key=lambda r: r[3][2])
    most_req = max(all_rows, key=lambda r: r[4])
    home = next((r for r in all_rows if r[0] == "/" and r[1] == "anonymous"), None)
    print(f"Largest HTML: {big_html[0]} ({big_html[1]}), {big_html[2][5]}: {big_html[2][1]} bytes gz ({kb(big_html[2][1])}; budget 14 KB)")
    print(f"Largest in all: {big_total[0]} ({big_total[1]}), {big_total[3][5]}: {big_total[3][2]} bytes gz ({kb(big_total[3][2])}; budget 50 KB)")
    print(f"Most requests: {most_req[0]} ({most_req[1]}): {most_req[4]}")
    print(f"Page types measured: {len(all_rows)} rows ({sum(len(r[2]) for r in rows)} pages); over budget: {len(over)}"
          + (": " + "; ".join(over) if over else ""))

    if args.summary:
        def verdict(ok):
            return "holds" if ok else "OVER"
        with open(args.summary, "a", encoding="utf-8") as f:
            def line(figure, value, goal, v):
                f.write(f"page weight\t{figure}\t{value}\t{goal}\t{v}\n")
            if home:
                line("home page (/), anonymous: HTML gz, total gz, requests", f"{kb(home[2][1])}, {kb(home[3][2])}, {home[4]}", "≤ 14 KB, ≤ 50 KB", verdict(home[2][1] <= HTML_BUDGET and home[3][2] <= TOTAL_BUDGET))
            line(f"largest HTML (gz), {big_html[0]} {'signed in as ' + big_html[1] if big_html[1] != 'anonymous' else 'anonymous'}",
                 kb(big_html[2][1]), "≤ 14 KB", verdict(big_html[2][1] <= HTML_BUDGET))
            anon = [r for r in all_rows if r[1] == "anonymous"]
            if anon:
                a = max(anon, key=lambda r: r[2][1])
                line(f"largest HTML (gz) an anonymous reader gets, {a[0]}", kb(a[2][1]), "≤ 14 KB", verdict(a[2][1] <= HTML_BUDGET))
            line(f"largest in all (gz), {big_total[0]} {'signed in as ' + big_total[1] if big_total[1] != 'anonymous' else 'anonymous'}",
                 kb(big_total[3][2]), "≤ 50 KB", verdict(big_total[3][2] <= TOTAL_BUDGET))
            line(f"most requests, {most_req[0]}", str(most_req[4]), "–", "–")
            line(f"page types over budget (of {len(all_rows)})", str(len(over)) + (": " + "; ".join(over) if over else ""), "0", verdict(not over))
            line("GET routes not measured (not HTML, or no value to fill in; see page-weight.txt)", str(len(skipped)), "–", "–")


if __name__ == "__main__":
    main()
