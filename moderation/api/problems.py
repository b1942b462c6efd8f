"""Every error leaves as RFC 9457 ``application/problem+json``: the one translation point."""

from __future__ import annotations

import logging

from redis.exceptions import RedisError, ResponseError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from moderation.errors import BadRequest, ProblemError, StoreUnavailable

log = logging.getLogger("moderation.api")


def problem(request: Request, error: ProblemError) -> Response:
    resources = request.scope.get("state", {}).get("resources")
    if resources is not None:
        resources.metrics.problems.labels(str(error.status)).inc()
    return Response(
        error.body(request.url.path),
        error.status,
        # nosniff here too: an unhandled error is answered outside the middleware.
        headers={**error.headers, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
        media_type="application/problem+json",
    )


async def on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemError)
    return problem(request, exc)


async def on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    error = ProblemError(exc.detail, headers=dict(exc.headers or {}))
    error.status, error.title = exc.status_code, exc.detail  # type: ignore[misc]
    return problem(request, error)


async def on_store(request: Request, exc: Exception) -> Response:
    """Redis down, loading or out of memory: 503, never a 2xx, so the host retries."""
    resources = request.scope.get("state", {}).get("resources")
    if resources is not None:
        resources.metrics.redis_errors.labels(type(exc).__name__).inc()
    if isinstance(exc, ResponseError) and not str(exc).startswith(("OOM", "LOADING", "BUSY")):
        log.exception("unexpected Redis reply", exc_info=exc)
    else:
        log.warning("store unavailable: %r", exc)
    return problem(
        request,
        StoreUnavailable("the store is unavailable; retry later", headers={"Retry-After": "5"}),
    )


async def on_bug(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error", exc_info=exc)
    return problem(request, ProblemError("an unexpected error occurred"))


async def on_unicode(request: Request, exc: Exception) -> Response:
    return problem(request, BadRequest("the body is not valid UTF-8"))


HANDLERS = {
    ProblemError: on_problem,
    HTTPException: on_http,
    RedisError: on_store,
    ConnectionError: on_store,
    UnicodeDecodeError: on_unicode,
    Exception: on_bug,
}
