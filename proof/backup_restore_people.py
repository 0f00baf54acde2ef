# What the backup-restore drill's clients share (standard library only; imported by
# proof/backup_restore_lib.py and proof/backup_restore_compare.py): the people, their browser (the
# HTTP client of proof/drill_http.py with this drill's token and post helpers), two-factor sign-in and
# the STATE file.
import base64
import hashlib
import hmac
import html
import json
import os
import random
import re
import struct
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drill_http  # noqa: E402
from drill_http import Fail  # noqa: E402

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


# ---- HTTP ------------------------------------------------------------------------------------
class Client(drill_http.Client):
    """One person's browser (proof/drill_http.py), with the token and post helpers of this drill."""

    BOUNDARY = "----brst"

    def __init__(self, base, cookies=None, timeout=20):
        super().__init__(base, cookies, timeout)

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
