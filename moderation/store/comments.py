"""Comment records in Redis: accepted atomically with their queue entry, decided once."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

import msgspec

from moderation.models import HUMAN_ACTIONS, AuditEntry, Comment, Decision, PublicComment, Status
from moderation.store.client import Redis
from moderation.store.keys import GROUP, SiteKeys
from moderation.store.scripts import Scripts

_FIELDS = ["rec", "status", "v", "decision"]
encode = msgspec.json.Encoder().encode
decode_comment = msgspec.json.Decoder(Comment).decode
decode_decision = msgspec.json.Decoder(Decision).decode


class Accepted(enum.StrEnum):
    QUEUED = "queued"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    NO_PARENT = "noparent"


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
    action: str = "auto"  # for the audit log: "auto", "hold", or a moderator's action
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
        self, redis: Redis, scripts: Scripts, *, idempotency_ttl: int, recent_size: int
    ) -> None:
        self._redis = redis
        self._scripts = scripts
        self._ttl = idempotency_ttl
        self._recent_size = recent_size

    async def accept(
        self, keys: SiteKeys, comment: Comment, message_id: str, body_hash: str
    ) -> tuple[Accepted, str]:
        """Idempotency check, record and queue entry in one script: all or nothing."""
        parent = keys.comment(comment.parent_id) if comment.parent_id else keys.comment(comment.id)
        outcome, comment_id = await self._scripts.intake(
            self._redis,
            [
                keys.idempotency(message_id),
                keys.comment(comment.id),
                keys.queue,
                parent,
                keys.by_status(Status.QUEUED),
            ],
            [
                body_hash,
                comment.id,
                encode(comment),
                self._ttl,
                keys.site_id,
                comment.thread.id,
                "1" if comment.parent_id else "0",
            ],
        )
        return Accepted(outcome.decode()), comment_id.decode()

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

    def queue_transition(self, pipe: Any, keys: SiteKeys, change: Transition) -> None:
        """Add the decide script for ``change`` to ``pipe``; its reply is ``[outcome, version]``."""
        comment = change.comment
        parent = comment.parent_id or comment.id
        thread = comment.thread
        self._scripts.decide.queue(
            pipe,
            [
                keys.comment(comment.id),
                keys.by_status(change.old),
                keys.by_status(change.new),
                keys.thread(thread.id),
                keys.thread_top(thread.id),
                keys.thread_all(thread.id),
                keys.thread_version(thread.id),
                keys.replies(parent),
                keys.recent,
                keys.recent_version,
                keys.queue if change.entry_id else keys.comment(comment.id),
                keys.audit,
                keys.history(comment.id),
                keys.reported,
                keys.reports(comment.id),
                keys.author(comment.author.key),
            ],
            [
                change.old,
                "" if change.version is None else change.version,
                change.new,
                encode(change.decision),
                encode(public(comment, change.decision)),
                comment.id,
                "1" if comment.parent_id else "0",
                thread.url or "",
                thread.title or "",
                self._recent_size,
                change.entry_id,
                GROUP,
                encode(_entry(change)),
                "1" if change.action in HUMAN_ACTIONS else "0",
            ],
        )

    async def transitions(
        self, changes: Sequence[tuple[SiteKeys, Transition]]
    ) -> list[tuple[str, int]]:
        """Apply each change if its comment is still as expected; else report its state."""

        def build(pipe: Any) -> None:
            for keys, change in changes:
                self.queue_transition(pipe, keys, change)

        replies = await self._scripts.run(self._redis, build)
        return [(outcome.decode(), int(version)) for outcome, version in replies]


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
