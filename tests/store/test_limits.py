"""Readers' rate limits (GCRA in ``limit.lua``): a burst of ``per``, then one per ``60 / per`` s."""

from __future__ import annotations

import pytest
import redis.asyncio as aioredis

from moderation.errors import TooManyRequests
from moderation.settings import Settings
from moderation.store import limits
from moderation.store.keys import SiteKeys

pytestmark = pytest.mark.anyio

# just before a minute's edge: a fixed one-minute window would let a second burst in after it
T = 1_800_000_000 * 60 - 0.5


@pytest.fixture
def keys(settings: Settings) -> SiteKeys:
    return SiteKeys("kediri", settings.shards)


async def taken(redis: aioredis.Redis, keys: SiteKeys, at: float, **pers: int) -> str | None:
    """None when one request was taken from each limit, else the 429's Retry-After."""
    try:
        await limits.take(redis, keys, list(pers.items()), "slow down", now=at)
    except TooManyRequests as refused:
        return refused.headers["Retry-After"]
    return None


async def test_a_burst_of_per_then_a_429_saying_when(redis: aioredis.Redis, keys: SiteKeys) -> None:
    """Three a minute: three at once are taken, the fourth waits the 20 s of one request."""
    answers = [await taken(redis, keys, T + i / 10, ani=3) for i in range(4)]
    assert answers == [None, None, None, "20"]


async def test_no_second_burst_past_a_minutes_edge(redis: aioredis.Redis, keys: SiteKeys) -> None:
    """A second after the burst (across a clock minute), still only what has refilled."""
    for _ in range(3):
        assert await taken(redis, keys, T, ani=3) is None
    assert await taken(redis, keys, T + 1, ani=3) == "19"
    assert await taken(redis, keys, T + 20, ani=3) is None
    assert await taken(redis, keys, T + 21, ani=3) is not None


async def test_a_refused_request_takes_nothing(redis: aioredis.Redis, keys: SiteKeys) -> None:
    """Hammering while refused does not push the wait back: waiting as told gets through."""
    for _ in range(2):
        await taken(redis, keys, T, ani=2)
    retry = [await taken(redis, keys, T + i, ani=2) for i in range(1, 6)]
    assert retry == ["29", "28", "27", "26", "25"]
    assert await taken(redis, keys, T + 30, ani=2) is None


async def test_several_limits_are_taken_all_or_none(redis: aioredis.Redis, keys: SiteKeys) -> None:
    """One full limit refuses the request and leaves the others as they were."""
    assert await taken(redis, keys, T, ani=1, comment=2) is None
    assert await taken(redis, keys, T, ani=1, comment=2) is not None  # ani is full
    assert await taken(redis, keys, T, budi=1, comment=2) is None  # comment still had one
    assert await taken(redis, keys, T, citra=1, comment=2) is not None


async def test_each_reader_has_a_limit_of_their_own(redis: aioredis.Redis, keys: SiteKeys) -> None:
    """One reader's burst leaves another's untouched."""
    assert await taken(redis, keys, T, ani=1) is None
    assert await taken(redis, keys, T, ani=1) is not None
    assert await taken(redis, keys, T, budi=1) is None


async def test_a_limit_is_kept_only_until_it_is_full_again(
    redis: aioredis.Redis, keys: SiteKeys
) -> None:
    """The key lives no longer than the time the limit takes to refill."""
    await taken(redis, keys, T, ani=4)
    await taken(redis, keys, T, ani=4)
    ttl_ms = await redis.pttl(keys.rate("ani"))
    assert 0 < ttl_ms <= 30_000
