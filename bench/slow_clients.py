#!/usr/bin/env python3
"""Slow clients for bench/slow-clients: many connections that behave like phones on a 2G link
(a few KB/s, ~300 ms round trips), kept open until SIGTERM; a connection the server closes is
opened again after a round trip, so the count holds. Three kinds:

  headers  send a request head a few bytes a second and never finish it (slowloris); the server's
           header timeout should close them.
  readers  ask for real pages (Accept-Encoding: gzip) and read the answer at --down bytes/s with a
           tiny receive buffer, think, then ask again on the same connection.
  posters  post a form body (--body bytes) at --up bytes/s, then read the answer; again.

Writes one line a second to --samples: "epoch open headers readers posters shed completed
connect_failures refused_503", and on SIGTERM prints a summary (key=value) on stdout.
A connection is "shed" when the server ends it while the client is mid-request (a timeout);
"completed" counts full answers read (readers, posters)."""
import argparse
import asyncio
import random
import resource
import signal
import socket
import time


class Stats:
    def __init__(self):
        self.open = {"headers": 0, "readers": 0, "posters": 0}
        self.shed = {"headers": 0, "readers": 0, "posters": 0}
        self.shed_age = {"headers": [], "readers": [], "posters": []}
        self.completed = {"readers": 0, "posters": 0}
        self.statuses = {}
        self.idle_closed = 0
        self.connect_failures = 0
        self.refused_503 = 0
        self.bytes_down = 0
        self.bytes_up = 0
        self.peak_open = 0

    def total_open(self):
        return sum(self.open.values())


class Shed(Exception):
    """The server closed the connection while the client was mid-request."""


async def connect(host, port, rcvbuf, limit):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.setblocking(False)
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(loop.sock_connect(sock, (host, port)), 10)
    except BaseException:
        sock.close()
        raise
    return await asyncio.open_connection(sock=sock, limit=limit)


async def read_slowly(reader, n, down, rtt, st):
    """Reads up to n bytes at about `down` bytes/s, in pieces one round trip apart."""
    piece = max(256, int(down * rtt))
    got = bytearray()
    while len(got) < n:
        chunk = await reader.read(min(piece, n - len(got)))
        if not chunk:
            raise Shed()
        got += chunk
        st.bytes_down += len(chunk)
        await asyncio.sleep(len(chunk) / down)
    return bytes(got)


async def read_response(reader, down, rtt, st, prefix=b""):
    """A whole response read slowly (after prefix, already read); returns (status, keep_alive)."""
    head = bytearray(prefix)
    while b"\r\n\r\n" not in head:
        chunk = await reader.read(max(256, int(down * rtt)))
        if not chunk:
            raise Shed()
        head += chunk
        st.bytes_down += len(chunk)
        await asyncio.sleep(len(chunk) / down)
    head_bytes, _, rest = bytes(head).partition(b"\r\n\r\n")
    lines = head_bytes.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if len(lines[0].split()) > 1 else 0
    length, keep = 0, True
    for line in lines[1:]:
        k, _, v = line.partition(":")
        if k.strip().lower() == "content-length":
            length = int(v.strip())
        elif k.strip().lower() == "connection" and v.strip().lower() == "close":
            keep = False
    if length > len(rest):
        await read_slowly(reader, length - len(rest), down, rtt, st)
    return status, keep


