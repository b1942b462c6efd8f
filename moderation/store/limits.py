"""Readers' rate limits: counters in fixed one-minute windows, per site (``keys.rate``).

Reports (``store/reports.py``) and reads of a reader's own held comments (``api/pending.py``)
count here; past its limit a request is refused with 429 and ``Retry-After``, the seconds
left in the window.
"""

from __future__ import annotations

import time

from moderation.errors import TooManyRequests
from moderation.store.client import Redis
from moderation.store.keys import SiteKeys

WINDOW = 60  # seconds of each window


async def count(redis: Redis, keys: SiteKeys, *counters: str) -> list[int]:
    """Count one more on each counter in this window (one round trip); each one's count."""
    window = int(time.time()) // WINDOW
    pipe = redis.pipeline(transaction=False)
    for counter in counters:
        key = keys.rate(f"{counter}:{window}")
        pipe.incr(key)
        pipe.expire(key, WINDOW * 2)
    replies = await pipe.execute()
    return [int(n) for n in replies[::2]]


def too_many(message: str) -> TooManyRequests:
    """The 429 to raise, saying when the window ends."""
    retry = str(WINDOW - int(time.time()) % WINDOW)
    return TooManyRequests(message, headers={"Retry-After": retry})


async def pending_reads(redis: Redis, keys: SiteKeys, reader: str, per: int) -> None:
    """At most ``per`` reads a minute of a thread's pending comments from one reader."""
    [reads] = await count(redis, keys, f"p:{reader}")
    if reads > per:
        raise too_many("too many reads of pending comments; try again later")
