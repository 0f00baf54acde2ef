# HTTP helpers shared by the drills' Python clients (standard library only; imported by
# proof/kill9_writer.py, proof/kill9_verify.py, proof/disk_full_client.py and proof/backup_restore_*.py,
# which put their own folder on sys.path):
#   Client     one person's browser: cookies, the Origin header on writes (url-encoded or multipart),
#              a new connection per request; raises Fail when no answer comes back
#   Http       the same over a kept-alive connection, for the kill -9 writers: raises Down when it
#              could not connect (nothing was sent) and Broken when an answer did not come back whole
#   FormParser the fields a browser would submit from a page's form; csrf_of, a page's form token
import html.parser
import http.client
import re
import urllib.parse
import uuid


class Fail(Exception):
    """A drill step went wrong: the client prints "FAIL <reason>" and exits 1."""


class Down(Exception):
    """Could not connect: nothing was sent."""


class Broken(Exception):
    """The request may have reached the server, but no complete answer came back."""


def request_headers(cookies, extra=None):
    headers = {"Accept-Language": "en", **(extra or {})}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    return headers


def encode_body(headers, origin, form=None, files=None, boundary_prefix="----drill"):
    """The body of a write (None for none): multipart when there are files, else url-encoded. Sets
    Content-Type and Origin in headers."""
    if files is not None:
        boundary = boundary_prefix + uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in form or []]
        for k, (name, ctype, data) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n'
                         f"Content-Type: {ctype}\r\n\r\n".encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        headers["Origin"] = origin
        return b"".join(parts)
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = origin
        return urllib.parse.urlencode(form).encode()
    return None


def store_cookies(cookies, msg):
    """Applies an answer's Set-Cookie headers to the cookie jar (a dict), as a browser would."""
    for c in msg.get_all("Set-Cookie") or []:
        name, _, value = c.split(";", 1)[0].partition("=")
        if "max-age=0" in c.lower().replace(" ", "") or value == "":
            cookies.pop(name.strip(), None)
        else:
            cookies[name.strip()] = value.strip()


class Client:
    """One person's browser: cookies, the Origin header on writes, a new connection per request."""

    BOUNDARY = "----drill"  # multipart boundaries start so (each drill names its own)

    def __init__(self, base, cookies=None, timeout=20):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.origin, self.timeout = u.hostname, u.port, f"{u.scheme}://{u.netloc}", timeout
        self.cookies = dict(cookies or {})

    def request(self, method, path, form=None, files=None):
        """Returns (status, headers, body bytes); raises Fail when no answer came back."""
        headers = request_headers(self.cookies, {"Connection": "close"})
        body = encode_body(headers, self.origin, form, files, self.BOUNDARY)
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
        except (OSError, http.client.HTTPException) as e:
            raise Fail(f"{method} {path}: no answer ({type(e).__name__}: {e})")
        finally:
            conn.close()
        store_cookies(self.cookies, r.msg)
        return r.status, r.msg, data


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
        headers = request_headers(self.cookies)
        body = encode_body(headers, self.origin, form)
        if on_sent:
            on_sent()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            r = self.conn.getresponse()
            data = r.read()  # IncompleteRead when the answer was cut short
        except (OSError, http.client.HTTPException) as e:
            self.close()
            raise Broken(f"{type(e).__name__}: {e}".strip())
        store_cookies(self.cookies, r.msg)
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
