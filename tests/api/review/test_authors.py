"""Author standing takes effect on the author's next comment, and keeps a history."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.models import Author
from moderation.policy import Premoderation
from moderation.settings import Settings
from moderation.store.sites import Created
from tests.api.review.conftest import BODIES, Headers, Post, decide, queue, set_policy

pytestmark = pytest.mark.anyio


async def stand(client: httpx.AsyncClient, admin: Headers, **body: Any) -> httpx.Response:
    return await client.post("/v1/sites/kediri/authors/host-42", json=body, headers=admin)


async def status_of(client: httpx.AsyncClient, headers: Headers, comment_id: str) -> str:
    for queue_name in ("approved", "held", "rejected"):
        page = await queue(client, headers, queue=queue_name)
        if comment_id in [i["id"] for i in page["items"]]:
            return queue_name
    raise AssertionError("not in any queue")


async def test_banned_author_is_rejected_with_author_banned(
    client: httpx.AsyncClient, admin: Headers, site: Created, post: Post
) -> None:
    """After a ban the author's next comment is rejected, and the item says why."""
    assert (await stand(client, admin, standing="banned", note="judol")).status_code == 200
    [comment_id] = await post(BODIES[0], author_id="host-42")
    rejected = (await queue(client, admin, queue="rejected"))["items"]
    assert [i["id"] for i in rejected] == [comment_id]
    assert [f["rule"] for f in rejected[0]["reasons"]] == ["author_banned"]
    assert rejected[0]["author"]["standing"]["standing"] == "banned"
    assert rejected[0]["author"]["standing"]["banned"] is True


async def test_premoderated_author_is_always_held(
    client: httpx.AsyncClient, admin: Headers, site: Created, post: Post
) -> None:
    """A premoderated author's clean comment waits in held while others' are published."""
    await stand(client, admin, standing="premoderated")
    [held] = await post(BODIES[0], author_id="host-42")
    [other] = await post(BODIES[1])
    assert await status_of(client, admin, held) == "held"
    assert await status_of(client, admin, other) == "approved"


async def test_trust_skips_premoderation_only_after_the_threshold(
    client: httpx.AsyncClient,
    admin: Headers,
    redis: aioredis.Redis,
    settings: Settings,
    site: Created,
    post: Post,
) -> None:
    """With premoderation all and trusted_after=1, a trusted author is held until one approval."""
    await set_policy(redis, settings, site.id, premoderation=Premoderation.ALL, trusted_after=1)
    await stand(client, admin, standing="trusted")
    [first] = await post(BODIES[0], author_id="host-42")
    assert await status_of(client, admin, first) == "held"
    await decide(client, admin, first, 2, action="approve")
    [second] = await post(BODIES[1], author_id="host-42")
    assert await status_of(client, admin, second) == "approved"


async def test_standing_lapses_after_until(
    client: httpx.AsyncClient, admin: Headers, site: Created, post: Post
) -> None:
    """A ban whose until has passed no longer applies."""
    await stand(client, admin, standing="banned", until="2020-01-01T00:00:00Z")
    [comment_id] = await post(BODIES[0], author_id="host-42")
    assert await status_of(client, admin, comment_id) == "approved"


async def test_get_shows_standing_counts_and_history(
    client: httpx.AsyncClient, admin: Headers, site: Created, post: Post
) -> None:
    """GET returns the standing, approved count and every change with who made it."""
    await stand(client, admin, standing="premoderated", note="first warning")
    await stand(client, admin, standing="normal")
    await post(BODIES[0], author_id="host-42")
    body = (await client.get("/v1/sites/kediri/authors/host-42", headers=admin)).json()
    assert (body["standing"], body["approved"]) == ("normal", 1)
    assert [(h["to"], h["actor"]) for h in body["history"]] == [
        ("premoderated", "token:boss"),
        ("normal", "token:boss"),
    ]


async def test_standing_body_errors_are_listed(
    client: httpx.AsyncClient, admin: Headers, site: Created
) -> None:
    """A bad standing body is a 422 naming standing, until and unknown fields."""
    response = await stand(client, admin, standing="exiled", until="tomorrow", colour=1)
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"standing", "until", "colour"}


def test_author_key_falls_back_to_a_hash_of_the_email() -> None:
    """Without a host id the key is a stable hash of the normalised email, never the email."""
    key = Author(name="Siti", email=" Siti@Example.com ").key
    assert key == Author(name="Other", email="siti@example.com").key
    assert "example" not in key
