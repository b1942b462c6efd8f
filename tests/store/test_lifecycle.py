"""A site's life after creation, against a real server: renamed and re-originated, its API key
rotated with a grace period, deleted key by key with its id held for a day."""

from __future__ import annotations

import json

import anyio
import httpx
import pytest
import redis.asyncio as aioredis

from moderation.cli import main
from moderation.errors import SiteExists
from moderation.settings import Settings
from moderation.store import keys, lifecycle
from moderation.store.keys import SiteKeys
from moderation.store.sites import Created, Sites
from moderation.store.tokens import Role, Tokens
from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio


async def read_comment(client: httpx.AsyncClient, api_key: str) -> int:
    """The status of a host's read with ``api_key`` (404 for an unknown comment = accepted)."""
    response = await client.get(
        "/v1/sites/kediri/comments/01ARZ3NDEKTSV4RRFFQ69G5FAV",
        headers={"authorization": f"Bearer {api_key}"},
    )
    return response.status_code


async def test_update_renames_and_changes_origins(
    client: httpx.AsyncClient, redis: aioredis.Redis, settings: Settings, site: Created
) -> None:
    """A new origin may read the widgets at once; a removed one no longer may."""
    sites = Sites(redis, settings)
    changed = await lifecycle.update(
        sites,
        "kediri",
        name="Kediri",
        add=["https://berita.kedirikab.go.id"],
        remove=["https://kedirikab.go.id"],
    )
    assert (changed.name, changed.origins) == ("Kediri", ("https://berita.kedirikab.go.id",))
    page = "/v1/sites/kediri/recent"
    allowed = await client.get(page, headers={"origin": "https://berita.kedirikab.go.id"})
    gone = await client.get(page, headers={"origin": "https://kedirikab.go.id"})
    assert allowed.headers["access-control-allow-origin"] == "https://berita.kedirikab.go.id"
    assert "access-control-allow-origin" not in gone.headers


async def test_rotated_key_works_and_the_old_one_only_for_its_grace(
    client: httpx.AsyncClient, redis: aioredis.Redis, settings: Settings, site: Created
) -> None:
    """After rotation both keys work; a key rotated out with no grace stops at once."""
    sites = Sites(redis, settings)
    first = await lifecycle.rotate_key(redis, sites, "kediri", 3600)
    assert await read_comment(client, first.api_key) == 404
    assert await read_comment(client, site.api_key) == 404  # within its hour
    second = await lifecycle.rotate_key(redis, sites, "kediri", 0)
    assert await read_comment(client, first.api_key) == 401
    assert await read_comment(client, second.api_key) == 404
    stored: dict[bytes, bytes] = await redis.hgetall(keys.API_KEYS)  # type: ignore[assignment]
    assert all(first.api_key.encode() not in k + v for k, v in stored.items())


async def test_delete_removes_every_key_of_the_site_and_nothing_else(
    client: httpx.AsyncClient,
    redis: aioredis.Redis,
    settings: Settings,
    site: Created,
    other_site: Created,
    host: Host,
    worker: Worker,
) -> None:
    """Comments, threads, audit, queue entries, API keys and token coverage all go."""
    for n in range(5):
        await host.post(comment(f"Komentar nomor {n} untuk dihapus"))
    await worker.run_once()
    await host.post(comment("Masih di antrean"))  # still queued when the site goes
    await Tokens(redis).create("ani", Role.MODERATOR, ("kediri", "other"))
    other = SiteKeys("other", settings.shards)
    theirs = sorted([k async for k in redis.scan_iter(match=f"{other.prefix}*")])
    seen: list[int] = []
    done = await lifecycle.delete(redis, Sites(redis, settings), "kediri", seen.append)
    prefix = SiteKeys("kediri", settings.shards).prefix
    assert [k async for k in redis.scan_iter(match=f"{prefix}*")] == []
    assert done.keys > 10 and seen[-1] == done.keys and (done.queued, done.tokens) == (1, 1)
    assert sorted([k async for k in redis.scan_iter(match=f"{other.prefix}*")]) == theirs
    assert [t.sites for t in await Tokens(redis).list()] == [("other",)]
    assert (await client.get("/v1/sites/kediri/recent")).status_code == 404
    assert await read_comment(client, site.api_key) == 401


async def test_a_deleted_id_is_held_for_a_day(
    redis: aioredis.Redis, settings: Settings, site: Created
) -> None:
    """Creating the same id again is refused while the hold lasts."""
    sites = Sites(redis, settings)
    await lifecycle.delete(redis, sites, "kediri")
    with pytest.raises(SiteExists, match="deleted less than a day ago"):
        await sites.create("kediri", "Again")
    assert 0 < await redis.ttl(keys.deleted_site("kediri")) <= lifecycle.HOLD_SECONDS


@pytest.fixture
def store_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.redis_url
    monkeypatch.setenv("MODERATION_REDIS_URL", settings.redis_url)
    monkeypatch.setenv("MODERATION_SHARDS", str(settings.shards))


async def test_cli_delete_needs_the_id_twice_and_reports_progress(
    redis: aioredis.Redis, site: Created, store_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a matching --confirm nothing happens; with it, progress goes to stderr."""
    refused = await anyio.to_thread.run_sync(main, ["sites", "delete", "kediri", "--confirm", "x"])
    assert refused == 1 and await redis.sismember(keys.SITES, "kediri")
    capsys.readouterr()
    code = await anyio.to_thread.run_sync(
        main, ["sites", "delete", "kediri", "--confirm", "kediri"]
    )
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["id"] == "kediri" and "deleting kediri:" in err
    assert not await redis.sismember(keys.SITES, "kediri")


async def test_admins_change_name_and_origins_over_the_api(
    client: httpx.AsyncClient, redis: aioredis.Redis, site: Created
) -> None:
    """PATCH renames and re-origins for an admin; a moderator gets 403, a path 422."""
    admin = {"authorization": f"Bearer {await Tokens(redis).create('b', Role.ADMIN, ('kediri',))}"}
    moderator = {
        "authorization": f"Bearer {await Tokens(redis).create('m', Role.MODERATOR, ('kediri',))}"
    }
    body = {"name": "Kediri", "add_origins": ["https://x.example"]}
    response = await client.patch("/v1/sites/kediri", json=body, headers=admin)
    assert response.json()["origins"] == ["https://kedirikab.go.id", "https://x.example"]
    assert (await client.patch("/v1/sites/kediri", json=body, headers=moderator)).status_code == 403
    bad = await client.patch(
        "/v1/sites/kediri", json={"add_origins": ["https://x.example/path"]}, headers=admin
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "add_origins[0]"
