#!/usr/bin/env python3
"""Page weight for bench/page-weight: filling route parameters with real values, found on the site
(list pages, links) or created here (a session plan and its share link, a union, two saved versions
of a workshop for the diff page, a private training calendar address), and the form reader used to save a workshop as it is."""
import html
import re
import urllib.parse
from html.parser import HTMLParser

from page_weight_session import csrf_of

# Pages that show what a query asks for: measured with typical queries (and without one).
QUERIES = {
    "/library/search": ["?q=workers+data", "?q=collective+bargaining&region=asia-pacific", "?q=data"],
    "/search": ["?q=data", "?q=workers+data&kind=library", ""],
    "/library": ["", "?region=asia-pacific&type=publication"],
}
# Variants of a parameterised page (the run sheet with a start time, the handout view).
SUFFIXES = {
    "/guide/{slug}": ["", "?start=09:30", "?view=participants"],
}
# Which values fill a path parameter: (parameter, a text the pattern contains or None, kind of
# value in Site.values). The first row that matches wins.
PARAMETERS = [
    ("slug", "/regions/", "region"),
    ("slug", "/guide/", "workshop"),
    ("region", None, "region"),
    ("theme", None, "theme"),
    ("id", "/library/", "resource"),
    ("file_id", None, "file"),
    ("plan_id", None, "plan"),
    ("token", "/training/calendar/", "calendar_token"),
    ("token", None, "token"),
    ("id", "/training/cycles/", "cycle"),
    ("id", "/training/sessions/", "session"),
    ("id", "/network/practices/", "case"),
    ("id", "/network/coalitions/", "coalition"),
    ("id", "/network/questions/", "question"),
    ("slug", "/bargaining/clauses/", "clause"),
    ("model", None, "model"),
    ("topic", "/bargaining/", "topic"),
    ("id", "/register/", "entry"),
    ("assessment", None, "assessment"),
    ("union_id", None, "union"),
]


# ---------------------------------------------------------------------------------------------
# HTML forms (to save a workshop as it is).

