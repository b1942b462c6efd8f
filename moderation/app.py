"""The API process: ``create_app(settings)`` assembles routes, error handlers and lifespan."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from redis.exceptions import RedisError, ResponseError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from moderation import (
    audit,
    authors,
    health,
    host_api,
    ingest,
    openapi,
    reports,
    review,
    site_policy,
    verdicts,
    widget,
)
from moderation.errors import BadRequest, ProblemError, StoreUnavailable
from moderation.metrics import Metrics
from moderation.metrics import endpoint as metrics_endpoint
from moderation.redis_client import connect
from moderation.services import Services
from moderation.settings import Settings

log = logging.getLogger("moderation.api")

SITE = "/v1/sites/{site_id}"
ROUTES = [
    Route("/healthz", health.healthz, methods=["GET"]),
    Route("/readyz", health.readyz, methods=["GET"]),
    Route("/openapi.json", openapi.document, methods=["GET"]),
    Route("/metrics", metrics_endpoint, methods=["GET"]),
    Route(f"{SITE}/comments", ingest.post_comment, methods=["POST"]),
    Route(f"{SITE}/comments/{{comment_id}}", host_api.get_comment, methods=["GET"]),
    Route(f"{SITE}/threads/{{thread_id}}/comments", widget.thread_comments, methods=["GET"]),
    Route(f"{SITE}/threads/{{thread_id}}/comments", widget.preflight, methods=["OPTIONS"]),
    Route(f"{SITE}/recent", widget.recent_comments, methods=["GET"]),
    Route(f"{SITE}/recent", widget.preflight, methods=["OPTIONS"]),
    Route(f"{SITE}/counts", widget.thread_counts, methods=["GET"]),
    Route(f"{SITE}/counts", widget.preflight, methods=["OPTIONS"]),
    # Readers' reports are public (CORS); the rest is for moderator tokens (``tokens.py``).
    Route(f"{SITE}/comments/{{comment_id}}/reports", reports.post_report, methods=["POST"]),
    Route(f"{SITE}/comments/{{comment_id}}/reports", widget.preflight, methods=["OPTIONS"]),
    Route(f"{SITE}/review", review.list_queue, methods=["GET"]),
    Route(f"{SITE}/review/bulk", verdicts.decide_bulk, methods=["POST"]),  # before {comment_id}
    Route(f"{SITE}/review/{{comment_id}}", verdicts.decide_one, methods=["POST"]),
    Route(f"{SITE}/audit", audit.list_audit, methods=["GET"]),
    Route(f"{SITE}/authors/{{author_key}}", authors.get_author, methods=["GET"]),
    Route(f"{SITE}/authors/{{author_key}}", authors.post_author, methods=["POST"]),
    Route(f"{SITE}/policy", site_policy.get_policy, methods=["GET"]),
    Route(f"{SITE}/policy", site_policy.patch_policy, methods=["PATCH"]),
]


def problem(request: Request, error: ProblemError) -> Response:
    services = request.scope.get("state", {}).get("services")
    if services is not None:
        services.metrics.problems.labels(str(error.status)).inc()
    return Response(
        error.body(request.url.path),
        error.status,
        headers={**error.headers, "Cache-Control": "no-store"},
        media_type="application/problem+json",
    )


async def on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemError)
    return problem(request, exc)


async def on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    error = ProblemError(exc.detail)
    error.status, error.title = exc.status_code, exc.detail  # type: ignore[misc]
    return problem(request, error)


async def on_store(request: Request, exc: Exception) -> Response:
    """Redis down, loading or out of memory: 503, never a 2xx, so the host retries."""
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


def create_app(settings: Settings, redis_url: str, metrics: Metrics | None = None) -> Starlette:
    """The API; ``metrics`` is shared with a worker in the same process (``serve``)."""
    metrics = metrics or Metrics()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        redis = connect(redis_url, cluster=settings.redis_cluster)
        try:
            services = Services.build(settings, redis, metrics)
            try:
                await services.queue.prepare()
            except RedisError as exc:
                # Start anyway: /readyz reports the store, requests answer 503 until it is back,
                # and workers create the consumer groups when they connect.
                log.warning("store not ready at startup: %r", exc)
            yield {"services": services}
        finally:
            await redis.aclose()

    return Starlette(
        routes=ROUTES,
        exception_handlers={
            ProblemError: on_problem,
            HTTPException: on_http,
            RedisError: on_store,
            ConnectionError: on_store,
            UnicodeDecodeError: on_unicode,
            Exception: on_bug,
        },
        lifespan=lifespan,
    )
