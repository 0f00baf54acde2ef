#!/usr/bin/python3
# The client side of proof/kill9 (standard library only; run with /usr/bin/python3):
#   kill9_writer.py write  --base URL --journal DIR --accounts E1,E2,.. --slugs S1,S2,.. --stop FILE
#       writer threads, one per account, loop until FILE exists: library resources (POST /library/new),
#       session plans (POST /guide/plans), workshop saves (POST /guide/{slug}/edit, each thread its own
#       workshop), training places taken and given up (POST /training/cycles/{E}/enrol and /withdraw, E the
#       cycle --enrol-cycle) and attendance marks (POST /training/sessions/{id}/roster, each writer marking its
#       own place in cycle --attend-cycle, which it facilitates). Every write carries a unique marker; before its request is sent it is journalled as
#       "sent" (with everything needed to recognise it whole), and "ack" only when a success answer came
#       back in full (303 to the new thing's address); anything else is journalled "nack" with the reason.
#       The server being down (connection refused) is waited out; nothing is journalled then.
#   kill9_writer.py verify --journal DIR --dialect sqlite|postgres --db PATH|DSN --base URL
#       reads the database (sqlite3 or psql CLI) and the live server: every acknowledged write present
#       exactly once and whole; every unacknowledged one absent or whole; no row that no writer sent;
#       the guide's current state matching its newest saved version; no 500 answer seen by any writer.
#       Prints counts and a last line "verify: ok key=value ..." or "verify: FAIL reason"; exit 0 or 1.
#       (The verification itself is proof/kill9_verify.py; the HTTP client, proof/drill_http.py.)
import argparse
import collections
import hashlib
import json
import os
import random
import re
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from drill_http import Broken, Down, FormParser, Http, csrf_of  # noqa: E402
from kill9_verify import MARK, cmd_verify  # noqa: E402

WORDS = ("workers data rights union steward bargaining algorithm solidarity transparency consent monitoring "
         "négociation données travailleurs sécurité équipe réseau plateforme échange").split()
THEMES = ["data-ai", "public-services", "rights", "joint-governance", "bargaining", "solidarity", "coalitions"]
AUDIENCES = ["union-leaders", "organisers", "stewards", "union-staff", "negotiators", "trainers", "members", "public"]
TYPES = ["publication", "guide", "slides", "article", "law-policy", "collective-agreement"]
REGION = "asia-pacific"  # the writers' accounts are DROs of this region


class Stopping(Exception):
    """The stop file appeared."""


def body_text(rng, size, lang):
    words = [w for w in WORDS if lang == "fr" or w.isascii()]
    out, n = [], 0
    while n < size:
        w = rng.choice(words)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def digests(text):
    b = text.encode()
    return {"len": len(text), "sha3": hashlib.sha3_256(b).hexdigest(), "sha256": hashlib.sha256(b).hexdigest()}


# ---- writers ---------------------------------------------------------------------------------
class Shared:
    def __init__(self):
        self.lock = threading.Lock()
        self.status = collections.Counter()  # "kind status" -> count; "kind broken", "kind down"
        self.acked = collections.Counter()
        self.unacked = collections.Counter()
        self.errors = []  # 500s and other surprises: (time, what)
        self.signed_in = 0

    def note(self, key):
        with self.lock:
            self.status[key] += 1

    def error(self, what):
        with self.lock:
            self.status["5xx-500"] += 1
            if len(self.errors) < 20:
                self.errors.append(f"{time.strftime('%H:%M:%S')} {what}")


