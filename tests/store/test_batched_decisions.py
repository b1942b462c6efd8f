"""A batch of decisions is one ``decide_many.lua`` call per shard, each decision applied
exactly as ``decide.lua`` applies one: checked against the comment's state, acknowledged."""

from __future__ import annotations

import re
from typing import Any

import msgspec
import pytest
import redis.asyncio as aioredis

from moderation.models import Author, Comment, Decision, Status, Thread
from moderation.store import scripts
from moderation.store.comments import Outcome, Store, Transition
from moderation.store.keys import GROUP, SiteKeys
from moderation.store.scripts import Scripts

pytestmark = pytest.mark.anyio
KEDIRI, BLITAR = SiteKeys("kediri", 4), SiteKeys("blitar", 4)
COMMENT = Comment(
    id="01ARZ3NDEKTSV4RRFFQ69G5FAV",
    site="kediri",
    thread=Thread(id="t1"),
    author=Author(name="Jojo"),
    body="Mantap",
    created_at="2026-11-28T00:00:00Z",
    received_at="2026-11-28T00:00:00Z",
)


def comment(n: int, site: str = "kediri") -> Comment:
    return msgspec.structs.replace(COMMENT, id=f"01ARZ3NDEKTSV4RRFFQ69G5F{n:02d}", site=site)


def approve(one: Comment, entry_id: str = "") -> Transition:
    decision = Decision(status=Status.APPROVED, reasons=(), decided_at="2026-11-28T00:00:01Z")
    return Transition(one, Status.QUEUED, Status.APPROVED, decision, entry_id=entry_id)


async def queued(redis: aioredis.Redis, store: Store, keys: SiteKeys, one: Comment) -> str:
    """Accept ``one`` and read its queue entry as a worker would; its entry id."""
    await store.accept(keys, one, f"m-{one.id}", "h")
    await redis.xgroup_create(keys.queue, GROUP, id="0", mkstream=True)
    reply: Any = await redis.xreadgroup(GROUP, "w", {keys.queue: ">"}, count=1)
    return str(reply[0][1][0][0].decode())


def _names(source: str, table: str) -> list[str]:
    found = re.search(rf"^local {table} = \{{(.*?)\}}$", source, re.M | re.S)
    assert found
    return re.findall(r"'(\w+)'", found[1])


def test_the_batch_binds_the_names_of_decide_header() -> None:
    """``decision.lua`` lists decide.lua's KEYS and ARGV in the header's order."""
    source = scripts.DECIDE_MANY.source
    assert _names(source, "DECIDE_KEYS") == [name for name, _ in scripts.DECIDE.keys]
    assert _names(source, "DECIDE_ARGV") == [name for name, _ in scripts.DECIDE.argv]


async def test_a_batch_decides_each_comment_once(redis: aioredis.Redis) -> None:
    """A comment already decided (by a moderator, or an earlier delivery) conflicts, the same
    comment twice in one batch is decided once, and every entry is acknowledged."""
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    first, second = comment(1), comment(2)
    await store.accept(KEDIRI, first, "m1", "h")
    entry = await queued(redis, store, KEDIRI, second)
    await store.transitions([(KEDIRI, approve(first))])
    outcomes = await store.transitions(
        [(KEDIRI, approve(first)), (KEDIRI, approve(second, entry)), (KEDIRI, approve(second))]
    )
    assert [o.outcome for o in outcomes] == [Outcome.CONFLICT, Outcome.OK, Outcome.CONFLICT]
    assert await redis.xlen(KEDIRI.audit) == 2
    assert await redis.zrange(KEDIRI.thread_all("t1"), 0, -1) == [
        c.id.encode() for c in (first, second)
    ]
    assert (await redis.xpending(KEDIRI.queue, GROUP))["pending"] == 0


async def test_a_batch_of_two_shards_keeps_its_order(redis: aioredis.Redis) -> None:
    """Sites on different shards go in separate calls; the outcomes come back in order."""
    assert KEDIRI.shard != BLITAR.shard
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    here, there = comment(1), comment(2, site="blitar")
    await store.accept(BLITAR, there, "m2", "h")
    outcomes = await store.transitions([(KEDIRI, approve(here)), (BLITAR, approve(there))])
    assert [(o.outcome, o.version) for o in outcomes] == [(Outcome.MISSING, 0), (Outcome.OK, 2)]
