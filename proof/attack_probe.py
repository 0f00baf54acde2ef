#!/usr/bin/python3
# The "other visitors" of proof/attack's slow-client drill (standard library only; /usr/bin/python3):
#   attack_probe.py --base URL --cookie SESSION --stop FILE [--interval 0.5] [--timeout 2]
# Every interval, on a new connection each time (as a new visitor would come), fetches GET / and
# GET /guide/plans with the signed-in reader's session cookie (rendered for that person, so it
# reaches a handler thread and the database), each with a timeout. Runs until FILE exists.
# Prints one line per failed fetch ("miss PATH reason after MS ms") as it happens, then
# "probe: fetches=N ok=K max_ms=X p99_ms=Y p50_ms=Z" where a fetch is ok when it answered 200 within
# the timeout (the latencies are those of every fetch, failed ones counted at the time they took).
import argparse
import http.client
import os
import sys
import threading
import time


def fetch(host, port, path, cookie, timeout):
    """(ok, ms, reason)."""
    start = time.monotonic()
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        headers = {"Connection": "close"}
        if cookie:
            headers["Cookie"] = "avenir_session=" + cookie
        conn.request("GET", path, headers=headers)
        res = conn.getresponse()
        body = res.read()
        ms = (time.monotonic() - start) * 1000
        if res.status != 200:
            return False, ms, f"status {res.status}"
        if cookie and b'href="/account"' not in body:
            return False, ms, "answered 200 but not signed in"
        if ms > timeout * 1000:
            return False, ms, "too slow"
        return True, ms, ""
    except Exception as e:  # timeout, refused, reset
        return False, (time.monotonic() - start) * 1000, type(e).__name__ + (f" {e}" if str(e) else "")
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--cookie", required=True)
    ap.add_argument("--stop", required=True)
    ap.add_argument("--interval", type=float, default=0.5)
    ap.add_argument("--timeout", type=float, default=2.0)
    args = ap.parse_args()
    hostport = args.base.split("://", 1)[1].rstrip("/")
    host, port = hostport.rsplit(":", 1)
    port = int(port)

    lock = threading.Lock()
    times, oks = [], 0

    def one(path, cookie):
        nonlocal oks
        ok, ms, reason = fetch(host, port, path, cookie, args.timeout)
        with lock:
            times.append(ms)
            oks += ok
            if not ok:
                print(f"miss {path} {reason} after {ms:.0f} ms", flush=True)

    threads = []
    next_at = time.monotonic()
    while not os.path.exists(args.stop):
        # Both fetches start together; a slow answer does not delay the next round.
        for path, cookie in (("/", ""), ("/guide/plans", args.cookie)):
            t = threading.Thread(target=one, args=(path, cookie), daemon=True)
            t.start()
            threads.append(t)
        next_at += args.interval
        time.sleep(max(0.0, next_at - time.monotonic()))
    for t in threads:
        t.join(args.timeout + 5)
    with lock:
        s = sorted(times)
    if not s:
        print("probe: fetches=0 ok=0 max_ms=0 p99_ms=0 p50_ms=0")
        return 1

    def pct(p):
        return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]

    print(f"probe: fetches={len(s)} ok={oks} max_ms={s[-1]:.1f} p99_ms={pct(99):.1f} p50_ms={pct(50):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
