#!/usr/bin/python3
# The client side of proof/backup-restore (standard library only; run with /usr/bin/python3). The
# people, their sessions and everything they wrote are kept in STATE (JSON); each subcommand prints
# progress lines and ends with "ok ..." (exit 0) or "FAIL reason" (exit 1).
#   people                      the accounts to create: "email role region" lines (region "-": none)
#   populate  --base URL        every person signs in and writes: session plans with workshops in them
#                               and their settings, language and time zone, consents; the DROs create
#                               library resources and upload files (one file's bytes twice, another's by
#                               both DROs) and one edits a workshop; the admin turns on two-factor
#                               sign-in, creates a union and makes the reader a member of it
#   load      --base URL --journal DIR --stop FILE
#                               light write load until FILE exists: the "load" DRO alternately saves a
#                               plan and creates a library resource, journalling each write's send and
#                               acknowledgement times
#   sign-in   --base URL --slot NAME
#                               signs every person in anew (a fresh session; two-factor for the admin)
#                               and keeps the cookies under NAME
#   snapshot  --base URL --slot NAME --out DIR
#                               as each person (cookies NAME): GET /account/data (the raw bytes, to
#                               DIR/<email>.json), their plans' pages (text, to DIR/<email>.plans.json);
#                               every uploaded file downloaded (SHA-256s to DIR/files.json)
#   volatility --base URL --slot NAME --out DIR
#                               one person's export twice, 1.1 s apart: what differs between two
#                               exports of unchanged data
#   compare   --before DIR --after DIR --mode same-session|signed-in-again --cut UNIX_TIME
#                               each person's export after the restore against the one taken at the
#                               backup: same-session must be byte-equal but for "exported_at";
#                               signed-in-again may also hold what that sign-in wrote (one session
#                               created at or after --cut, audit rows of the sign-in and of the exports
#                               at or after --cut, the admin's last TOTP step), nothing else. Plans'
#                               pages and downloaded files must be equal as well.
#   load-check --journal DIR --base URL --start T0 --end T1
#                               the load DRO's export from the restored instance (its session from
#                               before the backup): every write
#                               acknowledged before the backup started is in it, none sent after it
#                               ended
#   write     --base URL --slot NAME
#                               each person saves a plan on the restored instance (new ids follow on)
# This file holds the writing and snapshot subcommands; the people, their browser, two-factor sign-in
# and STATE are in proof/backup_restore_people.py, the comparisons in proof/backup_restore_compare.py.
import argparse
import hashlib
import html
import json
import os
import re
import sys
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from backup_restore_compare import cmd_compare, cmd_load_check, cmd_volatility  # noqa: E402
from backup_restore_people import (LOAD, LP, PEOPLE, Client, Fail, load_state, next_step, pdf_bytes,  # noqa: E402
                                   save_state, say, sign_in, title_of, totp)
from drill_http import FormParser  # noqa: E402


