"""Worker: queue → decision, comments per second for one worker process (``Worker.run_once``).

Seeds N queued comments through ``Store.accept`` (what intake does after checking the
signature), then, in the same process and run:

1. bare consumers: a throwaway consumer group reads the same streams with XREADGROUP and XACKs
   each batch, with no processing (the floor the queue itself sets);
2. ``Worker.run_once()``: read, fetch records and signals, run the pipeline, apply decisions.

    python benchmarks/worker.py [--comments 10000] [--profile]
"""

from __future__ import annotations

import asyncio
import cProfile
import itertools
import logging
import pstats
import secrets
import time

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
                entries = [entry_id for _, batch_entries in reply for entry_id, _ in batch_entries]
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


async def run(url: str, site_id: str, count: int, profile: bool) -> list[list[object]]:
    settings = Settings.from_env().replace(redis_url=url)
    redis = connect(url)
    try:
        began = time.perf_counter()
        await seed(redis, settings, site_id, count)
        print(f"seeded {count:,} queued comments in {time.perf_counter() - began:.1f}s")
        bare, bare_s = await bare_consumers(redis, settings, settings.batch_size)
    finally:
        await redis.aclose()
    failures = Failures()
    worker_log = logging.getLogger("moderation.worker")
    worker_log.addHandler(failures)
    worker_log.propagate = False
    async with Worker(settings, url) as worker:
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        decided = await worker.run_once()
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - start
    if failures.count:
        print(f"warning: {failures.count:,} worker warnings/errors; the first: {failures.first}")
    if decided < count:
        print(f"warning: only {decided:,} of {count:,} comments were decided")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    rows: list[list[object]] = [
        ["bare consumers (XREADGROUP+XACK)", bare, bare_s, bare / bare_s, 1.0],
        [
            "Worker.run_once()",
            decided,
            elapsed,
            decided / elapsed,
            (decided / elapsed) / (bare / bare_s),
        ],
    ]
    return rows


def main() -> None:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="cProfile run_once, print top 20")
    args = parser.parse_args()
    print(describe())
    with store(args.redis_url) as url:
        site = new_site(url)
        try:
            rows = asyncio.run(run(url, site.id, args.comments, args.profile))
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    table(
        "Worker, one process, batch size from MODERATION_BATCH_SIZE (default 100)",
        ["run", "comments", "seconds", "per second", "ratio"],
        rows,
    )
    rate = float(rows[1][3])  # type: ignore[arg-type]
    print(f"target: >= {TARGET:,}/s per worker process -> {'met' if rate >= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