async def one_connection(kind, args, st, stop):
    """One slow client, reconnecting after the server closes it, until stop is set."""
    rng = random.Random()
    host_hdr = f"127.0.0.1:{args.port}"
    while not stop.is_set():
        await asyncio.sleep(args.rtt * 1.5)  # SYN, SYN-ACK, ACK over a 2G link
        try:
            reader, writer = await connect("127.0.0.1", args.port, args.rcvbuf if kind == "readers" else 0,
                                           args.limit if kind == "readers" else 2 ** 16)
        except (OSError, asyncio.TimeoutError):
            st.connect_failures += 1
            await asyncio.sleep(1)
            continue
        st.open[kind] += 1
        st.peak_open = max(st.peak_open, st.total_open())
        opened = time.monotonic()
        try:
            if kind == "headers":
                head = (f"GET /?slow={rng.randrange(10**9)} HTTP/1.1\r\nHost: {host_hdr}\r\nUser-Agent: Mozilla/5.0 (2G)\r\n"
                        "Accept-Encoding: gzip\r\n").encode()
                writer.write(head[:20])
                st.bytes_up += 20
                pending = head[20:]
                closed = asyncio.ensure_future(reader.read(1))
                n = 0
                while not stop.is_set():
                    if not pending:
                        n += 1
                        pending = f"X-Slow-{n}: {rng.randrange(10**6)}\r\n".encode()
                    piece, pending = pending[:args.header_bytes], pending[args.header_bytes:]
                    writer.write(piece)
                    st.bytes_up += len(piece)
                    await writer.drain()
                    done, _ = await asyncio.wait({closed}, timeout=1.0)
                    if done:
                        data = closed.result() if not closed.cancelled() and closed.exception() is None else b""
                        if data.startswith(b"H"):
                            # An answer (400/408/431/503) instead of waiting: read its status.
                            rest = await reader.read(64)
                            line = (data + rest).split(b"\r\n", 1)[0].decode("latin-1", "replace")
                            code = line.split()[1] if len(line.split()) > 1 else "?"
                            st.statuses[f"headers {code}"] = st.statuses.get(f"headers {code}", 0) + 1
                            if code == "503":
                                st.refused_503 += 1
                        raise Shed()
                closed.cancel()
            elif kind == "readers":
                while not stop.is_set():
                    path = rng.choice(args.paths)
                    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host_hdr}\r\nUser-Agent: Mozilla/5.0 (2G)\r\n"
                                 "Accept: text/html\r\nAccept-Encoding: gzip\r\nAccept-Language: en\r\n\r\n".encode())
                    await writer.drain()
                    status, keep = await read_response(reader, args.down, args.rtt, st)
                    st.completed["readers"] += 1
                    st.statuses[f"readers {status}"] = st.statuses.get(f"readers {status}", 0) + 1
                    if status == 503:
                        st.refused_503 += 1
                    if not keep:
                        break
                    # A person reading the page; a keep-alive close meanwhile is not a timeout.
                    think = rng.uniform(args.think / 2, args.think * 1.5)
                    try:
                        data = await asyncio.wait_for(reader.read(1), think)
                        if not data:
                            st.idle_closed += 1
                            break
                    except asyncio.TimeoutError:
                        pass
            else:  # posters
                while not stop.is_set():
                    body = ("text=" + "x" * args.body)[: args.body].encode()
                    writer.write(f"POST /account/sign-in HTTP/1.1\r\nHost: {host_hdr}\r\nUser-Agent: Mozilla/5.0 (2G)\r\n"
                                 f"Content-Type: application/x-www-form-urlencoded\r\nOrigin: http://{host_hdr}\r\n"
                                 f"Accept-Encoding: gzip\r\nContent-Length: {len(body)}\r\n\r\n".encode())
                    piece = max(16, int(args.up * args.rtt))
                    answered = asyncio.ensure_future(reader.read(1))
                    early = b""
                    for i in range(0, len(body), piece):
                        writer.write(body[i:i + piece])
                        st.bytes_up += min(piece, len(body) - i)
                        await writer.drain()
                        done, _ = await asyncio.wait({answered}, timeout=min(piece, len(body) - i) / args.up)
                        if done:
                            break
                        if stop.is_set():
                            raise asyncio.CancelledError()
                    if not answered.done():
                        await answered
                    early = answered.result()
                    if not early:
                        raise Shed()
                    status, keep = await read_response(reader, args.down, args.rtt, st, early)
                    st.completed["posters"] += 1
                    st.statuses[f"posters {status}"] = st.statuses.get(f"posters {status}", 0) + 1
                    if status == 503:
                        st.refused_503 += 1
                    if not keep:
                        break
                    await asyncio.sleep(rng.uniform(args.think / 2, args.think * 1.5))
        except Shed:
            st.shed[kind] += 1
            st.shed_age[kind].append(time.monotonic() - opened)
        except (ConnectionError, OSError):
            st.shed[kind] += 1
            st.shed_age[kind].append(time.monotonic() - opened)
        except asyncio.CancelledError:
            pass
        finally:
            st.open[kind] -= 1
            writer.transport.abort()


