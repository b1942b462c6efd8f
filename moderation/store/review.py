"""The moderators' review queues as read from Redis: pages of items with their evidence.

Queues are the status zsets (members scored 0, ordered by ULID = by time) and the
``reported`` zset, so an id is a stable cursor: deciding items never shifts a page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import msgspec

from moderation.models import ReviewQueue
from moderation.store import audit, authors
from moderation.store.client import Redis, text
from moderation.store.comments import Stored, decode_stored
from moderation.store.keys import SiteKeys
from moderation.store.reports import Report
from moderation.store.scripts import ITEMS, Call, hmgets

MAX_PAGE = 100
MAX_Q = 200  # a search is a substring scan over at most ``SCAN_LIMIT`` bodies
_decode_report = msgspec.json.Decoder(Report).decode
SCAN_CHUNK = 200
SCAN_LIMIT = 5_000  # ids a filtered page may look at before it returns what it found


# The stored queues, in the order moderators' screens list them; "all" merges the statuses.
QUEUES = tuple(q for q in ReviewQueue if q is not ReviewQueue.ALL)
STATUSES = (ReviewQueue.HELD, ReviewQueue.APPROVED, ReviewQueue.REJECTED, ReviewQueue.QUEUED)


@dataclasses.dataclass(frozen=True, slots=True)
class Query:
    queue: ReviewQueue = ReviewQueue.HELD
    thread: str | None = None
    author: str | None = None
    reason: str | None = None
    q: str | None = None  # a substring of the body, any case (``MAX_Q`` characters at most)
    since: str | None = None  # received at or after (RFC 3339 UTC, as stored)
    before: str | None = None  # received before
    newest_first: bool = False
    limit: int = 50
    cursor: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "queue", ReviewQueue(self.queue))  # refuses an unknown name

    @property
    def filtered(self) -> bool:
        return bool(
            self.thread or self.author or self.reason or self.q or self.since or self.before
        )


def queue_key(keys: SiteKeys, queue: ReviewQueue) -> str:
    return keys.reported if queue is ReviewQueue.REPORTED else keys.by_status(queue)


def _range(key: str, query: Query, cursor: str | None, count: int) -> dict[str, Any]:
    if query.newest_first:
        start, end = (f"({cursor}" if cursor else "+"), "-"
    else:
        start, end = (f"({cursor}" if cursor else "-"), "+"
    return {
        "name": key,
        "start": start,
        "end": end,
        "desc": query.newest_first,
        "bylex": True,
        "offset": 0,
        "num": count,
    }


def _matches(query: Query, item: Found) -> bool:
    comment = item.stored.comment
    if query.q and query.q.casefold() not in comment.body.casefold():
        return False
    if query.since and comment.received_at < query.since:
        return False
    if query.before and comment.received_at >= query.before:
        return False
    if query.thread and comment.thread.id != query.thread:
        return False
    if query.author and comment.author.key != query.author:
        return False
    if query.reason:
        decision = item.stored.decision
        findings = decision.reasons if decision else ()
        rules = {r for f in findings for r in (f.rule, f.filter, f"{f.filter}:{f.rule}")}
        return query.reason in rules | {r.reason for r in item.reports}
    return True


async def page(
    redis: Redis, keys: SiteKeys, query: Query
) -> tuple[list[Item], str | None, dict[str, int]]:
    """One page of items, the cursor after it (``None`` at the end) and every queue's size.

    Unfiltered, that is three round trips whatever the page size: ids and counts, the items,
    their authors' standing.
    """
    pipe = redis.pipeline(transaction=False)
    size = SCAN_CHUNK if query.filtered else query.limit + 1
    ranges = _ranges(pipe, keys, query, query.cursor, size)
    for queue in QUEUES:
        pipe.zcard(queue_key(keys, queue))
    replies = await pipe.execute()
    counts = dict(zip(QUEUES, replies[ranges:], strict=True))
    counts[ReviewQueue.ALL] = sum(counts[q] for q in STATUSES)
    ids = _merged(query, replies[:ranges], size)
    if query.filtered:
        found, cursor = await _scan(redis, keys, query, ids)
    else:
        found = [f for f in await read(redis, keys, ids[: query.limit]) if f]
        cursor = ids[query.limit - 1] if len(ids) > query.limit else None
    return await with_authors(redis, keys, found), cursor, counts


async def _scan(
    redis: Redis, keys: SiteKeys, query: Query, ids: list[str]
) -> tuple[list[Found], str | None]:
    """Walk the queue from the cursor until a page matches, the end, or ``SCAN_LIMIT`` ids."""
    matched: list[Found] = []
    cursor, seen = query.cursor, 0
    while True:
        for comment_id, found in zip(
            ids, await _read_matching(redis, keys, query, ids), strict=True
        ):
            cursor, seen = comment_id, seen + 1
            if found and _matches(query, found):
                matched.append(found)
                if len(matched) == query.limit:
                    return matched, cursor
        if len(ids) < SCAN_CHUNK:
            return matched, None
        if seen >= SCAN_LIMIT:
            return matched, cursor
        pipe = redis.pipeline(transaction=False)
        ranges = _ranges(pipe, keys, query, cursor, SCAN_CHUNK)
        ids = _merged(query, (await pipe.execute())[:ranges], SCAN_CHUNK)


def _ranges(pipe: Any, keys: SiteKeys, query: Query, cursor: str | None, count: int) -> int:
    """Queue the ZRANGEs of the query's queue (one, or each status for "all"); how many."""
    queues = STATUSES if query.queue is ReviewQueue.ALL else (query.queue,)
    for queue in queues:
        pipe.zrange(**_range(queue_key(keys, queue), query, cursor, count))
    return len(queues)


def _merged(query: Query, replies: Sequence[Sequence[Any]], count: int) -> list[str]:
    """The first ``count`` ids of the ranges in queue order (ids sort by time)."""
    if len(replies) == 1:
        return [text(m) for m in replies[0]]
    merged = sorted({text(m) for reply in replies for m in reply}, reverse=query.newest_first)
    return merged[:count]


async def _read_matching(
    redis: Redis, keys: SiteKeys, query: Query, ids: list[str]
) -> list[Found | None]:
    """Like ``read``, but a thread, search or host-id author filter first drops ids cheaply:
    the thread field and the record's raw JSON (a superset check) are read alone first."""
    search, author = _raw_search(query.q), _raw_author(query.author)
    if not query.thread and search is None and author is None:
        return await read(redis, keys, ids)
    fields = await hmgets(redis, [keys.comment(i) for i in ids], ["thread", "rec"])
    wanted = [
        i
        for i, (thread, rec) in zip(ids, fields, strict=True)
        if (not query.thread or text(thread or b"") == query.thread)
        and (search is None or search in text(rec or b"").casefold())
        and (author is None or author in (rec or b""))
    ]
    found = dict(zip(wanted, await read(redis, keys, wanted), strict=True))
    return [found.get(i) for i in ids]


def _raw_author(key: str | None) -> bytes | None:
    """An author key as the record's JSON spells it, when it is the host's own id (an email
    or name key is a hash, not in the record); ``None`` when it cannot be looked for."""
    if not key or key.startswith(("email-", "name-")) or not _raw_search(key):
        return None
    return msgspec.json.encode(key)


def _raw_search(q: str | None) -> str | None:
    """``q`` as it can be looked for in the record's JSON, or ``None`` when it cannot: JSON
    escapes quotes, backslashes and control characters, so those need the decoded body."""
    if not q or any(c in '"\\' or ord(c) < 0x20 for c in q):
        return None
    return q.casefold()


@dataclasses.dataclass(frozen=True, slots=True)
class Found:
    """A queued comment as read, before its author's standing is looked up."""

    stored: Stored
    reports: list[Report]
    history: list[audit.Entry]


@dataclasses.dataclass(frozen=True, slots=True)
class Item:
    found: Found
    standing: authors.AuthorStanding


async def read(redis: Redis, keys: SiteKeys, ids: Sequence[str]) -> list[Found | None]:
    """Records, reports and history of ``ids`` in one script call; ``None`` where missing."""
    if not ids:
        return []
    replies = await items_call(keys=keys, ids=ids)(redis)
    out: list[Found | None] = []
    for fields, reports, history in replies:
        stored = decode_stored(fields)
        out.append(
            Found(
                stored=stored,
                reports=[_decode_report(v) for v in reports[1::2]],
                history=[audit.history_entry(raw) for raw in history],
            )
            if stored
            else None
        )
    return out


def items_call(*, keys: SiteKeys, ids: Sequence[str]) -> Call:
    return ITEMS.call(
        items=[k for i in ids for k in (keys.comment(i), keys.reports(i), keys.history(i))]
    )


async def with_authors(redis: Redis, keys: SiteKeys, found: Sequence[Found]) -> list[Item]:
    author_keys = [f.stored.comment.author.key for f in found]
    unique = list(dict.fromkeys(author_keys))
    standing = dict(zip(unique, await authors.standings(redis, keys, unique), strict=True))
    return [Item(f, standing[key]) for f, key in zip(found, author_keys, strict=True)]
