"""Every Lua script the service runs, called by SHA and reloaded after a server restart.

A script's header names its KEYS and ARGV, one per line, in the order it reads them::

    -- KEYS
    --   comment   the comment's hash
    -- ARGV
    --   slots...  any number of values (last only)

``Script.call`` takes exactly those names as keyword arguments and puts them in that order,
so the header is the contract and no caller lists keys or arguments by position. Every key
of one call carries one site's hash tag, so each script stays on one Cluster slot.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import itertools
import operator
import re
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

import msgspec
from redis.asyncio.cluster import RedisCluster
from redis.exceptions import NoScriptError

from moderation.store.client import Redis

_ENTRY = re.compile(r"--   (\w+)(\.\.\.)?(?:\s|$)")
_encode = msgspec.json.Encoder().encode


def _source(name: str) -> str:
    return (resources.files("moderation.store") / "lua" / f"{name}.lua").read_text()


def _names(header: str, section: str) -> tuple[tuple[str, bool], ...]:
    """The (name, takes many) entries listed under ``-- KEYS`` or ``-- ARGV``."""
    lines = header.splitlines()
    if f"-- {section}" not in lines:
        return ()
    names = []
    for line in lines[lines.index(f"-- {section}") + 1 :]:
        if not (entry := _ENTRY.match(line)):
            break
        names.append((entry[1], bool(entry[2])))
    return tuple(names)


_PLAIN = frozenset({str, bytes, int})  # sent as they are (``bool`` is not among them)


def arg(value: Any) -> Any:
    """ARGV as the scripts read it: flags "1"/"0", ``None`` as '', structs as JSON."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if value is None:
        return ""
    if isinstance(value, msgspec.Struct):
        return _encode(value)
    return value


class Script:
    """A Lua script (after the libraries it ``uses``) and the names of its KEYS and ARGV."""

    def __init__(self, name: str, *, uses: Sequence[str] = ()) -> None:
        own = _source(name)
        self.name = name
        self.files = (*uses, name)
        self.source = "\n".join([*(_source(u) for u in uses), own])
        self.sha = hashlib.sha1(self.source.encode(), usedforsecurity=False).hexdigest()
        self.keys = _names(own, "KEYS")
        self.argv = _names(own, "ARGV")
        self._names = frozenset(name for name, _ in (*self.keys, *self.argv))
        self._plain = _getters(self.keys, self.argv)

    def many(self, calls: Sequence[Call]) -> Call:
        """One call of this script for several calls of another, their KEYS and ARGV laid
        end to end (a script whose header has only ``keys...`` and ``args...``)."""
        keys = tuple(itertools.chain.from_iterable(call.keys for call in calls))
        return Call(self, keys, tuple(itertools.chain.from_iterable(call.args for call in calls)))

    def call(self, **named: Any) -> Call:
        """One call, from every KEYS and ARGV name of the header and nothing else."""
        if named.keys() != self._names:
            wanted = [name for name, _ in (*self.keys, *self.argv)]
            raise TypeError(f"{self.name}.lua takes {wanted}, not {sorted(named)}")
        return Call(self, _values(self.keys, named), _values(self.argv, named))

    def call_plain(self, **named: str | bytes | int) -> Call:
        """``call`` for values already as the script reads them (``str``, ``bytes``, ``int``;
        ``arg`` converts the others),
        for the calls made once per comment: no name check or conversion per value, the
        header's names picked out in C. A missing name is a ``KeyError``; scripts taking
        ``name...`` lists have no plain form."""
        if self._plain is None:
            raise TypeError(f"{self.name}.lua takes lists: use call()")
        keys, argv = self._plain
        return Call(self, keys(named), argv(named))


_Getter = Callable[[dict[str, Any]], tuple[Any, ...]]


def _getters(
    keys: Sequence[tuple[str, bool]], argv: Sequence[tuple[str, bool]]
) -> tuple[_Getter, _Getter] | None:
    if any(many for _, many in (*keys, *argv)):
        return None
    return _getter([name for name, _ in keys]), _getter([name for name, _ in argv])


def _getter(names: Sequence[str]) -> _Getter:
    if len(names) >= 2:
        return operator.itemgetter(*names)
    return lambda named: tuple(named[name] for name in names)  # itemgetter of one is no tuple


def _values(names: Sequence[tuple[str, bool]], named: dict[str, Any]) -> tuple[Any, ...]:
    out: list[Any] = []
    for name, many in names:
        value = named[name]
        if many:
            out.extend(map(arg, value))
        else:  # plain values inline: this runs for every key and value of every call
            out.append(value if type(value) in _PLAIN else arg(value))
    return tuple(out)


