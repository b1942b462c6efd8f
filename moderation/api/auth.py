"""Who is calling: a host backend by its site's API key, a moderator by a bearer token.

A key or token of no site is 401. A valid credential of another site gets 404, as if the
site did not exist, so one site's credentials never learn about another's data; a token
whose role may not act gets 403.
"""

from __future__ import annotations

from starlette.requests import Request

from moderation.api.state import Resources
from moderation.errors import Forbidden, NotFound, Unauthorized
from moderation.store.sites import Site
from moderation.store.tokens import Role, Token, Tokens

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="moderation"'}


def bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("send Authorization: Bearer <api key or token>", headers=_CHALLENGE)
    return token.strip()


async def host_site(request: Request) -> tuple[Resources, Site]:
    """The site named in the path if the bearer key is that site's API key."""
    resources: Resources = request.state.resources
    owner = await resources.sites.site_of_api_key(bearer(request))
    if owner is None:
        raise Unauthorized("the API key is not valid", headers=_CHALLENGE)
    site = await resources.sites.get(owner)
    if site is None or owner != request.path_params["site_id"]:
        raise NotFound("no such site")
    return resources, site


async def moderator(request: Request) -> tuple[Resources, Token]:
    """The bearer's moderator token, whatever site it covers."""
    resources: Resources = request.state.resources
    token = await Tokens(resources.redis).get(bearer(request))
    if token is None:
        raise Unauthorized("the moderator token is not valid", headers=_CHALLENGE)
    return resources, token


async def authorise(request: Request, role: Role) -> tuple[Resources, Site, Token]:
    """The site in the path, if the bearer token covers it and its role may act there."""
    resources, token = await moderator(request)
    site_id = request.path_params["site_id"]
    site = await resources.sites.get(site_id) if site_id in token.sites else None
    if site is None:
        raise NotFound("no such site")
    if role is Role.ADMIN and token.role is not Role.ADMIN:
        raise Forbidden("this needs an admin token")
    return resources, site, token
