"""Widget versions: one read per key and loop turn, never older than the request."""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio as aioredis

from moderation.store.versions import Versions

pytestmark = pytest.mark.anyio


async def test_an_unset_version_reads_as_zero(redis: aioredis.Redis) -> None:
    """A thread nobody has published to has version ``0``."""
    assert await Versions(redis).get("v:none") == b"0"


async def test_a_write_before_the_request_is_seen(redis: aioredis.Redis) -> None:
    """Each request reads after it arrived: a bump just before it is in its answer."""
    versions = Versions(redis)
    await redis.set("v:a", 1)
    assert await versions.get("v:a") == b"1"
    await redis.incr("v:a")
    assert await versions.get("v:a") == b"2"


async def test_requests_of_one_turn_share_one_read(redis: aioredis.Redis) -> None:
    """Concurrent requests for two keys get their own key's value from one round trip."""
    versions = Versions(redis)
    await redis.set("v:a", 3)
    await redis.set("v:b", 7)
    before = (await redis.info("commandstats")).get("cmdstat_get", {}).get("calls", 0)
    answers = await asyncio.gather(*(versions.get("v:a" if n % 2 else "v:b") for n in range(40)))
    assert answers == [b"3" if n % 2 else b"7" for n in range(40)]
    after = (await redis.info("commandstats"))["cmdstat_get"]["calls"]
    assert after - before == 2
