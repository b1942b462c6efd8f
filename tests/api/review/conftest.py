"""Review fixtures: moderator and admin tokens, and a site that holds every comment."""

from __future__ import annotations

import asyncio
import sys
from asyncio.subprocess import PIPE
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import msgspec
import pytest
import redis.asyncio as aioredis

from moderation.filters.pipeline import Pipeline
from moderation.policy import Policy, Premoderation
from moderation.settings import Settings
from moderation.store.sites import Created, Sites
from moderation.store.tokens import Role, Tokens
from moderation.worker import Worker
from tests.conftest import Host, comment

Headers = dict[str, str]


async def bearer(redis: aioredis.Redis, name: str, role: Role, *sites: str) -> Headers:
    token = await Tokens(redis).create(name, role, sites)
    return {"authorization": f"Bearer {token}"}


@pytest.fixture
async def moderator(redis: aioredis.Redis, site: Created) -> Headers:
    return await bearer(redis, "mod", Role.MODERATOR, site.id)


@pytest.fixture
async def admin(redis: aioredis.Redis, site: Created) -> Headers:
    return await bearer(redis, "boss", Role.ADMIN, site.id)


async def set_policy(
    redis: aioredis.Redis, settings: Settings, site_id: str, **policy: Any
) -> None:
    sites = Sites(redis, settings)
    found = await sites.get(site_id, fresh=True)
    assert found is not None
    await sites.save(msgspec.structs.replace(found, policy=Policy(**policy)))


@pytest.fixture
async def premoderated(redis: aioredis.Redis, settings: Settings, site: Created) -> None:
    """The site holds every comment for a human, so tests get held items on demand."""
    await set_policy(redis, settings, site.id, premoderation=Premoderation.ALL)


Post = Callable[..., Awaitable[list[str]]]


@pytest.fixture
async def plain_worker(settings: Settings, redis: aioredis.Redis) -> AsyncIterator[Worker]:
    """A burst worker with no content filters: decisions follow only policy and standing."""
    assert settings.redis_url
    async with Worker(settings, settings.redis_url, Pipeline([])) as running:
        yield running


@pytest.fixture
def post(host: Host, plain_worker: Worker) -> Post:
    """Post comments (each by its own author unless given) and let the worker decide them."""

    async def send(*bodies: str, author_id: str | None = None, **extra: Any) -> list[str]:
        ids = []
        for n, body in enumerate(bodies):
            payload = comment(body, **{"author": f"Pembaca {n} {body[:8]}", **extra})
            if author_id:
                payload["author"]["id"] = author_id
            response = await host.post(payload)
            assert response.status_code == 202, response.text
            ids.append(response.json()["id"])
        await plain_worker.run_once()
        return ids

    return send


async def queue(client: httpx.AsyncClient, headers: Headers, **params: Any) -> Any:
    response = await client.get("/v1/sites/kediri/review", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def decide(
    client: httpx.AsyncClient, headers: Headers, comment_id: str, version: int | None, **body: Any
) -> httpx.Response:
    extra = {} if version is None else {"if-match": f'"{version}"'}
    return await client.post(
        f"/v1/sites/kediri/review/{comment_id}", json=body, headers={**headers, **extra}
    )


BODIES = (
    "Programnya bagus sekali untuk warga desa kami",
    "Semoga sertifikat tanah cepat selesai tahun ini",
    "Terima kasih bapak bupati atas kerja kerasnya",
    "Pelayanan di kantor pertanahan sekarang lebih ramah",
    "Kapan jadwal pengukuran untuk kecamatan Pare",
    "Alhamdulillah akhirnya tanah orang tua punya sertifikat",
    "Mohon info syarat pendaftaran untuk tahun depan",
    "Warga sangat terbantu dengan program ini",
)


async def cli(env: dict[str, str], *args: str) -> str:
    """Run the ``moderation`` command and return its stdout (it must succeed)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "moderation", *args, env=env, stdout=PIPE, stderr=PIPE
    )
    out, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, err.decode()
    return out.decode()
