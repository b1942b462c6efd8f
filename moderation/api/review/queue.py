"""``GET /v1/sites/{site_id}/review``: the moderators' queues, each item with its evidence."""

from __future__ import annotations

import hashlib

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import clock
from moderation.api.auth import authorise
from moderation.api.http import NO_STORE, query
from moderation.api.openapi import Security, operation
from moderation.api.schemas import (
    Parent,
    Reports,
    ReviewAuthor,
    ReviewItem,
    ReviewPage,
    ReviewQuery,
    StandingView,
)
from moderation.api.state import Resources
from moderation.models import Sort, Standing
from moderation.store.authors import AuthorStanding
from moderation.store.comments import decode_stored
from moderation.store.keys import SiteKeys
from moderation.store.review import Item, Query, page
from moderation.store.tokens import Role


def standing_view(standing: AuthorStanding) -> StandingView:
    """The standing with ``banned`` and ``trusted`` spelled out for moderators' screens."""
    return StandingView(
        standing=standing.standing,
        until=standing.until,
        note=standing.note,
        approved=standing.approved,
        rejected=standing.rejected,
        banned=standing.standing is Standing.BANNED,
        trusted=standing.standing is Standing.TRUSTED,
    )


def review_item(item: Item) -> ReviewItem:
    stored, reports = item.found.stored, item.found.reports
    comment, decision = stored.comment, stored.decision
    reasons: dict[str, int] = {}
    for report in reports:
        reasons[report.reason] = reasons.get(report.reason, 0) + 1
    return ReviewItem(
        id=comment.id,
        site=comment.site,
        thread=comment.thread,
        author=ReviewAuthor(
            name=comment.author.name,
            key=comment.author.key,
            standing=standing_view(item.standing),
            id=comment.author.id,
            email=comment.author.email,
        ),
        body=comment.body,
        created_at=comment.created_at,
        received_at=comment.received_at,
        parent_id=comment.parent_id,
        external_id=comment.external_id,
        ip=comment.ip,
        user_agent=comment.user_agent,
        status=stored.status,
        version=stored.version,
        masked_body=decision.masked_body if decision else None,
        reasons=list(decision.reasons) if decision else [],
        decided_by=decision.decided_by if decision else None,
        decided_at=decision.decided_at if decision else None,
        reports=Reports(
            count=len(reports),
            reasons=reasons,
            items=reports,
        ),
        history=list(item.found.history),
    )


def utc(moment: str | None) -> str | None:
    """A timestamp as the store writes them (UTC, milliseconds), so they compare as text."""
    return clock.rfc3339(clock.parse_rfc3339(moment)) if moment else None


def store_query(wanted: ReviewQuery) -> Query:
    return Query(
        queue=wanted.queue,
        thread=wanted.thread,
        author=wanted.author,
        reason=wanted.reason,
        q=wanted.q,
        since=utc(wanted.since),
        before=utc(wanted.before),
        newest_first=wanted.sort is Sort.NEWEST,
        limit=wanted.limit,
        cursor=wanted.cursor,
    )


@operation(
    "A review queue, oldest first, each item with its reasons, reports and history",
    query=ReviewQuery,
    answers={200: ReviewPage, 304: None},
    problems=(400, 401, 404),
    security=Security.MODERATOR,
)
async def list_queue(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.MODERATOR)
    wanted = store_query(query(ReviewQuery, request))
    keys = resources.sites.keys_for(site.id)
    items, next_cursor, counts = await page(resources.redis, keys, wanted)
    parents = await _parents(resources, keys, items)
    found = [
        msgspec.structs.replace(
            review_item(i), parent=parents.get(i.found.stored.comment.parent_id)
        )
        for i in items
    ]
    return unless_unchanged(request, ReviewPage(found, next_cursor, counts))


async def _parents(
    resources: Resources, keys: SiteKeys, items: list[Item]
) -> dict[str | None, Parent]:
    """The parents of the replies among ``items``, in one round trip."""
    wanted = list(dict.fromkeys(p for i in items if (p := i.found.stored.comment.parent_id)))
    records = await resources.store.raw_records([(keys, p) for p in wanted])
    parents: dict[str | None, Parent] = {}
    for parent_id, fields in zip(wanted, records, strict=True):
        if (stored := decode_stored(fields)) is not None:
            comment = stored.comment
            parents[parent_id] = Parent(parent_id, comment.author.name, comment.body, stored.status)
    return parents


def unless_unchanged(request: Request, answer: ReviewPage) -> Response:
    """The page with an ETag; 304 when the caller's ``If-None-Match`` already has it (the
    console polls the counts this way)."""
    body = msgspec.json.encode(answer)
    tag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    headers = {**NO_STORE, "ETag": tag}
    if request.headers.get("if-none-match") == tag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
