"""``POST /v1/sites/{site_id}/comments/{comment_id}/reports``: readers flag what they see.

A report on an approved comment puts it in the ``reported`` queue while it stays visible;
at the site's ``report_hide`` distinct readers it is held (unpublished) for a moderator.
A reader is a hash of the client address: the same reader reporting twice counts once.
"""

from __future__ import annotations

import hashlib
import time
from importlib import resources

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import clock, widget
from moderation.errors import NotFound, TooManyRequests, Unprocessable
from moderation.ingest import read_body
from moderation.keys import SiteKeys
from moderation.models import Action, Decision, Finding, Status
from moderation.redis_client import Redis, Script
from moderation.services import Services
from moderation.store import Stored, Transition
from moderation.validation import COMMENT_ID
from moderation.verdicts import REASONS, json_object

_SCRIPT = Script((resources.files("moderation") / "scripts" / "report.lua").read_text())
MAX_TEXT = 1_000
MAX_BODY = 4 * 1024
WINDOW = 60  # seconds of each rate-limit window
_encode = msgspec.json.Encoder().encode


class Report(msgspec.Struct, frozen=True):
    reason: str
    text: str
    at: str


def parse(doc: dict[str, object]) -> Report:
    errors = [
        {"field": k, "message": "is not a known field"} for k in doc if k not in ("reason", "text")
    ]
    if doc.get("reason") not in REASONS:
        errors.append({"field": "reason", "message": "must be one of " + ", ".join(REASONS)})
    note = doc.get("text", "")
    if not isinstance(note, str) or len(note) > MAX_TEXT:
        errors.append({"field": "text", "message": f"must be text of at most {MAX_TEXT} chars"})
    if errors:
        raise Unprocessable("the report does not match the schema", errors=errors)
    return Report(str(doc["reason"]), str(note), clock.rfc3339(clock.now()))


def reader_of(request: Request) -> str:
    address = request.client.host if request.client else "unknown"
    return hashlib.sha256(address.encode()).hexdigest()[:32]


async def limit(redis: Redis, keys: SiteKeys, reader: str, comment_id: str, per: int) -> None:
    """At most ``per`` reports a minute from one reader, and ``per`` on one comment from all."""
    window = int(time.time()) // WINDOW
    pipe = redis.pipeline(transaction=False)
    for what in (f"r:{reader}:{window}", f"c:{comment_id}:{window}"):
        pipe.incr(keys.rate(what))
        pipe.expire(keys.rate(what), WINDOW * 2)
    by_reader, _, on_comment, _ = await pipe.execute()
    if by_reader > per or on_comment > per * 10:
        retry = str(WINDOW - int(time.time()) % WINDOW)
        raise TooManyRequests("too many reports; try again later", headers={"Retry-After": retry})


def hold(stored: Stored, reports: int) -> Transition:
    """Unpublish a comment that enough readers reported, keeping its findings as evidence."""
    previous = stored.decision
    finding = Finding(
        filter="reports", rule="hide_threshold", action=Action.HOLD, score=float(reports)
    )
    decision = Decision(
        status=Status.HELD,
        reasons=(*(previous.reasons if previous else ()), finding),
        decided_at=clock.rfc3339(clock.now()),
        decided_by="reports",
        masked_body=previous.masked_body if previous else None,
    )
    return Transition(
        comment=stored.comment,
        old=Status.APPROVED,
        new=Status.HELD,
        decision=decision,
        version=stored.version,  # a moderator who decided meanwhile wins over the readers
        action="hold",
        reason="reports",
        note=f"{reports} reader reports",
    )


async def file_report(
    services: Services, keys: SiteKeys, comment_id: str, reader: str, report: Report, hide_at: int
) -> None:
    stored = await services.store.get(keys, comment_id) if COMMENT_ID.match(comment_id) else None
    if stored is None:
        raise NotFound("no such comment")
    outcome, count = await _SCRIPT(
        services.redis,
        [keys.comment(comment_id), keys.reports(comment_id), keys.reported],
        [reader, _encode(report), comment_id],
    )
    if outcome == b"missing":
        raise NotFound("no such comment")
    if outcome == b"new" and int(count) >= hide_at and stored.status is Status.APPROVED:
        # Only the report that crosses the threshold holds; a lost race means it already is.
        await services.store.transitions([(keys, hold(stored, int(count)))])


async def post_report(request: Request) -> Response:
    services: Services = request.state.services
    site = await services.sites.get(request.path_params["site_id"])
    if site is None:
        raise NotFound("no such site")
    headers = widget.cors_headers(request, site)
    report = parse(json_object(await read_body(request, MAX_BODY)))
    keys = services.sites.keys_for(site.id)
    comment_id = request.path_params["comment_id"]
    reader = reader_of(request)
    await limit(services.redis, keys, reader, comment_id, services.settings.reports_per_minute)
    await file_report(services, keys, comment_id, reader, report, site.policy.report_hide)
    return Response(status_code=202, headers=headers)
