"""``moderation dead-letters``: letters listed with their raw fields, replayed into the queue
and decided, malformed ones only dropped."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import redis.asyncio as aioredis

from moderation.cli import main
from moderation.settings import Settings
from moderation.store import keys
from moderation.store.keys import SiteKeys
from moderation.worker import Worker
from tests.conftest import Host, as_bytes, comment

pytestmark = pytest.mark.anyio


class Cli:
    """``moderation …`` run in this process against the test store, its output as JSON."""

    def __init__(self, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: Any):
        monkeypatch.setenv("MODERATION_REDIS_URL", settings.redis_url or "")
        monkeypatch.setenv("MODERATION_SHARDS", str(settings.shards))
        self._capsys = capsys

    async def __call__(self, *args: str) -> tuple[int, list[Any]]:
        self._capsys.readouterr()
        code = await asyncio.to_thread(main, ["dead-letters", *args])
        out = self._capsys.readouterr().out
        return code, [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Cli:
    return Cli(settings, monkeypatch, capsys)


async def poisoned(host: Host, redis: aioredis.Redis, settings: Settings) -> tuple[str, bytes]:
    """A comment whose record is corrupt, dead-lettered by a worker, plus a malformed entry;
    the comment's id and its good record."""
    site_keys = SiteKeys("kediri", settings.shards)
    comment_id = (await host.post(comment("rusak sebentar"))).json()["id"]
    good = as_bytes(await redis.hget(site_keys.comment(comment_id), "rec"))
    await redis.hset(site_keys.comment(comment_id), "rec", b"{broken")
    await redis.xadd(site_keys.queue, {"junk": "1"})
    assert settings.redis_url
    async with Worker(settings.replace(max_deliveries=1), settings.redis_url) as worker:
        await worker.run_once()
    return comment_id, good


async def test_list_and_show_give_raw_fields_and_error(
    host: Host, redis: aioredis.Redis, settings: Settings, cli: Cli
) -> None:
    """Each letter is listed with its comment, error and the entry's raw fields."""
    comment_id, _ = await poisoned(host, redis, settings)
    code, letters = await cli("list")
    assert code == 0 and len(letters) == 2
    by_comment = {letter["comment_id"]: letter for letter in letters}
    assert "DecodeError" in by_comment[comment_id]["error"]
    assert json.loads(by_comment[""]["raw"]) == {"junk": "1"}
    code, [shown] = await cli("show", by_comment[comment_id]["id"])
    assert code == 0 and shown == by_comment[comment_id]


async def test_replayed_letter_is_decided_once(
    host: Host, redis: aioredis.Redis, settings: Settings, cli: Cli, worker: Worker
) -> None:
    """Once its record is mended, a replayed comment is queued again and decided once."""
    comment_id, good = await poisoned(host, redis, settings)
    site_keys = SiteKeys("kediri", settings.shards)
    await redis.hset(site_keys.comment(comment_id), "rec", good)
    code, replayed = await cli("replay", "--all")
    assert code == 0 and len(replayed) == 1
    assert await worker.run_once() == 1
    status, version = await redis.hmget(site_keys.comment(comment_id), ["status", "v"])
    assert (status, version) == (b"approved", b"2")
    _, left = await cli("list")
    assert [letter["comment_id"] for letter in left] == [""]


async def test_malformed_letter_is_not_replayed_but_dropped(
    host: Host, redis: aioredis.Redis, settings: Settings, cli: Cli
) -> None:
    """A letter naming no comment cannot be replayed (exit 1); ``drop`` deletes it for good."""
    await poisoned(host, redis, settings)
    _, letters = await cli("list")
    [malformed] = [letter["id"] for letter in letters if not letter["comment_id"]]
    assert (await cli("replay", malformed))[0] == 1
    assert await cli("drop", malformed) == (0, [{"dropped": malformed}])
    assert (await cli("show", malformed))[0] == 1
    shard = SiteKeys("kediri", settings.shards).shard
    assert await redis.xlen(keys.dead_letters(shard)) == 1
