"""The access log: one line per request with its method, path, status, duration and request
id (``X-Request-Id``, kept from the caller when it is a sane token, else made here and
returned). Never the client's address, query string, headers or body.
"""

from __future__ import annotations

import itertools
import logging
import re
import secrets
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from moderation.logs import request_id

log = logging.getLogger("moderation.access")
_REQUEST_ID = re.compile(rb"[A-Za-z0-9._-]{1,64}")


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        # Ids made here: a random prefix per process and a counter, unique without reading
        # the system's random source on every request.
        self._prefix, self._serial = secrets.token_hex(4), itertools.count()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"")
        if _REQUEST_ID.fullmatch(given):
            rid = given.decode()
        else:
            rid = f"{self._prefix}{next(self._serial):08x}"
        token = request_id.set(rid)
        started, status = time.perf_counter(), 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", ()), (b"x-request-id", rid.encode())]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            log.info(
                "%s %s %d",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 3),
                    "request_id": rid,
                },
            )
            request_id.reset(token)
