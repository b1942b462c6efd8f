"""/readyz fails when the store refuses writes, not only when it is unreachable."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from moderation.settings import Settings
from moderation.store.client import connect
from tests.conftest import running_app
from tests.servers import own_valkey

pytestmark = pytest.mark.anyio


async def test_full_store_is_not_ready(settings: Settings, tmp_path: Path) -> None:
    """A store at maxmemory with noeviction answers pings but refuses writes: 503, then 200
    again once it has room."""
    with own_valkey(tmp_path / "full") as server:
        url = f"redis://127.0.0.1:{server.port}"
        admin = connect(url)
        try:
            async with running_app(settings.replace(redis_url=url)) as client:
                assert (await client.get("/readyz")).status_code == 200
                await admin.config_set("maxmemory", "1")
                full = await client.get("/readyz")
                await admin.config_set("maxmemory", "0")
                again = await client.get("/readyz")
        finally:
            await admin.aclose()
    assert full.status_code == 503 and full.headers["retry-after"] == "5"
    assert full.json()["failing"]["redis"].startswith("OutOfMemoryError")
    assert again.status_code == 200


async def test_read_only_replica_is_not_ready(settings: Settings, tmp_path: Path) -> None:
    """Pointed at a read-only replica, the API is not ready: every intake would fail."""
    with own_valkey(tmp_path / "primary") as primary, own_valkey(tmp_path / "replica") as replica:
        url = f"redis://127.0.0.1:{replica.port}"
        admin = connect(url)
        try:
            await admin.replicaof("127.0.0.1", str(primary.port))
            async with running_app(settings.replace(redis_url=url)) as client:
                ready = await client.get("/readyz")
        finally:
            await admin.aclose()
    assert ready.status_code == 503
    assert ready.json()["failing"]["redis"].startswith("ReadOnlyError")


async def test_hung_store_is_not_ready_instead_of_hanging(settings: Settings) -> None:
    """Against a peer that accepts and never answers, /readyz and a widget answer 503 once
    the socket timeout passes, rather than hanging with it."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        url = f"redis://127.0.0.1:{listener.getsockname()[1]}"
        hung = settings.replace(redis_url=url, redis_socket_timeout_seconds=0.2)
        async with running_app(hung) as client:
            ready = await client.get("/readyz")
            widget = await client.get("/v1/sites/kediri/recent")
    assert ready.status_code == 503
    assert ready.json()["failing"]["redis"].startswith("TimeoutError")
    assert widget.status_code == 503
