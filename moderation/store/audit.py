"""The append-only audit log of a site: every automatic decision and every human action.

Entries are written inside the scripts that make the change (``decide.lua``,
``standing.lua``), so a change and its entry land together or not at all.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import msgspec

from moderation.models import AuditEntry
from moderation.store.client import Redis, text
from moderation.store.keys import SiteKeys

SCAN_CHUNK = 500
SCAN_LIMIT = 10_000  # entries a filtered page may look at before it returns what it found
MAX_PAGE = 500


Entry = AuditEntry

encode = msgspec.json.Encoder().encode
decode_entry = msgspec.json.Decoder(Entry).decode


def read(stream_id: Any, fields: Any) -> Entry:
    entry = decode_entry(fields[b"e"])
    version = int(fields.get(b"v") or 0)
    return msgspec.structs.replace(entry, id=text(stream_id), version=version)


def history_entry(raw: Any) -> Entry:
    """One line of a comment's history list: ``"<audit id> <version> <entry JSON>"``."""
    stream_id, version, body = raw.split(b" ", 2)
    entry = decode_entry(body)
    return msgspec.structs.replace(entry, id=stream_id.decode(), version=int(version))


def matches(entry: Entry, comment: str | None, actor: str | None) -> bool:
    return (comment is None or entry.comment == comment) and (actor is None or entry.actor == actor)


async def append(redis: Redis, keys: SiteKeys, entry: Entry) -> str:
    """Audit an action that touches no comment or author (policy, tokens); its id."""
    return text(await redis.xadd(keys.audit, {"e": encode(entry), "v": 0}))


async def entries(redis: Redis, keys: SiteKeys, after: str | None = None) -> AsyncIterator[Entry]:
    """Every entry after stream id ``after``, oldest first, read in chunks."""
    start = f"({after}" if after else "-"
    while chunk := await redis.xrange(keys.audit, start, "+", count=SCAN_CHUNK):
        for stream_id, fields in chunk:
            yield read(stream_id, fields)
        start = f"({text(chunk[-1][0])}"


async def page(
    redis: Redis,
    keys: SiteKeys,
    *,
    comment: str | None,
    actor: str | None,
    cursor: str | None,
    limit: int,
    scan_limit: int,
) -> tuple[list[Entry], str | None]:
    """Up to ``limit`` matching entries after ``cursor``, looking at ``scan_limit`` at most.

    The next cursor is the last entry looked at, so a sparse filter still moves forward.
    """
    if comment is not None and actor is None and cursor is None:
        every = await history(redis, keys, comment)
        return every[:limit], every[limit - 1].id if len(every) > limit else None
    found: list[Entry] = []
    seen = 0
    last: str | None = None
    async for entry in entries(redis, keys, cursor):
        seen, last = seen + 1, entry.id
        if matches(entry, comment, actor):
            found.append(entry)
        if len(found) == limit or seen == scan_limit:
            more = await redis.xrange(keys.audit, f"({last}", "+", count=1)
            return found, last if more else None
    return found, None


async def history(redis: Redis, keys: SiteKeys, comment_id: str) -> list[Entry]:
    return [history_entry(raw) for raw in await redis.lrange(keys.history(comment_id), 0, -1)]
