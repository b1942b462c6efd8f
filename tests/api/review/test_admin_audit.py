"""Policy changes, token creation and revocation and bans are in the site's audit log."""

from __future__ import annotations

import os

import httpx
import pytest

from moderation.settings import Settings
from moderation.store.sites import Created
from tests.api.review.conftest import Headers, cli

pytestmark = pytest.mark.anyio
AUDIT = "/v1/sites/kediri/audit"


async def actions(client: httpx.AsyncClient, headers: Headers) -> list[tuple[str, str]]:
    entries = (await client.get(AUDIT, headers=headers)).json()["entries"]
    return [(e["action"], e["actor"]) for e in entries]


async def test_a_policy_change_is_audited_with_its_fields(
    client: httpx.AsyncClient, admin: Headers
) -> None:
    """PATCH policy writes one entry naming the admin and the fields changed."""
    url = "/v1/sites/kediri/policy"
    assert (
        await client.patch(url, json={"premoderation": "all"}, headers=admin)
    ).status_code == 200
    [entry] = (await client.get(AUDIT, headers=admin)).json()["entries"]
    assert (entry["action"], entry["actor"], entry["rules"]) == (
        "policy",
        "token:boss",
        ["premoderation"],
    )


async def test_a_ban_is_audited(client: httpx.AsyncClient, admin: Headers) -> None:
    """A standing change is an audit entry by the token that made it."""
    await client.post(
        "/v1/sites/kediri/authors/host-42", json={"standing": "banned"}, headers=admin
    )
    assert await actions(client, admin) == [("standing", "token:boss")]


async def test_token_creation_and_revocation_are_audited(
    client: httpx.AsyncClient, settings: Settings, site: Created, admin: Headers
) -> None:
    """tokens create and tokens revoke each write an entry in the sites the token covers."""
    assert settings.redis_url
    env = {**os.environ, "MODERATION_REDIS_URL": settings.redis_url, "MODERATION_SHARDS": "4"}
    await cli(env, "tokens", "create", "--name", "ani", "--role", "moderator", "--site", "kediri")
    await cli(env, "tokens", "revoke", "ani")
    entries = (await client.get(AUDIT, headers=admin)).json()["entries"]
    assert [(e["action"], e["note"]) for e in entries] == [
        ("token_create", "token:ani"),
        ("token_revoke", "token:ani"),
    ]
