"""``GET /metrics``: this process's Prometheus metrics, with the queue depth read now."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from moderation.api.openapi import operation


@operation(
    "Prometheus metrics of this process",
    answers={200: {"type": "string"}},
    media_type="text/plain",
)
async def endpoint(request: Request) -> Response:
    resources = request.state.resources
    depth = await resources.queue.depth()
    for stream, entries in depth.items():
        resources.metrics.queue_entries.labels(stream).set(entries)
    return Response(
        resources.metrics.exposition(), media_type="text/plain; version=0.0.4; charset=utf-8"
    )
