"""Liveness (no I/O) and readiness (the store takes a write), in the svcs shape."""

from __future__ import annotations

from redis.exceptions import RedisError
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.http import json_response
from moderation.api.openapi import operation
from moderation.api.schemas import Alive, Readiness
from moderation.store import probe

_ALIVE = json_response(Alive(ok=True)).body


@operation("Liveness: the process answers (no I/O)", answers={200: Alive})
async def healthz(request: Request) -> Response:
    return Response(_ALIVE, media_type="application/json")


@operation(
    "Readiness: the store takes a write (not only a ping: a full or read-only store fails)",
    answers={200: Readiness, 503: Readiness},
)
async def readyz(request: Request) -> Response:
    try:
        await probe.writable(request.state.resources.redis)
    except (RedisError, OSError) as exc:
        failing = Readiness(ok=[], failing={"redis": f"{type(exc).__name__}: {exc}"})
        return json_response(failing, 503, {"Retry-After": "5"})
    return json_response(Readiness(ok=["redis"], failing={}))
