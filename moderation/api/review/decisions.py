"""Moderators' decisions: one comment under ``If-Match``, or a bulk action during a spam wave.

A decision goes through ``decide.lua`` like the pipeline's, so the widgets change at once,
the audit entry is atomic with it, and of two moderators racing on one version only one
wins. Every applied approve or reject teaches the spam learner.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from typing import Any

import msgspec
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response

from moderation import clock
from moderation.api.auth import authorise
from moderation.api.http import NO_STORE, json_object, read_body
from moderation.api.review.queue import parse_query
from moderation.api.state import Resources
from moderation.errors import (
    BadRequest,
    Conflict,
    NotFound,
    PreconditionRequired,
    Unprocessable,
)
from moderation.models import COMMENT_ID, Action, Decision, Finding, Reason, Status
from moderation.store import learning, review
from moderation.store.comments import (
    Applied,
    AuditAction,
    Outcome,
    Stored,
    Transition,
    decode_stored,
)
from moderation.store.keys import SiteKeys
from moderation.store.tokens import Role, Token

MAX_BULK = 500
MAX_NOTE = 2_000
_encode = msgspec.json.Encoder().encode


class Verb(enum.StrEnum):
    APPROVE = "approve"  # publish (or keep published and close the reports)
    REJECT = "reject"  # hide for good
    RESTORE = "restore"  # back to the held queue for another look

    @property
    def target(self) -> Status:
        return _TARGET[self]


_TARGET = {Verb.APPROVE: Status.APPROVED, Verb.REJECT: Status.REJECTED, Verb.RESTORE: Status.HELD}
_ACTION = {Verb.APPROVE: Action.APPROVE, Verb.REJECT: Action.REJECT, Verb.RESTORE: Action.HOLD}


class Verdict(msgspec.Struct, frozen=True):
    action: Verb
    reason: str = ""
    note: str = ""


def verdict_errors(doc: dict[str, Any], extra: Sequence[str] = ()) -> list[dict[str, str]]:
    """Every problem with a decision body, listed at once."""
    known = {"action", "reason", "note", *extra}
    errors = [{"field": k, "message": "is not a known field"} for k in doc if k not in known]
    if doc.get("action") not in set(Verb):
        errors.append({"field": "action", "message": "must be one of " + ", ".join(Verb)})
    if "reason" in doc and doc["reason"] not in set(Reason):
        errors.append({"field": "reason", "message": "must be one of " + ", ".join(Reason)})
    note = doc.get("note", "")
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        errors.append({"field": "note", "message": f"must be text of at most {MAX_NOTE} chars"})
    return errors


def parse_verdict(doc: dict[str, Any], extra: Sequence[str] = ()) -> Verdict:
    if errors := verdict_errors(doc, extra):
        raise Unprocessable("the body does not match the schema", errors=errors)
    return Verdict(Verb(doc["action"]), doc.get("reason", ""), doc.get("note", ""))


def if_match(request: Request) -> int:
    """The version in ``If-Match`` (bare, quoted or weak); 428 when absent."""
    raw = request.headers.get("if-match")
    if raw is None:
        raise PreconditionRequired("send If-Match with the version you reviewed")
    value = raw.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise BadRequest("If-Match must be a comment version, as the queue listed it")
    return int(value)


def transition(stored: Stored, verdict: Verdict, actor: str, version: int | None) -> Transition:
    """The status change a verdict asks for; earlier findings stay as evidence."""
    previous = stored.decision
    finding = Finding(
        filter="moderator",
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
        reason=verdict.reason,
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
    applied = [c for c, r in zip(changes, outcomes, strict=True) if r.outcome is Outcome.OK]
    return outcomes, applied


async def decide_one(request: Request) -> Response:
    resources, site, token = await authorise(request, Role.MODERATOR)
    verdict = parse_verdict(
        json_object(await read_body(request, resources.settings.max_body_bytes))
    )
    version = if_match(request)
    keys = resources.sites.keys_for(site.id)
    comment_id = request.path_params["comment_id"]
    stored = (
        await resources.store.get(keys, comment_id) if COMMENT_ID.fullmatch(comment_id) else None
    )
    if stored is None:
        raise NotFound("no such comment in this site")
    change = transition(stored, verdict, token.actor, version)
    [result], applied = await apply(resources, keys, [change])
    await teach(resources, keys, applied)
    if result.outcome is not Outcome.OK:
        raise Conflict(
            "the comment changed since you reviewed it",
            current={"status": result.status, "version": result.version},
        )
    body = {"id": comment_id, "status": change.new, "version": result.version}
    return Response(_encode(body), media_type="application/json", headers=NO_STORE)


async def decide_bulk(request: Request) -> Response:
    resources, site, token = await authorise(request, Role.MODERATOR)
    doc = json_object(await read_body(request, resources.settings.max_body_bytes))
    verdict = parse_verdict(doc, extra=("ids", "filter"))
    keys = resources.sites.keys_for(site.id)
    ids = await _bulk_ids(resources, keys, doc)
    results, applied = await bulk(resources, keys, ids, verdict, token)
    # Learning costs a few ms of CPU per comment: after the answer, not before it.
    return Response(
        _encode({"results": results}),
        media_type="application/json",
        headers=NO_STORE,
        background=BackgroundTask(teach, resources, keys, applied),
    )


async def _bulk_ids(resources: Resources, keys: SiteKeys, doc: dict[str, Any]) -> list[str]:
    """The ids named, or the first ``MAX_BULK`` items of a queue filter; 422 if neither fits."""
    ids, wanted = doc.get("ids"), doc.get("filter")
    if (ids is None) == (wanted is None):
        raise _invalid("ids", "give either ids or filter")
    if ids is not None:
        if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_BULK:
            raise _invalid("ids", f"must be a list of 1 to {MAX_BULK} comment ids")
        if bad := [
            i for i, v in enumerate(ids) if not isinstance(v, str) or not COMMENT_ID.fullmatch(v)
        ]:
            raise Unprocessable(
                "some ids are not comment ids",
                errors=[{"field": f"ids[{i}]", "message": "is not a comment id"} for i in bad],
            )
        return list(dict.fromkeys(ids))
    if not isinstance(wanted, dict) or not all(isinstance(v, str) for v in wanted.values()):
        raise _invalid("filter", "must be an object of queue, thread, author, reason")
    try:
        query = parse_query({**wanted, "limit": str(review.MAX_PAGE)})
    except BadRequest as exc:
        raise Unprocessable("the filter is not valid", errors=exc.extra["errors"]) from None
    found: list[str] = []
    while len(found) < MAX_BULK:
        items, cursor, _ = await review.page(resources.redis, keys, query)
        found.extend(item.found.stored.comment.id for item in items)
        if cursor is None:
            break
        query = dataclasses.replace(query, cursor=cursor)
    return found[:MAX_BULK]


def _invalid(field: str, message: str) -> Unprocessable:
    return Unprocessable(
        "the body does not match the schema", errors=[{"field": field, "message": message}]
    )


async def bulk(
    resources: Resources, keys: SiteKeys, ids: Sequence[str], verdict: Verdict, token: Token
) -> tuple[list[dict[str, Any]], list[Transition]]:
    """One answer per id. A retry finds the done ones at their target: "unchanged", not redone."""
    raw = await resources.store.raw_records([(keys, i) for i in ids])
    records = [decode_stored(fields) for fields in raw]
    reported = await resources.redis.zmscore(keys.reported, list(ids))
    results: dict[str, dict[str, Any]] = {}
    changes: list[Transition] = []
    for comment_id, stored, open_reports in zip(ids, records, reported, strict=True):
        if stored is None:
            results[comment_id] = {"id": comment_id, "outcome": "not_found"}
        elif stored.status is verdict.action.target and open_reports is None:
            results[comment_id] = _result(comment_id, "unchanged", stored.status, stored.version)
        else:
            changes.append(transition(stored, verdict, token.actor, stored.version))
    outcomes, applied = await apply(resources, keys, changes)
    for change, result in zip(changes, outcomes, strict=True):
        done = result.outcome is Outcome.OK
        results[change.comment.id] = _result(
            change.comment.id, "ok" if done else "conflict", result.status, result.version
        )
    return [results[i] for i in ids], applied


def _result(comment_id: str, outcome: str, status: str | None, version: int) -> dict[str, Any]:
    return {"id": comment_id, "outcome": outcome, "status": status, "version": version}
