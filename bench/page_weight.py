#!/usr/bin/env python3
"""Page weight for bench/page-weight: every GET route of `avenir routes` that answers an HTML page,
fetched as a browser would (Accept-Encoding: gzip) anonymous and signed in, with the subresources
its HTML references (stylesheets, scripts, images, icons, fonts, CSS url() and @import), counting
the bytes on the wire (bodies as sent, compressed when the server compresses) and the requests.

Personas: anonymous, and signed-in accounts of increasing rights (member, dro, admin with two-factor
sign-in set up here, as an admin must). A public page is measured anonymous and as the member; any
other page as the first persona that gets 200 (the least rights that open it). Path parameters are
filled with real values found on the site (list pages, links) or created here (a session plan and
its share link, a union, two saved versions of a workshop for the diff page). Each page type is
measured for every value found (capped) and every language asked for; the row shows the heaviest.

Prints the table on stdout; with --summary FILE appends the headline lines for bench/run-all.
Exits 1 only when something could not be set up (a sign-in failed, the route table is unreadable)."""
import argparse
import os
import re
import sys
import urllib.parse
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_weight_fill import Values  # noqa: E402
from page_weight_session import Client, Personas, die  # noqa: E402


HTML_BUDGET = 14 * 1024
TOTAL_BUDGET = 50 * 1024
LANGS_ALL = ["en", "fr", "es", "ar"]


def kb(n):
    return f"{n / 1024:.1f} KB"


# ---------------------------------------------------------------------------------------------
# HTML: references to subresources.

class Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.inline_css = []
        self._in_style = False

    def _add(self, url):
        if url:
            self.urls.append(url.strip())

    @staticmethod
    def _largest_of_srcset(srcset):
        best, best_w = None, -1.0
        for cand in srcset.split(","):
            parts = cand.strip().split()
            if not parts:
                continue
            w = 1.0
            if len(parts) > 1:
                try:
                    w = float(parts[1][:-1])
                except ValueError:
                    w = 1.0
            if w > best_w:
                best, best_w = parts[0], w
        return best

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "style" in a:
            self.inline_css.append(a["style"])
        if tag == "link":
            rel = a.get("rel", "").lower().split()
            if any(r in rel for r in ("stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload", "mask-icon")):
                self._add(a.get("href"))
        elif tag == "script":
            self._add(a.get("src"))
        elif tag in ("img", "source", "input"):
            if tag == "input" and a.get("type", "").lower() != "image":
                return
            srcset = a.get("srcset")
            self._add(self._largest_of_srcset(srcset) if srcset else a.get("src"))
        elif tag == "video":
            self._add(a.get("poster"))
        elif tag == "object":
            self._add(a.get("data"))
        elif tag in ("iframe", "embed"):
            self._add(a.get("src"))
        elif tag == "style":
            self._in_style = True

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)


CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""", re.I)


def css_refs(css):
    return [m.group(2) for m in CSS_URL.finditer(css)] + [m.group(2) for m in CSS_IMPORT.finditer(css)]


class Site(Personas, Values):
    def __init__(self, args):
        self.args = args
        self.host, self.port = "127.0.0.1", args.port
        self.origin = f"http://{self.host}:{self.port}"
        self.personas = {}  # name -> Client (None for a persona that could not be set up)
        self.persona_notes = {}
        self.values = {}  # kind -> list of values
        self.value_notes = {}
        self.sub_cache = {}  # absolute URL -> (bytes on the wire, status, content type, [refs])

    def client(self, name):
        return Client(self.host, self.port, name)

    # Measuring ------------------------------------------------------------------------------
    def fetch_sub(self, client, url):
        """Bytes on the wire, status, and the further references of a subresource (CSS)."""
        if url in self.sub_cache:
            return self.sub_cache[url]
        u = urllib.parse.urlsplit(url)
        path = (u.path or "/") + (("?" + u.query) if u.query else "")
        res = client.get(path)
        refs = []
        if res.status == 200 and res.content_type == "text/css":
            refs = [urllib.parse.urljoin(url, r) for r in css_refs(res.text)]
        out = (len(res.raw), res.status, res.content_type, refs)
        self.sub_cache[url] = out
        return out

    def measure(self, client, path, lang):
        """(status, html bytes, total bytes, requests, notes) or (status, None, ..., reason) when not HTML."""
        full = path if lang == "en" else f"/{lang}" + (path if path != "/" else "/")
        res = client.get(full, lang=lang)
        if res.status in (301, 302, 303, 307, 308):
            return res.status, None, None, None, f"answers {res.status} to {res.header('Location') or '?'}", full
        if res.content_type != "text/html":
            return res.status, None, None, None, f"not an HTML page ({res.content_type or 'no content type'})", full
        page_url = self.origin + full
        parser = Refs()
        parser.feed(res.text)
        pending = [urllib.parse.urljoin(page_url, u) for u in parser.urls]
        for css in parser.inline_css:
            pending += [urllib.parse.urljoin(page_url, u) for u in css_refs(css)]
        html_bytes = len(res.raw)
        total, requests, seen, notes = html_bytes, 1, set(), []
        while pending:
            url = pending.pop(0)
            if url.startswith("data:") or url in seen or url.startswith("#"):
                continue
            seen.add(url)
            u = urllib.parse.urlsplit(url)
            if u.scheme not in ("http", "https"):
                continue
            requests += 1
            if u.netloc != f"{self.host}:{self.port}":
                notes.append(f"third-party: {u.netloc}")
                continue
            size, status, ctype, refs = self.fetch_sub(client, url)
            total += size
            if status != 200:
                notes.append(f"{u.path} answered {status}")
            pending += refs
        return res.status, html_bytes, total, requests, "; ".join(notes), full


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--routes", required=True, help="the output of `avenir routes`")
    ap.add_argument("--password", required=True)
    ap.add_argument("--member", default="")
    ap.add_argument("--dro", default="")
    ap.add_argument("--admin", default="")
    ap.add_argument("--langs", default="en fr es ar")
    ap.add_argument("--values", type=int, default=8, help="at most this many values per path parameter")
    ap.add_argument("--summary", default="")
    args = ap.parse_args()
    langs = [l for l in args.langs.split() if l in LANGS_ALL] or ["en"]

    routes = []
    for line in open(args.routes, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3 and parts[0] in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"):
            routes.append((parts[0], parts[1], parts[2]))
    if not routes:
        die("no routes read from `avenir routes`")

    site = Site(args)
    site.set_up_personas()
    site.find_values()
    order = ["member", "dro", "admin"]

    rows, skipped, posts = [], [], []
    for method, pattern, permission in routes:
        if method != "GET":
            posts.append(f"{method} {pattern}")
            continue
        if pattern.startswith("/static/"):
            skipped.append((pattern, "static files (counted as subresources of the pages that use them)"))
            continue
        paths, why = site.fill(pattern)
        if not paths:
            skipped.append((pattern, why))
            continue
        if permission == "public":
            whos = ["anonymous", "member"]
        else:
            # The least rights that open the page: try each signed-in persona on the first path.
            whos = []
            tried = []
            for who in order:
                c = site.personas.get(who)
                if c is None:
                    continue
                allowed = [p for p in paths if site.measure(c, p, "en")[0] == 200]
                tried.append(f"{who} {'200' if allowed else site.measure(c, paths[0], 'en')[0]}")
                if allowed:
                    whos, paths = [who], allowed
                    break
            if not whos:
                note = "; ".join(v for k, v in site.persona_notes.items() if k == "admin" and "not measured" in v)
                skipped.append((pattern, f"no persona here gets 200 ({', '.join(tried) or 'none signed in'})" + (f"; {note}" if note else "")))
                continue
        not_here = []
        for who in whos:
            c = site.personas.get(who)
            if c is None:
                not_here.append((who, site.persona_notes.get(who, "persona not set up")))
                continue
            variants, reasons = [], set()
            for p in paths:
                for lang in langs:
                    status, hb, tb, nreq, note, full = site.measure(c, p, lang)
                    if hb is None:
                        reasons.add(note.split(" to ")[0] if note.startswith("answers") else note)
                        continue
                    variants.append((status, hb, tb, nreq, note, full))
            if not variants:
                not_here.append((who, "; ".join(sorted(reasons))))
                continue
            rows.append((pattern, who, variants))
        if not_here and len(not_here) == len(whos) and len({r for _, r in not_here}) == 1:
            skipped.append((pattern, not_here[0][1]))
        else:
            skipped += [(f"{pattern} ({who})", r) for who, r in not_here]

    # The table.
    print(f"Page weight: bytes on the wire with Accept-Encoding: gzip (response bodies; headers not counted), "
          f"languages {' '.join(langs)}, up to {args.values} values per path parameter; each row shows the heaviest variant.")
    print(f"Budgets: HTML <= {HTML_BUDGET} bytes (14 KB), everything <= {TOTAL_BUDGET} bytes (50 KB).")
    for k, v in site.persona_notes.items():
        print(f"  {k}: {v}")
    print()
    hdr = f"{'page':<34} {'who':<9} {'status':<9} {'HTML gz':>8} {'total gz':>9} {'req':>4}  {'verdict':<36} heaviest variant (n measured)"
    print(hdr)
    print("-" * len(hdr))
    over, all_rows = [], []
    for pattern, who, variants in rows:
        hv = max(variants, key=lambda v: v[1])
        tv = max(variants, key=lambda v: v[2])
        nreq = max(v[3] for v in variants)
        statuses = sorted({v[0] for v in variants})
        status = ",".join(str(s) for s in statuses)
        problems = []
        if hv[1] > HTML_BUDGET:
            problems.append(f"HTML {kb(hv[1])} > 14 KB")
        if tv[2] > TOTAL_BUDGET:
            problems.append(f"total {kb(tv[2])} > 50 KB")
        verdict = "holds" if not problems else "OVER: " + ", ".join(problems)
        if problems:
            over.append(f"{pattern} ({who}; {hv[5] if hv[1] > HTML_BUDGET else tv[5]})")
        notes = sorted({v[4] for v in variants if v[4]})
        print(f"{pattern:<34} {who:<9} {status:<9} {hv[1]:>8} {tv[2]:>9} {nreq:>4}  {verdict:<36} {hv[5]} ({len(variants)})"
              + (f"  [{'; '.join(notes)}]" if notes else ""))
        all_rows.append((pattern, who, hv, tv, nreq))
    print()
    print("Not measured:")
    for what, why in skipped:
        print(f"  {what}: {why}")
    if posts:
        print(f"  {len(posts)} routes that are not GET (the targets of forms, not pages): {', '.join(posts)}")
    print()
    if not all_rows:
        die("no page could be measured")
    big_html = max(all_rows, key=lambda r: r[2][1])
    big_total = max(all_rows, key=lambda r: r[3][2])
    most_req = max(all_rows, key=lambda r: r[4])
    home = next((r for r in all_rows if r[0] == "/" and r[1] == "anonymous"), None)
    print(f"Largest HTML: {big_html[0]} ({big_html[1]}), {big_html[2][5]}: {big_html[2][1]} bytes gz ({kb(big_html[2][1])}; budget 14 KB)")
    print(f"Largest in all: {big_total[0]} ({big_total[1]}), {big_total[3][5]}: {big_total[3][2]} bytes gz ({kb(big_total[3][2])}; budget 50 KB)")
    print(f"Most requests: {most_req[0]} ({most_req[1]}): {most_req[4]}")
    print(f"Page types measured: {len(all_rows)} rows ({sum(len(r[2]) for r in rows)} pages); over budget: {len(over)}"
          + (": " + "; ".join(over) if over else ""))

    if args.summary:
        def verdict(ok):
            return "holds" if ok else "OVER"
        with open(args.summary, "a", encoding="utf-8") as f:
            def line(figure, value, goal, v):
                f.write(f"page weight\t{figure}\t{value}\t{goal}\t{v}\n")
            if home:
                line("home page (/), anonymous: HTML gz, total gz, requests", f"{kb(home[2][1])}, {kb(home[3][2])}, {home[4]}", "≤ 14 KB, ≤ 50 KB", verdict(home[2][1] <= HTML_BUDGET and home[3][2] <= TOTAL_BUDGET))
            line(f"largest HTML (gz), {big_html[0]} {'signed in as ' + big_html[1] if big_html[1] != 'anonymous' else 'anonymous'}",
                 kb(big_html[2][1]), "≤ 14 KB", verdict(big_html[2][1] <= HTML_BUDGET))
            anon = [r for r in all_rows if r[1] == "anonymous"]
            if anon:
                a = max(anon, key=lambda r: r[2][1])
                line(f"largest HTML (gz) an anonymous reader gets, {a[0]}", kb(a[2][1]), "≤ 14 KB", verdict(a[2][1] <= HTML_BUDGET))
            line(f"largest in all (gz), {big_total[0]} {'signed in as ' + big_total[1] if big_total[1] != 'anonymous' else 'anonymous'}",
                 kb(big_total[3][2]), "≤ 50 KB", verdict(big_total[3][2] <= TOTAL_BUDGET))
            line(f"most requests, {most_req[0]}", str(most_req[4]), "–", "–")
            line(f"page types over budget (of {len(all_rows)})", str(len(over)) + (": " + "; ".join(over) if over else ""), "0", verdict(not over))
            line("GET routes not measured (not HTML, or no value to fill in; see page-weight.txt)", str(len(skipped)), "–", "–")


if __name__ == "__main__":
    main()
