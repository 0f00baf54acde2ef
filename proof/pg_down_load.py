#!/usr/bin/python3
# The client side of proof/pg-down (standard library only; run with /usr/bin/python3).
#   pg_down_load.py run   --base URL --log FILE --stop FILE --reader EMAIL --writer EMAIL
#                         [--readers N] [--writers N] [--timeout S]
#       signs the people in (password from PG_DOWN_PASSWORD), then load until FILE exists: reader
#       threads fetch pages rendered for them (/guide/plans, /account, one of their plans, /guide as a
#       signed-in person) and anonymous public pages (/, /library, /guide, a workshop); writer threads
#       save plans and create library resources. Every request is one JSON line in the log: start
#       and end time, what, status, Retry-After, and "error" when no answer came back within the
#       timeout. A status line "started" is printed once everyone is signed in.
#   pg_down_load.py check --log FILE --events FILE --max-latency S --recover S
#       judges the log against the outages (FILE: lines "cycle event unix-time"; events stop,
#       stopped, start, started; and "cycle mode fast|immediate"): no 500 and no answer slower than S (or none at all) at any time;
#       while PostgreSQL is down only 503 with Retry-After, or 200 for an anonymous public page;
#       from S (recover) seconds after PostgreSQL is back, nothing but success; each cycle has
#       answers during the outage and writes that succeed after it. Prints figures per cycle, then
#       "ok ..." or "FAIL reason".
import argparse
import collections
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
import uuid

PASSWORD = os.environ.get("PG_DOWN_PASSWORD", "")
LP = r"^(?:/(?:en|fr|es|ar))?"
# Internals that must never reach a person's screen.
LEAKS = re.compile(r"postgres|sqlstate|connection to server|std::|exception|127\.0\.0\.1", re.I)


