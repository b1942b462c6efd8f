"""``DELETE /v1/sites/{site_id}/authors/{author_key}`` erases a reader's personal data and
``GET .../export`` hands over everything kept about them (admin tokens only)."""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import authorise
from moderation.api.http import private, query
from moderation.api.openapi import Security, operation
from moderation.store.erasure import erase
from moderation.store.privacy import Bodies, Erasure, ReaderExport, export
from moderation.store.scripts import Scripts
from moderation.store.tokens import Role


class ErasureQuery(msgspec.Struct, frozen=True):
    comments: Bodies = Bodies.KEEP


@operation(
    "Erase a reader's name, email, address and user agent from the site (admin; idempotent)",
    query=ErasureQuery,
    answers={200: Erasure},
    problems=(400, 401, 403, 404),
    security=Security.MODERATOR,
)
async def delete_author(request: Request) -> Response:
    resources, site, token = await authorise(request, Role.ADMIN)
    wanted = query(ErasureQuery, request)
    done = await erase(
        resources.redis,
        Scripts(),
        resources.sites.keys_for(site.id),
        request.path_params["author_key"],
        remove=wanted.comments is Bodies.REMOVE,
        actor=token.actor,
    )
    return private(done)


@operation(
    "Everything the site keeps about a reader: comments, statuses, decisions, standing (admin)",
    answers={200: ReaderExport},
    problems=(401, 403, 404),
    security=Security.MODERATOR,
)
async def export_author(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.ADMIN)
    keys = resources.sites.keys_for(site.id)
    return private(await export(resources.redis, keys, request.path_params["author_key"]))
