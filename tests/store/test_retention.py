"""Retention against a real server, with the sweep's clock moved forward: personal data goes
after its days, audit entries and history lines after theirs, one leader at a time."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
import redis.asyncio as aioredis

from moderation import clock, ids
from moderation.models import Author, Comment, Thread
from moderation.settings import Settings
from moderation.store import retention
from moderation.store.comments import Store, decode_comment
from moderation.store.keys import SiteKeys
from moderation.store.scripts import Scripts
from moderation.store.sites import Created
from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio
EMAIL, IP, AGENT = "ani@example.id", "198.51.100.9", "AniBrowser/2"


async def post(host: Host, worker: Worker) -> str:
    payload = comment("Semoga programnya lancar", author="Ani", ip=IP, user_agent=AGENT)
    payload["author"]["email"] = EMAIL
    response = await host.post(payload)
    await worker.run_once()
    return str(response.json()["id"])


async def record(redis: aioredis.Redis, settings: Settings, comment_id: str) -> Comment:
    raw: Any = await redis.hget(SiteKeys("kediri", settings.shards).comment(comment_id), "rec")
    return decode_comment(raw)


async def sweep(redis: aioredis.Redis, settings: Settings, days: int) -> retention.Swept:
    later = clock.now() + dt.timedelta(days=days)
    [swept] = await retention.sweep(redis, Scripts(), settings, later)
    return swept


async def test_personal_data_goes_after_the_retention_days(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """At 89 days the record is whole; at 91 email, IP and user agent are gone, the rest stays."""
    comment_id = await post(host, worker)
    before = await record(redis, settings, comment_id)
    assert (await sweep(redis, settings, 89)).stripped == 0
    assert (await sweep(redis, settings, 91)).stripped == 1
    after = await record(redis, settings, comment_id)
    assert (after.author.email, after.ip, after.user_agent) == (None, None, None)
    assert (after.author.name, after.body) == ("Ani", before.body)
    assert after.author.key == before.author.key  # standing still finds her


async def test_a_swept_range_is_not_read_again(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """The watermark makes a second sweep find nothing, and a newer comment is still found."""
    await post(host, worker)
    await sweep(redis, settings, 91)
    newer = await post(host, worker)
    assert (await sweep(redis, settings, 91)).stripped == 1
    assert (await record(redis, settings, newer)).ip is None
    assert (await sweep(redis, settings, 92)).stripped == 0


async def test_audit_and_histories_are_trimmed_after_their_days(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings, site: Created
) -> None:
    """At 364 days the audit and history stay; at 366 both are trimmed."""
    comment_id = await post(host, worker)
    keys = SiteKeys("kediri", settings.shards)
    assert (await sweep(redis, settings, 364)).audit_trimmed == 0
    assert await redis.llen(keys.history(comment_id)) == 1
    swept = await sweep(redis, settings, 366)
    assert (swept.audit_trimmed, swept.history_trimmed) == (1, 1)
    assert await redis.xlen(keys.audit) == 0
    assert await redis.llen(keys.history(comment_id)) == 0


async def test_zero_days_keeps_everything(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """With both retentions at 0 nothing is stripped or trimmed, however late."""
    await post(host, worker)
    forever = settings.replace(pii_retention_days=0, audit_retention_days=0)
    [swept] = await retention.sweep(redis, Scripts(), forever, clock.now() + dt.timedelta(9999))
    assert not swept.changed


async def test_one_leader_per_interval(redis: aioredis.Redis) -> None:
    """The first worker takes the sweep; another is refused until the lease lapses."""
    assert await retention.lead(redis, "w1", 60)
    assert not await retention.lead(redis, "w2", 60)
    assert await redis.ttl("mod:retention") > 0


async def test_a_running_worker_sweeps_on_its_own(
    redis: aioredis.Redis, settings: Settings, site: Created
) -> None:
    """A running worker takes the lead and strips a comment received two days ago."""
    assert settings.redis_url
    keys = SiteKeys("kediri", settings.shards)
    received = clock.now() - dt.timedelta(days=2)
    old = Comment(
        id=ids.new_id(now_ms=int(received.timestamp() * 1000)),
        site="kediri",
        thread=Thread(id="t1"),
        author=Author(name="Ani", email=EMAIL),
        body="Komentar lama",
        created_at=clock.rfc3339(received),
        received_at=clock.rfc3339(received),
        ip=IP,
    )
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    await store.accept(keys, old, "msg-old", "hash")
    async with Worker(settings.replace(pii_retention_days=1), settings.redis_url) as running:
        task = asyncio.create_task(running.run())
        # The sweep sets no event to wait on: poll the record (the per-test timeout bounds it).
        while (await record(redis, settings, old.id)).ip is not None:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        running.stop()
        await task
    assert (await record(redis, settings, old.id)).author.email is None
