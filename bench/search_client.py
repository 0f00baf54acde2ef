#!/usr/bin/env python3
"""Times library searches one at a time over a keep-alive connection; prints
"p50 p95 p99 | p50 p95 p99 | heap mapped" (milliseconds; memory in MB) for queries without and with facets."""
import argparse
import http.client
import random
import time
import urllib.parse

REGIONS = ["global", "north-america", "europe-caribbean", "asia-pacific", "latin-america", "africa-mena"]
TYPES = ["publication", "guide", "slides", "recording", "audio", "article", "law-policy", "collective-agreement"]
THEMES = ["data-ai", "public-services", "rights", "joint-governance", "bargaining", "solidarity", "coalitions"]


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def memory_mb(pid):
    """The server's private memory (RssAnon: heap, stacks) and the database pages it has mapped
    (RssFile: SQLite's memory map of the file; shared page cache the kernel can drop)."""
    found = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key = line.split(":")[0]
                if key in ("RssAnon", "RssFile"):
                    found[key] = int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return found.get("RssAnon", float("nan")), found.get("RssFile", float("nan"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--pid", type=int, default=0)
    args = ap.parse_args()
    pool = [line.rstrip("\n").split("\t", 1) for line in open(args.queries, encoding="utf-8") if "\t" in line]
    weights = {"en": 45, "fr": 25, "es": 20, "ar": 10}
    rng = random.Random(7)
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)

    def pick():
        lang = rng.choices(list(weights), weights=list(weights.values()))[0]
        return rng.choice([q for l, q in pool if l == lang] or [pool[0][1]]), lang

    def one(facets):
        q, lang = pick()
        params = [("q", q)]
        if facets:
            kinds = rng.sample(["region", "type", "theme"], rng.choice([1, 2]))
            for k in kinds:
                params.append((k, rng.choice({"region": REGIONS, "type": TYPES, "theme": THEMES}[k])))
        path = ("" if lang == "en" else "/" + lang) + "/library/search?" + urllib.parse.urlencode(params)
        t = time.perf_counter()
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        res = conn.getresponse()
        res.read()
        elapsed = (time.perf_counter() - t) * 1000.0
        if res.status != 200:
            raise SystemExit(f"search_client: {path} answered {res.status}")
        return elapsed

    for _ in range(100):  # warm up caches and the connection
        one(False)
    out = []
    for facets in (False, True):
        times = [one(facets) for _ in range(args.count)]
        out.append(f"{percentile(times, 50):6.2f} {percentile(times, 95):6.2f} {percentile(times, 99):6.2f}")
    anon, mapped = memory_mb(args.pid) if args.pid else (float("nan"), float("nan"))
    print(f"{out[0]}   | {out[1]}   | {anon:6.1f} {mapped:7.1f}")


if __name__ == "__main__":
    main()
