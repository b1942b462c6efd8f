"""``/v1/sites/{site}/endpoints``: admins register, list, rotate and remove endpoints."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store.sites import Created
from moderation.store.tokens import Role, Tokens
from tests.conftest import running_app

pytestmark = pytest.mark.anyio
URL = "/v1/sites/kediri/endpoints"
Headers = dict[str, str]


async def bearer(redis: aioredis.Redis, role: Role, *sites: str) -> Headers:
    token = await Tokens(redis).create(f"t-{role}-{'-'.join(sites)}", role, sites)
    return {"authorization": f"Bearer {token}"}


@pytest.fixture
async def admin(redis: aioredis.Redis, site: Created) -> Headers:
    return await bearer(redis, Role.ADMIN, site.id)


@pytest.fixture
async def loopback(settings: Settings, redis: aioredis.Redis) -> AsyncIterator[httpx.AsyncClient]:
    """The app with http and loopback endpoints allowed (development settings)."""
    allowed = settings.replace(events_allow_http=True, events_allow_private_networks=True)
    async with running_app(allowed) as client:
        yield client


async def test_an_admin_registers_lists_rotates_and_removes(
    loopback: httpx.AsyncClient, admin: Headers
) -> None:
    """The secret is in the registration and rotation answers only; listing shows state."""
    added = await loopback.post(
        URL, json={"url": "http://127.0.0.1:9/hook", "events": ["comment.approved"]}, headers=admin
    )
    assert added.status_code == 201, added.text
    created = added.json()
    assert created["secret"].startswith("whsec_")
    listed = await loopback.get(URL, headers=admin)
    [endpoint] = listed.json()["endpoints"]
    assert endpoint["id"] == created["id"] and endpoint["state"] == "enabled"
    assert "secret" not in listed.text and created["secret"] not in listed.text
    rotated = await loopback.post(f"{URL}/{created['id']}/rotate-secret", headers=admin)
    assert rotated.status_code == 200 and rotated.json()["secret"] != created["secret"]
    removed = await loopback.delete(f"{URL}/{created['id']}", headers=admin)
    assert removed.status_code == 204
    assert (await loopback.get(URL, headers=admin)).json()["endpoints"] == []
    again = await loopback.delete(f"{URL}/{created['id']}", headers=admin)
    assert again.status_code == 404
    assert again.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/hook",  # plain http, not allowed by default
        "https://127.0.0.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://0x7f.1/hook",
        "https://017700000001/hook",
        "https://[::1]/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook",
        "https://[2002:c0a8:0101::]/hook",
        "https://100.64.0.1/hook",
        "https://user:pw@example.com/hook",
        "ftp://example.com/hook",
    ],
)
async def test_unsafe_urls_are_refused_at_registration(
    client: httpx.AsyncClient, admin: Headers, url: str
) -> None:
    """Each unsafe URL form is a 422 problem naming the ``url`` field; nothing is stored."""
    answer = await client.post(URL, json={"url": url}, headers=admin)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["errors"][0]["field"] == "url"
    assert (await client.get(URL, headers=admin)).json()["endpoints"] == []


async def test_a_site_has_at_most_twenty_endpoints(
    loopback: httpx.AsyncClient, admin: Headers
) -> None:
    """The 21st registration is a 409 problem; removing one makes room."""
    added = [
        await loopback.post(URL, json={"url": f"http://127.0.0.1:9/{n}"}, headers=admin)
        for n in range(20)
    ]
    assert {a.status_code for a in added} == {201}
    refused = await loopback.post(URL, json={"url": "http://127.0.0.1:9/x"}, headers=admin)
    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    await loopback.delete(f"{URL}/{added[0].json()['id']}", headers=admin)
    again = await loopback.post(URL, json={"url": "http://127.0.0.1:9/x"}, headers=admin)
    assert again.status_code == 201


async def test_a_moderator_token_may_not_manage_endpoints(
    client: httpx.AsyncClient, redis: aioredis.Redis, site: Created
) -> None:
    """Endpoints are an admin's: a moderator token gets 403."""
    moderator = await bearer(redis, Role.MODERATOR, site.id)
    answer = await client.get(URL, headers=moderator)
    assert answer.status_code == 403


async def test_another_sites_admin_gets_404(
    loopback: httpx.AsyncClient, redis: aioredis.Redis, admin: Headers, other_site: Created
) -> None:
    """An admin of another site cannot see, rotate or remove this site's endpoints."""
    added = (await loopback.post(URL, json={"url": "http://127.0.0.1:9/h"}, headers=admin)).json()
    stranger = await bearer(redis, Role.ADMIN, other_site.id)
    assert (await loopback.get(URL, headers=stranger)).status_code == 404
    rotate = await loopback.post(f"{URL}/{added['id']}/rotate-secret", headers=stranger)
    assert rotate.status_code == 404
    assert (await loopback.delete(f"{URL}/{added['id']}", headers=stranger)).status_code == 404
    other = await loopback.get("/v1/sites/other/endpoints", headers=stranger)
    assert other.json()["endpoints"] == []
