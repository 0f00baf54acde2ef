#!/usr/bin/python3
# Browser state for proof/attack's sqlmap targets (standard library only; /usr/bin/python3):
#   attack_login.py --base URL [--email E] [--two-factor] [--form PATH] [--make-plan] [--edit-workshop SLUG]
# Without --email: the anonymous browser's CSRF cookie and the sign-in form's token.
# With --email (password in $ATTACK_PASSWORD): signs in (the CSRF cookie, the form's _csrf and an
# Origin header, as a browser does); with --two-factor, turns on two-factor sign-in for the account
# (reads the key from /account/two-factor, computes the RFC 6238 code, posts it), which an admin
# needs before /admin; with --make-plan, creates a session plan with two workshops in it; with
# --edit-workshop, saves the workshop once through its edit form (a guide editor), so there are two
# versions to diff.
# Prints shell assignments: session=... csrf_cookie=... csrf=... (the _csrf of the form at PATH,
# default /account/sign-in or /guide/plans when signed in) [plan=ID] [diff_from=N diff_to=M].
# Exit 1 with a reason on stderr.
import argparse
import base64
import hashlib
import hmac
import html
import html.parser
import http.client
import os
import re
import struct
import sys
import time
import urllib.parse


class Browser:
    def __init__(self, base):
        self.base = base.rstrip("/")
        u = urllib.parse.urlsplit(self.base)
        self.host, self.port = u.hostname, u.port
        self.cookies = {}

    def request(self, method, path, form=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.base
        conn.request(method, path, body=body, headers=headers)
        res = conn.getresponse()
        data = res.read().decode("utf-8", "replace")
        for name, value in res.getheaders():
            if name.lower() == "set-cookie":
                k, _, v = value.split(";", 1)[0].partition("=")
                self.cookies[k.strip()] = v.strip()
        conn.close()
        return res.status, res.getheader("Location") or "", data


class FormFields(html.parser.HTMLParser):
    """The fields a browser would submit from the first form whose action ends with `action`."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.done = action, False, False
        self.fields, self.textarea, self.select, self.select_first = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (a.get("action") or "").endswith(self.action):
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None]
            self.select_first = None
        elif tag == "option" and self.select is not None:
            if self.select_first is None:
                self.select_first = a.get("value") or ""
            if "selected" in a:
                self.select[1] = a.get("value") or ""

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.fields.append([self.select[0], self.select[1] if self.select[1] is not None else self.select_first or ""])
            self.select = None
        elif tag == "form":
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def token_of(page):
    m = re.search(r'name="_csrf" value="([^"]*)"', page)
    return m.group(1) if m else None


def totp(secret_b32, t=None):
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    counter = int((t if t is not None else time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    off = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[off:off + 4])[0] & 0x7FFFFFFF) % 1000000
    return f"{code:06d}"


def fail(msg):
    print(f"attack_login: {msg}", file=sys.stderr)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--email")
    ap.add_argument("--two-factor", action="store_true")
    ap.add_argument("--form")
    ap.add_argument("--make-plan", action="store_true")
    ap.add_argument("--edit-workshop", metavar="SLUG", help="save the workshop once (a guide editor): a version to diff")
    args = ap.parse_args()
    b = Browser(args.base)

    status, _, page = b.request("GET", "/account/sign-in")
    token = token_of(page)
    if status != 200 or not token:
        fail(f"GET /account/sign-in answered {status} without a _csrf field")
    out = {}
    if args.email:
        password = os.environ.get("ATTACK_PASSWORD", "")
        status, location, _ = b.request("POST", "/account/sign-in",
                                        {"_csrf": token, "email": args.email, "password": password})
        if status != 303 or "avenir_session" not in b.cookies:
            fail(f"signing {args.email} in answered {status} (location {location or '-'})")
        if args.two_factor:
            status, _, page = b.request("GET", "/account/two-factor")
            m = re.search(r'class="secret">([A-Z2-7]+)<', page)
            if status != 200 or not m:
                fail(f"GET /account/two-factor answered {status} without the key")
            secret = m.group(1)
            # A code in its last seconds may expire on the way: wait for a fresh step.
            if time.time() % 30 > 25:
                time.sleep(30 - time.time() % 30 + 0.5)
            status, _, page = b.request("POST", "/account/two-factor", {"_csrf": token_of(page), "code": totp(secret)})
            if status != 200 or "recovery" not in page.lower():
                fail(f"turning two-factor sign-in on answered {status}")
        if args.make_plan:
            status, _, page = b.request("GET", "/guide/plans")
            status, location, _ = b.request("POST", "/guide/plans",
                                            {"_csrf": token_of(page), "title": "Attack drill plan", "slot": "180"})
            m = re.search(r"/guide/plans/(\d+)$", location)
            if status != 303 or not m:
                fail(f"creating a plan answered {status} (location {location or '-'})")
            out["plan"] = m.group(1)
            # Two items, so reordering has something to move.
            for item in ("why-data-and-ai-matter", "workers-data-rights"):
                status, location, _ = b.request("POST", f"/guide/plans/{out['plan']}/items",
                                                {"_csrf": token_of(page), "action": "add", "item": item})
                if status != 303:
                    fail(f"adding {item} to the plan answered {status}")
        if args.edit_workshop:
            path = f"/guide/{args.edit_workshop}/edit"
            status, _, page = b.request("GET", path)
            parser = FormFields(path)
            parser.feed(page)
            fields = [(k, v) for k, v in parser.fields]
            if status != 200 or not any(k == "_csrf" for k, _ in fields):
                fail(f"GET {path} answered {status} without the edit form")
            fields = [(k, v + " (attack drill)" if k == "summary" else v) for k, v in fields]
            fields += [("note", "attack drill"), ("op", "save")]
            status, location, _ = b.request("POST", path, fields)
            if status != 303:
                fail(f"saving {path} answered {status}")
            status, _, page = b.request("GET", f"/guide/{args.edit_workshop}/history")
            m = re.search(r'/diff\?from=(\d+)&amp;to=(\d+)"', page)
            if not m:
                fail(f"no diff link on /guide/{args.edit_workshop}/history after a save")
            out["diff_from"], out["diff_to"] = m.group(1), m.group(2)
        form = args.form or "/guide/plans"
        status, _, page = b.request("GET", form)
        token = token_of(page)
        if status != 200 or not token:
            fail(f"GET {form} (signed in) answered {status} without a _csrf field")
        out["session"] = b.cookies["avenir_session"]
    out["csrf_cookie"] = b.cookies.get("avenir_csrf", "")
    out["csrf"] = token
    for k, v in out.items():
        if not re.fullmatch(r"[A-Za-z0-9_\-]*", v):
            fail(f"unexpected characters in {k}")
        print(f"{k}={v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
