"""Liveness (no I/O) and readiness (pings the store), in the svcs shape."""

from __future__ import annotations

from redis.exceptions import RedisError
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.http import json_response
from moderation.api.openapi import operation
from moderation.api.schemas import Alive, Readiness

_ALIVE = json_response(Alive(ok=True)).body


@operation("Liveness: the process answers (no I/O)", answers={200: Alive})
async def healthz(request: Request) -> Response:
    return Response(_ALIVE, media_type="application/json")


@operation("Readiness: the store answers a ping", answers={200: Readiness, 503: Readiness})
async def readyz(request: Request) -> Response:
    try:
        await request.state.resources.redis.ping()
    except (RedisError, OSError) as exc:
        failing = Readiness(ok=[], failing={"redis": repr(exc)})
        return json_response(failing, 503, {"Retry-After": "5"})
    return json_response(Readiness(ok=["redis"], failing={}))
