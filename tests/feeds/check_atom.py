#!/usr/bin/python3
"""Check an Atom 1.0 feed the way a real reader sees it, using feedparser (Debian: python3-feedparser).

Usage: tests/feeds/check_atom.py FILE_OR_URL [--min-entries N]

Exits 0 and prints "ok: atom10, N entries" when the feed parses cleanly (no bozo), is Atom 1.0, has a title, id and
updated date, and every entry has a title, id, a parseable updated date and at least one link with an href.
Exits 1 with one "error: ..." line per problem otherwise, 2 on usage errors or when feedparser is missing.
"""

import argparse
import sys

try:
    import feedparser
except ImportError:
    print("error: the Python module feedparser is missing (Debian: apt-get install python3-feedparser)", file=sys.stderr)
    sys.exit(2)


def load(source):
    # feedparser treats a string that is not a URL or an existing file as the feed text itself, which would turn a
    # typo in a path into a confusing "not a feed" error: read files ourselves and only hand URLs over as strings.
    if source.startswith(("http://", "https://")):
        return feedparser.parse(source)
    with open(source, "rb") as f:
        return feedparser.parse(f.read())


def problems(d, min_entries):
    if d.get("bozo"):
        yield f"not well-formed: {d.get('bozo_exception')!r}"
    if d.get("version") != "atom10":
        yield f"version is {d.get('version')!r}, expected 'atom10'"
    feed = d.get("feed", {})
    for key in ("title", "id", "updated"):
        if not feed.get(key):
            yield f"feed lacks {key}"
    if feed.get("updated") and not feed.get("updated_parsed"):
        yield f"feed updated {feed.get('updated')!r} is not a parseable date"
    entries = d.get("entries", [])
    if len(entries) < min_entries:
        yield f"{len(entries)} entries, expected at least {min_entries}"
    for i, e in enumerate(entries):
        name = f"entry {i} ({e.get('id') or e.get('title') or 'untitled'})"
        for key in ("title", "id"):
            if not e.get(key):
                yield f"{name} lacks {key}"
        if not e.get("updated_parsed"):
            yield f"{name} lacks a parseable updated date (updated={e.get('updated')!r})"
        if not any(link.get("href") for link in e.get("links", [])):
            yield f"{name} has no link with an href"


def main():
    ap = argparse.ArgumentParser(description="Check an Atom 1.0 feed with feedparser.")
    ap.add_argument("source", metavar="FILE_OR_URL")
    ap.add_argument("--min-entries", type=int, default=0, metavar="N")
    args = ap.parse_args()
    try:
        d = load(args.source)
    except OSError as e:
        print(f"error: {args.source}: cannot read: {e}", file=sys.stderr)
        return 1
    found = list(problems(d, args.min_entries))
    for p in found:
        print(f"error: {args.source}: {p}", file=sys.stderr)
    if found:
        return 1
    n = len(d.entries)
    print(f"ok: {d.version}, {n} {'entry' if n == 1 else 'entries'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
