"""Public widget JSON for readers' browsers: thread, recent and counts, with ETag and CORS."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import validation
from moderation.api.http import cached_query, cors_headers, query
from moderation.api.openapi import operation
from moderation.api.schemas import CountsQuery, RecentQuery, ThreadQuery
from moderation.api.state import Resources
from moderation.errors import BadRequest, NotFound
from moderation.models import THREAD_ID
from moderation.store import threads
from moderation.store.sites import Site

_encode = msgspec.json.Encoder().encode
EXCERPT_CHARS = 120
_PUBLIC = (400, 404)


async def site_of(request: Request) -> tuple[Resources, Site]:
    resources: Resources = request.state.resources
    site = await resources.sites.get(request.path_params["site_id"])
    if site is None:
        raise NotFound("no such site")
    return resources, site


def _public(request: Request, site: Site, resources: Resources) -> dict[str, str]:
    return {
        **cors_headers(request, site),
        "Access-Control-Expose-Headers": "ETag",  # the widget's If-None-Match refresh reads it
        "Cache-Control": f"public, max-age={resources.settings.widget_max_age_seconds}",
    }


async def _cached(
    request: Request,
    site: Site,
    resources: Resources,
    version_key: str,
    render: Callable[[], Awaitable[msgspec.Struct]],
) -> Response:
    """Serve from the per-process cache while the Redis version holds; 304 on a match."""
    headers = _public(request, site, resources)
    version = await resources.versions.get(version_key)
    # The raw path and query string: what the render depends on, read without building a URL.
    key = (request.scope["path"], request.scope["query_string"].decode("latin-1"))
    entry = resources.widgets.get(key, version)
    if entry is None:
        entry = resources.widgets.put(key, version, _encode(await render()))
    headers["ETag"] = entry.etag
    if entry.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(entry.body, headers=headers, media_type="application/json")


@operation(
    "Approved comments of a thread, replies nested (widget; ETag, 304, CORS)",
    query=ThreadQuery,
    answers={200: threads.ThreadPage, 304: None},
    problems=_PUBLIC,
)
async def thread_comments(request: Request) -> Response:
    resources, site = await site_of(request)
    thread_id = request.path_params["thread_id"]
    if not THREAD_ID.fullmatch(thread_id):
        raise NotFound("no such thread")
    wanted = cached_query(ThreadQuery, request)
    keys = resources.sites.keys_for(site.id)

    async def render() -> threads.ThreadPage:
        page = threads.Page(wanted.sort, wanted.limit, wanted.cursor, wanted.replies, wanted.parent)
        return await threads.thread_page(resources.redis, keys, thread_id, page)

    return await _cached(request, site, resources, keys.thread_version(thread_id), render)


@operation(
    "Latest approved comments of the site (sidebar widget; ETag, 304, CORS)",
    query=RecentQuery,
    answers={200: threads.Recent, 304: None},
    problems=_PUBLIC,
)
async def recent_comments(request: Request) -> Response:
    resources, site = await site_of(request)
    wanted = cached_query(RecentQuery, request)
    kept = resources.settings.recent_size
    if wanted.limit > kept:  # the store keeps only this many
        error = validation.FieldError("limit", f"Expected `int` <= {kept}")
        raise BadRequest("bad query parameters", errors=[error])
    keys = resources.sites.keys_for(site.id)

    async def render() -> threads.Recent:
        return await threads.recent(resources.redis, keys, wanted.limit, EXCERPT_CHARS)

    return await _cached(request, site, resources, keys.recent_version, render)


@operation(
    "Approved comment counts per thread (widget; CORS)",
    query=CountsQuery,
    answers={200: threads.Counts},
    problems=_PUBLIC,
)
async def thread_counts(request: Request) -> Response:
    resources, site = await site_of(request)
    wanted = list(dict.fromkeys(query(CountsQuery, request).thread))
    keys = resources.sites.keys_for(site.id)
    body = await threads.counts(resources.redis, keys, wanted)
    headers = _public(request, site, resources)
    return Response(_encode(body), headers=headers, media_type="application/json")


@operation("CORS preflight", answers={204: None}, problems=(404,))
async def preflight(request: Request) -> Response:
    _, site = await site_of(request)
    headers = cors_headers(request, site)
    if "Access-Control-Allow-Origin" in headers:
        headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        headers["Access-Control-Allow-Headers"] = (
            "Content-Type, If-None-Match, Moderation-View-Token"
        )
        headers["Access-Control-Max-Age"] = "600"
    return Response(status_code=204, headers=headers)
