"""``GET /v1/sites/{site_id}/review``: the moderators' queues, each item with its evidence.

Queues are the status zsets (members scored 0, ordered by ULID = by time) and the
``reported`` zset, so an id is a stable cursor: deciding items never shifts a page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import audit, authors
from moderation.errors import BadRequest
from moderation.keys import SiteKeys
from moderation.redis_client import Redis, text
from moderation.store import Store, Stored, decode_stored
from moderation.tokens import Role, authorise
from moderation.validation import COMMENT_ID

QUEUES = ("held", "reported", "approved", "rejected", "queued")
MAX_PAGE = 100
SCAN_CHUNK = 200
SCAN_LIMIT = 5_000  # ids a filtered page may look at before it returns what it found
_encode = msgspec.json.Encoder().encode


@dataclasses.dataclass(frozen=True, slots=True)
class Query:
    queue: str = "held"
    thread: str | None = None
    author: str | None = None
    reason: str | None = None
    newest_first: bool = False
    limit: int = 50
    cursor: str | None = None

    @property
    def filtered(self) -> bool:
        return bool(self.thread or self.author or self.reason)


def queue_key(keys: SiteKeys, queue: str) -> str:
    return keys.reported if queue == "reported" else keys.by_status(queue)


def parse_query(params: Any) -> Query:
    """The query string as a ``Query``; every bad parameter is listed in one 400."""
    errors = []
    queue = params.get("queue", "held")
    if queue not in QUEUES:
        errors.append({"field": "queue", "message": f"must be one of {', '.join(QUEUES)}"})
    sort = params.get("sort", "oldest")
    if sort not in ("oldest", "newest"):
        errors.append({"field": "sort", "message": "must be oldest or newest"})
    limit = params.get("limit", "50")
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_PAGE:
        errors.append({"field": "limit", "message": f"must be an integer from 1 to {MAX_PAGE}"})
    cursor = params.get("cursor")
    if cursor is not None and not COMMENT_ID.match(cursor):
        errors.append({"field": "cursor", "message": "is not one this API returned"})
    if errors:
        raise BadRequest("bad query parameters", errors=errors)
    return Query(
        queue=queue,
        thread=params.get("thread") or None,
        author=params.get("author") or None,
        reason=params.get("reason") or None,
        newest_first=sort == "newest",
        limit=int(limit),
        cursor=cursor,
    )


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


def _matches(query: Query, item: Item) -> bool:
    comment = item.stored.comment
    if query.thread and comment.thread.id != query.thread:
        return False
    if query.author and item.author != query.author:
        return False
    if query.reason:
        decision = item.stored.decision
        findings = decision.reasons if decision else ()
        rules = {r for f in findings for r in (f.rule, f.filter, f"{f.filter}:{f.rule}")}
        return query.reason in rules | {r.get("reason") for r in item.reports}
    return True


async def counts(redis: Redis, keys: SiteKeys) -> dict[str, int]:
    pipe = redis.pipeline(transaction=False)
    for queue in QUEUES:
        pipe.zcard(queue_key(keys, queue))
    return dict(zip(QUEUES, await pipe.execute(), strict=True))


async def page(
    redis: Redis, store: Store, keys: SiteKeys, query: Query
) -> tuple[list[Item], str | None]:
    """One page of items and the cursor after it (``None`` at the end of the queue)."""
    key = queue_key(keys, query.queue)
    if not query.filtered:
        ids = [
            text(m) for m in await redis.zrange(**_range(key, query, query.cursor, query.limit + 1))
        ]
        items = await render(redis, store, keys, ids[: query.limit])
        return items, ids[query.limit - 1] if len(ids) > query.limit else None
    found: list[Item] = []
    cursor, seen = query.cursor, 0
    while seen < SCAN_LIMIT:
        ids = [text(m) for m in await redis.zrange(**_range(key, query, cursor, SCAN_CHUNK))]
        for item in await render(redis, store, keys, ids):
            cursor, seen = item.stored.comment.id, seen + 1
            if _matches(query, item) and len(found) < query.limit:
                found.append(item)
                if len(found) == query.limit:
                    return found, cursor
        if len(ids) < SCAN_CHUNK:
            return found, None
        cursor = ids[-1]
    return found, cursor


@dataclasses.dataclass(frozen=True, slots=True)
class Item:
    stored: Stored
    author: str
    standing: authors.AuthorStanding
    reports: list[dict[str, Any]]
    history: list[audit.Entry]

    def json(self) -> dict[str, Any]:
        comment = msgspec.to_builtins(self.stored.comment)
        decision = self.stored.decision
        reasons: dict[str, int] = {}
        for report in self.reports:
            reasons[report["reason"]] = reasons.get(report["reason"], 0) + 1
        standing = msgspec.to_builtins(self.standing)
        return {
            **comment,
            "author": {**comment["author"], "key": self.author, "standing": standing},
            "status": self.stored.status,
            "version": self.stored.version,
            "masked_body": decision.masked_body if decision else None,
            "findings": msgspec.to_builtins(decision.reasons) if decision else [],
            "decided_by": decision.decided_by if decision else None,
            "decided_at": decision.decided_at if decision else None,
            "reports": {"count": len(self.reports), "reasons": reasons, "items": self.reports},
            "history": msgspec.to_builtins(self.history),
        }


async def render(redis: Redis, store: Store, keys: SiteKeys, ids: Sequence[str]) -> list[Item]:
    """Items for ``ids`` (missing ones skipped) in two round trips: records, then the rest."""
    records = [decode_stored(f) for f in await store.raw_records([(keys, i) for i in ids])]
    found = [r for r in records if r is not None]
    author_keys = [r.comment.author.key for r in found]
    pipe = redis.pipeline(transaction=False)
    for record, author in zip(found, author_keys, strict=True):
        pipe.hgetall(keys.reports(record.comment.id))
        pipe.lrange(keys.history(record.comment.id), 0, -1)
        pipe.hmget(*authors.fields_of(author, keys))
    replies = await pipe.execute()
    return [
        Item(
            stored=record,
            author=author,
            standing=authors.standing_from(standing),
            reports=[msgspec.json.decode(raw) for raw in reports.values()],
            history=[audit.history_entry(raw) for raw in history],
        )
        for record, author, reports, history, standing in zip(
            found, author_keys, replies[0::3], replies[1::3], replies[2::3], strict=True
        )
    ]


async def list_queue(request: Request) -> Response:
    services, site, _ = await authorise(request, Role.MODERATOR)
    query = parse_query(request.query_params)
    keys = services.sites.keys_for(site.id)
    items, next_cursor = await page(services.redis, services.store, keys, query)
    body = {
        "items": [i.json() for i in items],
        "next_cursor": next_cursor,
        "counts": await counts(services.redis, keys),
    }
    return Response(_encode(body), media_type="application/json", headers=NO_STORE)


NO_STORE = {"Cache-Control": "no-store"}