class Writer(threading.Thread):
    def __init__(self, n, a, shared):
        super().__init__(daemon=True)
        self.n, self.a, self.shared = n, a, shared
        self.email = a.accounts[n]
        self.slug = a.slugs[n] if n < len(a.slugs) else None  # one writer per workshop: no edit conflicts
        self.http = Http(a.base, a.timeout)
        self.rng = random.Random()
        self.csrf = None
        self.journal = open(os.path.join(a.journal, f"writer-{n}.jsonl"), "a", buffering=1)
        self.place = None      # this writer's place in the attendance cycle (enrolment id)
        self.sessions = []     # that cycle's sessions

    def log(self, **rec):
        rec["t"] = round(time.time(), 3)
        self.journal.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.journal.flush()

    def get(self, path):
        """A GET that is retried until it gets a whole answer (the server may be restarting)."""
        while not self.stopping():
            try:
                status, headers, page = self.http.request("GET", path)
            except (Down, Broken):
                time.sleep(0.05)
                continue
            if status in (502, 503, 504):
                time.sleep(0.1)
                continue
            if status == 500:
                self.shared.error(f"GET {path}: 500")
            return status, headers, page
        raise Stopping

    def stopping(self):
        return os.path.exists(self.a.stop)

    def sign_in(self):
        while not self.stopping():
            self.http.cookies.clear()
            status, _, page = self.get("/account/sign-in")
            token = csrf_of(page)
            if status != 200 or not token:
                time.sleep(0.2)
                continue
            try:
                status, headers, _ = self.http.request(
                    "POST", "/account/sign-in", [("_csrf", token), ("next", ""), ("email", self.email), ("password", self.a.password)])
            except (Down, Broken):
                time.sleep(0.05)
                continue
            if status == 303 and "avenir_session" in self.http.cookies:
                status, _, page = self.get("/guide/plans")
                self.csrf = csrf_of(page)
                if status == 200 and self.csrf:
                    with self.shared.lock:
                        self.shared.signed_in += 1
                    return
            elif status == 500:
                self.shared.error("POST /account/sign-in: 500")
            time.sleep(0.2)
        raise Stopping

    def post_write(self, kind, marker, path, form, expect, detail):
        """Sends one write; journals it sent, then ack or nack. Returns the status (None: no answer)."""
        try:
            status, headers, page = self.http.request(
                "POST", path, form, on_sent=lambda: self.log(ev="sent", kind=kind, marker=marker, **detail))
        except Down:
            return None  # nothing was sent (and nothing journalled)
        except Broken as e:
            self.log(ev="nack", marker=marker, why=str(e)[:120])
            self.shared.note(f"{kind} no answer")
            with self.shared.lock:
                self.shared.unacked[kind] += 1
            return None
        self.shared.note(f"{kind} {status}")
        location = headers.get("Location") or ""
        m = re.search(expect, location) if status == 303 else None
        if m:
            self.log(ev="ack", marker=marker, id=m.group(1))
            with self.shared.lock:
                self.shared.acked[kind] += 1
        else:
            self.log(ev="nack", marker=marker, why=f"status {status} {location}".strip())
            with self.shared.lock:
                self.shared.unacked[kind] += 1
            if status == 500:
                self.shared.error(f"POST {path}: 500 ({kind} {marker})")
            elif (status == 303 and "/account/sign-in" in location) or status == 403:
                self.csrf = None  # signed out or the form expired: sign in again
            elif status == 409 and kind == "guide":
                pass  # "someone saved meanwhile": the verifier checks that someone did (see cmd_verify)
            elif status not in (502, 503, 504):
                with self.shared.lock:
                    if len(self.shared.errors) < 20:
                        title = re.search(r"<title>([^<]*)</title>", page)
                        alert = re.search(r'role="alert"[^>]*>([^<]*)<', page)
                        self.shared.errors.append(f"POST {path}: unexpected {status} {location} "
                                                  f"({title.group(1) if title else page[:80]!r}: {alert.group(1) if alert else ''})")
                    self.shared.status["unexpected"] += 1
        return status

    def library(self):
        marker = MARK + uuid.uuid4().hex[:20]
        rng = random.Random(marker)
        regions = sorted({REGION} | ({"global"} if rng.random() < 0.5 else set()))
        themes = sorted(rng.sample(THEMES, rng.randint(1, 3)))
        audiences = sorted(rng.sample(AUDIENCES, rng.randint(0, 2)))
        rtype = rng.choice(TYPES)
        date = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        versions = {}
        form = [("_csrf", self.csrf), ("type", rtype), ("date", date), ("publisher", marker), ("licence", "CC BY 4.0"),
                ("url", ""), ("duration_minutes", "")]
        form += [("regions", r) for r in regions] + [("themes", t) for t in themes] + [("audiences", x) for x in audiences]
        for lang, word in (("en", "drill resource"), ("fr", "ressource exercice")):
            title = f"{marker} {word} {lang}"
            summary = f"Summary of {marker} in {lang}."
            body = f"{marker} " + body_text(rng, rng.choice([200, 2000, 9000, 30000]), lang)
            versions[lang] = {"title": title, "summary": summary, "body": digests(body)}
            form += [(f"title_{lang}", title), (f"summary_{lang}", summary), (f"body_{lang}", body)]
        detail = {"type": rtype, "date": date, "regions": regions, "themes": [THEMES.index(t) + 1 for t in themes],
                  "audiences": audiences, "versions": versions}
        return self.post_write("library", marker, "/library/new", form, r"/library/(\d+)$", detail)

    def plan(self):
        marker = MARK + uuid.uuid4().hex[:20]
        slot = self.rng.randint(15, 1440)
        title = f"{marker} session plan"
        form = [("_csrf", self.csrf), ("title", title), ("slot", str(slot))]
        return self.post_write("plan", marker, "/guide/plans", form, r"/guide/plans/(\d+)$",
                               {"title": title, "slot": slot, "account": self.email})

    def guide(self):
        status, _, page = self.get(f"/guide/{self.slug}/edit")
        if status != 200:
            self.shared.note(f"guide form {status}")
            if status in (303, 401, 403):
                self.csrf = None
            time.sleep(0.1)
            return None
        p = FormParser(f"/guide/{self.slug}/edit")
        p.feed(page)
        fields = dict((k, v) for k, v in p.fields)
        if "version" not in fields or "_csrf" not in fields:
            self.shared.note("guide form unreadable")
            time.sleep(0.1)
            return None
        marker = MARK + uuid.uuid4().hex[:20]
        summary = f"{marker} drill summary"
        form = [(k, summary if k == "summary" else v) for k, v in p.fields if k not in ("note", "op")]
        form += [("note", marker), ("op", "save")]
        return self.post_write("guide", marker, f"/guide/{self.slug}/edit", form, r"/guide/([a-z0-9-]+)/history$",
                               {"slug": self.slug, "base_version": int(fields["version"]), "summary": summary, "account": self.email})

    def enrolment(self):
        """Takes or gives up this writer's place in the enrolment cycle (the state is checked at the end)."""
        cycle = self.a.enrol_cycle
        status, _, page = self.get(f"/training/cycles/{cycle}")
        token = csrf_of(page)
        if status != 200 or not token:
            self.csrf = None if status in (303, 403) else self.csrf
            return None
        op = "withdraw" if "/withdraw" in page and self.rng.random() < 0.5 else "enrol"
        marker = MARK + uuid.uuid4().hex[:20]
        return self.post_write("enrolment", marker, f"/training/cycles/{cycle}/{op}", [("_csrf", token)],
                               rf"/training/cycles/({cycle})$", {"op": op, "account": self.email, "cycle": cycle})

    def attendance(self):
        """Marks this writer's own place on a session's roster with a random mark."""
        cycle = self.a.attend_cycle
        if self.place is None:
            status, _, page = self.get(f"/training/cycles/{cycle}")
            if status == 200 and "You are enrolled." not in page and csrf_of(page):
                try:
                    self.http.request("POST", f"/training/cycles/{cycle}/enrol", [("_csrf", csrf_of(page))])
                except (Down, Broken):
                    return None
                return 0
            self.sessions = re.findall(r'href="/training/sessions/([0-9]+)/roster"', page)
            if not self.sessions:
                return None
            status, _, page = self.get(f"/training/sessions/{self.sessions[0]}/roster")
            m = re.search(r"<legend>Writer " + str(self.n + 1) + r' <span[^>]*>[A-Z0-9]+</span></legend>\s*<div class="choices"><span><input type="radio" id="m-([0-9]+)-', page)
            if status != 200 or not m:
                return None
            self.place = m.group(1)
        session = self.rng.choice(self.sessions)
        status, _, page = self.get(f"/training/sessions/{session}/roster")
        token = csrf_of(page)
        if status != 200 or not token:
            return None
        mark = self.rng.choice(["present", "late", "partial", "excused", "absent"])
        minutes = self.rng.randint(1, 180) if mark == "partial" else 0
        form = [("_csrf", token), (f"mark_{self.place}", mark)] + ([(f"minutes_{self.place}", str(minutes))] if minutes else [])
        marker = MARK + uuid.uuid4().hex[:20]
        return self.post_write("attendance", marker, f"/training/sessions/{session}/roster", form,
                               rf"/training/sessions/({session})/roster\?saved=1$",
                               {"session": int(session), "place": int(self.place), "mark": mark, "minutes": minutes, "account": self.email})

    def run(self):
        try:
            while not self.stopping():
                if not self.csrf:
                    self.sign_in()
                r = self.rng.random()
                if r < 0.35:
                    status = self.library()
                elif r < 0.5 or not self.slug:
                    status = self.plan()
                elif r < 0.65:
                    status = self.guide()
                elif r < 0.8 and self.a.enrol_cycle:
                    status = self.enrolment()
                elif self.a.attend_cycle:
                    status = self.attendance()
                else:
                    status = self.plan()
                if status is None or status in (502, 503, 504):
                    time.sleep(0.05)  # down or restarting: do not spin
        except Stopping:
            pass
        finally:
            self.journal.close()


