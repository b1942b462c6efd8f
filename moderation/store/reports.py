"""Readers' reports on published comments, and the hold when enough readers agree.

A report on an approved comment puts it in the ``reported`` queue while it stays visible;
at the site's ``report_hide`` distinct readers it is held (unpublished) for a moderator.
A reader is a hash of the client address: the same reader reporting twice counts once.
"""

from __future__ import annotations

import enum

import msgspec

from moderation import clock
from moderation.errors import NotFound
from moderation.models import (
    COMMENT_ID,
    Action,
    AuditAction,
    Decision,
    FilterName,
    Finding,
    Status,
    System,
)
from moderation.store import limits
from moderation.store.client import Redis, text
from moderation.store.comments import Store, Stored, Transition
from moderation.store.keys import SiteKeys
from moderation.store.scripts import REPORT, Call

MAX_TEXT = 1_000
MAX_BODY = 4 * 1024


class Report(msgspec.Struct, frozen=True):
    reason: str
    text: str
    at: str


class Reported(enum.StrEnum):
    """What ``report.lua`` did with a report."""

    NEW = "new"
    DUPLICATE = "duplicate"  # this reader reported the comment before: counted once
    IGNORED = "ignored"  # not approved, so readers cannot see it
    MISSING = "missing"  # no such comment


async def limit(redis: Redis, keys: SiteKeys, reader: str, comment_id: str, per: int) -> None:
    """At most ``per`` reports a minute from one reader, and ``per`` on one comment from all."""
    both = [(f"r:{reader}", per), (f"c:{comment_id}", per * 10)]
    await limits.take(redis, keys, both, "too many reports; try again later")


def hold(stored: Stored, reports: int) -> Transition:
    """Unpublish a comment that enough readers reported, keeping its findings as evidence."""
    previous = stored.decision
    finding = Finding(
        filter=FilterName.REPORTS, rule="hide_threshold", action=Action.HOLD, score=float(reports)
    )
    decision = Decision(
        status=Status.HELD,
        reasons=(*(previous.reasons if previous else ()), finding),
        decided_at=clock.rfc3339(clock.now()),
        decided_by=System.REPORTS,
        masked_body=previous.masked_body if previous else None,
    )
    return Transition(
        comment=stored.comment,
        old=Status.APPROVED,
        new=Status.HELD,
        decision=decision,
        version=stored.version,  # a moderator who decided meanwhile wins over the readers
        action=AuditAction.HOLD,
        reason=System.REPORTS,
        note=f"{reports} reader reports",
    )


async def file_report(
    redis: Redis,
    store: Store,
    keys: SiteKeys,
    comment_id: str,
    reader: str,
    report: Report,
    hide_at: int,
) -> Reported:
    stored = await store.get(keys, comment_id) if COMMENT_ID.fullmatch(comment_id) else None
    if stored is None:
        raise NotFound("no such comment")
    call = report_call(keys=keys, comment_id=comment_id, reader=reader, report=report)
    raw, count = await call(redis)
    outcome = Reported(text(raw))
    if outcome is Reported.MISSING:
        raise NotFound("no such comment")
    if outcome is Reported.NEW and int(count) >= hide_at and stored.status is Status.APPROVED:
        # Only the report that crosses the threshold holds; a lost race means it already is.
        await store.transitions([(keys, hold(stored, int(count)))])
    return outcome


def report_call(*, keys: SiteKeys, comment_id: str, reader: str, report: Report) -> Call:
    return REPORT.call(
        comment=keys.comment(comment_id),
        reports=keys.reports(comment_id),
        reported=keys.reported,
        reader=reader,
        report=report,
        comment_id=comment_id,
    )
