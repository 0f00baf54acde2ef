#!/usr/bin/python3
# Request smuggling probes for proof/attack (standard library only; run with /usr/bin/python3):
#   attack_smuggle.py --port P --log SERVER_LOG [--tag T]
# Each probe opens a connection to 127.0.0.1:P, sends raw bytes (a request whose framing is
# ambiguous or malformed, most of them with a second request hidden where a server reading the
# framing differently would see it), then reads everything the server answers for up to 3 s or until
# it closes. The hidden request asks for /attack-smuggled-T-N, a path no route has, so the access
# log names it (path=/attack-smuggled-T-N) if it was ever run as a request of its own.
# Expectations:
#   refuse   the answer is exactly one 400 and the server closes the connection (RFC 9112 §6.1, §6.3,
#            §5.1, §7.1; RFC 9110 §8.6)
#   reject   the same, 501 allowed too: a Transfer-Encoding whose last coding is not chunked (RFC 9112
#            §6.3 asks for 400; §6.1 suggests 501 for a coding the server does not know)
#   one      a well-framed request: exactly one answer, not 5xx, the bytes in its body never run as a
#            request
#   either   RFC 9112 lets a server reject (400) or repair the message (identical duplicate
#            Content-Length, obs-fold, bare LF): one answer, not 5xx, closed if 400
#   close    HTTP/1.0 with Transfer-Encoding: the framing is faulty, so the server answers (400, or
#            the request processed) and closes the connection after that one answer (RFC 9112 §6.1)
# Whatever the expectation, a hidden request must never be answered or logged.
# Prints one line per probe ("probe NAME ok|FAIL expect=... answered=... closed=... hidden=...",
# then the exact bytes sent when it failed) and a last line
# "smuggle: probes=N refused=R failed=F" (R: answered 400 or 501 and closed); exit 0 when F is 0, else 1.
import argparse
import os
import random
import re
import socket
import sys
import time


def hidden_request(path):
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()


def chunked(data):
    return b"%x\r\n%s\r\n0\r\n\r\n" % (len(data), data)


