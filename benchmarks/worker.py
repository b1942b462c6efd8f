"""Worker: queue → decision, comments per second for one worker process (``Worker.run_once``).

Seeds N queued comments through ``Store.accept`` (what intake does after checking the
signature), then, in the same process and run:

1. bare consumers: a throwaway consumer group reads the same streams with XREADGROUP and XACKs
   each batch, with no processing (the floor the queue itself sets);
2. ``Worker.run_once()``: read, fetch records and signals, run the pipeline, apply decisions,
   in ``--processes`` worker processes at once on the same streams (one consumer group).

``--pipeline none`` runs no filters (the policy alone decides), to show the worker's own part
beside the filters'. CPU columns are the worker processes' and the store's own CPU seconds,
steadier than wall time on a shared machine.

    python benchmarks/worker.py [--comments 10000] [--processes 1] [--pipeline default|none]
                                [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import itertools
import logging
import multiprocessing
import pstats
import secrets
import time
from multiprocessing.synchronize import Barrier
from typing import cast

import msgspec
from harness import (
    arguments,
    comment_json,
    describe,
    drop_site,
    new_site,
    shared,
    store,
    table,
    texts,
)

from moderation.api import intake as ingest
from moderation.filters.pipeline import Pipeline
from moderation.models import CommentIn
from moderation.settings import Settings
from moderation.store import keys
from moderation.store.client import Redis, connect
from moderation.store.comments import Store
from moderation.store.scripts import Scripts
from moderation.worker import Worker

TARGET = 5_000
_decode = msgspec.json.Decoder(CommentIn).decode


async def seed(redis: Redis, settings: Settings, site_id: str, count: int) -> None:
    """Queue ``count`` comments as intake does, 50 scripts in flight at a time."""
    store = Store(
        redis,
        Scripts(),
        idempotency_ttl=settings.idempotency_ttl_seconds,
        recent_size=settings.recent_size,
    )
    site_keys = keys.SiteKeys(site_id, settings.shards)
    pool = itertools.cycle(texts())

    async def one(i: int) -> None:
        incoming = _decode(comment_json(f"t{i % 500}", next(pool), f"author{i % 2000}"))
        comment = ingest.record(site_id, incoming)
        await store.accept(site_keys, comment, f"msg_{secrets.token_hex(12)}", f"{i:064x}")

    for start in range(0, count, 50):
        await asyncio.gather(*(one(i) for i in range(start, min(start + 50, count))))


async def bare_consumers(redis: Redis, settings: Settings, batch: int) -> tuple[int, float]:
    """XREADGROUP + XACK every entry of every shard through a throwaway group."""
    group = f"bench-{secrets.token_hex(4)}"
    streams = [keys.queue(shard) for shard in range(settings.shards)]
    for stream in streams:
        await redis.xgroup_create(stream, group, id="0", mkstream=True)
    done, start = 0, time.perf_counter()
    try:
        for stream in streams:
            while reply := await redis.xreadgroup(group, "bare", {stream: ">"}, count=batch):
                read = cast("list[tuple[bytes, list[tuple[bytes, object]]]]", reply)  # RESP2 shape
                entries = [entry_id for _, batch_entries in read for entry_id, _ in batch_entries]
                if not entries:
                    break
                await redis.xack(stream, group, *entries)
                done += len(entries)
        return done, time.perf_counter() - start
    finally:
        for stream in streams:
            await redis.xgroup_destroy(stream, group)


class Failures(logging.Handler):
    """Counts the worker's per-message failures instead of printing thousands of lines."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count, self.first = 0, ""

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.first = self.first or record.getMessage()


async def store_cpu(url: str) -> float:
    """The store's CPU seconds so far (user + system)."""
    redis = connect(url)
    try:
        info = await redis.info("cpu")
    finally:
        await redis.aclose()
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def pipeline(name: str) -> Pipeline:
    return Pipeline([]) if name == "none" else Pipeline.default()