async def main_async(args):
    st = Stats()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    weights = {}
    for part in args.mix.split(","):
        k, _, w = part.partition("=")
        weights[k.strip()] = float(w or 1)
    total_w = sum(weights.values())
    kinds = []
    for k, w in weights.items():
        kinds += [k] * int(round(args.count * w / total_w))
    kinds = (kinds + ["readers"] * args.count)[: args.count]
    random.Random(1).shuffle(kinds)

    samples = open(args.samples, "a", buffering=1) if args.samples else None

    async def sampler():
        while not stop.is_set():
            st.peak_open = max(st.peak_open, st.total_open())
            if samples:
                samples.write(f"{time.time():.3f} {st.total_open()} {st.open['headers']} {st.open['readers']} {st.open['posters']} "
                              f"{sum(st.shed.values())} {sum(st.completed.values())} {st.connect_failures} {st.refused_503}\n")
            try:
                await asyncio.wait_for(stop.wait(), 1.0)
            except asyncio.TimeoutError:
                pass

    tasks = [asyncio.ensure_future(sampler())]
    for i, k in enumerate(kinds):
        if stop.is_set():
            break
        tasks.append(asyncio.ensure_future(one_connection(k, args, st, stop)))
        if (i + 1) % max(1, int(args.ramp / 10)) == 0:
            await asyncio.sleep(0.1)
    await stop.wait()
    await asyncio.sleep(0)
    for t in tasks[1:]:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

    def ages(k):
        a = sorted(st.shed_age[k])
        return f"{a[len(a) // 2]:.1f}" if a else "-"
    print(f"peak_open={st.peak_open} shed_headers={st.shed['headers']} shed_readers={st.shed['readers']} "
          f"shed_posters={st.shed['posters']} shed_age_headers_s={ages('headers')} shed_age_readers_s={ages('readers')} "
          f"shed_age_posters_s={ages('posters')} completed_readers={st.completed['readers']} "
          f"completed_posters={st.completed['posters']} idle_closed={st.idle_closed} connect_failures={st.connect_failures} "
          f"refused_503={st.refused_503} down_kb={st.bytes_down // 1024} up_kb={st.bytes_up // 1024} "
          "statuses=" + (",".join(k.replace(" ", ":") + "=" + str(v) for k, v in sorted(st.statuses.items())) or "-"), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--mix", default="headers=1,readers=2,posters=1")
    ap.add_argument("--paths", default="/", help="comma-separated paths the readers ask for")
    ap.add_argument("--down", type=float, default=4096, help="bytes/s each reader takes")
    ap.add_argument("--up", type=float, default=1024, help="bytes/s each poster sends")
    ap.add_argument("--body", type=int, default=32768, help="bytes each poster sends")
    ap.add_argument("--header-bytes", type=int, default=4, help="bytes of head a header-trickler sends a second")
    ap.add_argument("--rtt", type=float, default=0.3)
    ap.add_argument("--think", type=float, default=5.0, help="seconds a reader spends on a page")
    ap.add_argument("--rcvbuf", type=int, default=4096)
    ap.add_argument("--limit", type=int, default=2048, help="asyncio's read buffer limit for readers")
    ap.add_argument("--ramp", type=float, default=200, help="connections opened a second at the start")
    ap.add_argument("--samples", default="")
    args = ap.parse_args()
    args.paths = [p for p in args.paths.split(",") if p]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = args.count + 256
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard) if hard != resource.RLIM_INFINITY else want, hard))
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
