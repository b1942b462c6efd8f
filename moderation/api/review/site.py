"""``PATCH /v1/sites/{site_id}``: an admin renames the site or changes the page origins that
may read its widgets (``store/lifecycle.py``; key rotation and deletion stay with operators)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import authorise
from moderation.api.http import decode, private, read_body
from moderation.api.openapi import Security, operation
from moderation.models import text
from moderation.store import lifecycle
from moderation.store.tokens import Role

Origin = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^https?://[^/\s]{1,253}\Z", description="scheme://host[:port], with no path"
    ),
]
Origins = Annotated[list[Origin], msgspec.Meta(max_length=50)]


class SiteChange(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What to change; what is not named stays."""

    name: Annotated[str, text(200)] | None = None
    add_origins: Origins = []
    remove_origins: Origins = []


class SiteView(msgspec.Struct, frozen=True):
    id: str
    name: str
    origins: tuple[str, ...]


@operation(
    "Rename the site or add and remove its page origins (admin)",
    body=SiteChange,
    answers={200: SiteView},
    problems=(400, 401, 403, 404, 413, 422),
    security=Security.MODERATOR,
)
async def patch_site(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.ADMIN)
    change = decode(SiteChange, await read_body(request, resources.settings.max_body_bytes))
    changed = await lifecycle.update(
        resources.sites,
        site.id,
        name=change.name,
        add=change.add_origins,
        remove=change.remove_origins,
    )
    return private(SiteView(changed.id, changed.name, changed.origins))
