"""Thread render (the widget cache's miss path): ms to build one page of a thread's tree from
its whole ``all`` index, beside the bare Redis reads of the same comments.

Seeds threads of 50, 500 and 5,000 published comments (a third of them replies, one reply in
twenty under a parent readers may not see) straight into Redis, then times
``store.threads.thread_page`` (reads, placeholders, tree, sizes, trim) and, as the baseline,
the same ZRANGE plus one pipelined HGET per comment with nothing built.

    python benchmarks/thread_render.py [--renders 50] [--redis-url URL]
"""

from __future__ import annotations

import asyncio
import functools
import random
import time
from collections.abc import Awaitable, Callable

import msgspec
from harness import arguments, drop_site, new_site, shared, store, table
from redis.typing import EncodableT, FieldT

from moderation import clock, ids
from moderation.models import Author, Comment, PublicComment, Thread
from moderation.settings import Settings
from moderation.store import threads
from moderation.store.client import Redis, connect
from moderation.store.keys import SiteKeys

SIZES = (50, 500, 5_000)
encode = msgspec.json.Encoder().encode


async def seed(redis: Redis, keys: SiteKeys, thread: str, size: int) -> None:
    now_ms = int(time.time() * 1000) - size
    made: list[str] = []
    pipe = redis.pipeline(transaction=False)
    for n in range(size):
        comment_id = ids.new_id(now_ms + n)
        parent = random.choice(made) if made and n % 3 == 0 else None
        at = clock.rfc3339(clock.now())
        body = f"Komentar {n}: programnya bagus, semoga cepat selesai."
        record = Comment(
            comment_id, keys.site_id, Thread(thread), Author(f"Pembaca {n}"), body, at, at, parent
        )
        public = PublicComment(comment_id, thread, record.author.name, body, at, parent)
        hidden = n % 20 == 7  # a parent readers may not see: its replies get a placeholder
        fields: dict[FieldT, EncodableT] = {
            "rec": encode(record),
            "status": "held" if hidden else "approved",
        }
        if not hidden:
            fields["pub"] = encode(public)
            pipe.zadd(keys.thread_all(thread), {comment_id: 0})
            pipe.zadd(keys.replies(parent) if parent else keys.thread_top(thread), {comment_id: 0})
        pipe.hset(keys.comment(comment_id), mapping=fields)
        made.append(comment_id)
    await pipe.execute()


async def bare(redis: Redis, keys: SiteKeys, thread: str) -> None:
    members = await redis.zrange(keys.thread_all(thread), 0, threads.MAX_THREAD - 1)
    pipe = redis.pipeline(transaction=False)
    for member in members:
        pipe.hget(
            keys.comment(member.decode() if isinstance(member, bytes) else str(member)), "pub"
        )
    await pipe.execute()


async def timed(url: str, keys: SiteKeys, renders: int) -> list[list[object]]:
    redis = connect(url)
    rows: list[list[object]] = []
    try:
        for size in SIZES:
            thread = f"bench-{size}"
            await seed(redis, keys, thread, size)
            page = threads.Page(limit=20, replies=3)
            render = functools.partial(threads.thread_page, redis, keys, thread, page)
            ours = await _ms(renders, render)
            base = await _ms(renders, functools.partial(bare, redis, keys, thread))
            rows.append([size, ours, base, ours / base])
    finally:
        await redis.aclose()
    return rows


async def _ms(renders: int, call: Callable[[], Awaitable[object]]) -> float:
    await call()  # warm
    started = time.perf_counter()
    for _ in range(renders):
        await call()
    return (time.perf_counter() - started) * 1000 / renders


def main() -> None:
    parser = arguments(__doc__ or "")
    parser.add_argument("--renders", type=int, default=50)
    args = parser.parse_args()
    with store(args.redis_url) as url:
        site = new_site(url)
        try:
            rows = asyncio.run(timed(url, SiteKeys(site.id, Settings().shards), args.renders))
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    table(
        "Thread render on a cache miss (one page of 20, 3 replies each)",
        ["comments", "render ms", "bare reads ms", "ratio"],
        rows,
    )


if __name__ == "__main__":
    main()
