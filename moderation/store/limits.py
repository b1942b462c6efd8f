"""Readers' rate limits, per site (``keys.rate``): ``per`` requests in any minute.

Reports (``store/reports.py``) and reads of a reader's own held comments (``api/pending.py``)
are limited here. ``limit.lua`` runs the generic cell rate algorithm: a burst of ``per``
requests, then one every ``60 / per`` seconds, with no window edge at which twice the limit
gets through, and one short-lived key per limit. Past a limit a request is refused with 429
and ``Retry-After``, the seconds until one more would be taken; a refused request takes
nothing, so a client that waits as told gets through.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from moderation.errors import TooManyRequests
from moderation.store.client import Redis
from moderation.store.keys import SiteKeys
from moderation.store.scripts import LIMIT, Call

PERIOD = 60.0  # seconds each limit's ``per`` counts over


def take_call(keys: SiteKeys, limits: Sequence[tuple[str, int]], now: float) -> Call:
    """``limit.lua`` for (name, per period) pairs at ``now`` (seconds since the epoch)."""
    return LIMIT.call(
        limits=[keys.rate(name) for name, _ in limits],
        now=int(now * 1000),
        period=int(PERIOD * 1000),
        pers=[per for _, per in limits],
    )


async def take(
    redis: Redis,
    keys: SiteKeys,
    limits: Sequence[tuple[str, int]],
    message: str,
    now: float | None = None,
) -> None:
    """Take one request from every limit, or raise the 429 (``message``) and take none."""
    call = take_call(keys, limits, time.time() if now is None else now)
    wait_ms = int(await call(redis))
    if wait_ms > 0:
        retry = str(max(1, math.ceil(wait_ms / 1000)))
        raise TooManyRequests(message, headers={"Retry-After": retry})


async def pending_reads(redis: Redis, keys: SiteKeys, reader: str, per: int) -> None:
    """At most ``per`` reads a minute of a thread's pending comments from one reader."""
    message = "too many reads of pending comments; try again later"
    await take(redis, keys, [(f"p:{reader}", per)], message)
