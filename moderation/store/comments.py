"""Comment records in Redis: accepted atomically with their queue entry, decided once."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Sequence
from typing import Any

import msgspec

from moderation.models import AuditAction, AuditEntry, Comment, Decision, PublicComment, Status
from moderation.store import events
from moderation.store.batching import AutoPipeline
from moderation.store.client import Redis, text
from moderation.store.keys import GROUP, SiteKeys
from moderation.store.scripts import DECIDE, DECIDE_MANY, INTAKE, Call, Scripts, arg

_FIELDS = ["rec", "status", "v", "decision"]
decode_comment = msgspec.json.Decoder(Comment).decode
decode_decision = msgspec.json.Decoder(Decision).decode
_encode = msgspec.json.Encoder().encode


class Accepted(enum.StrEnum):
    """What ``intake.lua`` did with a comment."""

    QUEUED = "queued"
    DUPLICATE = "duplicate"  # the same body under the same message id: already queued
    CONFLICT = "conflict"  # another body under the same message id: refused
    NO_PARENT = "noparent"  # the parent is not a comment of this thread: refused
    CLOSED = "thread_closed"  # the host closed the thread to new comments: refused
    EXTERNAL_DUPLICATE = "extduplicate"  # the host resent a comment it sent before
    EXTERNAL_CONFLICT = "extconflict"  # another comment under a known external id: refused


class Outcome(enum.StrEnum):
    """What ``decide.lua`` did with a transition."""

    OK = "ok"
    CONFLICT = "conflict"  # the comment was no longer in the expected status or version
    MISSING = "missing"  # no such comment


_BY_MODERATOR = frozenset({AuditAction.APPROVE, AuditAction.REJECT, AuditAction.RESTORE})


class Applied(msgspec.Struct, frozen=True):
    """A transition's outcome, the comment's status after it (``None`` when missing), and
    its version."""

    outcome: Outcome
    status: Status | None
    version: int


class Stored(msgspec.Struct, frozen=True):
    comment: Comment
    status: Status
    version: int
    decision: Decision | None


class Transition(msgspec.Struct, frozen=True):
    """A status change: from what (and which version, if the caller saw one) to what."""

    comment: Comment
    old: Status
    new: Status
    decision: Decision
    version: int | None = None
    entry_id: str = ""  # the queue entry to acknowledge in the same script
    action: AuditAction = AuditAction.AUTO
    reason: str = ""
    note: str = ""


def public(comment: Comment, decision: Decision) -> PublicComment:
    return PublicComment(
        id=comment.id,
        thread=comment.thread.id,
        author=comment.author.name,
        body=decision.masked_body if decision.masked_body is not None else comment.body,
        created_at=comment.created_at,
        parent_id=comment.parent_id,
    )


class Store:
    def __init__(
        self,
        redis: Redis,
        scripts: Scripts,
        *,
        idempotency_ttl: int,
        recent_size: int,
        events_retention_days: int = 7,
    ) -> None:
        self._redis = redis
        self._scripts = scripts
        self._batched = AutoPipeline(redis, scripts)
        self._ttl = idempotency_ttl
        self._recent_size = recent_size
        self._events_days = events_retention_days

    async def aclose(self) -> None:
        await self._batched.aclose()

    async def accept(
        self, keys: SiteKeys, comment: Comment, message_id: str, body_hash: str
    ) -> tuple[Accepted, str]:
        """Idempotency check, record and queue entry in one script: all or nothing."""
        call = intake_call(
            keys=keys, comment=comment, message_id=message_id, body_hash=body_hash, ttl=self._ttl
        )
        outcome, comment_id = await self._batched(call)
        return Accepted(text(outcome)), text(comment_id)

    async def close_thread(self, keys: SiteKeys, thread_id: str, closed: bool) -> None:
        """Stop (or resume) intake for a thread; its widget keeps serving what it has."""
        if closed:
            await self._redis.hset(keys.thread(thread_id), "closed", "1")
        else:
            await self._redis.hdel(keys.thread(thread_id), "closed")

    async def by_external_id(self, keys: SiteKeys, external_id: str) -> str | None:
        """The id of the comment the host sent under its own ``external_id``."""
        known = await self._redis.get(keys.external(external_id))
        return text(known).split(" ", 1)[1] if known else None

    async def get(self, keys: SiteKeys, comment_id: str) -> Stored | None:
        fields = await self._redis.hmget(keys.comment(comment_id), _FIELDS)
        return decode_stored(fields)

    async def raw_records(self, wanted: Sequence[tuple[SiteKeys, str]]) -> list[list[Any]]:
        """Several comments' fields, of one or more sites, in one round trip (``decode_stored``)."""
        pipe = self._redis.pipeline(transaction=False)
        for keys, comment_id in wanted:
            pipe.hmget(keys.comment(comment_id), _FIELDS)
        replies: list[list[Any]] = await pipe.execute()
        return replies

    async def transitions(self, changes: Sequence[tuple[SiteKeys, Transition]]) -> list[Applied]:
        """Apply each change if its comment is still as expected; else report its state."""
        return await self.apply(
            [(keys, self.decide_call(keys, change)) for keys, change in changes]
        )

    def decide_call(self, keys: SiteKeys, change: Transition) -> Call:
        """``decide.lua`` for ``change``, with this store's recent cap and events retention."""
        min_id = events.min_id(self._events_days)
        return decide_call(
            keys=keys, change=change, recent_cap=self._recent_size, events_min_id=min_id
        )

    async def apply(self, calls: Sequence[tuple[SiteKeys, Call]]) -> list[Applied]:
        """Run ``decide.lua`` calls, in order, as one ``decide_many.lua`` call per shard (all of
        a shard's keys share its hash tag), all in one round trip; one ``Applied`` per call."""
        by_shard: dict[int, list[int]] = {}
        for at, (keys, _) in enumerate(calls):
            by_shard.setdefault(keys.shard, []).append(at)
        groups = list(by_shard.values())
        batched = [DECIDE_MANY.many([calls[at][1] for at in group]) for group in groups]
        out: list[Applied | None] = [None] * len(calls)
        for group, replies in zip(
            groups, await self._scripts.run(self._redis, batched), strict=True
        ):
            for at, reply in zip(group, replies, strict=True):
                out[at] = _applied(reply)
        return [applied for applied in out if applied is not None]


