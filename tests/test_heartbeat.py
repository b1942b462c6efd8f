"""The worker's heartbeat: a local file for ``moderation worker --check`` and a Redis key with
a TTL; a worker whose loops are stuck stops beating."""

from __future__ import annotations

import asyncio
import os
import time

import pytest
import redis.asyncio as aioredis

from moderation.cli import main
from moderation.heartbeat import Heartbeat, check, heartbeat_file
from moderation.settings import Settings
from moderation.store import heartbeats
from moderation.worker import Worker

pytestmark = pytest.mark.anyio


async def test_running_worker_beats_and_passes_the_check(
    redis: aioredis.Redis, settings: Settings
) -> None:
    """A running worker writes its file and key; ``--check`` exits 0, and 1 once it is stale."""
    fast = settings.replace(heartbeat_seconds=0.05)
    assert settings.redis_url
    async with Worker(fast, settings.redis_url) as worker:
        task = asyncio.create_task(worker.run())
        while True:
            if heartbeat_file(fast).exists() and await heartbeats.alive(redis):
                break
            await asyncio.sleep(0.01)
        assert await heartbeats.alive(redis) == [worker.consumer]
        worker.stop()
        await task
    # The check reads the default period (5 s, stale after 15 s), as the probe in a pod does.
    assert check(settings)[0]
    args = ["worker", "--check", "--data-dir", str(settings.data_dir)]
    assert main(args) == 0
    stale = time.time() - 3600
    os.utime(heartbeat_file(settings), (stale, stale))
    assert main(args) == 1


def test_check_fails_without_a_heartbeat(settings: Settings) -> None:
    """No worker ever beat on this machine: the probe fails."""
    alive, why = check(settings)
    assert not alive and "no heartbeat" in why


async def test_stuck_loop_stops_the_file_but_not_the_key(
    redis: aioredis.Redis, settings: Settings
) -> None:
    """A loop that has not gone round in long leaves the file stale (the pod is restarted),
    while the Redis key still says the process is there."""
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as worker:
        worker.loops.rounds["shard 0"] = time.monotonic() - 3600
        await Heartbeat(redis, settings, worker.consumer, worker.loops).beat()
    assert not heartbeat_file(settings).exists()
    assert await heartbeats.alive(redis) == [worker.consumer]
