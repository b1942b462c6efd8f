"""A site's events: written by the decision scripts with the change itself, read by the feed
and the deliverer.

Each entry of ``SiteKeys.events`` holds ``t`` (the type), ``d`` (``EventData`` as JSON, its
version still 0), ``v`` (the version the script gave the comment) and ``at``. Its stream id is
the feed's cursor; ``webhook_id`` makes it the stable ``webhook-id`` of every delivery.
"""

from __future__ import annotations

import enum
import re
import time
from collections.abc import Sequence
from typing import Any

import msgspec

from moderation.models import Comment, Decision, Finding, Status
from moderation.store.client import Redis, text
from moderation.store.keys import SiteKeys

CURSOR = re.compile("[0-9]{1,19}-[0-9]{1,19}")


class EventType(enum.StrEnum):
    APPROVED = "comment.approved"
    HELD = "comment.held"
    REJECTED = "comment.rejected"
    HIDDEN = "comment.hidden"  # readers' reports reached the site's threshold
    UNPUBLISHED = "comment.unpublished"  # a moderator took a published comment down
    DELETED = "comment.deleted"  # the host deleted it
    ENDPOINT_DISABLED = "endpoint.disabled"  # told on the site's other endpoints


_BY_STATUS = {
    Status.APPROVED: EventType.APPROVED,
    Status.HELD: EventType.HELD,
    Status.REJECTED: EventType.REJECTED,
}


class EventData(msgspec.Struct, frozen=True, omit_defaults=True):
    """What an event says about a comment: never the reader's email, IP or user agent."""

    id: str
    thread: str
    status: str
    version: int = 0
    external_id: str | None = None
    reasons: tuple[Finding, ...] = ()
    decided_by: str = ""
    masked_body: str | None = None
    endpoint: str | None = None  # endpoint.disabled: which one, and why
    detail: str | None = None


class Event(msgspec.Struct, frozen=True):
    """The body of a delivery (Standard Webhooks: type, timestamp, data)."""

    type: EventType
    timestamp: str
    data: EventData


class FeedItem(msgspec.Struct, frozen=True):
    """One event of the feed; ``id`` is its cursor and the ``webhook-id`` of its deliveries."""

    id: str
    type: EventType
    timestamp: str
    data: EventData


_decode_data = msgspec.json.Decoder(EventData).decode
_encode = msgspec.json.Encoder().encode


def event_type(old: Status, new: Status, *, by_reports: bool) -> EventType:
    """The one event a status change emits."""
    if new is Status.DELETED:
        return EventType.DELETED
    if old is Status.APPROVED and new is not Status.APPROVED:
        return EventType.HIDDEN if by_reports else EventType.UNPUBLISHED
    return _BY_STATUS.get(new, EventType.HELD)


def comment_data(comment: Comment, status: Status, decision: Decision | None) -> EventData:
    return EventData(
        id=comment.id,
        thread=comment.thread.id,
        status=status,
        external_id=comment.external_id,
        reasons=decision.reasons if decision else (),
        decided_by=decision.decided_by if decision else "",
        masked_body=decision.masked_body if decision else None,
    )


def min_id(retention_days: int, now: float | None = None) -> str:
    """The oldest stream id an XADD keeps (``MINID``, exact: the feed keeps what it promises)."""
    moment = time.time() if now is None else now
    return str(max(0, int((moment - retention_days * 86400) * 1000)))


def webhook_id(site_id: str, event_id: str) -> str:
    return f"evt_{site_id}.{event_id}"


def decode_entry(entry_id: Any, fields: dict[Any, Any]) -> FeedItem:
    values = {text(k): v for k, v in fields.items()}
    data = _decode_data(values["d"])
    return FeedItem(
        id=text(entry_id),
        type=EventType(text(values["t"])),
        timestamp=text(values["at"]),
        data=msgspec.structs.replace(data, version=int(values.get("v") or 0)),
    )


def body(item: FeedItem) -> bytes:
    """A delivery's exact bytes, the same on every attempt."""
    return _encode(Event(type=item.type, timestamp=item.timestamp, data=item.data))


async def page(redis: Redis, keys: SiteKeys, after: str | None, limit: int) -> list[FeedItem]:
    """Up to ``limit`` events after the cursor ``after`` (from the oldest kept when None)."""
    start = f"({after}" if after else "-"
    entries: Any = await redis.xrange(keys.events, start, "+", count=limit)
    return [decode_entry(i, f) for i, f in entries]


async def get(redis: Redis, keys: SiteKeys, event_id: str) -> FeedItem | None:
    entries: Any = await redis.xrange(keys.events, event_id, event_id, count=1)
    return decode_entry(*entries[0]) if entries else None


async def since(
    redis: Redis, keys: SiteKeys, start_ms: int, count: int = 1000
) -> Sequence[FeedItem]:
    """Events from ``start_ms`` on (``replay``), oldest first, at most ``count``."""
    entries: Any = await redis.xrange(keys.events, str(start_ms), "+", count=count)
    return [decode_entry(i, f) for i, f in entries]


async def append(
    redis: Redis, keys: SiteKeys, kind: EventType, data: EventData, at: str, keep_days: int
) -> str:
    """An event no script writes (``endpoint.disabled``): a plain XADD."""
    fields: Any = {"t": kind.value, "d": _encode(data), "v": data.version, "at": at}
    pipe = redis.pipeline(transaction=True)
    pipe.xadd(keys.events, fields, minid=min_id(keep_days), approximate=False)
    pipe.sadd(keys.new_events, keys.site_id)
    added, _ = await pipe.execute()
    return text(added)
