"""Public widget JSON for readers' browsers: thread, recent and counts, with ETag and CORS."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.http import cors_headers
from moderation.api.state import Resources
from moderation.errors import BadRequest, NotFound
from moderation.models import COMMENT_ID, THREAD_ID
from moderation.store import threads as published
from moderation.store.sites import Site

_encode = msgspec.json.Encoder().encode
MAX_PAGE = 100
MAX_COUNT_THREADS = 100
EXCERPT_CHARS = 120


async def _site(request: Request) -> tuple[Resources, Site]:
    resources: Resources = request.state.resources
    site = await resources.sites.get(request.path_params["site_id"])
    if site is None:
        raise NotFound("no such site")
    return resources, site


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise BadRequest(f"{name} must be an integer from {low} to {high}")
    return int(raw)


async def _cached(
    request: Request,
    site: Site,
    resources: Resources,
    version_key: str,
    render: Callable[[], Awaitable[dict[str, Any]]],
) -> Response:
    """Serve from the per-process cache while the Redis version holds; 304 on a match."""
    headers = {
        **cors_headers(request, site),
        "Cache-Control": f"public, max-age={resources.settings.widget_max_age_seconds}",
    }
    version: bytes = await resources.redis.get(version_key) or b"0"  # type: ignore[assignment]
    key = (request.url.path, str(sorted(request.query_params.multi_items())))
    entry = resources.widgets.get(key, version)
    if entry is None:
        entry = resources.widgets.put(key, version, _encode({"site": site.id, **await render()}))
    headers["ETag"] = entry.etag
    if entry.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(entry.body, headers=headers, media_type="application/json")


async def thread_comments(request: Request) -> Response:
    resources, site = await _site(request)
    thread_id = request.path_params["thread_id"]
    if not THREAD_ID.fullmatch(thread_id):
        raise NotFound("no such thread")
    sort = request.query_params.get("sort", "oldest")
    if sort not in ("oldest", "newest"):
        raise BadRequest("sort must be oldest or newest")
    limit = _int(request, "limit", 50, 1, MAX_PAGE)
    cursor = request.query_params.get("cursor")
    if cursor is not None and not COMMENT_ID.fullmatch(cursor):
        raise BadRequest("cursor is not one this API returned")
    keys = resources.sites.keys_for(site.id)

    async def render() -> dict[str, Any]:
        return await published.thread_page(
            resources.redis,
            keys,
            thread_id,
            newest_first=sort == "newest",
            limit=limit,
            cursor=cursor,
        )

    return await _cached(request, site, resources, keys.thread_version(thread_id), render)


async def recent_comments(request: Request) -> Response:
    resources, site = await _site(request)
    limit = _int(request, "limit", 5, 1, min(MAX_PAGE, resources.settings.recent_size))
    keys = resources.sites.keys_for(site.id)

    async def render() -> dict[str, Any]:
        return await published.recent(resources.redis, keys, limit, EXCERPT_CHARS)

    return await _cached(request, site, resources, keys.recent_version, render)


async def thread_counts(request: Request) -> Response:
    resources, site = await _site(request)
    threads = list(dict.fromkeys(request.query_params.getlist("thread")))
    if not threads or len(threads) > MAX_COUNT_THREADS:
        raise BadRequest(f"give 1 to {MAX_COUNT_THREADS} thread parameters")
    if bad := [t for t in threads if not THREAD_ID.fullmatch(t)]:
        raise BadRequest(f"not a thread id: {bad[0]!r}")
    keys = resources.sites.keys_for(site.id)
    body = {"counts": await published.counts(resources.redis, keys, threads)}
    headers = {
        **cors_headers(request, site),
        "Cache-Control": f"public, max-age={resources.settings.widget_max_age_seconds}",
    }
    return Response(_encode(body), headers=headers, media_type="application/json")


async def preflight(request: Request) -> Response:
    _, site = await _site(request)
    headers = cors_headers(request, site)
    if "Access-Control-Allow-Origin" in headers:
        headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        headers["Access-Control-Allow-Headers"] = "Content-Type, If-None-Match"
        headers["Access-Control-Max-Age"] = "600"
    return Response(status_code=204, headers=headers)
