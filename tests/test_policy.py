"""A site's policy, through intake and the worker: masking, premoderation, changes on the fly."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import msgspec
import pytest
import redis.asyncio as aioredis

from moderation import policy as policies
from moderation.filters.pipeline import Pipeline
from moderation.filters.profanity import ProfanityFilter
from moderation.models import Status
from moderation.settings import Settings
from moderation.store.sites import Sites
from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio


@pytest.fixture
async def words_worker(settings: Settings, redis: aioredis.Redis) -> AsyncIterator[Worker]:
    """A burst worker with only the word filter, so spam scores cannot move the outcome."""
    assert settings.redis_url
    pipeline = Pipeline([ProfanityFilter.default()])
    async with Worker(settings, settings.redis_url, pipeline) as running:
        yield running


async def set_policy(settings: Settings, redis: aioredis.Redis, **changes: object) -> None:
    sites = Sites(redis, settings)
    site = await sites.get("kediri", fresh=True)
    assert site is not None
    policy = policies.updated(site.policy, **changes)  # type: ignore[arg-type]
    await sites.save(msgspec.structs.replace(site, policy=policy))


async def decide(host: Host, worker: Worker, body: str) -> tuple[Status, str, str]:
    """Post, drain, and return (status, published body, stored original)."""
    response = await host.post(comment(body))
    comment_id = response.json()["id"]
    await worker.run_once()
    stored = await worker.store.get(worker.sites.keys_for("kediri"), comment_id)
    assert stored is not None and stored.decision is not None
    published = stored.decision.masked_body or stored.comment.body
    return stored.status, published, stored.comment.body


async def test_mild_word_is_published_masked_and_original_kept(
    host: Host, words_worker: Worker, client: httpx.AsyncClient
) -> None:
    """A mild word is masked in the published body; the stored original is unchanged."""
    status, published, original = await decide(host, words_worker, "Wah anjir keren banget")
    assert status is Status.APPROVED
    assert published == "Wah ***** keren banget"
    assert original == "Wah anjir keren banget"
    thread = (await client.get("/v1/sites/kediri/threads/ptsl-2024-11/comments")).json()
    assert [c["body"] for c in thread["comments"]] == ["Wah ***** keren banget"]


async def test_innocent_comment_is_published_unmasked(host: Host, words_worker: Worker) -> None:
    """Everyday Indonesian with substring traps is approved as written."""
    body = "Terima kasih, jamban sehat dan asuransi untuk panti asuhan di pantai. Santai, Babinsa!"
    assert await decide(host, words_worker, body) == (Status.APPROVED, body, body)


async def test_policy_change_applies_to_the_next_comment(
    settings: Settings, redis: aioredis.Redis, host: Host, words_worker: Worker
) -> None:
    """Changing a site's policy changes the very next decision, with no restart."""
    assert (await decide(host, words_worker, "dasar kontolnya"))[0] is Status.HELD
    await set_policy(settings, redis, severity=[(policies.Severity.STRONG, "reject")])
    assert (await decide(host, words_worker, "dasar kontolnya"))[0] is Status.REJECTED
    await set_policy(settings, redis, premoderation=policies.Premoderation.ALL)
    assert (await decide(host, words_worker, "selamat pagi"))[0] is Status.HELD


async def test_premoderation_none_publishes_held_words_masked(
    settings: Settings, redis: aioredis.Redis, host: Host, words_worker: Worker
) -> None:
    """With premoderation ``none`` a strong word no longer waits: it is published masked."""
    await set_policy(settings, redis, premoderation=policies.Premoderation.NONE)
    status, published, _ = await decide(host, words_worker, "dasar b4ngs4t kau")
    assert (status, published) == (Status.APPROVED, "dasar ******* kau")


async def test_site_words_take_effect(
    settings: Settings, redis: aioredis.Redis, host: Host, words_worker: Worker
) -> None:
    """A banned word rejects and an allowed word is let through on this site."""
    await set_policy(settings, redis, ban=["kadrun"], allow=["babi"])
    assert (await decide(host, words_worker, "dasar kadrun"))[0] is Status.REJECTED
    assert (await decide(host, words_worker, "dasar babi"))[0] is Status.APPROVED
