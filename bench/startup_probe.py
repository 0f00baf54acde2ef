#!/usr/bin/env python3
"""Start-up time for bench/startup-memory: polls a server just started (every 2 ms: connect, GET)
until /healthz and then / answer 200; prints "healthz_ms home_ms" measured from --since (the epoch
time, in seconds, taken just before the server was exec'd). Exits 1 if the server process ends or
--timeout passes first.

With --lua FILE, writes instead a wrk script that asks for library searches picked at random from
the queries file (avenir-demo --queries: lang<TAB>query), in the query's language, most with a facet
filter and one of the first three pages."""
import argparse
import http.client
import os
import sys
import time
import urllib.parse


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        res = conn.getresponse()
        res.read()
        return res.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        conn.close()


def alive(pid):
    if not pid:
        return True
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie has exited
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def write_lua(queries, out):
    paths = []
    for line in open(queries, encoding="utf-8"):
        if "\t" not in line:
            continue
        lang, q = line.rstrip("\n").split("\t", 1)
        prefix = "" if lang == "en" else "/" + lang
        paths.append(prefix + "/library/search?" + urllib.parse.urlencode({"q": q}))
    with open(out, "w", encoding="utf-8") as f:
        f.write("-- library searches at random (written by bench/startup_probe.py)\n")
        f.write("local paths = {\n")
        for p in paths:
            f.write('  "' + p.replace("\\", "\\\\").replace('"', '\\"') + '",\n')
        f.write("}\n")
        # A facet filter on most of them, so that few searches are page-cache hits (as with real readers).
        f.write('local facets = {"", "&region=asia-pacific", "&region=europe-caribbean", "&region=africa-mena", "&type=publication",\n'
                '  "&type=guide", "&type=slides", "&theme=1", "&theme=3", "&theme=5", "&region=latin-america&type=article"}\n')
        f.write('math.randomseed(os.time())\n')
        f.write('request = function()\n'
                '  local p = paths[math.random(#paths)] .. facets[math.random(#facets)] .. "&page=" .. math.random(3)\n'
                '  return wrk.format("GET", p, {["Accept-Encoding"] = "gzip"})\nend\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int)
    ap.add_argument("--since", type=float)
    ap.add_argument("--pid", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--lua", default="")
    ap.add_argument("--queries", default="")
    args = ap.parse_args()
    if args.lua:
        write_lua(args.queries, args.lua)
        return
    marks = {}
    for path in ("/healthz", "/"):
        while True:
            if get(args.port, path) == 200:
                marks[path] = (time.time() - args.since) * 1000.0
                break
            if not alive(args.pid):
                print(f"startup_probe: the server exited before {path} answered 200", file=sys.stderr)
                sys.exit(1)
            if time.time() - args.since > args.timeout:
                print(f"startup_probe: {path} did not answer 200 within {args.timeout:.0f} s", file=sys.stderr)
                sys.exit(1)
            time.sleep(0.002)
    print(f"{marks['/healthz']:.1f} {marks['/']:.1f}")


if __name__ == "__main__":
    main()
