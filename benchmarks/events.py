"""Events: decision → the host's receiver, milliseconds, with a running ``Deliverer``.

A real receiver (``http.server`` on loopback) is registered as the site's endpoint; for each of
N comments, one at a time on an idle machine, the worker decides it (``run_once``) and the
time from the decision script's return to the receiver reading the signed request is taken
(each decision at a random moment of the deliverer's poll).
Beside it, the bare floor: the same body POSTed straight to the receiver with one httpx client.
The deliverer polls every ``MODERATION_EVENTS_POLL_SECONDS`` (``--poll``), which bounds the wait.
The receiver speaks HTTP/1.1 and keeps connections alive, as hosts' servers do.

Then the connection cost alone: ``--deliveries`` signed deliveries one at a time through the
``Sender``, alternating a client that opens a fresh connection per delivery (the deliverer's
until connections were kept alive) with the deliverer's ``outbound.client``; per delivery the
CPU time of the event loop's thread (the receiver runs in other threads) and the wall time.
Plain http on loopback: a host's TLS handshake and round trips would add to what is saved.

    python benchmarks/events.py [--comments 50] [--poll 0.2] [--deliveries 300]
"""

from __future__ import annotations

import asyncio
import hashlib
import http.server
import random
import statistics
import threading
import time

import httpx
from harness import arguments, comment_json, describe, drop_site, new_site, store, table

from moderation.api import intake as ingest
from moderation.deliverer import Deliverer
from moderation.outbound import client
from moderation.settings import Settings
from moderation.store.client import connect
from moderation.store.endpoints import Endpoints
from moderation.webhooks import Guard, Outcome, Sender, register
from moderation.worker import Worker


class Receiver:
    def __init__(self) -> None:
        self.arrived: list[float] = []
        self.event = threading.Event()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", "0")))
                owner.arrived.append(time.perf_counter())
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()
                owner.event.set()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def summary(name: str, ms: list[float]) -> list[object]:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return [name, statistics.median(ordered), p95, ordered[-1]]


async def measure(url: str, site_id: str, comments: int, poll: float, deliveries: int) -> None:
    settings = Settings(
        redis_url=url,
        events_allow_http=True,
        events_allow_private_networks=True,
        events_poll_seconds=poll,
    )
    receiver = Receiver()
    redis = connect(url)
    try:
        await register(
            Endpoints(redis, settings.shards, secret_grace_seconds=60),
            Guard(allow_http=True, allow_private=True),
            site_id,
            receiver.url,
            (),
        )
        service = await _service(settings, url, site_id, receiver, comments)
        bare = await _bare(receiver, comments)
        connections = await _connections(receiver, deliveries)
    finally:
        await redis.aclose()
        receiver.server.shutdown()
    print(describe())
    table(
        f"decision → receiver, ms, {comments} comments one at a time (deliverer poll {poll}s)",
        ["path", "p50", "p95", "max"],
        [summary("moderation deliverer", service), summary("bare httpx POST", bare)],
    )
    table(
        f"one signed delivery through the Sender, {deliveries} each, alternating",
        ["client", "CPU ms mean", "wall ms p50", "wall ms p95"],
        [
            [name, statistics.fmean(cpu), *summary(name, wall)[1:3]]
            for name, (cpu, wall) in connections
        ],
    )


async def _service(
    settings: Settings, url: str, site_id: str, receiver: Receiver, comments: int
) -> list[float]:
    ms: list[float] = []
    async with Worker(settings, url) as worker, Deliverer(settings, url) as deliverer:
        running = asyncio.create_task(deliverer.run())
        keys = worker.sites.keys_for(site_id)
        for n in range(comments):
            body = comment_json(f"bench-{n % 10}", f"Komentar yang baik nomor {n}")
            incoming = ingest.parse(body, settings.max_comment_chars)
            record = ingest.record(site_id, incoming)
            await worker.store.accept(keys, record, f"m{n}", hashlib.sha256(body).hexdigest())
            receiver.event.clear()
            # decisions land at random moments of the deliverer's poll, as they would in use
            # (right after a delivery they would always wait a whole poll)
            await asyncio.sleep(random.uniform(0, settings.events_poll_seconds))
            await worker.run_once()
            decided = time.perf_counter()
            await asyncio.to_thread(receiver.event.wait, 30)
            ms.append((receiver.arrived[-1] - decided) * 1000)
        deliverer.stop()
        await running
    return ms


async def _bare(receiver: Receiver, comments: int) -> list[float]:
    ms: list[float] = []
    body = comment_json("bench", "Komentar yang baik")
    async with httpx.AsyncClient() as client:
        for _ in range(comments):
            started = time.perf_counter()
            await client.post(receiver.url, content=body)
            ms.append((receiver.arrived[-1] - started) * 1000)
    return ms


async def _connections(
    receiver: Receiver, deliveries: int
) -> list[tuple[str, tuple[list[float], list[float]]]]:
    guard = Guard(allow_http=True, allow_private=True)
    fresh = httpx.AsyncClient(
        follow_redirects=False, trust_env=False, limits=httpx.Limits(max_keepalive_connections=0)
    )
    clients = {"fresh connection each (before)": fresh, "outbound.client (after)": client(15.0)}
    taken: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in clients}
    body = comment_json("bench", "Komentar yang baik " * 20)
    try:
        senders = {name: Sender(http, guard, 15.0) for name, http in clients.items()}
        for n in range(deliveries):
            order = list(senders.items())
            for name, sender in order if n % 2 else reversed(order):
                cpu, wall = time.thread_time(), time.perf_counter()
                attempt = await sender.send(receiver.url, [b"k" * 32], f"evt_{n}", body)
                taken[name][1].append((time.perf_counter() - wall) * 1000)
                taken[name][0].append((time.thread_time() - cpu) * 1000)
                assert attempt.outcome is Outcome.DELIVERED, attempt
    finally:
        for http in clients.values():
            await http.aclose()
    return list(taken.items())


def main() -> None:
    parser = arguments(__doc__ or "")
    parser.add_argument("--comments", type=int, default=50)
    parser.add_argument("--poll", type=float, default=Settings().events_poll_seconds)
    parser.add_argument("--deliveries", type=int, default=300)
    args = parser.parse_args()
    with store(args.redis_url, args.appendfsync) as url:
        site = new_site(url)
        try:
            asyncio.run(measure(url, site.id, args.comments, args.poll, args.deliveries))
        finally:
            drop_site(url, site.id)


if __name__ == "__main__":
    main()
