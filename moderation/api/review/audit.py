"""``GET /v1/sites/{site_id}/audit``: the site's audit log, for moderators, oldest first."""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import authorise
from moderation.errors import BadRequest
from moderation.store.audit import MAX_PAGE, SCAN_LIMIT, STREAM_ID, encode, page
from moderation.store.tokens import Role


async def list_audit(request: Request) -> Response:
    """``GET /v1/sites/{site_id}/audit?comment=&actor=&cursor=&limit=``, oldest first."""
    resources, site, _ = await authorise(request, Role.MODERATOR)
    params = request.query_params
    cursor = params.get("cursor")
    limit = params.get("limit", "100")
    errors = []
    if cursor is not None and not STREAM_ID.fullmatch(cursor):
        errors.append({"field": "cursor", "message": "is not one this API returned"})
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_PAGE:
        errors.append({"field": "limit", "message": f"must be an integer from 1 to {MAX_PAGE}"})
    if errors:
        raise BadRequest("bad query parameters", errors=errors)
    found, next_cursor = await page(
        resources.redis,
        resources.sites.keys_for(site.id),
        comment=params.get("comment") or None,
        actor=params.get("actor") or None,
        cursor=cursor,
        limit=int(limit),
        scan_limit=SCAN_LIMIT,
    )
    body = {"entries": msgspec.to_builtins(found), "next_cursor": next_cursor}
    return Response(
        encode(body), media_type="application/json", headers={"Cache-Control": "no-store"}
    )
