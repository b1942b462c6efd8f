"""Events are written by decide.lua with the decision itself: none without the other."""

from __future__ import annotations

import pytest
import redis.asyncio as aioredis

from moderation.models import Author, Comment, Decision, Status, Thread
from moderation.store import events
from moderation.store.comments import Outcome, Store, Transition
from moderation.store.events import EventType
from moderation.store.keys import SiteKeys
from moderation.store.scripts import Scripts

pytestmark = pytest.mark.anyio
KEYS = SiteKeys("kediri", 4)
COMMENT = Comment(
    id="01ARZ3NDEKTSV4RRFFQ69G5FAV",
    site="kediri",
    thread=Thread(id="t1"),
    author=Author(name="Jojo", email="jojo@example.org"),
    body="Mantap",
    created_at="2026-11-28T00:00:00Z",
    received_at="2026-11-28T00:00:00Z",
    external_id="host-7",
    ip="10.0.0.9",
)


def change(old: Status, new: Status, version: int | None = None) -> Transition:
    decision = Decision(status=new, reasons=(), decided_at="2026-11-28T00:00:01.000Z")
    return Transition(COMMENT, old, new, decision, version=version)


async def seeded(redis: aioredis.Redis) -> Store:
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    await store.accept(KEYS, COMMENT, "m1", "h")
    return store


async def test_an_applied_decision_writes_its_event(redis: aioredis.Redis) -> None:
    """The event carries the version the script gave the comment, and no private data."""
    store = await seeded(redis)
    [applied] = await store.transitions([(KEYS, change(Status.QUEUED, Status.APPROVED))])
    [item] = await events.page(redis, KEYS, None, 10)
    assert item.type is EventType.APPROVED
    assert item.data.version == applied.version == 2
    assert item.data.external_id == "host-7"
    assert b"jojo@" not in events.body(item) and b"10.0.0.9" not in events.body(item)


async def test_a_refused_decision_writes_no_event(redis: aioredis.Redis) -> None:
    """A transition that finds the comment changed (conflict) leaves the stream as it was."""
    store = await seeded(redis)
    [applied] = await store.transitions([(KEYS, change(Status.HELD, Status.APPROVED))])
    assert applied.outcome is Outcome.CONFLICT
    assert await events.page(redis, KEYS, None, 10) == []


async def test_old_events_are_trimmed_past_the_retention(redis: aioredis.Redis) -> None:
    """An XADD drops entries older than the retention (``MINID``) as it appends."""
    store = await seeded(redis)
    await redis.xadd(KEYS.events, {"t": "comment.held", "d": "{}", "v": 1, "at": "x"}, id="1-1")
    await store.transitions([(KEYS, change(Status.QUEUED, Status.APPROVED))])
    assert [i.type for i in await events.page(redis, KEYS, None, 10)] == [EventType.APPROVED]
