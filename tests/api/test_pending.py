"""GET …/threads/{thread}/pending: the writer's own held comments, only by view token."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import msgspec
import pytest
import redis.asyncio as aioredis

from moderation.policy import Policy, Premoderation
from moderation.settings import Settings
from moderation.store.sites import Created, Sites
from moderation.worker import Worker
from tests.conftest import Host, comment, running_app

pytestmark = pytest.mark.anyio
PENDING = "/v1/sites/kediri/threads/ptsl-2024-11/pending"
HEADER = "Moderation-View-Token"


@pytest.fixture
async def held(redis: aioredis.Redis, settings: Settings, site: Created) -> None:
    """The site holds every comment."""
    sites = Sites(redis, settings)
    found = await sites.get(site.id, fresh=True)
    assert found is not None
    await sites.save(msgspec.structs.replace(found, policy=Policy(premoderation=Premoderation.ALL)))


async def send(host: Host, worker: Worker, body: str, **extra: str) -> dict[str, str]:
    response = await host.post(comment(body, **extra))
    assert response.status_code == 202
    await worker.run_once()
    return dict(response.json())


async def test_the_view_token_shows_the_writer_their_held_comment(
    host: Host, worker: Worker, client: httpx.AsyncClient, held: None
) -> None:
    """With the intake answer's token the held comment is listed; without it nothing is."""
    mine = await send(host, worker, "Komentar saya", author="Ani")
    answer = await client.get(PENDING, headers={HEADER: mine["view_token"]})
    assert answer.status_code == 200 and "no-store" in answer.headers["cache-control"]
    assert [(c["id"], c["body"]) for c in answer.json()["comments"]] == [
        (mine["id"], "Komentar saya")
    ]
    assert "email" not in answer.text
    assert (await client.get(PENDING)).json()["comments"] == []


async def test_tokens_of_other_threads_or_forged_show_nothing(
    host: Host, worker: Worker, client: httpx.AsyncClient, held: None
) -> None:
    """A token for another thread's comment, or with a forged mac, lists nothing."""
    elsewhere = await send(host, worker, "Di artikel lain", thread="lain")
    mine = await send(host, worker, "Komentar saya")
    forged = mine["view_token"].rsplit(".", 1)[0] + ".AAAA"
    for token in (elsewhere["view_token"], forged, "rubbish " * 30):
        answer = await client.get(PENDING, headers={HEADER: token})
        assert answer.status_code == 200 and answer.json()["comments"] == []


async def test_published_comments_are_not_pending(
    host: Host, worker: Worker, client: httpx.AsyncClient
) -> None:
    """Once approved (here by the default policy) a comment is no longer listed as pending."""
    mine = await send(host, worker, "Programnya bagus sekali")
    assert (await client.get(PENDING, headers={HEADER: mine["view_token"]})).json() == {
        "site": "kediri",
        "thread": "ptsl-2024-11",
        "comments": [],
    }


@pytest.fixture
async def limited(
    settings: Settings, redis: aioredis.Redis, site: Created
) -> AsyncIterator[httpx.AsyncClient]:
    """The app answering two reads of pending comments a minute per reader."""
    async with running_app(settings.replace(pending_per_minute=2)) as client:
        yield client


async def test_reads_past_the_limit_get_429_with_retry_after(limited: httpx.AsyncClient) -> None:
    """Past pending_per_minute reads from one reader, the answer is a problem+json 429 with
    Retry-After (the seconds left in the minute) that the site's pages may read (CORS)."""
    origin = {"Origin": "https://kedirikab.go.id"}
    answers = [await limited.get(PENDING, headers=origin) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    refused = answers[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["access-control-allow-origin"] == origin["Origin"]
