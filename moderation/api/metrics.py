"""``GET /metrics``: this process's Prometheus metrics, with the store's gauges read now.

Loopback clients (a sidecar, ``kubectl port-forward``) may read it; anyone else must send
``Authorization: Bearer $MODERATION_METRICS_TOKEN``, else 403.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging

from redis.exceptions import RedisError
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.openapi import operation
from moderation.errors import Forbidden

log = logging.getLogger("moderation.api")


@operation(
    "Prometheus metrics of this process (loopback, or with the metrics bearer token)",
    answers={200: {"type": "string"}},
    problems=(403,),
    media_type="text/plain",
)
async def endpoint(request: Request) -> Response:
    resources = request.state.resources
    _allow(request, resources.settings.metrics_token)
    try:
        resources.metrics.observe(await resources.stats.read())
    except (RedisError, OSError) as exc:
        # The counters are still worth a scrape; the gauges keep their last values.
        resources.metrics.redis_errors.labels(type(exc).__name__).inc()
        log.warning("metrics: store gauges not refreshed: %s: %s", type(exc).__name__, exc)
    return Response(
        resources.metrics.exposition(), media_type="text/plain; version=0.0.4; charset=utf-8"
    )


def _allow(request: Request, token: str) -> None:
    if _loopback(request.client.host if request.client else ""):
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(given.encode(), token.encode()):
        return
    raise Forbidden("metrics are served to loopback clients or with the metrics token")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
