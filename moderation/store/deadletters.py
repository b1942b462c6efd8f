"""Dead letters: queue entries set aside with their raw fields and error, to inspect, replay
(as a fresh queue entry on the same shard) or drop. A letter is named ``<shard>:<entry id>``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import msgspec

from moderation.errors import ModerationError
from moderation.store import keys
from moderation.store.client import Redis, text

_NAME = re.compile(r"(\d{1,4}):(\d{1,20}-\d{1,20})")


class Letter(msgspec.Struct, frozen=True):
    id: str  # "<shard>:<dead-letter entry id>"
    site: str
    comment_id: str
    error: str
    deliveries: int
    entry: str  # the queue entry it was
    raw: str  # the queue entry's fields, as JSON


class NoSuchLetter(ModerationError):
    """No dead letter has that name (or it was already replayed or dropped)."""


class NotReplayable(ModerationError):
    """The letter names no comment (a malformed entry): it can only be dropped."""


def parse(name: str, shards: int) -> tuple[int, str]:
    match = _NAME.fullmatch(name)
    if match is None or int(match[1]) >= shards:
        raise NoSuchLetter(f"{name!r} is not a dead letter name (<shard>:<entry id>)")
    return int(match[1]), match[2]


def _letter(shard: int, entry_id: bytes | str, fields: dict[bytes, bytes]) -> Letter:
    get = {text(k): text(v) for k, v in fields.items()}.get
    return Letter(
        id=f"{shard}:{text(entry_id)}",
        site=get("s", ""),
        comment_id=get("i", ""),
        error=get("error", ""),
        deliveries=int(get("deliveries", "0") or 0),
        entry=get("entry", ""),
        raw=get("raw", ""),
    )


class DeadLetters:
    def __init__(self, redis: Redis, shards: int) -> None:
        self._redis, self._shards = redis, shards

    async def list(self, limit: int = 100) -> list[Letter]:
        """The oldest ``limit`` letters of each shard, shard by shard (one round trip)."""
        pipe = self._redis.pipeline(transaction=False)
        for shard in range(self._shards):
            pipe.xrange(keys.dead_letters(shard), count=limit)
        replies = await pipe.execute()
        return list(_letters(replies))

    async def get(self, name: str) -> Letter:
        shard, entry_id = parse(name, self._shards)
        reply: Any = await self._redis.xrange(keys.dead_letters(shard), entry_id, entry_id)
        if not reply:
            raise NoSuchLetter(f"no dead letter {name}")
        return _letter(shard, *reply[0])

    async def replay(self, name: str) -> str:
        """Queue the letter's comment again and remove the letter, atomically; the new entry id.

        Replaying a comment already decided is harmless: the decision applies only to a
        comment still ``queued``.
        """
        letter = await self.get(name)
        if not (letter.site and letter.comment_id):
            raise NotReplayable(f"dead letter {name} names no comment; drop it instead")
        shard, entry_id = parse(name, self._shards)
        pipe = self._redis.pipeline(transaction=True)  # both keys share the shard's hash tag
        pipe.xadd(keys.queue(shard), {"s": letter.site, "i": letter.comment_id})
        pipe.xdel(keys.dead_letters(shard), entry_id)
        new_id, _ = await pipe.execute()
        return text(new_id)

    async def drop(self, name: str) -> None:
        shard, entry_id = parse(name, self._shards)
        if not await self._redis.xdel(keys.dead_letters(shard), entry_id):
            raise NoSuchLetter(f"no dead letter {name}")


def _letters(replies: list[list[tuple[bytes, dict[bytes, bytes]]]]) -> Iterator[Letter]:
    for shard, entries in enumerate(replies):
        for entry_id, fields in entries:
            yield _letter(shard, entry_id, fields)
