"""Moderators' decisions: one comment under ``If-Match``, or a bulk action during a spam wave.

A decision goes through ``decide.lua`` like the pipeline's, so the widgets change at once,
the audit entry is atomic with it, and of two moderators racing on one version only one
wins. Every applied approve or reject teaches the spam learner.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

import msgspec
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response

from moderation import clock
from moderation.api.auth import authorise
from moderation.api.http import NO_STORE, decode, json_response, private, read_body
from moderation.api.openapi import Security, operation
from moderation.api.review.queue import utc
from moderation.api.schemas import (
    MAX_BULK,
    BulkAnswer,
    BulkFilter,
    BulkOutcome,
    BulkVerdict,
    Decided,
    Outcome,
    Verdict,
)
from moderation.api.state import Resources
from moderation.errors import BadRequest, Conflict, NotFound, PreconditionRequired
from moderation.models import (
    COMMENT_ID,
    Action,
    AuditAction,
    Decision,
    FilterName,
    Finding,
    ReviewQueue,
    Verb,
)
from moderation.store import learning, review
from moderation.store.comments import Applied, Stored, Transition, decode_stored
from moderation.store.comments import Outcome as Applies
from moderation.store.keys import SiteKeys
from moderation.store.tokens import Role, Token

_VERSION = re.compile("[0-9]{1,18}")
_ACTION = {Verb.APPROVE: Action.APPROVE, Verb.REJECT: Action.REJECT, Verb.RESTORE: Action.HOLD}


def if_match(request: Request) -> int:
    """The version in ``If-Match`` (bare, quoted or weak); 428 when absent."""
    raw = request.headers.get("if-match")
    if raw is None:
        raise PreconditionRequired("send If-Match with the version you reviewed")
    value = raw.strip().removeprefix("W/").strip('"')
    if not _VERSION.fullmatch(value):
        raise BadRequest("If-Match must be a comment version, as the queue listed it")
    return int(value)


def transition(stored: Stored, verdict: Verdict, actor: str, version: int | None) -> Transition:
    """The status change a verdict asks for; earlier findings stay as evidence."""
    previous = stored.decision
    finding = Finding(
        filter=FilterName.MODERATOR,
        rule=verdict.reason or verdict.action,
        action=_ACTION[verdict.action],
        detail=verdict.note,
    )
    decision = Decision(
        status=verdict.action.target,
        reasons=(*(previous.reasons if previous else ()), finding),
        decided_at=clock.rfc3339(clock.now()),
        decided_by=actor,
        masked_body=previous.masked_body if previous else None,
    )
    return Transition(
        comment=stored.comment,
        old=stored.status,
        new=verdict.action.target,
        decision=decision,
        version=version,
        action=AuditAction(verdict.action),
        reason=verdict.reason or "",
        note=verdict.note,
    )


async def teach(resources: Resources, keys: SiteKeys, applied: Sequence[Transition]) -> None:
    """Every applied human decision goes to the learner (it learns from approve and reject)."""
    for change in applied:
        await learning.learn(resources.redis, keys, change.comment, change.new)


async def apply(
    resources: Resources, keys: SiteKeys, changes: Sequence[Transition]
) -> tuple[list[Applied], list[Transition]]:
    """Apply changes, each only if still as read: every outcome, and the changes that held."""
    outcomes = await resources.store.transitions([(keys, change) for change in changes])
    applied = [c for c, r in zip(changes, outcomes, strict=True) if r.outcome is Applies.OK]
    return outcomes, applied


@operation(
    "Approve, reject or restore one comment at the version you reviewed (If-Match)",
    body=Verdict,
    answers={200: Decided},
    problems=(400, 401, 403, 404, 409, 413, 422, 428),
    security=Security.MODERATOR,
    headers=("if-match",),
)
async def decide_one(request: Request) -> Response:
    resources, site, token = await authorise(request, Role.MODERATOR)
    verdict = decode(Verdict, await read_body(request, resources.settings.max_body_bytes))
    version = if_match(request)
    keys = resources.sites.keys_for(site.id)
    comment_id = request.path_params["comment_id"]
    stored = None
    if COMMENT_ID.fullmatch(comment_id):
        stored = await resources.store.get(keys, comment_id)
    if stored is None:
        raise NotFound("no such comment in this site")
    change = transition(stored, verdict, token.actor, version)
    [result], applied = await apply(resources, keys, [change])
    await teach(resources, keys, applied)
    if result.outcome is not Applies.OK:
        now = await resources.store.get(keys, comment_id)
        raise Conflict(
            "the comment changed since you reviewed it",
            current={"status": result.status, "version": result.version},
            decided_by=now.decision.decided_by if now and now.decision else None,
        )
    return private(Decided(comment_id, change.new, result.version))


@operation(
    "One action on up to 500 ids or on what a queue filter finds; a retry is not redone",
    body=BulkVerdict,
    answers={200: BulkAnswer},
    problems=(400, 401, 404, 413, 422),
    security=Security.MODERATOR,
)
async def decide_bulk(request: Request) -> Response:
    resources, site, token = await authorise(request, Role.MODERATOR)
    wanted = decode(BulkVerdict, await read_body(request, resources.settings.max_body_bytes))
    keys = resources.sites.keys_for(site.id)
    ids = await _bulk_ids(resources, keys, wanted)
    expect = Expected(wanted.versions, utc(wanted.as_of), wanted.dry_run)
    results, applied = await bulk(resources, keys, ids, wanted.verdict, token, expect)
    changed = {Outcome.OK, Outcome.WOULD_CHANGE}
    answer = BulkAnswer(
        results,
        changed=sum(r.outcome in changed for r in results),
        skipped=sum(r.outcome is Outcome.SKIPPED for r in results),
        dry_run=wanted.dry_run,
    )
    # Learning costs a few ms of CPU per comment: after the answer, not before it.
    return json_response(
        answer,
        headers=NO_STORE,
        background=BackgroundTask(teach, resources, keys, applied),
    )


async def _bulk_ids(resources: Resources, keys: SiteKeys, wanted: BulkVerdict) -> list[str]:
    """The ids named, or the first ``MAX_BULK`` items the queue filter finds."""
    if wanted.ids is not None:
        return list(dict.fromkeys(wanted.ids))
    assert wanted.filter is not None  # BulkVerdict holds one or the other
    return await matching(resources, keys, _query(wanted.filter))


async def matching(resources: Resources, keys: SiteKeys, query: review.Query) -> list[str]:
    """The ids of the first ``MAX_BULK`` items a queue query finds."""
    found: list[str] = []
    while len(found) < MAX_BULK:
        items, cursor, _ = await review.page(resources.redis, keys, query)
        found.extend(item.found.stored.comment.id for item in items)
        if cursor is None:
            break
        query = dataclasses.replace(query, cursor=cursor)
    return found[:MAX_BULK]


def _query(wanted: BulkFilter) -> review.Query:
    return review.Query(
        queue=ReviewQueue.HELD if wanted.queue is msgspec.UNSET else wanted.queue,
        thread=wanted.thread,
        author=wanted.author,
        reason=wanted.reason,
        q=wanted.q,
        since=utc(wanted.since),
        before=utc(wanted.before),
        newest_first=False,
        limit=review.MAX_PAGE,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class Expected:
    """What a bulk call previewed: versions by id and/or the preview's time (UTC text)."""

    versions: Mapping[str, int] | None = None
    as_of: str | None = None
    dry_run: bool = False

    def skips(self, stored: Stored) -> bool:
        """Changed since the preview: another version, or received or decided after it."""
        if self.versions is not None and self.versions.get(stored.comment.id) != stored.version:
            return True
        if self.as_of is None:
            return False
        decided = stored.decision.decided_at if stored.decision else ""
        return max(stored.comment.received_at, decided) > self.as_of


