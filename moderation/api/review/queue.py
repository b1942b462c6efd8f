"""``GET /v1/sites/{site_id}/review``: the moderators' queues, each item with its evidence."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import authorise
from moderation.api.http import private, query
from moderation.api.openapi import Security, operation
from moderation.api.schemas import (
    Reports,
    ReviewAuthor,
    ReviewItem,
    ReviewPage,
    ReviewQuery,
    StandingView,
)
from moderation.models import Sort, Standing
from moderation.store.authors import AuthorStanding
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


def store_query(wanted: ReviewQuery) -> Query:
    return Query(
        queue=wanted.queue,
        thread=wanted.thread,
        author=wanted.author,
        reason=wanted.reason,
        newest_first=wanted.sort is Sort.NEWEST,
        limit=wanted.limit,
        cursor=wanted.cursor,
    )


@operation(
    "A review queue, oldest first, each item with its reasons, reports and history",
    query=ReviewQuery,
    answers={200: ReviewPage},
    problems=(400, 401, 404),
    security=Security.MODERATOR,
)
async def list_queue(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.MODERATOR)
    wanted = store_query(query(ReviewQuery, request))
    keys = resources.sites.keys_for(site.id)
    items, next_cursor, counts = await page(resources.redis, keys, wanted)
    return private(ReviewPage([review_item(i) for i in items], next_cursor, counts))
