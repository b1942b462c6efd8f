"""Store gauges: lag survives the decide script's XDEL after XACK; held backlog per site; one
round trip per scrape."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store import keys
from moderation.store.client import connect
from moderation.store.keys import SiteKeys
from moderation.store.queue import Queue
from moderation.store.stats import Stats, deliveries_due
from moderation.worker import Worker
from tests.conftest import Host, comment
from tests.servers import own_valkey

pytestmark = pytest.mark.anyio


async def test_lag_is_reported_after_decided_entries_are_deleted(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """XINFO GROUPS still counts lag once decided entries are acknowledged and deleted: only
    delivered entries are ever deleted, so no tombstone lies beyond the group's position."""
    shard = SiteKeys("kediri", settings.shards).shard
    for n in range(3):
        await host.post(comment(f"pertama {n}"))
    await worker.run_once()
    assert await redis.xlen(SiteKeys("kediri", settings.shards).queue) == 0
    for n in range(2):
        await host.post(comment(f"kedua {n}"))
    stats = await Stats(redis, settings.shards).read()
    assert stats.shards[shard].lag == 2
    assert stats.shards[shard].pending == 0


async def test_held_backlog_and_oldest_held_age_per_site(
    host: Host, worker: Worker, redis: aioredis.Redis, settings: Settings
) -> None:
    """Held comments are counted per site, with the age of the oldest."""
    await host.post(comment("what a load of bullshit"))
    await host.post(comment("Alhamdulillah"))
    await worker.run_once()
    snapshot = await Stats(redis, settings.shards).read()
    [site] = snapshot.sites
    assert (site.site, site.held) == ("kediri", 1)
    assert 0 <= site.oldest_held_seconds < 3600


async def test_pending_and_its_oldest_age(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """An entry read and not acknowledged is pending, with its age since intake."""
    await host.post(comment("menunggu"))
    site_keys = SiteKeys("kediri", settings.shards)
    await redis.xreadgroup("workers", "gone", {site_keys.queue: ">"})
    shard = (await Stats(redis, settings.shards).read()).shards[site_keys.shard]
    assert (shard.lag, shard.pending) == (0, 1)
    assert shard.oldest_pending_seconds >= 0


async def test_a_scrape_is_one_round_trip(settings: Settings, tmp_path: Path) -> None:
    """After the first, a scrape costs the server one read event (INFO total_reads_processed):
    every gauge comes from one pipelined round trip, whatever the shards and sites."""
    with own_valkey(tmp_path / "own") as server:
        redis = connect(f"redis://127.0.0.1:{server.port}")
        try:
            await Queue(redis, settings.shards).prepare()
            await redis.sadd(keys.SITES, "kediri", "other", "third")
            stats = Stats(redis, settings.shards)
            await stats.read()

            async def reads() -> int:
                return int((await redis.info("stats"))["total_reads_processed"])

            before = await reads()
            info_alone = await reads() - before
            start = await reads()
            snapshot = await stats.read()
            scrape = await reads() - start - info_alone
        finally:
            await redis.aclose()
    assert len(snapshot.sites) == 3 and len(snapshot.shards) == settings.shards
    assert scrape == 1


async def test_deliveries_due_are_counted_per_shard(
    redis: aioredis.Redis, settings: Settings
) -> None:
    """Each shard's count of scheduled webhook deliveries, zero where none is scheduled."""
    await redis.zadd(keys.deliveries(1), {"kediri ep_1 e1": 1, "kediri ep_1 e2": 2})
    await redis.zadd(keys.deliveries(3), {"other ep_2 e1": 1})
    assert await deliveries_due(redis, settings.shards) == [0, 2, 0, 1]
