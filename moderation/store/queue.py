"""The Redis Streams queue: one stream per shard, one consumer group, at-least-once delivery.

Entries are deleted when acknowledged (in the same script that records the decision), so a
stream only ever holds unacknowledged work and is never trimmed by length.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
from redis.exceptions import ResponseError

from moderation.errors import ModerationError
from moderation.models import COMMENT_ID, SITE_ID
from moderation.store import keys
from moderation.store.client import Redis


class Delivery(msgspec.Struct, frozen=True):
    """One queue entry as read. ``malformed`` says why it names no comment (then ``site`` and
    ``comment_id`` may be empty); ``raw`` keeps its fields for the dead-letter stream."""

    shard: int
    entry_id: str
    site: str
    comment_id: str
    deliveries: int = 1
    malformed: str = ""
    raw: dict[str, str] = {}


class ShardMismatch(ModerationError):
    """The store was created with another number of shards; its keys would not be found."""


class Queue:
    def __init__(self, redis: Redis, shards: int) -> None:
        self._redis = redis
        self.shards = shards

    async def prepare(self) -> None:
        """Record the shard count on first use, refuse a different one, create the groups."""
        await self._redis.hsetnx(keys.META, "shards", self.shards)
        await self._redis.hsetnx(keys.META, "schema", keys.SCHEMA)
        stored = int(await self._redis.hget(keys.META, "shards") or 0)
        if stored != self.shards:
            raise ShardMismatch(f"the store uses {stored} shards; set MODERATION_SHARDS={stored}")
        for shard in range(self.shards):
            try:
                await self._redis.xgroup_create(
                    keys.queue(shard), keys.GROUP, id="0", mkstream=True
                )
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise

    async def read(
        self, shard: int, consumer: str, count: int, block_ms: int | None
    ) -> list[Delivery]:
        """New entries for this consumer; ``block_ms=None`` returns at once (0 blocks forever)."""
        reply: Any = await self._redis.xreadgroup(
            keys.GROUP, consumer, {keys.queue(shard): ">"}, count=count, block=block_ms
        )
        return [
            _delivery(self.shards, shard, entry) for _, entries in reply or () for entry in entries
        ]

    async def reclaim(
        self, shard: int, consumer: str, min_idle_ms: int, count: int
    ) -> list[Delivery]:
        """Take over entries a dead (or stuck) consumer read but never acknowledged."""
        stream = keys.queue(shard)
        reply = await self._redis.xautoclaim(
            stream, keys.GROUP, consumer, min_idle_ms, start_id="0-0", count=count
        )
        entries = [entry for entry in reply[1] if entry[1]]
        if not entries:
            return []
        pending = await self._redis.xpending_range(
            stream,
            keys.GROUP,
            min=entries[0][0],
            max=entries[-1][0],
            count=len(entries) * 2,
            consumername=consumer,
        )
        times = {item["message_id"]: int(item["times_delivered"]) for item in pending}
        return [_delivery(self.shards, shard, e, times.get(e[0], 1)) for e in entries]

    async def dead_letter(self, delivery: Delivery, error: str) -> None:
        """Move a message that keeps failing aside, with its raw fields and last error; never
        drop it. Only a delivered entry is deleted, so ``XINFO GROUPS`` keeps reporting lag."""
        stream = keys.queue(delivery.shard)
        pipe = self._redis.pipeline(transaction=True)
        pipe.xadd(
            keys.dead_letters(delivery.shard),
            {
                "s": delivery.site,
                "i": delivery.comment_id,
                "entry": delivery.entry_id,
                "deliveries": delivery.deliveries,
                "error": error[:2000],
                "raw": json.dumps(delivery.raw)[:4000],
            },
        )
        pipe.xack(stream, keys.GROUP, delivery.entry_id)
        pipe.xdel(stream, delivery.entry_id)
        await pipe.execute()


def _delivery(
    shards: int, shard: int, entry: tuple[bytes, dict[bytes, bytes]], times: int = 1
) -> Delivery:
    """Any entry becomes a delivery: one without a well-formed site and comment id of this
    shard is marked ``malformed`` (a bad deploy, a manual ``XADD``), never an exception."""
    entry_id, fields = entry
    raw = {_text(k): _text(v) for k, v in (fields or {}).items()}
    site, comment_id = raw.get("s", ""), raw.get("i", "")
    problem = ""
    if "s" not in raw or "i" not in raw:  # other fields are allowed: a later version's
        problem = f"no s and i fields (it has {sorted(raw)[:20]})"
    elif not (SITE_ID.fullmatch(site) and COMMENT_ID.fullmatch(comment_id)):
        problem = f"not a site id and comment id: {site[:100]!r} {comment_id[:100]!r}"
    elif keys.shard_of(site, shards) != shard:
        problem = f"site {site!r} does not belong on shard {shard}"
    return Delivery(
        shard=shard,
        entry_id=_text(entry_id),
        site=site,
        comment_id=comment_id,
        deliveries=times,
        malformed=problem,
        raw=raw,
    )


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "backslashreplace") if isinstance(raw, bytes) else str(raw)