# ---- populate --------------------------------------------------------------------------------
def cmd_populate(a):
    state = load_state(a.state)
    base = a.base
    os.makedirs(a.files_out, exist_ok=True)
    people = state["people"]
    clients = {}
    for email, role, region in PEOPLE:
        p = people.setdefault(email, {"role": role, "region": region})
        clients[email] = sign_in(base, email, p)
    anon = Client(base)
    guide = anon.get("/guide").decode()
    slugs = [s for s in dict.fromkeys(re.findall(r'href="/guide/([a-z0-9-]+)"', guide)) if s not in ("introduction", "plans", "translations")]
    if len(slugs) < 3:
        raise Fail("fewer than three workshops on /guide")

    # The admin: two-factor sign-in on, a union, the reader made a member of it.
    admin, ap = clients["admin@example.org"], people["admin@example.org"]
    page = admin.get("/account/two-factor").decode()
    m = re.search(r'class="secret">([A-Z2-7=]+)<', page)
    if not m:
        raise Fail("no two-factor key on /account/two-factor")
    ap["secret"] = m.group(1)
    token = admin.csrf("/account/two-factor")
    status, _, data = admin.request("POST", "/account/two-factor", [("_csrf", token), ("code", totp(ap["secret"], next_step(ap)))])
    codes = re.findall(rb"<li><code>([^<]+)</code></li>", data)
    if status != 200 or len(codes) != 10:
        raise Fail(f"turning on two-factor sign-in: {status} {title_of(data)!r}, {len(codes)} recovery codes")
    ap["recovery_codes"] = [c.decode() for c in codes]
    admin.post("/admin/unions", [("name", "Drill Workers Union"), ("country", "Ghana"), ("region", "africa-mena"), ("sector", "health")],
               LP + r"/admin/unions$", token_from="/admin/unions")
    unions = re.findall(r"<td>Drill Workers Union</td>.*?<td>(\d+)</td></tr>", admin.get("/admin/unions").decode())
    if not unions:
        raise Fail("the new union is not listed on /admin/unions")
    admin.post("/admin/grants", [("email", "reader@example.org"), ("role", "member"), ("scope", unions[0])],
               LP + r"/admin/people$", token_from="/admin/people")
    say("admin: two-factor on, union", unions[0], "created, reader made a member")

    # Everyone: plans with workshops in them, settings, language and time zone, consents.
    zones = ["Africa/Accra", "Asia/Manila", "America/Bogota", "Europe/Paris", "Pacific/Auckland", ""]
    langs = ["es", "", "fr", "ar", "fr", ""]
    consents = [["recorded"], ["listed_publicly"], ["recorded", "listed_publicly"], [], ["recorded"], ["listed_publicly"]]
    for i, (email, role, _) in enumerate(PEOPLE):
        c = clients[email]
        for k in range(1 + i % 2):
            title = f"{role} plan {k + 1}: ateliers « données » ١٢ {uuid.uuid4().hex[:6]}"
            pid = int(c.post("/guide/plans", [("title", title), ("slot", str(60 + 30 * k))], LP + r"/guide/plans/(\d+)$").group(1))
            state["plans"].append({"owner": email, "id": pid})
            plan_page = c.get(f"/guide/plans/{pid}").decode()
            options = re.findall(r'<option value="([a-z0-9-]+(?:/[A-Za-z0-9_-]+)?)"', plan_page.split('name="item"', 1)[-1])
            for choice in options[: 2 + k]:
                c.post(f"/guide/plans/{pid}/items", [("action", "add"), ("item", choice)], LP + rf"/guide/plans/{pid}$")
            if k == 0:
                c.post(f"/guide/plans/{pid}", [("title", title + " (revised)"), ("start", "09:30"), ("factor", "150"), ("slot", "120")],
                       LP + rf"/guide/plans/{pid}$")
        # Consents: given, then changed (a withdrawal row), then the person's final choice.
        for chosen in (["recorded", "listed_publicly"], consents[i]):
            c.post("/account/consents", [("consent", k) for k in chosen], LP + r"/account$")
        c.post("/account/preferences", [("lang", langs[i]), ("time_zone", zones[i])], LP + r"/account$")

    # The DROs: resources, files (the same bytes twice on one resource's two languages, and a file
    # both DROs upload), a workshop edit.
    shared = pdf_bytes("shared", 70_000)
    for email, region, n in (("dro-a@example.org", "asia-pacific", 2), ("dro-b@example.org", "africa-mena", 1)):
        c = clients[email]
        for r in range(n):
            marker = f"brst{uuid.uuid4().hex[:12]}"
            form = [("type", "publication"), ("date", f"2023-0{r + 1}-15"), ("publisher", marker), ("licence", "CC BY 4.0"), ("url", ""),
                    ("duration_minutes", ""), ("regions", region), ("regions", "global"), ("themes", "data-ai"), ("themes", "bargaining"),
                    ("audiences", "stewards"), ("title_en", f"{marker} data at work"), ("summary_en", "What the union can ask for."),
                    ("body_en", "Workers' data rights, **bargaining** and algorithms.\n\n" * 30), ("title_fr", f"{marker} les données au travail"),
                    ("summary_fr", "Ce que le syndicat peut demander."), ("body_fr", "Négociation et données des travailleurs.\n" * 20)]
            rid = int(c.post("/library/new", form, LP + r"/library/(\d+)$").group(1))
            state["resources"].append({"owner": email, "id": rid, "marker": marker})
            uploads = [("en", pdf_bytes(marker + "-en", 40_000 + 20_000 * r)), ("fr", pdf_bytes(marker + "-en", 40_000 + 20_000 * r))]
            if r == n - 1:
                uploads.append(("en", shared))
            for lang, data in uploads:
                name = f"{marker}-{lang}-{len(data)}.pdf"
                c.post(f"/library/{rid}/files", [("lang", lang), ("role", "main")], LP + rf"/library/{rid}\?lang={lang}$",
                       files={"file": (name, "application/pdf", data)})
                digest = hashlib.sha256(data).hexdigest()
                with open(os.path.join(a.files_out, digest), "wb") as f:
                    f.write(data)
                state["files"].append({"owner": email, "resource": rid, "lang": lang, "sha256": digest, "size": len(data)})
    # The file ids, from the resource pages.
    for f in state["files"]:
        page = anon.get(f"/library/{f['resource']}?lang={f['lang']}").decode()
        ids = sorted(set(re.findall(rf'/library/{f["resource"]}/files/(\d+)', page)), key=int)
        f["file_ids"] = ids
    c = clients["dro-a@example.org"]
    page = c.get(f"/guide/{slugs[0]}/edit").decode()
    fp = FormParser(f"/guide/{slugs[0]}/edit")
    fp.feed(page)
    fields = [(k, v) for k, v in fp.fields if k not in ("note", "op", "_csrf")]
    fields = [(k, (v + " — revised for the drill") if k == "summary" else v) for k, v in fields]
    c.post(f"/guide/{slugs[0]}/edit", fields + [("note", "backup drill edit"), ("op", "save")], LP + rf"/guide/{slugs[0]}/history$",
           token_from=f"/guide/{slugs[0]}/edit")
    for email in clients:
        people[email]["cookies"] = clients[email].cookies
    save_state(a.state, state)
    print(f"ok populated: {len(PEOPLE)} people, {len(state['plans'])} plans, {len(state['resources'])} resources, "
          f"{len(state['files'])} uploads ({len({f['sha256'] for f in state['files']})} distinct files), 1 workshop edit, 1 union")
    return 0


