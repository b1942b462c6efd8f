"""A reader's rights over their data on a site: everything kept about them (``export``) and
its erasure (``erase``).

There is no index of comments by author: both walk the site's status indexes (every
comment is in exactly one) in chunks, reading only each record's author. Erasure rewrites
side data first (reports, standing notes, audit entries, rate counters) and each comment
last, one ``erase.lua`` call per comment at the version it read, so a run that stops half
way is finished by running it again, and a run with nothing left to do records nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import msgspec

from moderation import clock
from moderation.models import AuditEntry, Author, Comment, Decision, Status
from moderation.store import audit, authors, catalogue
from moderation.store.client import Redis, text
from moderation.store.comments import decode_comment, decode_decision
from moderation.store.keys import SiteKeys
from moderation.store.reports import Report
from moderation.store.scripts import hmgets

CHUNK = catalogue.CHUNK
RETRIES = 5
_FIELDS = ["rec", "status", "v", "decision", "pub"]
_encode = msgspec.json.Encoder().encode
_decode_report = msgspec.json.Decoder(Report).decode


class Bodies(enum.StrEnum):
    """What an erasure does with the reader's comments."""

    KEEP = "keep"  # stay as they are, under the placeholder name
    REMOVE = "remove"  # unpublished, rejected, bodies emptied


class _Who(msgspec.Struct, frozen=True):
    author: Author


_decode_who = msgspec.json.Decoder(_Who).decode


class Kept(msgspec.Struct, frozen=True):
    """One comment as stored, with its status, decision and history."""

    comment: Comment
    status: Status
    version: int
    decision: Decision | None
    history: list[AuditEntry]
    has_public: bool = False
    history_lines: list[bytes] = []
    reports: dict[str, Report] = {}


class ExportedComment(msgspec.Struct, frozen=True):
    comment: Comment
    status: Status
    decision: Decision | None
    history: list[AuditEntry]


class ReaderExport(msgspec.Struct, frozen=True):
    """Everything a site keeps about one reader: their comments, each with its status,
    decision and history, and their standing with every change to it."""

    site: str
    author: str
    exported_at: str
    standing: authors.AuthorStanding
    standing_changes: list[AuditEntry]
    comments: list[ExportedComment]


class Erasure(msgspec.Struct, frozen=True):
    """How many records an erasure changed (all zero when there was nothing left)."""

    site: str
    author: str
    comments: int = 0
    removed: int = 0
    audit_entries: int = 0
    reports: int = 0
    standing_changes: int = 0
    rate_counters: int = 0

    @property
    def changed(self) -> int:
        return self.comments + self.audit_entries + self.reports + self.standing_changes


async def comment_ids(redis: Redis, keys: SiteKeys, author_key: str) -> list[str]:
    """Ids of every comment of ``author_key`` on the site, oldest first."""
    found: list[str] = []
    async for ids in catalogue.chunks(redis, keys):
        records = await hmgets(redis, [keys.comment(i) for i in ids], ["rec"])
        found.extend(
            i for i, (rec,) in zip(ids, records, strict=True) if rec and _is(rec, author_key)
        )
    return sorted(found)


def _is(rec: bytes, author_key: str) -> bool:
    return _decode_who(rec).author.key == author_key


async def read(redis: Redis, keys: SiteKeys, ids: Sequence[str]) -> list[Kept]:
    """The comments ``ids`` with their histories and reader reports, in one round trip."""
    pipe = redis.pipeline(transaction=False)
    for comment_id in ids:
        pipe.hmget(keys.comment(comment_id), _FIELDS)
        pipe.lrange(keys.history(comment_id), 0, -1)
        pipe.hgetall(keys.reports(comment_id))
    replies = await pipe.execute()
    kept = []
    for fields, lines, reports in zip(replies[0::3], replies[1::3], replies[2::3], strict=True):
        rec, status, version, decision, pub = fields
        if rec is None or status is None:
            continue
        kept.append(
            Kept(
                comment=decode_comment(rec),
                status=Status(text(status)),
                version=int(version or 0),
                decision=decode_decision(decision) if decision else None,
                history=[audit.history_entry(line) for line in lines],
                has_public=pub is not None,
                history_lines=list(lines),
                reports={text(k): _decode_report(v) for k, v in reports.items()},
            )
        )
    return kept


async def export(redis: Redis, keys: SiteKeys, author_key: str) -> ReaderExport:
    ids = await comment_ids(redis, keys, author_key)
    comments = []
    for start in range(0, len(ids), CHUNK):
        for kept in await read(redis, keys, ids[start : start + CHUNK]):
            comments.append(ExportedComment(kept.comment, kept.status, kept.decision, kept.history))
    standing, changes = await authors.describe(redis, keys, author_key)
    return ReaderExport(
        site=keys.site_id,
        author=author_key,
        exported_at=clock.rfc3339(clock.now()),
        standing=standing,
        standing_changes=changes,
        comments=comments,
    )