@dataclasses.dataclass(frozen=True, slots=True)
class Call:
    """One call of a script, its KEYS and ARGV in the order the script reads them."""

    script: Script
    keys: tuple[str, ...]
    args: tuple[Any, ...]

    async def __call__(self, client: Redis) -> Any:
        """EVALSHA; after a NOSCRIPT (the server restarted), load the script and call again."""
        script = self.script
        try:
            return await client.evalsha(script.sha, len(self.keys), *self.keys, *self.args)
        except NoScriptError:
            await client.script_load(script.source)
            return await client.evalsha(script.sha, len(self.keys), *self.keys, *self.args)

    def queue(self, pipe: Any) -> None:
        """Add the call to a pipeline; ``Scripts.run`` reloads and retries on NOSCRIPT."""
        pipe.evalsha(self.script.sha, len(self.keys), *self.keys, *self.args)


INTAKE = Script("intake")
DECIDE = Script("decide", uses=["publish", "decision"])
DECIDE_MANY = Script("decide_many", uses=["publish", "decision"])  # a batch of DECIDE calls
REPORT = Script("report")
STANDING = Script("standing")
LEARN = Script("learn")
ITEMS = Script("items")
HMGETS = Script("hmgets")
SIGNALS = Script("signals")
FANOUT = Script("fanout")  # store/outbox.py: new events to each endpoint's deliveries
CLAIM = Script("claim")  # store/outbox.py: lease due deliveries
ERASE = Script("erase", uses=["publish"])  # store/erasure.py: erasing a reader
STRIP = Script("strip")  # store/retention.py: personal data past its retention
TRIM = Script("trim")  # store/retention.py: history lines past the audit retention
IMPORT = Script("import", uses=["publish"])  # store/imports.py: comments from elsewhere
LIMIT = Script("limit")  # store/limits.py: readers' rate limits
REGISTRY = {
    s.name: s
    for s in (
        INTAKE,
        DECIDE,
        DECIDE_MANY,
        REPORT,
        STANDING,
        LEARN,
        ITEMS,
        HMGETS,
        SIGNALS,
        FANOUT,
        CLAIM,
        ERASE,
        STRIP,
        TRIM,
        IMPORT,
        LIMIT,
    )
}


def hmgets_call(*, hashes: Sequence[str], fields: Sequence[str]) -> Call:
    return HMGETS.call(hashes=hashes, fields=fields)


async def hmgets(client: Redis, keys: Sequence[str], fields: Sequence[str]) -> list[list[Any]]:
    """The same fields of many hashes (of one slot) in one call, where a pipeline of HMGETs
    would spend most of its time parsing one reply per hash."""
    if not keys:
        return []
    replies: list[list[Any]] = await hmgets_call(hashes=keys, fields=fields)(client)
    return replies


class Scripts:
    """Runs many script calls in one round trip, on a single server or a Cluster."""

    async def load(self, client: Redis) -> None:
        for script in REGISTRY.values():
            await client.script_load(script.source)

    async def run(self, client: Redis, calls: Sequence[Call]) -> list[Any]:
        """Execute ``calls`` in one pipeline; after a NOSCRIPT, load and redo it.

        Only idempotent scripts go through here: a redo re-checks state before writing.
        """
        if isinstance(client, RedisCluster):
            return await self._run_concurrently(client, calls)
        for attempt in (1, 2):
            pipe = client.pipeline(transaction=False)
            for call in calls:
                call.queue(pipe)
            try:
                replies: list[Any] = await pipe.execute()
                return replies
            except NoScriptError:
                if attempt == 2:
                    raise
                await self.load(client)
        raise AssertionError("unreachable")

    async def run_each(self, client: Redis, calls: Sequence[Call]) -> list[Any]:
        """Like ``run``, but each call's error is its own reply (an exception in its place).

        After a NOSCRIPT only the calls that were refused are sent again: the others ran.
        """
        if isinstance(client, RedisCluster):
            return list(
                await asyncio.gather(*(call(client) for call in calls), return_exceptions=True)
            )
        replies: list[Any] = [None] * len(calls)
        todo = list(range(len(calls)))
        for attempt in (1, 2):
            pipe = client.pipeline(transaction=False)
            for at in todo:
                calls[at].queue(pipe)
            got = await pipe.execute(raise_on_error=False)
            refused = []
            for at, reply in zip(todo, got, strict=True):
                replies[at] = reply
                if isinstance(reply, NoScriptError):
                    refused.append(at)
            if not refused or attempt == 2:
                break
            await self.load(client)
            todo = refused
        return replies

    async def _run_concurrently(self, client: Any, calls: Sequence[Call]) -> list[Any]:
        """redis-py refuses EVALSHA in Cluster pipelines: send the calls side by side instead,
        each routed to its key's node (and reloaded there after a NOSCRIPT)."""
        return list(await asyncio.gather(*(call(client) for call in calls)))
