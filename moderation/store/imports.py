"""The second pass of an import: each checked comment written once, with its thread.

``import.lua`` writes a comment only if it is not there yet (ids are derived, see
``porting/plan.py``), so a repeated import writes nothing and an interrupted one is finished by
running it again. Imported comments keep their state (published, held, rejected) unless
``moderate`` queues them for the pipeline like new ones.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import msgspec

from moderation import clock
from moderation.models import AuditAction, AuditEntry, Author, Comment, Decision, Status, Thread
from moderation.porting.plan import Plan
from moderation.porting.records import Record, SourceComment, SourceThread
from moderation.store import audit
from moderation.store.client import Redis, text
from moderation.store.comments import public, published_keys
from moderation.store.keys import SiteKeys
from moderation.store.scripts import IMPORT, Call, Scripts

BATCH = 200


class Written(enum.StrEnum):
    """What ``import.lua`` did with a comment."""

    NEW = "new"
    EXISTS = "exists"  # imported before: nothing written


class Imported(msgspec.Struct, frozen=True):
    """What an import wrote: new comments by status, and those already there."""

    site: str
    source: str
    threads: int
    new: dict[str, int]
    existing: int


async def write(
    redis: Redis,
    scripts: Scripts,
    keys: SiteKeys,
    records: Iterable[Record],
    plan: Plan,
    *,
    moderate: bool,
    recent_cap: int,
    actor: str,
) -> Imported:
    new: dict[str, int] = {}
    existing = 0
    batch: list[tuple[Status, Call]] = []

    async def flush() -> None:
        nonlocal existing
        replies = await scripts.run(redis, [call for _, call in batch])
        for (status, _), reply in zip(batch, replies, strict=True):
            if Written(text(reply)) is Written.NEW:
                new[status] = new.get(status, 0) + 1
            else:
                existing += 1
        batch.clear()

    for record in records:
        if isinstance(record, SourceThread):
            continue
        status = Status.QUEUED if moderate else record.status
        batch.append((status, import_call(keys, plan, record, status, recent_cap)))
        if len(batch) == BATCH:
            await flush()
    if batch:
        await flush()
    done = Imported(keys.site_id, plan.source, len(plan.threads), new, existing)
    await _finish(redis, keys, done, actor)
    return done


def comment_of(keys: SiteKeys, plan: Plan, record: SourceComment) -> Comment:
    thread = plan.threads[record.thread]
    return Comment(
        id=plan.comments[record.key][0],
        site=keys.site_id,
        thread=Thread(id=thread.id, url=thread.url, title=thread.title),
        author=Author(name=record.name, email=record.email),
        body=record.body,
        created_at=record.created_at,
        received_at=clock.rfc3339(clock.now()),
        parent_id=plan.comments[record.parent][0] if record.parent else None,
        external_id=record.key,
        ip=record.ip,
    )


def import_call(
    keys: SiteKeys, plan: Plan, record: SourceComment, status: Status, recent_cap: int
) -> Call:
    comment = comment_of(keys, plan, record)
    decision = None
    if status is not Status.QUEUED:
        decision = Decision(
            status=status,
            reasons=(),
            decided_at=record.created_at,
            decided_by=f"import:{plan.source}",
        )
    thread = comment.thread
    return IMPORT.call(
        comment=keys.comment(comment.id),
        index=keys.by_status(status),
        thread=keys.thread(thread.id),
        **published_keys(keys, comment),
        author=keys.author(comment.author.key),
        queue=keys.queue,
        record=comment,
        status=status,
        decision=decision,
        public=public(comment, decision) if decision else None,
        comment_id=comment.id,
        thread_id=thread.id,
        has_parent=bool(comment.parent_id),
        url=thread.url,
        title=thread.title,
        recent_cap=recent_cap,
        site_id=keys.site_id,
    )


async def _finish(redis: Redis, keys: SiteKeys, done: Imported, actor: str) -> None:
    """Older ids than the retention watermark may have arrived; and the audit says so."""
    if not sum(done.new.values()):
        return
    await redis.hdel(keys.swept, "pii")
    counts = ", ".join(f"{n} {status}" for status, n in sorted(done.new.items()))
    entry = AuditEntry(
        at=clock.rfc3339(clock.now()),
        actor=actor,
        action=AuditAction.IMPORT,
        reason=done.source,
        note=f"{counts}; {done.existing} already there",
    )
    await redis.xadd(keys.audit, {"e": audit.encode(entry), "v": 0})
