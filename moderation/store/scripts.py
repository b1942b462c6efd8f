"""Every Lua script the service runs, called by SHA and reloaded after a server restart."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from importlib import resources
from typing import Any

from redis.asyncio.cluster import RedisCluster
from redis.exceptions import NoScriptError

from moderation.store.client import Redis


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


def source(name: str) -> str:
    return (resources.files("moderation.store") / "lua" / f"{name}.lua").read_text()


def named(name: str) -> Script:
    return Script(source(name))


_HMGETS = named("hmgets")


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
        self.intake = Script(source("intake"))
        self.decide = Script(source("publish") + "\n" + source("decide"))

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
