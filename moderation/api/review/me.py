"""``GET /v1/me``: who a moderator token belongs to and which sites it covers (the console's
sign-in reads it to offer the sites)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import moderator
from moderation.api.http import private
from moderation.api.openapi import Security, operation
from moderation.api.schemas import Me, SiteRef


@operation(
    "The moderator token's name, role and sites",
    answers={200: Me},
    problems=(401,),
    security=Security.MODERATOR,
)
async def whoami(request: Request) -> Response:
    resources, token = await moderator(request)
    sites = [await resources.sites.get(site_id) for site_id in token.sites]
    refs = [SiteRef(site.id, site.name) for site in sites if site is not None]
    return private(Me(token.name, token.role, refs))
