"""``moderation store check``: key counts, comments by status, lag, pending, dead letters and
schema version as JSON; exit 1 while something needs an operator."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import redis.asyncio as aioredis

from moderation.cli import main
from moderation.settings import Settings
from moderation.store import keys
from moderation.store.keys import SiteKeys
from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio


Check = Callable[[], Awaitable[tuple[int, dict[str, Any]]]]


@pytest.fixture
def store_check(settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Check:
    """``moderation store check`` in this process: its exit code and its JSON report."""
    monkeypatch.setenv("MODERATION_REDIS_URL", settings.redis_url or "")
    monkeypatch.setenv("MODERATION_SHARDS", str(settings.shards))

    async def run() -> tuple[int, dict[str, Any]]:
        capsys.readouterr()
        code = await asyncio.to_thread(main, ["store", "check"])
        return code, json.loads(capsys.readouterr().out)

    return run


async def test_check_reports_counts_lag_and_dead_letters(
    host: Host,
    worker: Worker,
    redis: aioredis.Redis,
    settings: Settings,
    store_check: Check,
) -> None:
    """Decided, queued and dead-lettered work all show; a dead letter fails the check."""
    await host.post(comment("Alhamdulillah"))
    await host.post(comment("what a load of bullshit"))
    await worker.run_once()
    await host.post(comment("belum dibaca"))
    site_keys = SiteKeys("kediri", settings.shards)
    await redis.xadd(site_keys.queue, {"junk": "1"})
    code, report = await store_check()
    assert report["schema"] == keys.SCHEMA and report["shards"] == settings.shards
    assert report["sites"] == 1 and report["keys"] > 0
    assert report["comments"]["kediri"] == {
        "queued": 1,
        "approved": 1,
        "held": 1,
        "rejected": 0,
        "deleted": 0,
    }
    assert report["queue"][site_keys.shard]["lag"] == 2  # the comment and the junk entry
    assert code == 0 and report["ok"] and report["problems"] == []
    await worker.run_once()
    code, report = await store_check()
    assert report["queue"][site_keys.shard]["dead"] == 1
    assert code == 1 and report["problems"] == ["1 dead letters (moderation dead-letters list)"]


async def test_check_fails_on_another_schema_version(
    worker: Worker, redis: aioredis.Redis, store_check: Check
) -> None:
    """A store written by another schema version is reported, and the check fails."""
    await redis.hset(keys.META, "schema", keys.SCHEMA + 1)
    code, report = await store_check()
    assert code == 1 and "schema version" in report["problems"][0]
