"""Who may do what: 401 without a valid token, 404 outside its sites, 403 without the role."""

from __future__ import annotations

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store.keys import SiteKeys
from moderation.store.sites import Created
from moderation.store.tokens import Role, hash_token
from tests.api.review.conftest import BODIES, Headers, Post, bearer, decide, queue
from tests.conftest import as_bytes

pytestmark = pytest.mark.anyio


async def test_missing_or_unknown_token_is_401(client: httpx.AsyncClient, site: Created) -> None:
    """No token and a made-up token both get 401 problems with a Bearer challenge."""
    for headers in ({}, {"authorization": "Bearer mt_nope"}):
        response = await client.get("/v1/sites/kediri/review", headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")


async def test_site_api_key_is_not_a_moderator_token(
    client: httpx.AsyncClient, site: Created
) -> None:
    """The host's API key reads comments but cannot open the review queues."""
    headers = {"authorization": f"Bearer {site.api_key}"}
    assert (await client.get("/v1/sites/kediri/review", headers=headers)).status_code == 401


async def test_token_of_another_site_gets_404_and_changes_nothing(
    client: httpx.AsyncClient,
    redis: aioredis.Redis,
    other_site: Created,
    premoderated: None,
    post: Post,
    moderator: Headers,
) -> None:
    """A moderator of another site sees 404 for this site's queue and its comments."""
    outsider = await bearer(redis, "outsider", Role.ADMIN, other_site.id)
    [comment_id] = await post(BODIES[0])
    assert (await client.get("/v1/sites/kediri/review", headers=outsider)).status_code == 404
    response = await decide(client, outsider, comment_id, 2, action="approve")
    assert response.status_code == 404
    author = "/v1/sites/kediri/authors/someone"
    assert (
        await client.post(author, json={"standing": "banned"}, headers=outsider)
    ).status_code == 404
    assert (await queue(client, moderator))["items"][0]["version"] == 2


async def test_comment_of_another_site_is_404(
    client: httpx.AsyncClient,
    redis: aioredis.Redis,
    other_site: Created,
    premoderated: None,
    post: Post,
) -> None:
    """A token for both sites cannot decide a kediri comment through the other site's path."""
    both = await bearer(redis, "both", Role.MODERATOR, "kediri", other_site.id)
    [comment_id] = await post(BODIES[0])
    url = f"/v1/sites/{other_site.id}/review/{comment_id}"
    response = await client.post(url, json={"action": "approve"}, headers={**both, "if-match": "2"})
    assert response.status_code == 404
    assert (await queue(client, both))["items"][0]["status"] == "held"


async def test_moderator_may_not_set_author_standing(
    client: httpx.AsyncClient, moderator: Headers, admin: Headers
) -> None:
    """Setting standing needs an admin token: a moderator gets 403, an admin 200."""
    url = "/v1/sites/kediri/authors/someone"
    denied = await client.post(url, json={"standing": "banned"}, headers=moderator)
    assert denied.status_code == 403
    assert (await client.get(url, headers=moderator)).json()["standing"] == "normal"
    assert (await client.post(url, json={"standing": "banned"}, headers=admin)).status_code == 200


async def test_tokens_are_stored_only_as_hashes(redis: aioredis.Redis, moderator: Headers) -> None:
    """The store holds the token's SHA-256, never the token itself."""
    token = moderator["authorization"].removeprefix("Bearer ")
    stored = await redis.hgetall("mod:tokens")
    assert list(stored) == [hash_token(token).encode()]
    assert token.encode() not in b"".join(as_bytes(value) for value in stored.values())


MODERATOR_ROUTES = [
    ("GET", "/review", None),
    ("POST", "/review/01ARZ3NDEKTSV4RRFFQ69G5FAV", {"action": "approve"}),
    ("POST", "/review/bulk", {"action": "approve", "ids": ["01ARZ3NDEKTSV4RRFFQ69G5FAV"]}),
    ("GET", "/audit", None),
    ("GET", "/authors/someone", None),
    ("POST", "/authors/someone", {"standing": "banned"}),
    ("GET", "/policy", None),
    ("PATCH", "/policy", {"report_hide": 1}),
]


@pytest.mark.parametrize(("method", "path", "body"), MODERATOR_ROUTES)
async def test_every_moderator_route_is_401_without_token_and_404_outside_scope(
    client: httpx.AsyncClient,
    redis: aioredis.Redis,
    settings: Settings,
    site: Created,
    other_site: Created,
    method: str,
    path: str,
    body: object,
) -> None:
    """Each moderator route refuses a missing token (401) and another site's admin (404)."""
    url = f"/v1/sites/kediri{path}"
    outsider = await bearer(redis, "outsider", Role.ADMIN, other_site.id)
    for headers, status in (({}, 401), (outsider, 404)):
        headers = {**headers, "if-match": "1"}
        response = await client.request(method, url, json=body, headers=headers)
        assert response.status_code == status
        assert response.headers["content-type"] == "application/problem+json"
    assert await redis.xlen(SiteKeys(site.id, settings.shards).audit) == 0
