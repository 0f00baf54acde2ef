#!/usr/bin/env python3
"""Page weight for bench/page-weight: the measuring client's HTTP (a cookie jar, no redirects
followed, bodies kept as sent), signing in, CSRF tokens and two-factor set-up (TOTP), and the
personas (anonymous, member, dro, admin) the pages are measured as."""
import base64
import gzip
import hashlib
import hmac
import http.client
import re
import struct
import sys
import time
import urllib.parse
import zlib


def die(msg):
    print(f"bench/page-weight: {msg}", file=sys.stderr)
    sys.exit(1)


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



class Personas:
    """Part of Site (page_weight.py): the signed-in clients. Uses self.args, self.client(),
    self.personas and self.persona_notes."""

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
