"""Opening the one Redis client a process uses (standalone or Cluster) and its Lua scripts."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from importlib import resources
from typing import Any, cast

import hiredis
import redis.asyncio as aioredis
from redis.asyncio.cluster import RedisCluster
from redis.asyncio.connection import (
    AbstractConnection,
    Connection,
    ConnectionPool,
    UnixDomainSocketConnection,
)
from redis.exceptions import NoScriptError

Redis = aioredis.Redis


def text(raw: Any) -> str:
    """A reply as text (the client runs with ``decode_responses=False``)."""
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def connect(url: str, *, cluster: bool = False) -> Redis:
    """One client with a connection pool; callers own it and close it with ``aclose()``."""
    if cluster:
        # The cluster client speaks the same command API; scripts route by their first key.
        return cast(Redis, RedisCluster.from_url(url, decode_responses=False))
    pool = ConnectionPool.from_url(url, decode_responses=False, health_check_interval=30)
    pool.connection_class = _FAST.get(pool.connection_class, pool.connection_class)
    return aioredis.Redis.from_pool(pool)  # the client owns the pool and closes it


class _HiredisPacking:
    """Pack commands with hiredis (C) instead of redis-py's Python packer.

    redis-py's asyncio connections always pack in Python: ~70 µs for a decide script call
    against ~9 µs with hiredis, on every intake request and every decision.
    """

    def pack_command(self, *args: Any) -> list[bytes]:
        if isinstance(args[0], str) and " " in args[0]:  # "CONFIG GET" is two words on the wire
            args = (*args[0].split(), *args[1:])
        return [hiredis.pack_command(args)]


class _FastConnection(_HiredisPacking, Connection):
    pass


class _FastUnixConnection(_HiredisPacking, UnixDomainSocketConnection):
    pass


_FAST: dict[type[AbstractConnection], type[AbstractConnection]] = {
    Connection: _FastConnection,
    UnixDomainSocketConnection: _FastUnixConnection,
}


class Script:
    """A Lua script called by SHA; loaded on first use and again after a server restart."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.sha = hashlib.sha1(source.encode(), usedforsecurity=False).hexdigest()

    async def __call__(self, client: Redis, keys: Sequence[str], args: Sequence[Any]) -> Any:
        try:
            return await client.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            await client.script_load(self.source)
            return await client.evalsha(self.sha, len(keys), *keys, *args)

    def queue(self, pipe: Any, keys: Sequence[str], args: Sequence[Any]) -> None:
        """Add a call to a pipeline; ``Scripts.run`` reloads and retries on NOSCRIPT."""
        pipe.evalsha(self.sha, len(keys), *keys, *args)


def _source(name: str) -> str:
    return (resources.files("moderation") / "scripts" / f"{name}.lua").read_text()


_HMGETS = Script(_source("hmgets"))


async def hmgets(client: Redis, keys: Sequence[str], fields: Sequence[str]) -> list[list[Any]]:
    """The same fields of many hashes (of one slot) in one call, where a pipeline of HMGETs
    would spend most of its time parsing one reply per hash."""
    if not keys:
        return []
    replies: list[list[Any]] = await _HMGETS(client, keys, fields)
    return replies


class Scripts:
    """Every Lua script the service runs. Scripts share key hash tags (one Cluster slot each)."""

    def __init__(self) -> None:
        self.intake = Script(_source("intake"))
        self.decide = Script(_source("publish") + "\n" + _source("decide"))

    async def load(self, client: Redis) -> None:
        for script in (self.intake, self.decide):
            await client.script_load(script.source)

    async def run(self, client: Redis, build: Any) -> list[Any]:
        """Execute a pipeline built by ``build(pipe)``; after a NOSCRIPT, load and redo it.

        Only idempotent scripts go through here: a redo re-checks state before writing.
        """
        if isinstance(client, RedisCluster):
            return await self._run_concurrently(client, build)
        for attempt in (1, 2):
            pipe = client.pipeline(transaction=False)
            build(pipe)
            try:
                replies: list[Any] = await pipe.execute()
                return replies
            except NoScriptError:
                if attempt == 2:
                    raise
                await self.load(client)
        raise AssertionError("unreachable")

    async def _run_concurrently(self, client: Any, build: Any) -> list[Any]:
        """redis-py refuses EVALSHA in Cluster pipelines: send the calls side by side instead,
        each routed to its key's node."""
        calls = _Calls()
        build(calls)
        by_sha = {script.sha: script for script in (self.intake, self.decide)}
        return list(
            await asyncio.gather(
                *(by_sha[sha](client, keys, args) for sha, keys, args in calls.items)
            )
        )


class _Calls:
    """Stands in for a pipeline to record script calls (``Script.queue`` uses ``evalsha``)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Sequence[Any], Sequence[Any]]] = []

    def evalsha(self, sha: str, numkeys: int, *keys_and_args: Any) -> None:
        self.items.append((sha, keys_and_args[:numkeys], keys_and_args[numkeys:]))
