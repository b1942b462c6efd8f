"""Host-site reads authenticated with the site's API key: a comment's full record."""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.errors import NotFound, Unauthorized
from moderation.services import Services
from moderation.sites import Site
from moderation.validation import COMMENT_ID


def bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("send Authorization: Bearer <api key>", headers=_challenge())
    return token.strip()


def _challenge() -> dict[str, str]:
    return {"WWW-Authenticate": 'Bearer realm="moderation"'}


async def host_site(request: Request) -> tuple[Services, Site]:
    """The site named in the path if the bearer key is that site's.

    A key of no site is 401; a valid key of another site is 404, as if the site did not exist.
    """
    services: Services = request.state.services
    owner = await services.sites.site_of_api_key(bearer(request))
    if owner is None:
        raise Unauthorized("the API key is not valid", headers=_challenge())
    site = await services.sites.get(owner)
    if site is None or owner != request.path_params["site_id"]:
        raise NotFound("no such site")
    return services, site


async def get_comment(request: Request) -> Response:
    services, site = await host_site(request)
    comment_id = request.path_params["comment_id"]
    stored = None
    if COMMENT_ID.match(comment_id):
        stored = await services.store.get(services.sites.keys_for(site.id), comment_id)
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
