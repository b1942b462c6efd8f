"""``/v1/sites/{site_id}/endpoints``: an admin registers where the site's events go.

A URL must pass the SSRF check to be registered (and passes it again at every delivery);
the signing secret is in the answer to the registration and to a rotation, and nowhere else.
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import ssrf, validation
from moderation.api.auth import authorise
from moderation.api.http import decode, private, read_body, require_json
from moderation.api.openapi import Security, operation
from moderation.api.state import Resources
from moderation.errors import NotFound, Unprocessable
from moderation.store.endpoints import ENDPOINT_ID, Endpoints, Registered, Rotated, Status
from moderation.store.events import EventType
from moderation.store.tokens import Role
from moderation.webhooks import Guard, register

MAX_BODY = 8 * 1024


class EndpointIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An endpoint to register: its URL and the event types it wants (none: every type)."""

    url: Annotated[str, msgspec.Meta(min_length=1, max_length=2048, description="an https URL")]
    events: Annotated[tuple[EventType, ...], msgspec.Meta(max_length=16)] = ()


class EndpointList(msgspec.Struct, frozen=True):
    """The site's endpoints and their state (never their secrets)."""

    endpoints: tuple[Status, ...]


def _endpoints(resources: Resources) -> Endpoints:
    s = resources.settings
    return Endpoints(resources.redis, s.shards, secret_grace_seconds=s.secret_grace_seconds)


def guard(resources: Resources) -> Guard:
    s = resources.settings
    return Guard(
        resolver=ssrf.system_resolver,
        allow_http=s.events_allow_http,
        allow_private=s.events_allow_private_networks,
    )


def _endpoint_id(request: Request) -> str:
    endpoint_id: str = request.path_params["endpoint_id"]
    if not ENDPOINT_ID.fullmatch(endpoint_id):
        raise NotFound("no such endpoint")
    return endpoint_id


@operation(
    "The site's webhook endpoints and their state",
    answers={200: EndpointList},
    problems=(401, 403, 404),
    security=Security.MODERATOR,
)
async def list_endpoints(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.ADMIN)
    return private(EndpointList(tuple(await _endpoints(resources).statuses(site.id))))


@operation(
    "Register a webhook endpoint; the answer holds its signing secret, shown only here",
    body=EndpointIn,
    answers={201: Registered},
    problems=(400, 401, 403, 404, 409, 413, 415, 422),
    security=Security.MODERATOR,
)
async def add_endpoint(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.ADMIN)
    require_json(request)
    wanted = decode(EndpointIn, await read_body(request, MAX_BODY))
    try:
        registered = await register(
            _endpoints(resources), guard(resources), site.id, wanted.url, wanted.events
        )
    except ssrf.Refused as exc:
        raise Unprocessable(
            "the URL is not one this service will call",
            errors=[validation.FieldError("url", str(exc))],
        ) from None
    return private(registered, 201)


@operation(
    "Remove a webhook endpoint; its pending deliveries are dropped",
    answers={204: None},
    problems=(401, 403, 404),
    security=Security.MODERATOR,
)
async def remove_endpoint(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.ADMIN)
    if not await _endpoints(resources).remove(site.id, _endpoint_id(request)):
        raise NotFound("no such endpoint")
    return Response(status_code=204, headers={"Cache-Control": "no-store"})


@operation(
    "Issue a new signing secret; the old one signs beside it for the grace period",
    answers={200: Rotated},
    problems=(401, 403, 404),
    security=Security.MODERATOR,
)
async def rotate_endpoint_secret(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.ADMIN)
    rotated = await _endpoints(resources).rotate_secret(site.id, _endpoint_id(request))
    if rotated is None:
        raise NotFound("no such endpoint")
    return private(rotated)
