"""``moderation tokens``: a token is printed once, listed without its secret, and revocable."""

from __future__ import annotations

import json
import os

import httpx
import pytest

from moderation.settings import Settings
from moderation.store.sites import Created
from tests.api.review.conftest import cli

pytestmark = pytest.mark.anyio


async def test_created_token_works_until_revoked(
    client: httpx.AsyncClient, settings: Settings, site: Created
) -> None:
    """tokens create prints a working token, list hides it, revoke makes it 401."""
    assert settings.redis_url
    env = {**os.environ, "MODERATION_REDIS_URL": settings.redis_url, "MODERATION_SHARDS": "4"}
    args = ("tokens", "create", "--name", "ani", "--role", "moderator", "--site", "kediri")
    token = json.loads(await cli(env, *args))["token"]
    headers = {"authorization": f"Bearer {token}"}
    assert (await client.get("/v1/sites/kediri/review", headers=headers)).status_code == 200
    listed = await cli(env, "tokens", "list")
    assert json.loads(listed)[0]["name"] == "ani" and token not in listed
    await cli(env, "tokens", "revoke", "ani")
    assert (await client.get("/v1/sites/kediri/review", headers=headers)).status_code == 401
