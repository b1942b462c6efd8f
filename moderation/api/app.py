"""The API process: ``create_app(settings)`` assembles routes, error handlers and lifespan."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from redis.exceptions import RedisError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from moderation.api import (
    comments,
    console,
    endpoints,
    events,
    health,
    host,
    intake,
    metrics,
    openapi,
    pending,
    reports,
    widget,
    widget_script,
)
from moderation.api.access import AccessLog
from moderation.api.middleware import Hardening
from moderation.api.problems import HANDLERS
from moderation.api.review import (
    audit,
    authors,
    decisions,
    me,
    policy,
    preview,
    privacy,
    queue,
    site,
)
from moderation.api.state import Resources
from moderation.metrics import Metrics
from moderation.settings import Settings
from moderation.store import pseudonyms
from moderation.store.client import connect

log = logging.getLogger("moderation.api")

SITE = "/v1/sites/{site_id}"
ROUTES = [
    # The hot paths first: the router tries routes in order (no two of these paths overlap).
    Route(f"{SITE}/comments", intake.post_comment, methods=["POST"]),
    Route(f"{SITE}/threads/{{thread_id}}/comments", widget.thread_comments, methods=["GET"]),
    Route("/healthz", health.healthz, methods=["GET"]),
    Route("/readyz", health.readyz, methods=["GET"]),
    Route("/openapi.json", openapi.document, methods=["GET"]),
    Route("/metrics", metrics.endpoint, methods=["GET"]),
    Route(f"{SITE}/comments/{{comment_id}}", comments.get_comment, methods=["GET"]),
    Route(f"{SITE}/threads/{{thread_id}}/comments", widget.preflight, methods=["OPTIONS"]),
    Route(f"{SITE}/recent", widget.recent_comments, methods=["GET"]),
    Route(f"{SITE}/recent", widget.preflight, methods=["OPTIONS"]),
    Route(f"{SITE}/counts", widget.thread_counts, methods=["GET"]),
    Route(f"{SITE}/counts", widget.preflight, methods=["OPTIONS"]),
    Route(f"{SITE}/threads/{{thread_id}}/pending", pending.pending_comments, methods=["GET"]),
    Route(f"{SITE}/threads/{{thread_id}}/pending", widget.preflight, methods=["OPTIONS"]),
    Route("/widget.js", widget_script.loader, methods=["GET"]),
    Route("/widget.{digest}.js", widget_script.script, methods=["GET"]),
    # Readers' reports are public (CORS); the rest is for moderator tokens (``api/auth.py``).
    Route(f"{SITE}/comments/{{comment_id}}/reports", reports.post_report, methods=["POST"]),
    Route(f"{SITE}/comments/{{comment_id}}/reports", widget.preflight, methods=["OPTIONS"]),
    Route(f"{SITE}/review", queue.list_queue, methods=["GET"]),
    Route(f"{SITE}/review/bulk", decisions.decide_bulk, methods=["POST"]),  # before {comment_id}
    Route(f"{SITE}/review/{{comment_id}}", decisions.decide_one, methods=["POST"]),
    Route(f"{SITE}/audit", audit.list_audit, methods=["GET"]),
    Route(f"{SITE}/authors/{{author_key}}", authors.get_author, methods=["GET"]),
    Route(f"{SITE}/authors/{{author_key}}", authors.post_author, methods=["POST"]),
    Route(f"{SITE}/authors/{{author_key}}", privacy.delete_author, methods=["DELETE"]),
    Route(f"{SITE}/authors/{{author_key}}/export", privacy.export_author, methods=["GET"]),
    Route(f"{SITE}/policy", policy.get_policy, methods=["GET"]),
    Route(f"{SITE}/policy", policy.patch_policy, methods=["PATCH"]),
    # Outbound events: endpoints for admin tokens, the feed for the host's API key.
    Route(f"{SITE}/endpoints", endpoints.list_endpoints, methods=["GET"]),
    Route(f"{SITE}/endpoints", endpoints.add_endpoint, methods=["POST"]),
    Route(f"{SITE}/endpoints/{{endpoint_id}}", endpoints.remove_endpoint, methods=["DELETE"]),
    Route(
        f"{SITE}/endpoints/{{endpoint_id}}/rotate-secret",
        endpoints.rotate_endpoint_secret,
        methods=["POST"],
    ),
    Route(f"{SITE}/events", events.list_events, methods=["GET"]),
    # The host's own actions on its comments and threads (API key).
    Route(f"{SITE}/comments", host.find_comment, methods=["GET"]),
    Route(f"{SITE}/comments/{{comment_id}}", host.delete_comment, methods=["DELETE"]),
    Route(f"{SITE}/threads/{{thread_id}}", host.change_thread, methods=["POST"]),
    Route(SITE, site.patch_site, methods=["PATCH"]),
    Route(f"{SITE}/policy/preview", preview.preview, methods=["POST"]),
    # The moderators' console (``api/console.py``) and who a token is, for its sign-in.
    Route("/v1/me", me.whoami, methods=["GET"]),
    Route("/console/", console.page, methods=["GET"]),
    Route("/console/{asset}", console.asset, methods=["GET"]),
]


def create_app(settings: Settings, redis_url: str, metrics: Metrics | None = None) -> Starlette:
    """The API; ``metrics`` is shared with a worker in the same process (``serve``)."""
    registry = metrics or Metrics()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        redis = connect(
            redis_url,
            cluster=settings.redis_cluster,
            socket_timeout=settings.redis_socket_timeout_seconds,
            connect_timeout=settings.redis_connect_timeout_seconds,
        )
        try:
            pseudonyms.warn(settings)
            resources = Resources.build(settings, redis, registry)
            try:
                await resources.queue.prepare()
            except RedisError as exc:
                # Start anyway: /readyz reports the store, requests answer 503 until it is back,
                # and workers create the consumer groups when they connect.
                log.warning("store not ready at startup: %r", exc)
            yield {"resources": resources}
            await resources.store.aclose()  # replies of pipelines already sent
            await resources.versions.aclose()
        finally:
            await redis.aclose()

    return Starlette(
        routes=ROUTES,
        # Inside Starlette's ServerErrorMiddleware, outside routing: refusals cost no handler work.
        # The access log outermost, so it times and sees every answer, refusals included.
        middleware=[Middleware(AccessLog), Middleware(Hardening)],
        exception_handlers=HANDLERS,
        lifespan=lifespan,
    )