class Forms(HTMLParser):
    """The fields of every form, as a browser would submit them (checked boxes, selected options)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {"action": a.get("action", ""), "fields": [], "buttons": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        if tag == "input":
            t = a.get("type", "text").lower()
            if t in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append((a.get("name", ""), a.get("value", "on")))
            elif t in ("submit", "image", "button", "reset", "file"):
                pass
            elif a.get("name"):
                self._form["fields"].append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea = [a.get("name", ""), ""]
        elif tag == "select":
            self._select = {"name": a.get("name", ""), "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            if self._select["first"] is None:
                self._select["first"] = a.get("value", "")
            if "selected" in a:
                self._select["chosen"] = a.get("value", "")
        elif tag == "button":
            self._form["buttons"].append((a.get("name", ""), a.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None and self._form is not None:
            name, text = self._textarea
            if name:
                self._form["fields"].append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            s = self._select
            v = s["chosen"] if s["chosen"] is not None else s["first"]
            if s["name"] and v is not None:
                self._form["fields"].append((s["name"], v))
            self._select = None
        elif tag == "form":
            self._form = None


def forms_of(text):
    p = Forms()
    p.feed(text)
    return p.forms


class Values:
    """Part of Site (page_weight.py): values for path parameters. Uses self.args, self.personas,
    self.values and self.value_notes."""

    # Values for path parameters -------------------------------------------------------------
    def links(self, path, pattern, client=None):
        res = (client or self.personas["anonymous"]).get(path)
        if res.status != 200:
            return []
        seen = []
        for m in re.finditer(pattern, res.text):
            v = html.unescape(m.group(1))
            if v not in seen:
                seen.append(v)
        return seen

    def find_values(self):
        cap = self.args.values
        anon = self.personas["anonymous"]
        self.values["region"] = self.links("/regions", r'href="/regions/([a-z0-9-]+)"')[:cap]
        skip = {"introduction", "plans", "translations", "shared"}
        self.values["workshop"] = [s for s in self.links("/guide", r'href="/guide/([a-z0-9-]+)"') if s not in skip][:cap]
        self.values["resource"] = self.links("/library", r'href="/library/([0-9]+)"')[:cap]
        self.values["theme"] = self.links("/library", r'name="theme" value="([^"]+)"')[:cap]
        files = []
        for rid in self.values["resource"]:
            for f in self.links(f"/library/{rid}", r'href="(/library/[0-9]+/files/[0-9]+)[^"]*"'):
                files.append(f)
        self.values["file"] = files[:cap]
        if not self.values["file"]:
            self.value_notes["file"] = "no library resource of the seeded database has a file"
        # Training: the cycles on the calendar, the sessions of the first ones.
        self.values["cycle"] = self.links("/training", r'href="/training/cycles/([0-9]+)"')[:cap]
        sessions = []
        for cid in self.values["cycle"][:2]:
            sessions += self.links(f"/training/cycles/{cid}", r'href="/training/sessions/([0-9]+)/session\.ics"')
        self.values["session"] = sessions[:cap]
        # Network: the practice cases on the exchange's first page.
        self.values["case"] = self.links("/network/practices", r'href="/network/practices/([0-9]+)"')[:cap]
        self.values["coalition"] = self.links("/network/coalitions", r'href="/network/coalitions/([0-9]+)"')[:cap]
        self.values["question"] = self.links("/network/questions", r'href="/network/questions/([0-9]+)"')[:cap]
        # Bargaining: the clauses of the database view's first page, the models and topics of the report.
        self.values["clause"] = self.links("/bargaining/clauses", r'href="/bargaining/clauses/([a-z0-9-]+)"')[:cap]
        self.values["model"] = self.links("/bargaining", r'href="/bargaining/models/([a-z0-9-]+)"')[:cap]
        self.values["topic"] = self.links("/bargaining", r'id="topic-([a-z0-9-]+)"')[:cap]
        # Register: the entries anyone may read (the shipped illustrative examples), their assessments.
        self.values["entry"] = self.links("/register", r'href="/register/([0-9]+)"')[:cap]
        assessments = []
        for eid in self.values["entry"][:1]:
            assessments += self.links(f"/register/{eid}", r'href="/register/[0-9]+/assessments/([0-9]+)"')
        self.values["assessment"] = assessments[:cap]
        member = self.personas.get("member")
        # The member's private calendar address (made here; the page shows it once).
        if member is not None:
            page = member.get("/training/mine")
            res = member.request("POST", "/training/mine/calendar", form={"_csrf": csrf_of(page.text), "action": "new"})
            m = re.search(r"/training/calendar/([0-9a-f]+)", res.text)
            self.values["calendar_token"] = [m.group(1)] if m else []
            if not m:
                self.value_notes["calendar_token"] = f"making a calendar address answered {res.status}"
        # A session plan with a few workshops in it, and its share link.
        if member is not None and self.values["workshop"]:
            page = member.get("/guide/plans")
            res = member.request("POST", "/guide/plans", form={"_csrf": csrf_of(page.text), "title": "Bench: a two-day session", "slot": "600"})
            m = re.search(r"/guide/plans/([0-9]+)$", res.header("Location"))
            if m:
                plan = m.group(1)
                for slug in self.values["workshop"][:3]:
                    page = member.get(f"/guide/plans/{plan}")
                    member.request("POST", f"/guide/plans/{plan}/items", form={"_csrf": csrf_of(page.text), "action": "add", "item": slug})
                self.values["plan"] = [plan]
                self.values["token"] = self.links(f"/guide/plans/{plan}", r'href="/guide/shared/([0-9a-f]+)"', member)[:1]
            else:
                self.value_notes["plan"] = f"creating a session plan answered {res.status}"
        else:
            self.value_notes["plan"] = "no member account or no workshop"
        admin = self.personas.get("admin")
        if admin is not None:
            page = admin.get("/admin/unions")
            admin.request("POST", "/admin/unions", form={"_csrf": csrf_of(page.text), "name": "Bench Public Services Union",
                                                        "country": "Fiji", "region": self.values["region"][0] if self.values["region"] else "asia-pacific",
                                                        "sector": "health"})
            page = admin.get("/admin/unions")
            m = re.search(r"<td>Bench Public Services Union</td>.*?<td>([0-9]+)</td></tr>", page.text, re.S)
            self.values["union"] = [m.group(1)] if m else []
            if not m:
                self.value_notes["union"] = "the union created here was not listed on /admin/unions"
        else:
            self.value_notes["union"] = "no admin session (unions are created by an admin)"
        # Two saved versions of a workshop, so that /history lists them and /diff compares them.
        editor = self.personas.get("dro") or admin
        self.values["diff"] = []
        if editor is not None and self.values["workshop"]:
            slug = self.values["workshop"][0]
            for note in ("bench: saved as it was", "bench: saved again"):
                page = editor.get(f"/guide/{slug}/edit")
                if page.status != 200:
                    break
                form = next((f for f in forms_of(page.text) if f["action"].endswith("/edit")), None)
                if form is None:
                    break
                fields = [(k, v) for k, v in form["fields"] if k != "note"] + [("note", note), ("op", "save")]
                editor.request("POST", f"/guide/{slug}/edit", form=fields)
            hist = editor.get(f"/guide/{slug}/history")
            m = re.search(r'href="(/guide/[a-z0-9-]+/diff\?from=[0-9]+&(?:amp;)?to=[0-9]+)"', hist.text)
            if m:
                self.values["diff"] = [html.unescape(m.group(1))]
            else:
                self.value_notes["diff"] = "saving a workshop did not give two versions to compare"

    def fill(self, pattern):
        """The concrete paths for a route pattern: a list of paths, or a reason it cannot be filled."""
        names = re.findall(r"\{([^}]+)\}", pattern)
        if pattern in QUERIES:
            return [pattern + q for q in QUERIES[pattern]], ""
        if not names:
            return [pattern], ""
        if pattern == "/register/{id}/compare":
            a = self.values.get("assessment") or []
            if len(a) < 2:
                return [], "no entry readable here has two assessments to compare"
            e = self.values["entry"][0]
            return [f"/register/{e}/compare?a={a[0]}&b={a[1]}"], ""
        if pattern.endswith("/diff") and pattern.startswith("/guide/"):
            return (self.values["diff"], "") if self.values["diff"] else ([], self.value_notes.get("diff", "no versions"))
        kinds = []
        for n in names:
            if n.endswith("..."):
                return [], "a file path (static files)"
            kind = next((k for name, where, k in PARAMETERS if name == n and (where is None or where in pattern)), None)
            if kind is None:
                return [], f"no value known for {{{n}}}"
            kinds.append(kind)
        if "file" in kinds:
            return (self.values["file"], "") if self.values.get("file") else ([], self.value_notes.get("file", "no file"))
        paths = [pattern]
        for n, k in zip(names, kinds):
            vals = self.values.get(k) or []
            if not vals:
                return [], self.value_notes.get(k, f"no {k} found")
            # Several parameters: the first value for all but the first one.
            use = vals if n == names[0] else vals[:1]
            paths = [p.replace("{" + n + "}", urllib.parse.quote(v, safe="")) for p in paths for v in use]
        return [p + q for p in paths for q in SUFFIXES.get(pattern, [""])], ""
