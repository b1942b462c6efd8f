"""Latency: intake to decision, p50/p99, at a steady 1,000 comments/s on ``moderation serve``.

An open-loop sender (``loadgen.py --rate``) makes comment i due at ``start + i / rate`` and
sends it on an idle connection; every latency counts from when the comment was due, so a
stalled server cannot hide its queueing. Decision time is the comment's ``decision.decided_at``
(millisecond resolution, truncated) read from the store after the run. Beside it, the bare
Starlette app (one uvicorn process, like ``serve``) answers the same paced requests.

    python benchmarks/latency.py [--duration 10] [--rate 1000] [--connections 64]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

import msgspec
from harness import (
    arguments,
    bare_api,
    describe,
    drop_site,
    free_port,
    moderation_serve,
    new_site,
    python_load,
    server,
    service_env,
    shared,
    signed_posts,
    store,
    table,
)

from moderation.settings import Settings
from moderation.store import keys
from moderation.store.client import connect

TARGET_P99_MS = 50.0
Records = tuple[float, float, list[tuple[int, float, int, bytes]]]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else float("nan")


async def decided_at(url: str, site_id: str, ids: list[str], wait: float) -> dict[str, float]:
    """Each comment's decision time (epoch seconds), waiting up to ``wait`` s for stragglers."""
    site_keys = keys.SiteKeys(site_id, Settings.from_env().shards)
    redis = connect(url)
    found: dict[str, float] = {}
    deadline = time.monotonic() + wait
    try:
        while True:
            missing = [i for i in ids if i not in found]
            pipe = redis.pipeline(transaction=False)
            for comment_id in missing:
                pipe.hget(site_keys.comment(comment_id), "decision")
            for comment_id, raw in zip(missing, await pipe.execute(), strict=True):
                if raw:
                    stamp = msgspec.json.decode(raw)["decided_at"]
                    found[comment_id] = dt.datetime.fromisoformat(stamp).timestamp()
            if len(found) == len(ids) or time.monotonic() > deadline:
                return found
            await asyncio.sleep(0.2)
    finally:
        await redis.aclose()


def paced(requests: list[bytes], port: int, args: Any) -> tuple[dict[str, Any], Records]:
    with tempfile.TemporaryDirectory(prefix="modbench-lat-") as folder:
        record = Path(folder) / "records.msgpack"
        figures = python_load(
            requests,
            port,
            duration=args.duration,
            connections=args.connections,
            once=True,
            rate=args.rate,
            record=record,
        )
        records = msgspec.msgpack.decode(record.read_bytes())
    return figures, records


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], duration=10.0)
    parser.add_argument("--rate", type=float, default=1000.0)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    print(describe())
    count = int(args.rate * args.duration)
    with store(args.redis_url, args.appendfsync) as url:
        site = new_site(url)
        try:
            port = free_port()
            with server(bare_api(port, workers=1), port):
                bare, _ = paced(signed_posts(port, site, count), port, args)
            with server(moderation_serve(port), port, service_env(url)):
                ours, (epoch, start, records) = paced(signed_posts(port, site, count), port, args)
                sent = {
                    msgspec.json.decode(body)["id"]: epoch + (due - start)
                    for _, due, status, body in records
                    if status == 202
                }
                decided = asyncio.run(decided_at(url, site.id, list(sent), wait=15))
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    latencies = [(decided[i] - sent[i]) * 1000 for i in decided]
    p50, p99 = percentile(latencies, 0.50), percentile(latencies, 0.99)
    table(
        f"Latency at {args.rate:,.0f} comments/s for {args.duration:.0f}s, open loop, "
        f"{args.connections} connections",
        ["measure", "comments", "p50 ms", "p99 ms", "max ms"],
        [
            [
                "bare Starlette POST (1 process): response",
                bare["completed"],
                bare["p50_ms"],
                bare["p99_ms"],
                "-",
            ],
            [
                "moderation serve: 202 response",
                ours["completed"],
                ours["p50_ms"],
                ours["p99_ms"],
                "-",
            ],
            [
                "moderation serve: intake to decision",
                len(latencies),
                p50,
                p99,
                max(latencies, default=float("nan")),
            ],
        ],
    )
    print(
        f"sent {count:,}; answered 202: {len(sent):,} (statuses {ours['statuses']}); "
        f"decided: {len(decided):,}"
    )
    verdict = "met" if p99 <= TARGET_P99_MS and len(decided) == len(sent) else "NOT met"
    print(f"target: p99 <= {TARGET_P99_MS:.0f} ms -> {verdict}")


if __name__ == "__main__":
    main()