def probes(tag):
    """(name, expectation, bytes, hidden path or None) for every probe."""
    out = []

    def add(name, expect, build):
        path = f"/attack-smuggled-{tag}-{len(out) + 1}"
        out.append((name, expect, build(path, hidden_request(path)), path))

    head = "POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"

    # Content-Length and Transfer-Encoding together, both orders: a front end using one and Avenir
    # the other would disagree on where the request ends.
    def cl_te(path, hid):
        body = b"0\r\n\r\n" + hid
        return (head + f"Content-Length: {len(body)}\r\nTransfer-Encoding: chunked\r\n\r\n").encode() + body
    add("CL.TE (Content-Length then Transfer-Encoding: chunked)", "refuse", cl_te)

    def te_cl(path, hid):
        body = b"0\r\n\r\n" + hid
        return (head + f"Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n").encode() + body
    add("TE.CL (Transfer-Encoding: chunked then Content-Length)", "refuse", te_cl)

    def te_cl_short(path, hid):
        # chunked framing carries the hidden request inside a chunk; CL says 4 bytes
        body = chunked(hid)
        return (head + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n").encode() + body
    add("TE.CL with the hidden request inside a chunk", "refuse", te_cl_short)

    # Two Content-Length fields with different values, and the list form.
    def cl_cl(path, hid):
        return (head + f"Content-Length: 0\r\nContent-Length: {len(hid)}\r\n\r\n").encode() + hid
    add("duplicate Content-Length, different values (0, n)", "refuse", cl_cl)

    def cl_cl_rev(path, hid):
        return (head + f"Content-Length: {len(hid)}\r\nContent-Length: 0\r\n\r\n").encode() + hid
    add("duplicate Content-Length, different values (n, 0)", "refuse", cl_cl_rev)

    def cl_list(path, hid):
        return (head + f"Content-Length: 0, {len(hid)}\r\n\r\n").encode() + hid
    add("Content-Length list with different values (0, n)", "refuse", cl_list)

    # Identical duplicates: RFC 9110 §8.6 lets a recipient reject them or treat them as one.
    def cl_same(path, hid):
        return (head + f"Content-Length: {len(hid)}\r\nContent-Length: {len(hid)}\r\n\r\n").encode() + hid
    add("duplicate Content-Length, identical values", "either", cl_same)

    def cl_same_list(path, hid):
        return (head + f"Content-Length: {len(hid)}, {len(hid)}\r\n\r\n").encode() + hid
    add("Content-Length list with identical values (n, n)", "either", cl_same_list)

    # Content-Length that is not 1*DIGIT.
    for label, value in (("plus sign", "+{n}"), ("negative", "-1"), ("hex", "0x{n:x}"), ("trailing junk", "{n}x"),
                         ("overflow", "184467440737095516160")):
        def cl_bad(path, hid, value=value):
            return (head + "Content-Length: " + value.format(n=len(hid)) + "\r\n\r\n").encode() + hid
        add(f"invalid Content-Length ({label}: {value.format(n=40)})", "refuse", cl_bad)

    # Transfer-Encoding obfuscations, alone (the hidden request is the whole body: a server that
    # ignores the field reads no body and runs it) and with a Content-Length.
    obfuscations = (
        ("trailing space", "Transfer-Encoding: chunked \r\n"),
        ("xchunked", "Transfer-Encoding: xchunked\r\n"),
        ("space before the colon", "Transfer-Encoding : chunked\r\n"),
        ("chunked, identity", "Transfer-Encoding: chunked, identity\r\n"),
        ("identity", "Transfer-Encoding: identity\r\n"),
        ("gzip only", "Transfer-Encoding: gzip\r\n"),
        ("quoted", 'Transfer-Encoding: "chunked"\r\n'),
        ("vertical tab", "Transfer-Encoding: \x0bchunked\r\n"),
        ("obs-fold", "Transfer-Encoding:\r\n chunked\r\n"),
        ("two fields", "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n"),
        ("two fields, chunked twice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"),
    )
    for label, field in obfuscations:
        # "trailing space" and "obs-fold" still name chunked (OWS is trimmed, obs-fold may become SP):
        # alone they are well framed; with a Content-Length they are CL+TE.
        if label in ("trailing space", "obs-fold", "two fields, chunked twice"):
            if label != "two fields, chunked twice":
                def te_alone_ok(path, hid, field=field):
                    return (head + field + "\r\n").encode() + chunked(hid)
                add(f"Transfer-Encoding {label} alone, hidden request inside the chunk", "either", te_alone_ok)
            else:
                def te_twice(path, hid, field=field):
                    return (head + field + "\r\n").encode() + chunked(hid)
                add(f"Transfer-Encoding {label}", "either", te_twice)
        # A well-formed field whose last coding is not chunked: 400 (RFC 9112 §6.3), 501 allowed too
        # (§6.1); malformed fields (space before the colon, a control character) and CL+TE: 400.
        expect = "reject" if label in ("xchunked", "chunked, identity", "identity", "gzip only", "quoted", "two fields") else "refuse"
        if label not in ("trailing space", "obs-fold", "two fields, chunked twice"):
            def te_alone(path, hid, field=field):
                return (head + field + "\r\n").encode() + hid
            add(f"Transfer-Encoding {label} alone, hidden request as the body", expect, te_alone)

        def te_with_cl(path, hid, field=field):
            body = b"0\r\n\r\n" + hid
            return (head + field + f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        add(f"Transfer-Encoding {label} with Content-Length", expect, te_with_cl)

        def cl_with_te(path, hid, field=field):
            body = b"0\r\n\r\n" + hid
            return (head + f"Content-Length: {len(body)}\r\n" + field + "\r\n").encode() + body
        add(f"Content-Length with Transfer-Encoding {label}", expect, cl_with_te)

    # A second request in the body of a well-framed one: it is body, never a request.
    def in_body_cl(path, hid):
        return (head + f"Content-Length: {len(hid)}\r\n\r\n").encode() + hid
    add("pipelined request hidden in a Content-Length body", "one", in_body_cl)

    def in_body_chunked(path, hid):
        return (head + "Transfer-Encoding: chunked\r\n\r\n").encode() + chunked(hid)
    add("pipelined request hidden in a chunked body", "one", in_body_chunked)

    def in_get_body(path, hid):
        return f"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(hid)}\r\n\r\n".encode() + hid
    add("GET with a Content-Length body holding a request", "one", in_get_body)

    def in_static_body(path, hid):
        return f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(hid)}\r\n\r\n".encode() + hid
    add("GET /healthz (answered inline) with a body holding a request", "one", in_static_body)

    # Invalid chunk sizes and chunk framing.
    for label, size in (("not hex", "zz"), ("0x prefix", "0x{n:x}"), ("plus sign", "+{n:x}"), ("negative", "-{n:x}"),
                        ("overflow", "1" + "0" * 17), ("space inside", "{n1:x} {n2:x}"), ("empty", "")):
        def bad_chunk(path, hid, size=size):
            s = size.format(n=len(hid), n1=len(hid) // 16, n2=len(hid) % 16)
            return (head + "Transfer-Encoding: chunked\r\n\r\n" + s + "\r\n").encode() + hid + b"\r\n0\r\n\r\n"
        add(f"invalid chunk size ({label}: {size.format(n=40, n1=2, n2=8)!r})", "refuse", bad_chunk)

    def chunk_too_short(path, hid):
        # The chunk says 5 bytes but 5 + hidden follow before CRLF.
        return (head + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello").encode() + hid + b"\r\n0\r\n\r\n"
    add("chunk data longer than its size", "refuse", chunk_too_short)

    def chunk_bare_lf(path, hid):
        return (head + "Transfer-Encoding: chunked\r\n\r\n").encode() + b"%x\n%s\n0\n\n" % (len(hid), hid)
    add("chunked body with bare LF line ends", "either", chunk_bare_lf)

    # obs-fold (line folding) in an ordinary field, and one that would make a Content-Length.
    def fold_plain(path, hid):
        return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: first\r\n second\r\n\r\n".encode()
    add("obs-fold in an ordinary field", "either", fold_plain)

    def fold_cl(path, hid):
        return (head + f"Content-Length: 0\r\n {len(hid)}\r\n\r\n").encode() + hid
    add("obs-fold splitting Content-Length (0 / n)", "refuse", fold_cl)

    def fold_first(path, hid):
        return (f"POST /search HTTP/1.1\r\n Content-Length: {len(hid)}\r\nHost: 127.0.0.1\r\n\r\n").encode() + hid
    add("folded line right after the request line", "refuse", fold_first)

    # Bare LF and bare CR line ends.
    def bare_lf(path, hid):
        return b"GET / HTTP/1.1\nHost: 127.0.0.1\n\n"
    add("bare LF line ends (request line and fields)", "either", bare_lf)

    def bare_lf_cl(path, hid):
        return (f"POST /search HTTP/1.1\nHost: 127.0.0.1\nContent-Length: {len(hid)}\n\n").encode() + hid
    add("bare LF line ends with a Content-Length body holding a request", "either", bare_lf_cl)

    def bare_cr(path, hid):
        return (f"POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\rContent-Length: {len(hid)}\r\n\r\n").encode() + hid
    add("bare CR inside a field hiding Content-Length", "refuse", bare_cr)

    def nul_in_field(path, hid):
        return (f"POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\x00b\r\nContent-Length: {len(hid)}\r\n\r\n").encode() + hid
    add("NUL inside a field value", "refuse", nul_in_field)

    # HTTP/1.0 with Transfer-Encoding: framing faulty, close after (RFC 9112 §6.1).
    def http10_te(path, hid):
        return ("POST /search HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n").encode() + \
            b"0\r\n\r\n" + hid
    add("HTTP/1.0 keep-alive with Transfer-Encoding: chunked, hidden request after the last chunk", "close", http10_te)

    def http10_te_cl(path, hid):
        body = b"0\r\n\r\n" + hid
        return (f"POST /search HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    add("HTTP/1.0 keep-alive with Transfer-Encoding and Content-Length", "close", http10_te_cl)

    # Request lines a parser might split differently.
    def two_spaces(path, hid):
        return f"GET  / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    add("request line with two spaces", "refuse", two_spaces)

    def http09(path, hid):
        return f"GET {path}\r\n\r\n".encode()
    add("HTTP/0.9-style request line (no version) naming the hidden path", "refuse", http09)

    def space_in_name(path, hid):
        return (f"POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent Length: {len(hid)}\r\n\r\n").encode() + hid
    add("space inside a field name (\"Content Length\")", "refuse", space_in_name)

    def cl_space_before_colon(path, hid):
        return (f"POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length : {len(hid)}\r\n\r\n").encode() + hid
    add("whitespace before the colon (\"Content-Length :\")", "refuse", cl_space_before_colon)
    return out


STATUS = re.compile(rb"HTTP/1\.[01] (\d{3})[^\r\n]*\r\n")


def parse_responses(data):
    """Status codes of the complete responses in data (framed by Content-Length; chunked bodies
    are not expected from Avenir)."""
    statuses, pos = [], 0
    while pos < len(data):
        m = STATUS.match(data, pos)
        if not m:
            statuses.append(f"garbage({data[pos:pos + 40]!r})")
            break
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            statuses.append(m.group(1).decode() + "(incomplete head)")
            break
        head = data[pos:end].decode("latin-1")
        length = 0
        for line in head.split("\r\n")[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        status = int(m.group(1))
        statuses.append(str(status))
        pos = end + 4 + (0 if status in (204, 304) or 100 <= status < 200 else length)
    return statuses


def run(port, payload, wait=3.0):
    """(statuses, closed, raw answer) for one probe."""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(payload)
    s.settimeout(0.25)
    data, closed = b"", False
    deadline = time.monotonic() + wait
    quiet_since = None
    while time.monotonic() < deadline:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            # An answer is here and nothing more for 1 s: the server keeps the connection for
            # the next request (time enough for a hidden request to be answered too).
            if data and quiet_since is not None and time.monotonic() - quiet_since > 1.0:
                break
            if data and quiet_since is None:
                quiet_since = time.monotonic()
            continue
        except ConnectionResetError:
            closed = True
            break
        if not chunk:
            closed = True
            break
        data += chunk
        quiet_since = time.monotonic()
    s.close()
    return parse_responses(data), closed, data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--tag", default=str(os.getpid()))
    args = ap.parse_args()

    results = []
    for name, expect, payload, path in probes(args.tag):
        statuses, closed, raw = run(args.port, payload)
        results.append((name, expect, payload, path, statuses, closed, raw))
    time.sleep(1.0)  # the access log is written by a background thread (every 100 ms)
    with open(args.log, "rb") as f:
        log = f.read().decode("utf-8", "replace")

    failed = refused = 0
    for name, expect, payload, path, statuses, closed, raw in results:
        logged = re.search(r"path=" + re.escape(path) + r"(\s|$)", log) is not None
        answered_hidden = len(statuses) > 1
        problems = []
        if logged or answered_hidden:
            problems.append("the hidden request ran as a request of its own")
        if not statuses:
            problems.append("no answer within 3 s")
        elif any(not s.isdigit() for s in statuses):
            problems.append("unreadable answer")
        elif any(s.startswith("5") for s in statuses) and not (expect == "reject" and statuses == ["501"]):
            problems.append("a 5xx answer")
        if expect in ("refuse", "reject"):
            allowed = (["400"], ["501"]) if expect == "reject" else (["400"],)
            if statuses not in allowed:
                problems.append("not refused with 400" + (" or 501" if expect == "reject" else ""))
            elif not closed:
                problems.append(f"{statuses[0]} but the connection stayed open")
        elif expect == "one":
            if len(statuses) != 1 or statuses == ["400"]:
                problems.append("a well-framed request not answered exactly once")
        elif expect == "close":
            if len(statuses) != 1:
                problems.append("not answered exactly once")
            elif not closed:
                problems.append("the connection stayed open after a request with faulty framing")
        else:  # either
            if len(statuses) != 1:
                problems.append("not answered exactly once")
            elif statuses == ["400"] and not closed:
                problems.append("400 but the connection stayed open")
        if statuses in (["400"], ["501"]) and closed and not logged:
            refused += 1
        verdict = "FAIL" if problems else "ok"
        failed += bool(problems)
        print(f"probe {name}: {verdict} expect={expect} answered={','.join(statuses) or 'nothing'} "
              f"closed={'yes' if closed else 'no'} hidden={'EXECUTED' if (logged or answered_hidden) else 'not run'}"
              + (f" -- {'; '.join(problems)}" if problems else ""))
        if problems:
            print(f"    sent: {payload!r}")
            print(f"    answer: {raw[:600]!r}")
    print(f"smuggle: probes={len(results)} refused={refused} failed={failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