# ---- load ------------------------------------------------------------------------------------
def cmd_load(a):
    os.makedirs(a.journal, exist_ok=True)
    c = sign_in(a.base, LOAD[0], {})
    with open(os.path.join(a.journal, "cookies.json"), "w") as f:
        json.dump(c.cookies, f)
    token = c.csrf()
    n = 0
    with open(os.path.join(a.journal, "writes.jsonl"), "a", buffering=1) as j:
        while not os.path.exists(a.stop):
            marker = f"brload{uuid.uuid4().hex[:12]}"
            kind = "plan" if n % 2 == 0 else "library"
            if kind == "plan":
                form, path, expect = [("_csrf", token), ("title", marker), ("slot", "45")], "/guide/plans", LP + r"/guide/plans/(\d+)$"
            else:
                form = [("_csrf", token), ("type", "article"), ("date", "2022-11-30"), ("publisher", marker), ("licence", ""), ("url", ""),
                        ("duration_minutes", ""), ("regions", "asia-pacific"), ("themes", "rights"), ("title_en", f"{marker} load"),
                        ("summary_en", "Load."), ("body_en", "Load body. " * 50)]
                path, expect = "/library/new", LP + r"/library/(\d+)$"
            sent = time.time()
            try:
                status, headers, _ = c.request("POST", path, form)
            except Fail as e:
                j.write(json.dumps({"kind": kind, "marker": marker, "sent": sent, "error": str(e)}) + "\n")
                time.sleep(0.2)
                continue
            u = urllib.parse.urlsplit(headers.get("Location") or "")
            m = re.search(expect, u.path) if status == 303 else None
            j.write(json.dumps({"kind": kind, "marker": marker, "sent": sent, "acked": time.time() if m else None,
                                "status": status, "id": int(m.group(1)) if m else None}) + "\n")
            n += 1
            time.sleep(0.1)
    return 0


# ---- sessions, snapshots ---------------------------------------------------------------------
def cmd_sign_in(a):
    state = load_state(a.state)
    for email, _, _ in PEOPLE:
        p = state["people"][email]
        p.setdefault("slots", {})[a.slot] = sign_in(a.base, email, p).cookies
    save_state(a.state, state)
    print(f"ok {len(PEOPLE)} people signed in anew ({a.slot})")
    return 0


