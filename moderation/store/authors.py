"""Authors' standing on a site (banned, premoderated, trusted), set by admins, with history.

The worker reads standing through ``signals.py``; its effect on decisions is pure
(``filters/author.py``). ``until`` lets a standing lapse back to normal on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from moderation import clock
from moderation.models import AuditAction, Standing, StandingChange
from moderation.store import audit
from moderation.store.client import Redis, text
from moderation.store.keys import SiteKeys
from moderation.store.scripts import STANDING, Call, hmgets

FIELDS = ("standing", "until", "note", "approved", "rejected")  # of an author's hash


class AuthorStanding(msgspec.Struct, frozen=True):
    standing: Standing = Standing.NORMAL
    until: str | None = None
    note: str = ""
    approved: int = 0
    rejected: int = 0


def _standing(fields: Sequence[Any], now: str) -> AuthorStanding:
    standing, until, note, approved, rejected = (text(f) if f is not None else "" for f in fields)
    lapsed = bool(until) and until <= now  # RFC 3339 UTC with milliseconds sorts as text
    return AuthorStanding(
        standing=Standing.NORMAL if lapsed or not standing else Standing(standing),
        until=None if lapsed or not until else until,
        note="" if lapsed else note,
        approved=int(approved or 0),
        rejected=int(rejected or 0),
    )


async def standings(
    redis: Redis, keys: SiteKeys, author_keys: Sequence[str]
) -> list[AuthorStanding]:
    """The standing of each author, in one call (a blank key reads as normal)."""
    replies = await hmgets(redis, [keys.author(key) for key in author_keys], FIELDS)
    now = clock.rfc3339(clock.now())
    return [_standing(fields, now) for fields in replies]


def standing_from(fields: Sequence[Any]) -> AuthorStanding:
    return _standing(fields, clock.rfc3339(clock.now()))


Change = StandingChange


async def set_standing(redis: Redis, keys: SiteKeys, key: str, change: Change, actor: str) -> None:
    until = clock.rfc3339(clock.parse_rfc3339(change.until)) if change.until else ""
    entry = audit.Entry(
        at=clock.rfc3339(clock.now()),
        actor=actor,
        action=AuditAction.STANDING,
        author=key,
        to=change.standing,
        reason=f"until {until}" if until else "",
        note=change.note,
    )
    await standing_call(keys=keys, author_key=key, change=change, until=until, entry=entry)(redis)


def standing_call(
    *, keys: SiteKeys, author_key: str, change: Change, until: str, entry: audit.Entry
) -> Call:
    """``standing.lua`` for one change; ``until`` is normalised RFC 3339, or '' for never."""
    return STANDING.call(
        author=keys.author(author_key),
        log=keys.author_log(author_key),
        audit=keys.audit,
        standing=change.standing,
        ends_at=until,
        note=change.note,
        entry=entry,
    )


async def describe(
    redis: Redis, keys: SiteKeys, key: str
) -> tuple[AuthorStanding, list[audit.Entry]]:
    """An author's standing now and every change to it, oldest first."""
    (standing,) = await standings(redis, keys, [key])
    log = await redis.lrange(keys.author_log(key), 0, -1)
    return standing, [audit.decode_entry(raw) for raw in log]
