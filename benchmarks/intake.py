"""Intake: signed comments accepted per second by ``moderation api --workers 2``.

Beside it, in the same run and with the same load generator, a bare Starlette app with one
JSON POST route under uvicorn with 2 workers receives the same requests. Every request to the
service carries a fresh Standard Webhooks signature and a unique ``webhook-id``, so every
202 is a comment recorded and queued in the store (fsync'ed, as ``serve`` runs it).

    python benchmarks/intake.py [--duration 8] [--connections 64] [--generator auto|wrk|python]
"""

from __future__ import annotations

import asyncio
from typing import Any

from harness import (
    arguments,
    bare_api,
    describe,
    drop_site,
    free_port,
    generator,
    moderation_api,
    new_site,
    python_load,
    server,
    service_env,
    shared,
    signed_posts,
    store,
    table,
    wrk_load,
)

from moderation.settings import Settings
from moderation.store import keys
from moderation.store.client import connect

TARGET = 8_000


def load(kind: str, requests: list[bytes], port: int, args: Any, once: bool) -> dict[str, Any]:
    if kind == "wrk":
        result = wrk_load(
            requests,
            port,
            duration=args.duration,
            wanted=202,
            connections=args.connections,
            once=once,
        )
    else:
        result = python_load(
            requests, port, duration=args.duration, connections=args.connections, once=once
        )
        result["ok"] = result["statuses"].get("202", 0)
        result["reused"] = 0
    result["rate"] = result["ok"] / result["elapsed"]
    return result


def queued(url: str, site_id: str) -> int:
    async def count() -> int:
        redis = connect(url)
        try:
            site_keys = keys.SiteKeys(site_id, Settings().shards)
            n: int = await redis.zcard(site_keys.by_status("queued"))
            return n
        finally:
            await redis.aclose()

    return asyncio.run(count())


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], duration=8.0)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument(
        "--pool",
        type=int,
        help="signed requests to prepare (default 12,000 per second of --duration)",
    )
    args = parser.parse_args()
    print(describe())
    kind = generator(args.generator)
    with store(args.redis_url, args.appendfsync) as url:
        site = new_site(url)
        try:
            port = free_port()
            pool = signed_posts(port, site, args.pool or int(12_000 * args.duration))
            print(f"store {url}; generator {kind}; {len(pool):,} signed requests prepared")
            with server(bare_api(port), port):
                bare = load(kind, pool, port, args, once=False)
            # Signatures are checked against the clock: sign afresh (ids stay unique too).
            pool = signed_posts(port, site, len(pool))
            with server(moderation_api(port), port, service_env(url)):
                ours = load(kind, pool, port, args, once=True)
            stored = queued(url, site.id)
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    table(
        f"Intake, 2 uvicorn workers, {args.connections} connections, {kind} load generator",
        ["run", "requests", "2xx", "other", "per second", "p50 ms", "p99 ms", "ratio"],
        [
            [
                "bare Starlette JSON POST",
                bare["completed"],
                bare["ok"],
                bare["completed"] - bare["ok"],
                bare["rate"],
                bare["p50_ms"],
                bare["p99_ms"],
                1.0,
            ],
            [
                "moderation api (202 queued)",
                ours["completed"],
                ours["ok"],
                ours["completed"] - ours["ok"],
                ours["rate"],
                ours["p50_ms"],
                ours["p99_ms"],
                ours["rate"] / bare["rate"],
            ],
        ],
    )
    print(f"comments found queued in the store: {stored:,} (202s answered: {ours['ok']:,})")
    if ours.get("reused"):
        print(f"warning: the pool ran out; {ours['reused']} requests were resent (duplicates)")
    print(f"target: >= {TARGET:,}/s -> {'met' if ours['rate'] >= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