async def bulk(
    resources: Resources,
    keys: SiteKeys,
    ids: Sequence[str],
    verdict: Verdict,
    token: Token,
    expect: Expected = Expected(),
) -> tuple[list[BulkOutcome], list[Transition]]:
    """One answer per id. A retry finds the done ones at their target: "unchanged", not redone."""
    if not ids:
        return [], []
    raw = await resources.store.raw_records([(keys, i) for i in ids])
    records = [decode_stored(fields) for fields in raw]
    reported = await resources.redis.zmscore(keys.reported, list(ids))
    results: dict[str, BulkOutcome] = {}
    changes: list[Transition] = []
    for comment_id, stored, open_reports in zip(ids, records, reported, strict=True):
        if stored is None:
            results[comment_id] = BulkOutcome(comment_id, Outcome.NOT_FOUND)
        elif stored.status is verdict.action.target and open_reports is None:
            results[comment_id] = BulkOutcome(
                comment_id, Outcome.UNCHANGED, stored.status, stored.version
            )
        elif expect.skips(stored):
            results[comment_id] = BulkOutcome(
                comment_id, Outcome.SKIPPED, stored.status, stored.version
            )
        elif expect.dry_run:
            results[comment_id] = BulkOutcome(
                comment_id, Outcome.WOULD_CHANGE, stored.status, stored.version
            )
        else:
            changes.append(transition(stored, verdict, token.actor, stored.version))
    outcomes, applied = await apply(resources, keys, changes)
    for change, result in zip(changes, outcomes, strict=True):
        done = result.outcome is Applies.OK
        results[change.comment.id] = BulkOutcome(
            change.comment.id,
            Outcome.OK if done else Outcome.CONFLICT,
            change.new if done else result.status,
            result.version,
        )
    return [results[i] for i in ids], applied
