"""``GET``/``POST /v1/sites/{site_id}/authors/{author_key}``: an author's standing."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import authorise
from moderation.api.http import decode, private, read_body
from moderation.api.openapi import Security, operation
from moderation.api.review.queue import standing_view
from moderation.api.schemas import AuthorView
from moderation.api.state import Resources
from moderation.models import StandingChange
from moderation.store.authors import describe, set_standing
from moderation.store.keys import SiteKeys
from moderation.store.tokens import Role


async def _view(resources: Resources, keys: SiteKeys, key: str) -> AuthorView:
    standing, history = await describe(resources.redis, keys, key)
    view = standing_view(standing)
    return AuthorView(
        **{f: getattr(view, f) for f in view.__struct_fields__}, key=key, history=history
    )


@operation(
    "An author's standing on the site, counts and history",
    answers={200: AuthorView},
    problems=(401, 404),
    security=Security.MODERATOR,
)
async def get_author(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.MODERATOR)
    keys = resources.sites.keys_for(site.id)
    return private(await _view(resources, keys, request.path_params["author_key"]))


@operation(
    "Ban, premoderate, trust or reset an author, optionally until a time (admin)",
    body=StandingChange,
    answers={200: AuthorView},
    problems=(400, 401, 403, 404, 413, 422),
    security=Security.MODERATOR,
)
async def post_author(request: Request) -> Response:
    resources, site, token = await authorise(request, Role.ADMIN)
    change = decode(StandingChange, await read_body(request, resources.settings.max_body_bytes))
    keys = resources.sites.keys_for(site.id)
    key = request.path_params["author_key"]
    await set_standing(resources.redis, keys, key, change, token.actor)
    return private(await _view(resources, keys, key))
