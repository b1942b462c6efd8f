"""Liveness (no I/O) and readiness (pings the store), in the svcs shape."""

from __future__ import annotations

import msgspec
from redis.exceptions import RedisError
from starlette.requests import Request
from starlette.responses import Response


async def healthz(request: Request) -> Response:
    return Response(b'{"ok":true}', media_type="application/json")


async def readyz(request: Request) -> Response:
    try:
        await request.state.resources.redis.ping()
    except (RedisError, OSError) as exc:
        body = {"ok": [], "failing": {"redis": repr(exc)}}
        return Response(
            msgspec.json.encode(body),
            503,
            media_type="application/json",
            headers={"Retry-After": "5"},
        )
    return Response(b'{"ok":["redis"],"failing":{}}', media_type="application/json")
