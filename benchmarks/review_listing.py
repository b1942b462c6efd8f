"""Review queue: latency of one page of 50 held items when a site has 100,000 held comments.

Seeds the records straight into Redis in pipelined batches (as the worker would leave them:
record, decision, one history line, a shared author hash), then calls
``GET /v1/sites/<site>/review?limit=50&cursor=<random id>`` on the app in-process (httpx
ASGI transport: auth, three Redis round trips, JSON; no socket) and prints p50/p99. A second
row times a thread filter that matches 1 item in 100, which has to scan; then a ``q=`` text
search that matches every body, one that matches a single body (so it scans the full 5,000
ids a page may look at), an author filter (1 in 1,000; ban-and-reject's scan), and the
merged ``all`` queue.

    python benchmarks/review_listing.py [--held 100000] [--requests 300] [--redis-url URL]
"""

from __future__ import annotations

import asyncio
import random
import secrets
import time
from typing import Any

import httpx
import msgspec
from harness import arguments, drop_site, new_site, shared, store, table

from moderation import clock, ids
from moderation.api.app import create_app
from moderation.models import (
    Action,
    AuditAction,
    AuditEntry,
    Author,
    Comment,
    Decision,
    FilterName,
    Finding,
    Status,
    Thread,
)
from moderation.settings import Settings
from moderation.store.client import connect
from moderation.store.keys import SiteKeys
from moderation.store.tokens import Role, Tokens

TARGET_P99_MS = 20.0
PAGE = 50
BATCH = 5_000
encode = msgspec.json.Encoder().encode


def record(site_id: str, n: int, now_ms: int) -> tuple[Comment, Decision]:
    comment = Comment(
        id=ids.new_id(now_ms + n),
        site=site_id,
        thread=Thread(id=f"thread-{n % 100}", url=f"https://example.com/{n % 100}"),
        author=Author(name=f"Reader {n % 1000}", id=f"reader-{n % 1000}"),
        body=f"Comment {n}: the new bridge opened this morning and traffic is lighter already.",
        created_at=clock.rfc3339(clock.now()),
        received_at=clock.rfc3339(clock.now()),
    )
    finding = Finding(filter=FilterName.POLICY, rule="premoderation:all", action=Action.HOLD)
    decision = Decision(Status.HELD, (finding,), clock.rfc3339(clock.now()))
    return comment, decision


async def seed(url: str, keys: SiteKeys, held: int) -> list[str]:
    redis = connect(url)
    now_ms = int(time.time() * 1000) - held
    seeded: list[str] = []
    try:
        for start in range(0, held, BATCH):
            pipe = redis.pipeline(transaction=False)
            for n in range(start, min(start + BATCH, held)):
                comment, decision = record(keys.site_id, n, now_ms)
                entry = AuditEntry(
                    at=decision.decided_at,
                    actor="pipeline",
                    action=AuditAction.AUTO,
                    comment=comment.id,
                    from_status="queued",
                    to="held",
                )
                pipe.hset(
                    keys.comment(comment.id),
                    mapping={
                        "status": "held",
                        "thread": comment.thread.id,
                        "rec": encode(comment),
                        "decision": encode(decision),
                        "v": 2,
                    },
                )
                pipe.rpush(keys.history(comment.id), b"0-1 2 " + encode(entry))
                pipe.zadd(keys.by_status("held"), {comment.id: 0})
                seeded.append(comment.id)
            await pipe.execute()
        for n in range(1000):
            await redis.hset(keys.author(f"reader-{n}"), mapping={"approved": n % 7})
        return seeded
    finally:
        await redis.aclose()


async def timed(url: str, site_id: str, seeded: list[str], requests: int) -> list[list[Any]]:
    settings = Settings(redis_url=url)
    redis = connect(url)
    token = await Tokens(redis).create(f"bench-{secrets.token_hex(3)}", Role.MODERATOR, (site_id,))
    await redis.aclose()
    app = create_app(settings, url)
    rows = []
    async with app.router.lifespan_context(app) as state:

        async def with_state(scope: Any, receive: Any, send: Any) -> None:
            scope["state"] = dict(state or {})
            await app(scope, receive, send)

        transport = httpx.ASGITransport(app=with_state)
        headers = {"authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            base = f"/v1/sites/{site_id}/review"
            plain = [{"limit": PAGE, "cursor": random.choice(seeded)} for _ in range(requests)]
            rows.append(["held, page of 50", *await latencies(client, base, headers, plain)])
            filtered = [
                {"limit": PAGE, "thread": "thread-7", "cursor": random.choice(seeded)}
                for _ in range(max(requests // 10, 10))
            ]
            rows.append(["held, thread filter", *await latencies(client, base, headers, filtered)])
            # A search reads every body it passes, up to the scan limit (5,000) per page.
            search = [
                {"limit": PAGE, "q": "BRIDGE OPENED", "cursor": random.choice(seeded)}
                for _ in range(max(requests // 10, 10))
            ]
            rows.append(["held, q= (every body)", *await latencies(client, base, headers, search)])
            rare = [
                {"limit": PAGE, "q": f"Comment {random.randrange(len(seeded))}:"}
                for _ in range(max(requests // 10, 10))
            ]
            rows.append(
                ["held, q= rare (5,000 scanned)", *await latencies(client, base, headers, rare)]
            )
            by_author = [
                {"limit": PAGE, "author": f"reader-{random.randrange(1000)}"}
                for _ in range(max(requests // 10, 10))
            ]
            rows.append(["held, author filter", *await latencies(client, base, headers, by_author)])
            every = [
                {"limit": PAGE, "queue": "all", "cursor": random.choice(seeded)}
                for _ in range(requests)
            ]
            rows.append(["all, page of 50", *await latencies(client, base, headers, every)])
    return rows


async def latencies(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], queries: list[dict[str, Any]]
) -> list[Any]:
    for query in queries[:10]:  # warm the connection pool and the scripts
        await client.get(url, params=query, headers=headers)
    times = []
    for query in queries:
        started = time.perf_counter()
        response = await client.get(url, params=query, headers=headers)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return [len(times), times[len(times) // 2], p99]


def main() -> None:
    parser = arguments(__doc__ or "", 0)
    parser.add_argument("--held", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with store(args.redis_url) as url:
        site = new_site(url)
        keys = SiteKeys(site.id, Settings().shards)
        try:
            started = time.perf_counter()
            seeded = asyncio.run(seed(url, keys, args.held))
            print(f"seeded {len(seeded):,} held comments in {time.perf_counter() - started:.1f}s")
            rows = asyncio.run(timed(url, site.id, seeded, args.requests))
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    table(
        f"Review listing, {args.held:,} held (target p99 < {TARGET_P99_MS:.0f} ms for 50)",
        ["query", "requests", "p50 ms", "p99 ms"],
        rows,
    )


if __name__ == "__main__":
    main()
