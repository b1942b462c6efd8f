"""``GET /v1/sites/{site_id}/audit``: the site's audit log, for moderators, oldest first."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import authorise
from moderation.api.http import private, query
from moderation.api.openapi import Security, operation
from moderation.api.schemas import AuditPage, AuditQuery
from moderation.store.audit import SCAN_LIMIT, page
from moderation.store.tokens import Role


@operation(
    "The site's append-only audit log, oldest first, filtered by comment or actor",
    query=AuditQuery,
    answers={200: AuditPage},
    problems=(400, 401, 404),
    security=Security.MODERATOR,
)
async def list_audit(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.MODERATOR)
    wanted = query(AuditQuery, request)
    found, next_cursor = await page(
        resources.redis,
        resources.sites.keys_for(site.id),
        comment=wanted.comment,
        actor=wanted.actor,
        cursor=wanted.cursor,
        limit=wanted.limit,
        scan_limit=SCAN_LIMIT,
    )
    return private(AuditPage(found, next_cursor))
