"""Sites: secrets shown once, API keys stored only as hashes, rotation with a grace period."""

from __future__ import annotations

import json

import msgspec
import pytest
import redis.asyncio as aioredis

from moderation.errors import SiteExists
from moderation.settings import Settings
from moderation.store.sites import Created, Sites
from tests.conftest import Host, as_bytes, comment

pytestmark = pytest.mark.anyio


async def dump(redis: aioredis.Redis) -> bytes:
    values = []
    async for key in redis.scan_iter():
        kind = await redis.type(key)
        if kind == b"hash":
            values.append(
                json.dumps(
                    {
                        as_bytes(k).decode(): as_bytes(v).decode()
                        for k, v in (await redis.hgetall(key)).items()
                    }
                )
            )
        elif kind == b"set":
            values.append(repr(await redis.smembers(key)))
    return "".join(values).encode()


async def test_api_key_is_stored_only_as_a_hash(site: Created, redis: aioredis.Redis) -> None:
    """No key in Redis holds the API key itself."""
    assert site.api_key.encode() not in await dump(redis)


async def test_creating_an_existing_site_fails(
    site: Created, redis: aioredis.Redis, settings: Settings
) -> None:
    """A site id can be created once."""
    with pytest.raises(SiteExists):
        await Sites(redis, settings).create("kediri", "again")


async def test_rotated_secret_and_old_secret_both_work_in_grace(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """After rotation the new secret signs, and the old one still does for the grace period."""
    sites = Sites(redis, settings)
    site = await sites.get("kediri", fresh=True)
    assert site
    new_secret = await sites.rotate_secret(site)
    assert (await host.post(comment("lama"))).status_code == 202
    host.webhook = type(host.webhook)(new_secret)
    assert (await host.post(comment("baru"))).status_code == 202


async def test_old_secret_expires_after_grace(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """Once the grace period is over only the new secret is accepted."""
    sites = Sites(redis, settings.replace(secret_grace_seconds=-1))
    site = await sites.get("kediri", fresh=True)
    assert site
    await sites.rotate_secret(site)
    response = await host.post(comment("lama"))
    assert response.status_code == 401


async def test_list_shows_no_secrets(
    site: Created, redis: aioredis.Redis, settings: Settings
) -> None:
    """Listing sites never returns signing secrets or key material."""
    (listed,) = await Sites(redis, settings).list()
    assert listed.id == "kediri"
    assert listed.origins == ("https://kedirikab.go.id",)
    encoded = msgspec.json.encode({"id": listed.id, "name": listed.name})
    assert site.secret.encode() not in encoded