class Client:
    """One browser: cookies, Origin on writes, a kept-alive connection (a new one after any error)."""

    def __init__(self, base, timeout):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.origin, self.timeout = u.hostname, u.port, f"{u.scheme}://{u.netloc}", timeout
        self.cookies, self.conn = {}, None

    def request(self, method, path, form=None):
        headers = {"Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            r = self.conn.getresponse()
            data = r.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise
        if r.will_close:
            self.conn.close()
            self.conn = None
        for c in r.msg.get_all("Set-Cookie") or []:
            name, _, value = c.split(";", 1)[0].partition("=")
            if "max-age=0" in c.lower().replace(" ", "") or value == "":
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()
        return r.status, r.msg, data

    def csrf(self, path):
        status, _, page = self.request("GET", path)
        m = re.search(rb'name="_csrf" value="([^"]*)"', page)
        if status != 200 or not m:
            raise RuntimeError(f"GET {path}: {status}, no form token")
        return m.group(1).decode()

    def sign_in(self, email):
        token = self.csrf("/account/sign-in")
        status, headers, _ = self.request("POST", "/account/sign-in", [("_csrf", token), ("next", ""), ("email", email), ("password", PASSWORD)])
        if status != 303 or "avenir_session" not in self.cookies:
            raise RuntimeError(f"could not sign {email} in: {status} {headers.get('Location')}")


class Log:
    def __init__(self, path):
        self.f = open(path, "a", buffering=1)
        self.lock = threading.Lock()

    def write(self, **rec):
        with self.lock:
            self.f.write(json.dumps(rec) + "\n")


def timed(log, client, who, kind, method, path, form=None, expect=None):
    t0 = time.time()
    rec = {"t0": round(t0, 3), "who": who, "kind": kind, "method": method, "path": re.sub(r"\d+", "N", path)}
    try:
        status, headers, data = client.request(method, path, form)
    except (OSError, http.client.HTTPException) as e:
        rec.update(t1=round(time.time(), 3), status=None, error=f"{type(e).__name__}: {e}"[:120])
        log.write(**rec)
        return None, None, b""
    rec.update(t1=round(time.time(), 3), status=status)
    if headers.get("Retry-After"):
        rec["retry_after"] = headers.get("Retry-After")
    if status == 303:
        loc = urllib.parse.urlsplit(headers.get("Location") or "").path
        rec["location"] = re.sub(r"\d+", "N", loc)
        if expect:
            rec["ok"] = bool(re.search(expect, loc))
    elif status >= 500:
        h1 = re.search(rb"<h1[^>]*>([^<]*)</h1>", data)
        p = re.search(rb"</h1>\s*<p[^>]*>([^<]*)</p>", data)
        rec["heading"] = h1.group(1).decode("utf-8", "replace")[:80] if h1 else ""
        rec["message"] = p.group(1).decode("utf-8", "replace")[:160] if p else ""
    log.write(**rec)
    return status, headers, data


def reader(a, log, stop, n, ready):
    c = Client(a.base, a.timeout)
    c.sign_in(a.reader)
    token = c.csrf("/guide/plans")
    status, headers, _ = c.request("POST", "/guide/plans", [("_csrf", token), ("title", f"pg-down reader plan {n}"), ("slot", "90")])
    plan = urllib.parse.urlsplit(headers.get("Location") or "").path
    anon = Client(a.base, a.timeout)
    ready.release()
    pages = ["/guide/plans", "/account", plan, "/guide"]
    public = ["/", "/library", "/guide", "/guide/introduction"]
    i = 0
    while not os.path.exists(stop):
        timed(log, c, "reader", "signed-in", "GET", pages[i % len(pages)])
        if i % 2 == 0:
            timed(log, anon, "anonymous", "public", "GET", public[(i // 2) % len(public)])
        i += 1
        time.sleep(0.05)


def writer(a, log, stop, n, ready):
    c = Client(a.base, a.timeout)
    c.sign_in(a.writer)
    token = c.csrf("/guide/plans")
    ready.release()
    i = 0
    while not os.path.exists(stop):
        marker = f"pgdown{uuid.uuid4().hex[:12]}"
        if i % 2 == 0:
            timed(log, c, "writer", "write", "POST", "/guide/plans", [("_csrf", token), ("title", marker), ("slot", "60")],
                  LP + r"/guide/plans/\d+$")
        else:
            form = [("_csrf", token), ("type", "article"), ("date", "2021-06-01"), ("publisher", marker), ("licence", ""), ("url", ""),
                    ("duration_minutes", ""), ("regions", "asia-pacific"), ("themes", "rights"), ("title_en", f"{marker} outage drill"),
                    ("summary_en", "During an outage."), ("body_en", "Body. " * 40)]
            timed(log, c, "writer", "write", "POST", "/library/new", form, LP + r"/library/\d+$")
        i += 1
        time.sleep(0.2)


def cmd_run(a):
    log = Log(a.log)
    ready = threading.Semaphore(0)
    errors = []

    def guard(fn, *args):
        def run():
            try:
                fn(*args)
            except Exception as e:  # a thread that could not start: reported, the run fails
                errors.append(f"{fn.__name__}: {type(e).__name__}: {e}")
                ready.release()
        return threading.Thread(target=run, daemon=True)

    threads = [guard(reader, a, log, a.stop, i, ready) for i in range(a.readers)]
    threads += [guard(writer, a, log, a.stop, i, ready) for i in range(a.writers)]
    for t in threads:
        t.start()
    for _ in threads:
        ready.acquire()
    if errors:
        print("FAIL " + errors[0], flush=True)
        with open(a.stop, "w"):
            pass
        return 1
    print("started", flush=True)
    for t in threads:
        t.join()
    if errors:
        print("FAIL " + errors[0], flush=True)
        return 1
    return 0


def cmd_check(a):
    recs = [json.loads(line) for line in open(a.log)]
    events = collections.defaultdict(dict)
    for line in open(a.events):
        cycle, event, value = line.split()
        events[int(cycle)][event] = value if event == "mode" else float(value)
    problems = []
    note = lambda p: problems.append(p) if len(problems) < 200 else None
    for r in recs:
        took = r["t1"] - r["t0"]
        what = f"{r['method']} {r['path']} ({r['kind']})"
        if r.get("error"):
            note(f"{what} at {r['t0']:.1f}: no answer after {took:.1f} s ({r['error']})")
        elif r["status"] == 500:
            note(f"{what} at {r['t0']:.1f}: 500 {r.get('message', '')!r}")
        elif took > a.max_latency:
            note(f"{what} at {r['t0']:.1f}: {r['status']} after {took:.1f} s")
        elif r["status"] == 503 and not r.get("retry_after"):
            note(f"{what} at {r['t0']:.1f}: 503 without Retry-After")
        elif r["status"] == 503 and (not r.get("heading") or len(r.get("message", "").split()) < 4 or LEAKS.search(r["heading"] + r["message"])):
            note(f"{what} at {r['t0']:.1f}: 503 without a readable message ({r.get('heading')!r}: {r.get('message')!r})")
    first_t = min(r["t0"] for r in recs)
    lines = []
    for cycle in sorted(events):
        e = events[cycle]
        down = [r for r in recs if r["t0"] >= e["stopped"] and r["t1"] <= e["start"]]
        # While down: 503 with Retry-After, or an anonymous public page from the cache.
        for r in down:
            if r["status"] == 503 or (r["status"] == 200 and r["kind"] == "public"):
                continue
            if r["status"] in (None, 500):
                continue  # reported above
            note(f"cycle {cycle}: {r['method']} {r['path']} ({r['kind']}) answered {r['status']}"
                 f"{' ' + r.get('location', '') if r['status'] == 303 else ''} while PostgreSQL was down")
        by = collections.Counter(f"{r['kind']} {r['status']}" for r in down)
        if not any(r["kind"] in ("signed-in", "write") for r in down):
            note(f"cycle {cycle}: no signed-in request or write was answered while PostgreSQL was down")
        # Back: from `recover` seconds after PostgreSQL answers again, success only.
        settled = e["started"] + a.recover
        nxt = events.get(cycle + 1, {}).get("stop", float("inf"))
        after = [r for r in recs if r["t0"] >= settled and r["t1"] <= nxt]
        for r in after:
            good = r["status"] == 200 or (r["status"] == 303 and r.get("ok", True) and r["kind"] == "write")
            if not good and r["status"] not in (None, 500):
                note(f"cycle {cycle}: {r['method']} {r['path']} ({r['kind']}) answered {r['status']}"
                     f"{' ' + r.get('location', '') if r['status'] == 303 else ''} {r['t0'] - e['started']:.1f} s after PostgreSQL was back")
        back = [r for r in recs if r["t0"] >= e["started"] and r["t1"] <= nxt]
        first_read = next((r["t1"] - e["started"] for r in back if r["kind"] == "signed-in" and r["status"] == 200), None)
        first_write = next((r["t1"] - e["started"] for r in back if r["kind"] == "write" and r["status"] == 303 and r.get("ok")), None)
        if first_write is None:
            note(f"cycle {cycle}: no write succeeded after PostgreSQL came back")
        if first_read is None:
            note(f"cycle {cycle}: no signed-in page answered 200 after PostgreSQL came back")
        lines.append(f"cycle {cycle} ({e.get('mode', '')}): down {e['start'] - e['stopped']:.1f} s, {len(down)} answers meanwhile "
                     f"({', '.join(f'{k}: {v}' for k, v in sorted(by.items()))}); after the start: first signed-in 200 in "
                     f"{first_read if first_read is None else round(first_read, 2)} s, first write in "
                     f"{first_write if first_write is None else round(first_write, 2)} s")
    for line in lines:
        print("pg-down: " + line)
    total = collections.Counter(str(r["status"]) for r in recs)
    pages = collections.Counter(f"{r['kind']}: {r.get('heading')!r}" for r in recs if r["status"] == 503)
    print("pg-down: 503 pages by heading: " + ", ".join(f"{k} x{v}" for k, v in sorted(pages.items())))
    for p in problems[:12]:
        print("pg-down:   " + p)
    if problems:
        kinds = collections.Counter(re.sub(r" at [\d.]+| \d+\.\d s after.*|cycle \d+: |'.*'|\(.*?\)", "", p).strip() for p in problems)
        top = "; ".join(f"{k} (x{v})" for k, v in kinds.most_common(3))
        print(f"FAIL {len(problems)} problem(s) in {len(recs)} answers: {top}")
        return 1
    print(f"ok {len(recs)} requests over {recs[-1]['t1'] - first_t:.0f} s ({', '.join(f'{k}: {v}' for k, v in sorted(total.items()))}), "
          f"none slower than {a.max_latency:g} s, no 500")
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--base", required=True)
    r.add_argument("--log", required=True)
    r.add_argument("--stop", required=True)
    r.add_argument("--reader", required=True)
    r.add_argument("--writer", required=True)
    r.add_argument("--readers", type=int, default=4)
    r.add_argument("--writers", type=int, default=2)
    r.add_argument("--timeout", type=float, default=15)
    c = sub.add_parser("check")
    c.add_argument("--log", required=True)
    c.add_argument("--events", required=True)
    c.add_argument("--max-latency", type=float, default=5)
    c.add_argument("--recover", type=float, default=5)
    a = ap.parse_args()
    return cmd_run(a) if a.cmd == "run" else cmd_check(a)


if __name__ == "__main__":
    sys.exit(main())
