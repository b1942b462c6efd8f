"""Readers' rate-limit counters: one per name and minute, gone after two minutes."""

from __future__ import annotations

import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store import limits
from moderation.store.keys import SiteKeys

pytestmark = pytest.mark.anyio


async def test_each_counter_counts_on_its_own(redis: aioredis.Redis, settings: Settings) -> None:
    """Counting two counters at once returns each one's count in this window."""
    keys = SiteKeys("kediri", settings.shards)
    await limits.count(redis, keys, "p:ani")
    assert await limits.count(redis, keys, "p:ani", "p:budi") == [2, 1]


async def test_a_counter_expires_after_two_windows(
    redis: aioredis.Redis, settings: Settings
) -> None:
    """A window's counter is kept no longer than two windows."""
    keys = SiteKeys("kediri", settings.shards)
    await limits.count(redis, keys, "p:ani")
    [key] = await redis.keys(keys.rate("p:ani:*"))
    assert 0 < await redis.ttl(key) <= 2 * limits.WINDOW
