"""A keep-alive HTTP/1.1 load generator, run as its own process by the benchmarks.

It sends pre-built raw requests (already signed, each used once with ``--once``) over N
connections on 127.0.0.1, one request in flight per connection, and prints one JSON line:
requests completed, statuses, elapsed seconds and latency percentiles. With ``--rate`` it is
open-loop: request ``i`` is due at ``start + i / rate`` whether or not earlier ones finished,
and its latency counts from when it was due (no coordinated omission). A server that ends
each response with ``Connection: close`` (gunicorn's sync workers) gets a new connection for
the next request, so connecting counts in its figures, as it does for its real clients.
Its own garbage collector is off for the run (a run's garbage fits in memory many times over):
a collection pause in the sender would count as the server's latency.

    python benchmarks/loadgen.py REQUESTS.msgpack PORT [--connections N] [--duration S]
                                 [--once] [--rate R] [--record FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec


class Load:
    """The shared state: which request goes next, and what came back."""

    def __init__(self, requests: Sequence[bytes], once: bool, deadline: float, port: int) -> None:
        self.requests = requests
        self.port = port
        self.once = once
        self.deadline = deadline
        self.next = 0
        self.statuses: collections.Counter[int] = collections.Counter()
        self.latencies: list[float] = []
        self.records: list[tuple[int, float, int, bytes]] = []  # index, due, status, body
        self.record = False
        self.due: collections.deque[tuple[int, float]] = collections.deque()
        self.paced = False
        self.idle: list[Connection] = []
        self.finished = asyncio.Event()
        self.connections: list[Connection] = []
        self.connecting: set[asyncio.Task[None]] = set()
        self.connect_errors = 0

    def take(self) -> tuple[int, float] | None:
        """The next request to send and when it was due, or None when there is none yet."""
        if self.paced:
            return self.due.popleft() if self.due else None
        now = time.perf_counter()
        if now >= self.deadline or (self.once and self.next >= len(self.requests)):
            return None
        index = self.next % len(self.requests)
        self.next += 1
        return index, now

    async def connect(self) -> None:
        loop = asyncio.get_running_loop()
        while time.perf_counter() < self.deadline and not self.finished.is_set():
            try:
                _, protocol = await loop.create_connection(
                    lambda: Connection(self), "127.0.0.1", self.port
                )
            except OSError:  # a full listen backlog; try again while there is work
                self.connect_errors += 1
                await asyncio.sleep(0.01)
            else:
                self.connections.append(protocol)
                return

    def replace(self) -> None:
        """Open another connection in place of one the server closed after its response."""
        task = asyncio.get_running_loop().create_task(self.connect())
        self.connecting.add(task)
        task.add_done_callback(self.connecting.discard)

    async def settled(self) -> None:
        """Wait until every connection, including replacements, has closed."""
        while waiting := [
            *(c.closed for c in self.connections if not c.closed.done()),
            *(t for t in self.connecting if not t.done()),
        ]:
            await asyncio.wait(waiting)


class Connection(asyncio.Protocol):
    def __init__(self, load: Load) -> None:
        self.load = load
        self.buffer = b""
        self.need: int | None = None
        self.status = 0
        self.close_after = False
        self.index, self.sent = 0, 0.0
        self.closed = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: Any = transport  # uvloop's transports are not asyncio.Transport
        self.send_next()

    def send_next(self) -> None:
        item = self.load.take()
        if item is None:
            if self.load.paced and not self.load.finished.is_set():
                self.load.idle.append(self)
            else:
                self.transport.close()
            return
        self.index, self.sent = item
        self.transport.write(self.load.requests[item[0]])

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            if self.need is None:
                end = self.buffer.find(b"\r\n\r\n")
                if end < 0:
                    return
                head = self.buffer[:end].lower()
                self.status = int(head[9:12])
                self.close_after = b"\r\nconnection: close" in head
                start = head.find(b"\r\ncontent-length:")
                length = int(head[start + 17 : head.find(b"\r\n", start + 2)]) if start >= 0 else 0
                self.need = end + 4 + length
            if len(self.buffer) < self.need:
                return
            self.finish_one(self.buffer[: self.need])
            self.buffer, self.need = self.buffer[self.need :], None

    def finish_one(self, response: bytes) -> None:
        load = self.load
        load.statuses[self.status] += 1
        load.latencies.append(time.perf_counter() - self.sent)
        if load.record:
            body = response[response.find(b"\r\n\r\n") + 4 :]
            load.records.append((self.index, self.sent, self.status, body))
        if self.close_after:
            self.transport.close()
            load.replace()
        else:
            self.send_next()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.closed.done():
            self.closed.set_result(None)


async def pace(load: Load, rate: float, start: float) -> None:
    """Open loop: make request i due at ``start + i / rate``, on an idle connection if any."""
    for index in range(len(load.requests)):
        due = start + index / rate
        if due >= load.deadline:
            break
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        load.due.append((index, due))
        while load.idle and load.due:
            connection = load.idle.pop()
            if not connection.closed.done():  # the server may close a keep-alive connection
                connection.send_next()
    load.finished.set()
    while load.idle:
        load.idle.pop().transport.close()


async def run(args: argparse.Namespace, requests: list[bytes]) -> tuple[dict[str, object], Any]:
    loop = asyncio.get_running_loop()
    epoch, start = time.time(), time.perf_counter()
    load = Load(requests, args.once, start + args.duration, args.port)
    load.record = args.record is not None
    load.paced = args.rate is not None
    pacer = asyncio.create_task(pace(load, args.rate, start)) if load.paced else None
    for _ in range(args.connections):
        _, protocol = await loop.create_connection(lambda: Connection(load), "127.0.0.1", args.port)
        load.connections.append(protocol)
    if pacer:
        await pacer
    # Bounded: every connection closes at the deadline, after its request in flight.
    await asyncio.wait_for(load.settled(), args.duration + 30)
    elapsed = time.perf_counter() - start
    latencies = sorted(load.latencies)

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0
        )

    figures = {
        "completed": len(latencies),
        "elapsed": elapsed,
        "statuses": {str(k): v for k, v in load.statuses.items()},
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "connections": len(load.connections),
        "connect_errors": load.connect_errors,
    }
    return figures, (epoch, start, load.records)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requests")
    parser.add_argument("port", type=int)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--once", action="store_true", help="send each request at most once")
    parser.add_argument("--rate", type=float, help="open-loop requests per second")
    parser.add_argument(
        "--record", help="write [epoch, start, [[index, due, status, body], ...]] as msgpack"
    )
    args = parser.parse_args(argv)
    requests = msgspec.msgpack.decode(Path(args.requests).read_bytes(), type=list[bytes])
    gc.collect()
    gc.freeze()  # the request pool is never garbage: later collections need not walk it
    gc.disable()
    try:
        import uvloop
    except ImportError:  # the plain loop works, only slower
        result, records = asyncio.run(run(args, requests))
    else:
        result, records = uvloop.run(run(args, requests))
    if args.record:
        Path(args.record).write_bytes(msgspec.msgpack.encode(records))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
