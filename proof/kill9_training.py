"""proof/kill9's check of the training writes (used by kill9_verify.py). These writes change a state
rather than add a row with a marker: a writer takes or gives up its place in one cycle, and marks
its own place on a session's roster. So each place's final state must be the one the writer's last
acknowledged write left, or one that a later write it sent (unacknowledged) would have left; with
nothing acknowledged, no row at all is allowed too. Each state must be whole: a place enrolled has
its confirmation time, a place withdrawn its withdrawal time; a mark has its source and its minutes
only when partial."""
import collections


def _by_target(sent, kind, key):
    """For each target key, the writes of that kind in the writer's order."""
    out = collections.defaultdict(list)
    for m, rec in sorted(sent.items(), key=lambda kv: (kv[1]["writer"], kv[1]["seq"])):
        if rec["kind"] == kind:
            out[key(rec)].append((m, rec))
    return out


def _allowed(writes, acks, state_of):
    """States the target may be in: after the last acknowledged write, or after any later one."""
    last = max((i for i, (m, _) in enumerate(writes) if m in acks), default=None)
    start = 0 if last is None else last
    allowed = {state_of(rec) for _, rec in writes[start:]}
    if last is None:
        allowed.add(None)
    return allowed, last is not None


def verify_training(db, sent, acks, bad):
    counts = collections.Counter()
    # Places taken and given up.
    enrolments = _by_target(sent, "enrolment", lambda r: (r["cycle"], r["account"]))
    cycles = sorted({c for c, _ in enrolments})
    rows = {}
    for cycle in cycles:
        for r in db.rows("SELECT u.email, e.state, e.confirmed_at, e.withdrawn_at FROM training_enrolments e "
                         f"JOIN accounts_users u ON u.id = e.user_id WHERE e.cycle_id = {int(cycle)}"):
            rows[(cycle, r["email"])] = r
    for key, writes in enrolments.items():
        counts["enrolment acknowledged"] += sum(1 for m, _ in writes if m in acks)
        allowed, acked = _allowed(writes, acks, lambda rec: "withdrawn" if rec["op"] == "withdraw" else "enrolled")
        row = rows.get(key)
        state = row["state"] if row else None
        if state not in allowed:
            counts["enrolment lost"] += 1
            bad(f"LOST: the place of {key[1]} in cycle {key[0]} is {state!r}; its last acknowledged write left one of {sorted(map(str, allowed))}")
        elif row and ((state == "enrolled" and not row["confirmed_at"]) or (state == "withdrawn" and not row["withdrawn_at"])):
            bad(f"HALF-PRESENT: the place of {key[1]} in cycle {key[0]} is {state} without its time")
        else:
            counts["enrolment places verified"] += 1
    # Marks on the roster.
    marks = _by_target(sent, "attendance", lambda r: (r["session"], r["place"]))
    places = sorted({p for _, p in marks})
    stored = {}
    if places:
        ids = ",".join(str(int(p)) for p in places)
        for r in db.rows(f"SELECT a.session_id, a.enrolment_id, a.mark, a.minutes, a.source, u.email FROM training_attendance a "
                         f"JOIN training_enrolments e ON e.id = a.enrolment_id LEFT JOIN accounts_users u ON u.id = a.user_id "
                         f"WHERE a.enrolment_id IN ({ids})"):
            stored[(int(r["session_id"]), int(r["enrolment_id"]))] = r
    for key, writes in marks.items():
        counts["attendance acknowledged"] += sum(1 for m, _ in writes if m in acks)
        allowed, _ = _allowed(writes, acks, lambda rec: (rec["mark"], int(rec["minutes"])))
        row = stored.get(key)
        state = (row["mark"], int(row["minutes"])) if row else None
        if state not in allowed:
            counts["attendance lost"] += 1
            bad(f"LOST: session {key[0]}, place {key[1]} holds {state}; the last acknowledged mark left one of {sorted(map(str, allowed))}")
        elif row and (row["source"] != "roster" or row["email"] != writes[0][1]["account"]):
            bad(f"HALF-PRESENT: session {key[0]}, place {key[1]}: source {row['source']!r}, person {row['email']!r}")
        else:
            counts["attendance marks verified"] += 1
    return counts
