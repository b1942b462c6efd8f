"""``GET /v1/sites/{site_id}/events``: the site's events in order, for hosts that pull or
that missed deliveries; ``after`` is the ``id`` of the last event read."""

from __future__ import annotations

from typing import Annotated

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import host_site
from moderation.api.http import private, query
from moderation.api.openapi import Security, operation
from moderation.store import events
from moderation.store.events import FeedItem

Cursor = Annotated[
    str,
    msgspec.Meta(
        # 19 digits stay below 2**64, so any cursor is a stream id Redis accepts
        pattern=r"^[0-9]{1,19}-[0-9]{1,19}\Z",
        description="the id of the last event read",
    ),
]


class FeedQuery(msgspec.Struct, frozen=True):
    after: Cursor | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=1000, description="1 to 1000")] = 100


class EventsPage(msgspec.Struct, frozen=True, omit_defaults=True):
    """Events oldest first; ``next`` is the ``after`` of the next page (absent at the end)."""

    events: tuple[FeedItem, ...]
    next: str | None = None


@operation(
    "The site's events (the same as the webhooks carry), oldest first",
    query=FeedQuery,
    answers={200: EventsPage},
    problems=(400, 401, 404),
    security=Security.API_KEY,
)
async def list_events(request: Request) -> Response:
    resources, site = await host_site(request)
    wanted = query(FeedQuery, request)
    found = await events.page(
        resources.redis, resources.sites.keys_for(site.id), wanted.after, wanted.limit
    )
    more = len(found) == wanted.limit
    return private(EventsPage(tuple(found), found[-1].id if more else None))
