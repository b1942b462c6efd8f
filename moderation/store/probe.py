"""Whether the store takes writes: a ping is not enough (a full or read-only store answers
pings but refuses every intake)."""

from __future__ import annotations

import time

from moderation.store import keys
from moderation.store.client import Redis


async def writable(redis: Redis) -> None:
    """Write one small expiring key; raises the store's error (OOM, READONLY, …) if refused."""
    await redis.set(keys.READY, int(time.time()), ex=60)
