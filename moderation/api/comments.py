"""Host-site reads authenticated with the site's API key: a comment's full record."""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import host_site
from moderation.errors import NotFound
from moderation.models import COMMENT_ID


async def get_comment(request: Request) -> Response:
    resources, site = await host_site(request)
    comment_id = request.path_params["comment_id"]
    stored = None
    if COMMENT_ID.fullmatch(comment_id):
        stored = await resources.store.get(resources.sites.keys_for(site.id), comment_id)
    if stored is None:
        raise NotFound("no such comment in this site")
    body = {
        **msgspec.to_builtins(stored.comment),
        "status": stored.status,
        "version": stored.version,
        "decision": msgspec.to_builtins(stored.decision) if stored.decision else None,
    }
    return Response(
        msgspec.json.encode(body),
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )
