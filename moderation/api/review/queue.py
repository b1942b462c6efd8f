"""``GET /v1/sites/{site_id}/review``: the moderators' queues, each item with its evidence."""

from __future__ import annotations

from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import authorise
from moderation.api.http import NO_STORE
from moderation.errors import BadRequest
from moderation.models import COMMENT_ID
from moderation.store.review import MAX_PAGE, QUEUES, Query, page
from moderation.store.tokens import Role

_encode = msgspec.json.Encoder().encode


def parse_query(params: Any) -> Query:
    """The query string as a ``Query``; every bad parameter is listed in one 400."""
    errors = []
    queue = params.get("queue", "held")
    if queue not in QUEUES:
        errors.append({"field": "queue", "message": f"must be one of {', '.join(QUEUES)}"})
    sort = params.get("sort", "oldest")
    if sort not in ("oldest", "newest"):
        errors.append({"field": "sort", "message": "must be oldest or newest"})
    limit = params.get("limit", "50")
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_PAGE:
        errors.append({"field": "limit", "message": f"must be an integer from 1 to {MAX_PAGE}"})
    cursor = params.get("cursor")
    if cursor is not None and not COMMENT_ID.fullmatch(cursor):
        errors.append({"field": "cursor", "message": "is not one this API returned"})
    if errors:
        raise BadRequest("bad query parameters", errors=errors)
    return Query(
        queue=queue,
        thread=params.get("thread") or None,
        author=params.get("author") or None,
        reason=params.get("reason") or None,
        newest_first=sort == "newest",
        limit=int(limit),
        cursor=cursor,
    )


async def list_queue(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.MODERATOR)
    query = parse_query(request.query_params)
    keys = resources.sites.keys_for(site.id)
    items, next_cursor, counts = await page(resources.redis, keys, query)
    body = {"items": [i.json() for i in items], "next_cursor": next_cursor, "counts": counts}
    return Response(_encode(body), media_type="application/json", headers=NO_STORE)
