"""Auto-pipelining: calls of one loop turn share a pipeline, each caller gets its own reply."""

from __future__ import annotations

import asyncio

import msgspec
import pytest
import redis.asyncio as aioredis
from redis.exceptions import ResponseError

from moderation.models import Comment
from moderation.store import scripts
from moderation.store.batching import AutoPipeline
from moderation.store.comments import Accepted, Store
from moderation.store.keys import SiteKeys
from moderation.store.scripts import Scripts
from tests.store.test_scripts import TOP

pytestmark = pytest.mark.anyio

KEYS = SiteKeys("kediri", 4)


def _comment(n: int) -> Comment:
    return msgspec.structs.replace(TOP, id=f"01ARZ3NDEKTSV4RRFFQ69G{n:04d}")


async def test_concurrent_calls_share_one_pipeline(redis: aioredis.Redis) -> None:
    """Fifty accepts issued in one turn go out as one pipeline (on one connection, where one
    command each would open a pooled connection each) and each gets its own answer."""
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    before = len(await redis.client_list())
    answers = await asyncio.gather(
        *(store.accept(KEYS, _comment(n), f"m{n}", "h") for n in range(50))
    )
    assert answers == [(Accepted.QUEUED, _comment(n).id) for n in range(50)]
    assert await redis.xlen(KEYS.queue) == 50
    assert len(await redis.client_list()) <= before + 1


async def test_an_error_reaches_only_its_own_caller(redis: aioredis.Redis) -> None:
    """A call the server refuses raises in its caller; the calls beside it still succeed."""
    batched = AutoPipeline(redis, Scripts())
    good = scripts.hmgets_call(hashes=[KEYS.author("a")], fields=["standing"])
    await redis.set(KEYS.author("b"), "not a hash")
    bad = scripts.hmgets_call(hashes=[KEYS.author("b")], fields=["standing"])
    results = await asyncio.gather(batched(good), batched(bad), return_exceptions=True)
    assert results[0] == [[None]]
    assert isinstance(results[1], ResponseError)


async def test_a_caller_cancelled_before_the_flush_sends_nothing(redis: aioredis.Redis) -> None:
    """A request that goes away before its turn ends never writes its comment."""
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    kept = asyncio.ensure_future(store.accept(KEYS, _comment(1), "m1", "h"))
    dropped = asyncio.ensure_future(store.accept(KEYS, _comment(2), "m2", "h"))
    await asyncio.sleep(0)  # both calls are now pending for this turn's pipeline
    dropped.cancel()
    assert await kept == (Accepted.QUEUED, _comment(1).id)
    with pytest.raises(asyncio.CancelledError):
        await dropped
    assert await redis.xlen(KEYS.queue) == 1


async def test_after_script_flush_refused_calls_run_once(redis: aioredis.Redis) -> None:
    """After the server forgot the scripts (a restart), each call is loaded and runs once."""
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    await redis.script_flush()
    answers = await asyncio.gather(
        *(store.accept(KEYS, _comment(n), f"m{n}", "h") for n in range(5))
    )
    assert [outcome for outcome, _ in answers] == [Accepted.QUEUED] * 5
    assert await redis.xlen(KEYS.queue) == 5
