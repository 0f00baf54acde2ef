#!/usr/bin/python3
"""SMTP sink for tests: accepts every message on 127.0.0.1:PORT and keeps it as a file.

Usage: scripts/smtp-sink.py DIR PORT      (PORT 0: any free port)

Each message is written as DIR/<n>.eml, raw as received (CRLF line ends), n counting from 1 (or
from the highest number already in DIR), beside DIR/<n>.json, the same message decoded for tests
that just want a link out of it:
    {"mail_from": "...", "rcpt_tos": ["..."], "to": "...", "subject": "...", "text": "..."}
("text" is the text/plain body with its transfer encoding undone and LF line ends, so a
quoted-printable link is whole again). Both files appear atomically, the .json first, so a reader that sees <n>.eml can
read both. Prints "port N" then "ready" on stdout once it accepts connections; stops on
SIGTERM or SIGINT. No authentication, no TLS, loopback only.

Used by the C++ tests (src/core/mail/smtp_sink_test_support.hpp) and by browser tests that follow
a link sent by e-mail. Needs Debian's python3-aiosmtpd, hence /usr/bin/python3 rather than the
first python3 on PATH.
"""
import email
import email.policy
import json
import os
import re
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


def write_atomic(path, data):
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def decode(raw):
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        return {"to": str(msg["to"] or ""), "subject": str(msg["subject"] or ""),
                "text": body.get_content().replace("\r\n", "\n") if body is not None else ""}
    except Exception as e:  # keep the raw message even when it does not parse
        return {"decode_error": str(e)}


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.lock = threading.Lock()
        numbers = [int(m.group(1)) for name in os.listdir(folder) if (m := re.fullmatch(r"(\d+)\.eml", name))]
        self.count = max(numbers, default=0)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        summary = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos)}
        summary.update(decode(envelope.original_content))
        write_atomic(os.path.join(self.folder, f"{n}.json"), json.dumps(summary, ensure_ascii=False).encode())
        write_atomic(os.path.join(self.folder, f"{n}.eml"), envelope.original_content)
        return "250 OK"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        print("usage: smtp-sink.py DIR PORT", file=sys.stderr)
        return 2
    folder, port = sys.argv[1], int(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    if port == 0:
        port = free_port()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    try:
        controller.start()  # returns once the server answers a connection
    except Exception as e:  # port taken, most often
        print(f"smtp-sink: cannot listen on 127.0.0.1:{port}: {e}", file=sys.stderr)
        return 1
    print(f"port {port}", flush=True)
    print("ready", flush=True)
    while not stop.wait(0.5):
        pass
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
