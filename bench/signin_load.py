#!/usr/bin/env python3
"""Real sign-ins at a steady rate, for bench/http's sign-in mix: each one fetches the sign-in form
(CSRF cookie and token), then posts the e-mail address and password, so the server verifies an
argon2id hash every time. Runs until killed or for --seconds; prints "attempted ok rate/s" at the
end (ok: answered 303, i.e. signed in)."""
import argparse
import http.client
import re
import signal
import threading
import time
import urllib.parse

TOKEN = re.compile(r'name="_csrf" value="([^"]+)"')


def sign_in(host, port, email, password):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("GET", "/account/sign-in")
        res = conn.getresponse()
        page = res.read().decode("utf-8", "replace")
        cookies = [h.split(";", 1)[0] for k, h in res.getheaders() if k.lower() == "set-cookie"]
        match = TOKEN.search(page)
        if not match:
            return False
        body = urllib.parse.urlencode({"_csrf": match.group(1), "email": email, "password": password})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{host}:{port}",
                   "Cookie": "; ".join(cookies)}
        conn.request("POST", "/account/sign-in", body=body, headers=headers)
        res = conn.getresponse()
        res.read()
        return res.status == 303
    except OSError:
        return False
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--email", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--rate", type=float, default=20.0, help="sign-ins started per second")
    ap.add_argument("--seconds", type=float, default=0, help="stop after this long (0: until killed)")
    args = ap.parse_args()

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    lock = threading.Lock()
    counts = {"attempted": 0, "ok": 0}

    def one():
        ok = sign_in(args.host, args.port, args.email, args.password)
        with lock:
            counts["attempted"] += 1
            counts["ok"] += int(ok)

    start = time.monotonic()
    n = 0
    threads = []
    while not stop.is_set():
        if args.seconds and time.monotonic() - start >= args.seconds:
            break
        # A steady schedule: the n-th sign-in starts at start + n / rate, whatever the others do.
        due = start + n / args.rate
        delay = due - time.monotonic()
        if delay > 0 and stop.wait(delay):
            break
        t = threading.Thread(target=one, daemon=True)
        t.start()
        threads.append(t)
        threads = [x for x in threads if x.is_alive()]
        n += 1
    for t in threads:
        t.join(timeout=30)
    elapsed = max(time.monotonic() - start, 1e-9)
    print(f"{counts['attempted']} {counts['ok']} {counts['ok'] / elapsed:.1f}", flush=True)


if __name__ == "__main__":
    main()
