"""The embedded store: an acknowledged comment survives the store being killed and restarted."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from moderation import ids
from moderation.models import Author, Comment, Thread
from moderation.settings import Settings
from moderation.store import embedded
from moderation.store.client import connect
from moderation.store.comments import Accepted, Store
from moderation.store.keys import SiteKeys
from moderation.store.scripts import Scripts
from moderation.store.sites import Sites

pytestmark = pytest.mark.anyio


async def test_accepted_comment_survives_sigkill_of_the_store(tmp_path: Path) -> None:
    """With the AOF fsynced on every write, a queued comment is still there after kill -9."""
    settings = Settings(data_dir=tmp_path / "d", shards=2)
    comment = Comment(
        id=ids.new_id(),
        site="kediri",
        thread=Thread("t"),
        author=Author("Jojo"),
        body="Mantap",
        created_at="2026-11-28T00:00:00.000Z",
        received_at="2026-11-28T00:00:00.000Z",
    )
    keys = SiteKeys("kediri", settings.shards)
    with embedded.store_url(settings) as url:
        redis = connect(url)
        await Sites(redis, settings).create("kediri", "K")
        store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
        outcome, _ = await store.accept(keys, comment, "m1", "hash")
        assert outcome is Accepted.QUEUED
        pid = int((await redis.info("server"))["process_id"])
        await redis.aclose()
        os.kill(pid, signal.SIGKILL)
    with embedded.store_url(settings) as url:
        redis = connect(url)
        try:
            assert await redis.hget(keys.comment(comment.id), "status") == b"queued"
            assert await redis.xlen(keys.queue) == 1
            assert await Sites(redis, settings).get("kediri") is not None
        finally:
            await redis.aclose()


def test_no_store_without_url_or_running_serve(tmp_path: Path) -> None:
    """`api`/`worker` refuse to start a store of their own: they need one to share."""
    with (
        pytest.raises(embedded.NoStore),
        embedded.store_url(Settings(data_dir=tmp_path), start=False),
    ):
        pass
