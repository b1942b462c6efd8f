"""The worker: at-least-once delivery, each comment decided exactly once, poison set aside."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys

import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store import keys
from moderation.store.keys import SiteKeys
from moderation.worker import Worker
from tests.conftest import Host, as_bytes, comment

pytestmark = pytest.mark.anyio

PROFANE = "What a load of bullshit, you idiot"


async def status_of(redis: aioredis.Redis, settings: Settings, comment_id: str) -> tuple[str, int]:
    raw_status, version = await redis.hmget(
        SiteKeys("kediri", settings.shards).comment(comment_id), ["status", "v"]
    )
    return as_bytes(raw_status).decode(), int(as_bytes(version))


async def pending(redis: aioredis.Redis, settings: Settings) -> int:
    total = 0
    for shard in range(settings.shards):
        info = await redis.xpending(keys.queue(shard), keys.GROUP)
        total += info["pending"]
    return total


async def test_clean_comment_is_approved(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """A comment with no findings is approved and acknowledged."""
    comment_id = (await host.post(comment("Alhamdulillah maju terus"))).json()["id"]
    await worker.run_once()
    assert await status_of(redis, settings, comment_id) == ("approved", 2)
    assert await pending(redis, settings) == 0


async def test_profane_english_comment_is_held_with_evidence(
    host: Host, worker: Worker, client: object, redis: aioredis.Redis, settings: Settings
) -> None:
    """English profanity holds the comment and records which word, where."""
    comment_id = (await host.post(comment(PROFANE))).json()["id"]
    await worker.run_once()
    record = (
        await host.client.get(
            f"/v1/sites/kediri/comments/{comment_id}",
            headers={"authorization": f"Bearer {host.site.api_key}"},
        )
    ).json()
    assert record["status"] == "held"
    reasons = record["decision"]["reasons"]
    assert any(r["filter"] == "profanity" for r in reasons)
    span = next(s for r in reasons for s in r["spans"] if "bullshit" in s["text"].lower())
    assert PROFANE[span["start"] : span["end"]] == span["text"]
    thread = (await host.client.get("/v1/sites/kediri/threads/ptsl-2024-11/comments")).json()
    assert thread["comments"] == [] and thread["count"] == 0
    recent = (await host.client.get("/v1/sites/kediri/recent")).json()
    assert recent["comments"] == []


async def test_unacknowledged_message_of_a_dead_consumer_is_decided_once(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """A message read by a consumer that died before acking is reclaimed and decided once."""
    comment_id = (await host.post(comment("Semoga lancar"))).json()["id"]
    shard = SiteKeys("kediri", settings.shards).shard
    read = await redis.xreadgroup(keys.GROUP, "dead-consumer", {keys.queue(shard): ">"}, count=10)
    assert isinstance(read, list)  # RESP2: [[stream, entries], ...]
    assert read and len(read[0][1]) == 1
    assert await worker.run_once(claim_idle_ms=60_000) == 0  # not idle long enough yet
    assert await worker.run_once(claim_idle_ms=0) == 1
    assert await status_of(redis, settings, comment_id) == ("approved", 2)
    assert await pending(redis, settings) == 0
    assert await worker.run_once(claim_idle_ms=0) == 0


async def test_batches_in_flight_are_each_decided_once(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """With the next batch read while the last one's decisions are applied, every comment of
    a queue longer than a batch is decided once and acknowledged, and counted once."""
    settings = settings.replace(batch_size=2)
    ids = [(await host.post(comment(f"Semoga lancar nomor {n}"))).json()["id"] for n in range(7)]
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as worker:
        assert await worker.run_once() == 7
    assert [await status_of(redis, settings, i) for i in ids] == [("approved", 2)] * 7
    assert await redis.xlen(SiteKeys("kediri", settings.shards).audit) == 7
    assert await pending(redis, settings) == 0


async def test_redelivery_of_a_decided_comment_changes_nothing(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """A second queue entry for an already decided comment is acknowledged without effect."""
    comment_id = (await host.post(comment("Mantap"))).json()["id"]
    await worker.run_once()
    site_keys = SiteKeys("kediri", settings.shards)
    await redis.xadd(site_keys.queue, {"s": "kediri", "i": comment_id})
    await worker.run_once()
    assert await status_of(redis, settings, comment_id) == ("approved", 2)
    assert await redis.zcard(site_keys.thread_all("ptsl-2024-11")) == 1
    assert await pending(redis, settings) == 0


async def test_poison_message_goes_to_dead_letters_after_max_deliveries(
    site: object, redis: aioredis.Redis, settings: Settings
) -> None:
    """A message that keeps failing is moved to the dead-letter stream with its error."""
    settings = settings.replace(max_deliveries=2)
    site_keys = SiteKeys("kediri", settings.shards)
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as worker:
        await redis.xadd(site_keys.queue, {"s": "kediri", "i": "01M8G687EF3DXTWWAZV19SPX4X"})
        await worker.run_once()
        assert await redis.xlen(keys.dead_letters(site_keys.shard)) == 0
        assert await pending(redis, settings) == 1
        await worker.run_once(claim_idle_ms=0)
    dead = await redis.xrange(keys.dead_letters(site_keys.shard))
    assert dead is not None and len(dead) == 1
    fields = dead[0][1]
    assert fields is not None
    assert b"no record" in as_bytes(fields[b"error"])
    assert await pending(redis, settings) == 0
    assert await redis.xlen(site_keys.queue) == 0


async def test_stop_finishes_and_returns(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """``stop()`` makes ``run()`` return; queued work is decided, nothing is left pending."""
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as worker:
        task = asyncio.create_task(worker.run())
        comment_id = (await host.post(comment("Terima kasih"))).json()["id"]
        for _ in range(100):
            if (await status_of(redis, settings, comment_id))[0] != "queued":
                break
            await asyncio.sleep(0.02)
        worker.stop()
        await asyncio.wait_for(task, 5)
    assert await status_of(redis, settings, comment_id) == ("approved", 2)


async def test_sigkilled_worker_loses_nothing_and_decides_once(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """A worker process killed with SIGKILL mid-stream leaves every comment decided exactly once."""
    ids = []
    for n in range(300):
        ids.append((await host.post(comment(f"Komentar nomor {n} tentang PTSL"))).json()["id"])
    env = {
        **os.environ,
        "MODERATION_REDIS_URL": settings.redis_url or "",
        "MODERATION_SHARDS": str(settings.shards),
        "MODERATION_BATCH_SIZE": "1",
        "MODERATION_DATA_DIR": str(settings.data_dir),  # its heartbeat file
    }
    # Popen only forks; the test then waits on Redis, not on the child.
    proc = subprocess.Popen(  # noqa: ASYNC220
        [sys.executable, "-m", "moderation", "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    site_keys = SiteKeys("kediri", settings.shards)
    try:
        for _ in range(500):
            if await redis.zcard(site_keys.by_status("queued")) < 250:
                break
            await asyncio.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert await redis.zcard(site_keys.by_status("queued")) > 0, "killed after it finished"
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as worker:
        await worker.run_once(claim_idle_ms=0)
    states = [await status_of(redis, settings, comment_id) for comment_id in ids]
    assert states == [("approved", 2)] * 300
    assert await redis.zcard(site_keys.thread_all("ptsl-2024-11")) == 300
    assert await redis.zcard(site_keys.by_status("queued")) == 0
    assert await pending(redis, settings) == 0


async def test_corrupt_record_is_dead_lettered_not_fatal(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """An undecodable record is retried, then dead-lettered; the rest of its batch is decided."""
    settings = settings.replace(max_deliveries=1)
    site_keys = SiteKeys("kediri", settings.shards)
    bad = (await host.post(comment("akan rusak"))).json()["id"]
    good = (await host.post(comment("tetap baik"))).json()["id"]
    await redis.hset(site_keys.comment(bad), "rec", b"{not json")
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as worker:
        await worker.run_once()
    assert await status_of(redis, settings, good) == ("approved", 2)
    assert await redis.xlen(keys.dead_letters(site_keys.shard)) == 1
    assert await pending(redis, settings) == 0