def cmd_write(a):
    os.makedirs(a.journal, exist_ok=True)
    shared = Shared()
    writers = [Writer(i, a, shared) for i in range(len(a.accounts))]
    for w in writers:
        w.start()
    status_file = os.path.join(a.journal, "progress")
    started = time.time()
    while any(w.is_alive() for w in writers):
        with shared.lock:
            line = (f"{sum(shared.acked.values())} {sum(shared.unacked.values())} {shared.signed_in} "
                    f"{shared.status['5xx-500']} {shared.status['unexpected']}")
        with open(status_file + ".tmp", "w") as f:
            f.write(line + "\n")
        os.replace(status_file + ".tmp", status_file)
        time.sleep(0.2)
    with shared.lock:
        summary = {"acked": dict(shared.acked), "unacked": dict(shared.unacked), "status": dict(shared.status),
                   "errors": shared.errors, "seconds": round(time.time() - started, 1)}
    with open(os.path.join(a.journal, "writers.json"), "w") as f:
        json.dump(summary, f, indent=1)



def main():
    p = argparse.ArgumentParser(description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("--base", required=True)
    w.add_argument("--journal", required=True)
    w.add_argument("--accounts", required=True, type=lambda s: s.split(","))
    w.add_argument("--password", default=os.environ.get("KILL9_PASSWORD", ""))
    w.add_argument("--slugs", default="", type=lambda s: [x for x in s.split(",") if x])
    w.add_argument("--stop", required=True)
    w.add_argument("--timeout", type=float, default=20)
    w.add_argument("--enrol-cycle", default="", help="training cycle whose place each writer takes and gives up")
    w.add_argument("--attend-cycle", default="", help="training cycle each writer is enrolled in and facilitates")
    v = sub.add_parser("verify")
    v.add_argument("--journal", required=True)
    v.add_argument("--dialect", choices=["sqlite", "postgres"], required=True)
    v.add_argument("--db", required=True)
    v.add_argument("--base", default="")
    v.add_argument("--accounts", required=True, type=lambda s: s.split(","))
    v.add_argument("--password", default=os.environ.get("KILL9_PASSWORD", ""))
    v.add_argument("--http-checks", type=int, default=300)
    a = p.parse_args()
    if a.cmd == "write":
        cmd_write(a)
        return 0
    try:
        return cmd_verify(a)
    except RuntimeError as e:
        print(f"verify: FAIL {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())