def page_text(page, origin):
    """A page's main content as text, the instance's own address replaced (ports differ)."""
    text = page.decode("utf-8", "replace")
    main = text.split("<main", 1)[-1].split("</main>", 1)[0]
    main = main.replace(origin, "ORIGIN")
    main = re.sub(r'name="_csrf" value="[^"]*"', 'name="_csrf" value="TOKEN"', main)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main))).strip()


def cmd_snapshot(a):
    state = load_state(a.state)
    os.makedirs(a.out, exist_ok=True)
    n = 0
    for email, _, _ in PEOPLE:
        c = Client(a.base, state["people"][email]["slots"][a.slot])
        status, headers, data = c.request("GET", "/account/data")
        if status != 200 or not (headers.get("Content-Type") or "").startswith("application/json"):
            raise Fail(f"GET /account/data as {email}: {status} {headers.get('Content-Type')} {title_of(data)!r}")
        with open(os.path.join(a.out, f"{email}.json"), "wb") as f:
            f.write(data)
        plans = {}
        for p in state["plans"]:
            if p["owner"] == email:
                plans[str(p["id"])] = page_text(c.get(f"/guide/plans/{p['id']}"), c.origin)
        with open(os.path.join(a.out, f"{email}.plans.json"), "w") as f:
            json.dump(plans, f, indent=1, ensure_ascii=False)
        n += 1
    anon = Client(a.base)
    files = {}
    for f in state["files"]:
        for fid in f["file_ids"]:
            key = f"{f['resource']}/{fid}"
            if key not in files:
                files[key] = hashlib.sha256(anon.get(f"/library/{key.replace('/', '/files/')}")).hexdigest()
    with open(os.path.join(a.out, "files.json"), "w") as f:
        json.dump(files, f, indent=1, sort_keys=True)
    wanted = {f["sha256"] for f in state["files"]}
    missing = wanted - set(files.values())
    if missing:
        raise Fail(f"{len(missing)} uploaded file(s) do not download whole: {sorted(missing)[:2]}")
    print(f"ok {n} exports, {sum(1 for p in state['plans'])} plan pages, {len(files)} file downloads ({len(wanted)} distinct files) taken")
    return 0


def cmd_write(a):
    state = load_state(a.state)
    for email, _, _ in PEOPLE:
        c = Client(a.base, state["people"][email]["slots"][a.slot])
        c.post("/guide/plans", [("title", f"after the restore {uuid.uuid4().hex[:6]}"), ("slot", "30")], LP + r"/guide/plans/(\d+)$")
    print(f"ok {len(PEOPLE)} new plans saved on the restored instance")
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("people")
    p = sub.add_parser("populate")
    p.add_argument("--files-out", required=True)
    ld = sub.add_parser("load")
    ld.add_argument("--journal", required=True)
    ld.add_argument("--stop", required=True)
    si = sub.add_parser("sign-in")
    sn = sub.add_parser("snapshot")
    sn.add_argument("--out", required=True)
    vo = sub.add_parser("volatility")
    vo.add_argument("--out", required=True)
    wr = sub.add_parser("write")
    for x in (si, sn, vo, wr):
        x.add_argument("--slot", required=True)
    for x in (p, ld, si, sn, vo, wr):
        x.add_argument("--base", required=True)
    for x in (p, si, sn, vo, wr):
        x.add_argument("--state", required=True)
    co = sub.add_parser("compare")
    co.add_argument("--before", required=True)
    co.add_argument("--after", required=True)
    co.add_argument("--mode", choices=["same-session", "signed-in-again"], required=True)
    co.add_argument("--cut", type=int, default=0)
    lc = sub.add_parser("load-check")
    lc.add_argument("--journal", required=True)
    lc.add_argument("--base", required=True)
    lc.add_argument("--start", type=float, required=True)
    lc.add_argument("--end", type=float, required=True)
    a = ap.parse_args()
    if a.cmd == "people":
        for email, role, region in PEOPLE + [LOAD]:
            print(email, role, region)
        return 0
    try:
        return {"populate": cmd_populate, "load": cmd_load, "sign-in": cmd_sign_in, "snapshot": cmd_snapshot,
                "volatility": cmd_volatility, "compare": cmd_compare, "load-check": cmd_load_check, "write": cmd_write}[a.cmd](a)
    except Fail as e:
        print(f"FAIL {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