async def drain(url: str, filters: str, profile: bool, barrier: Barrier | None) -> Drained:
    """One worker process's ``run_once``: comments decided, wall and CPU seconds."""
    settings = Settings.from_env().replace(redis_url=url)
    failures = Failures()
    worker_log = logging.getLogger("moderation.worker")
    worker_log.addHandler(failures)
    worker_log.propagate = False
    async with Worker(settings, url, pipeline=pipeline(filters)) as worker:
        if barrier is not None:
            barrier.wait()  # every process starts together
        # CPU time, not wall time: on a shared machine waiting for a core is not our cost.
        profiler = cProfile.Profile(time.process_time) if profile else None
        start, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        decided = await worker.run_once()
        if profiler:
            profiler.disable()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if failures.count:
        print(f"warning: {failures.count:,} worker warnings/errors; the first: {failures.first}")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    return decided, elapsed, cpu


Drained = tuple[int, float, float]


def _process(url: str, filters: str, barrier: Barrier, out: multiprocessing.Queue[Drained]) -> None:
    out.put(asyncio.run(drain(url, filters, False, barrier)))


def in_processes(url: str, filters: str, processes: int) -> tuple[int, float, float]:
    """``processes`` workers started together: comments decided, wall seconds until the last
    is done, CPU seconds of them all."""
    context = multiprocessing.get_context("spawn")
    barrier, out = context.Barrier(processes + 1), context.Queue()
    started = [
        context.Process(target=_process, args=(url, filters, barrier, out))
        for _ in range(processes)
    ]
    for process in started:
        process.start()
    barrier.wait()
    start = time.perf_counter()
    results = [out.get() for _ in started]
    elapsed = time.perf_counter() - start
    for process in started:
        process.join()
    return sum(r[0] for r in results), elapsed, sum(r[2] for r in results)


async def prepared(url: str, site_id: str, count: int) -> tuple[int, float]:
    """Seed the queue; the bare consumers' count and seconds."""
    settings = Settings.from_env().replace(redis_url=url)
    redis = connect(url)
    try:
        began = time.perf_counter()
        await seed(redis, settings, site_id, count)
        print(f"seeded {count:,} queued comments in {time.perf_counter() - began:.1f}s")
        return await bare_consumers(redis, settings, settings.batch_size)
    finally:
        await redis.aclose()


def run(url: str, site_id: str, args: argparse.Namespace) -> list[list[object]]:
    count = args.comments
    bare, bare_s = asyncio.run(prepared(url, site_id, count))
    store_before = asyncio.run(store_cpu(url))
    if args.processes == 1:
        decided, elapsed, cpu = asyncio.run(drain(url, args.pipeline, args.profile, None))
    else:
        decided, elapsed, cpu = in_processes(url, args.pipeline, args.processes)
    store_s = asyncio.run(store_cpu(url)) - store_before
    if decided < count:
        print(f"warning: only {decided:,} of {count:,} comments were decided")
    name = f"Worker.run_once() x{args.processes}, pipeline {args.pipeline}"
    return [
        ["bare consumers (XREADGROUP+XACK)", bare, bare_s, bare / bare_s, 1.0, "", "", ""],
        [
            name,
            decided,
            elapsed,
            decided / elapsed,
            (decided / elapsed) / (bare / bare_s),
            cpu,
            decided / cpu,
            store_s,
        ],
    ]


def main() -> None:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=1, help="worker processes at once")
    parser.add_argument("--pipeline", choices=["default", "none"], default="default")
    parser.add_argument("--profile", action="store_true", help="cProfile run_once, print top 20")
    args = parser.parse_args()
    if args.profile and args.processes != 1:
        parser.error("--profile profiles one process")
    print(describe())
    with store(args.redis_url) as url:
        site = new_site(url)
        try:
            rows = run(url, site.id, args)
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    table(
        "Worker, batch size from MODERATION_BATCH_SIZE (default 100)",
        [
            "run",
            "comments",
            "seconds",
            "per second",
            "ratio",
            "worker CPU s",
            "per CPU s",
            "store CPU s",
        ],
        rows,
    )
    rate = float(rows[1][3])  # type: ignore[arg-type]
    target = TARGET if args.processes == 1 else TARGET * 1.7
    print(f"target: >= {target:,.0f}/s -> {'met' if rate >= target else 'NOT met'}")


if __name__ == "__main__":
    main()