def intake_call(
    *, keys: SiteKeys, comment: Comment, message_id: str, body_hash: str, ttl: int
) -> Call:
    """``intake.lua`` for a new comment; ``body_hash`` tells a retry from a conflict."""
    own = keys.comment(comment.id)
    return INTAKE.call(
        idempotency=keys.idempotency(message_id),
        comment=own,
        queue=keys.queue,
        parent=keys.comment(comment.parent_id or comment.id),
        queued=keys.by_status(Status.QUEUED),
        body_hash=body_hash,
        comment_id=comment.id,
        record=comment,
        ttl=ttl,
        site_id=keys.site_id,
        thread_id=comment.thread.id,
        has_parent=bool(comment.parent_id),
        external=keys.external(comment.external_id) if comment.external_id else own,
        thread=keys.thread(comment.thread.id),
        content_hash=content_hash(comment),
        has_external=bool(comment.external_id),
    )


def content_hash(comment: Comment) -> str:
    """What tells a host's resend of a comment from another one under the same external id:
    what readers would see of it (not what we assigned on receipt, nor the reader's address)."""
    sent = (comment.thread, comment.author, comment.body, comment.parent_id)
    return hashlib.sha256(_encode(sent)).hexdigest()


def published_keys(keys: SiteKeys, comment: Comment) -> dict[str, str]:
    """The indexes ``publish.lua`` keeps for a comment, named as the scripts using it name them."""
    thread = comment.thread.id
    # Keyword names, as the scripts' headers spell them (not the sort or queue words).
    return dict(
        top=keys.thread_top(thread),
        all=keys.thread_all(thread),
        thread_version=keys.thread_version(thread),
        replies=keys.replies(comment.parent_id or comment.id),
        recent=keys.recent,
        recent_version=keys.recent_version,
    )


def decide_call(
    *, keys: SiteKeys, change: Transition, recent_cap: int, events_min_id: str = "0"
) -> Call:
    """``decide.lua`` for one transition; it acknowledges ``change.entry_id`` if there is one."""
    comment = change.comment
    thread = comment.thread
    kind = events.event_type(change.old, change.new, by_reports=change.action is AuditAction.HOLD)
    decision = change.decision
    # ``call_plain``: this runs once per decided comment, so values go as the script reads
    # them (``arg`` for the flags, the missing ones and the structs).
    return DECIDE.call_plain(
        comment=keys.comment(comment.id),
        old_index=keys.by_status(change.old),
        new_index=keys.by_status(change.new),
        thread=keys.thread(thread.id),
        **published_keys(keys, comment),
        queue=keys.queue if change.entry_id else keys.comment(comment.id),
        audit=keys.audit,
        history=keys.history(comment.id),
        reported=keys.reported,
        reports=keys.reports(comment.id),
        author=keys.author(comment.author.key),
        events=keys.events,
        new_events=keys.new_events,
        old=change.old,
        version=arg(change.version),
        new=change.new,
        decision=arg(decision),
        public=arg(public(comment, decision)),
        comment_id=comment.id,
        has_parent=arg(bool(comment.parent_id)),
        url=arg(thread.url),
        title=arg(thread.title),
        recent_cap=recent_cap,
        entry_id=arg(change.entry_id),
        group=GROUP,
        entry=arg(_entry(change)),
        by_moderator=arg(change.action in _BY_MODERATOR),
        event_type=kind,
        event_data=arg(events.comment_data(comment, change.new, decision)),
        event_at=decision.decided_at,
        events_min_id=events_min_id,
        site_id=keys.site_id,
    )


def _applied(reply: list[Any]) -> Applied:
    outcome, status, version = (text(part) for part in reply)
    return Applied(Outcome(outcome), Status(status) if status else None, int(version))


def _entry(change: Transition) -> AuditEntry:
    return AuditEntry(
        at=change.decision.decided_at,
        actor=change.decision.decided_by,
        action=change.action,
        comment=change.comment.id,
        author=change.comment.author.key,
        from_status=change.old,
        to=change.new,
        reason=change.reason,
        note=change.note,
        rules=tuple(f"{f.filter}:{f.rule}" for f in change.decision.reasons),
    )


def decode_stored(fields: list[Any]) -> Stored | None:
    rec, status, version, decision = fields
    if rec is None or status is None:
        return None
    return Stored(
        comment=decode_comment(rec),
        status=Status(status.decode()),
        version=int(version or 0),
        decision=decode_decision(decision) if decision else None,
    )
