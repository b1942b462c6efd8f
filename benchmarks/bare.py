"""The bare baseline: a Starlette app with one JSON POST route and one JSON GET from memory.

Run by uvicorn exactly as ``moderation api`` is (``--workers 2``), so each benchmark can print
the service's figure beside what the framework alone does on the same machine in the same run.
``BENCH_BARE_JSON`` names a file whose bytes the GET route serves (the widget's thread JSON).
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import msgspec
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

_BODY = (
    Path(os.environ["BENCH_BARE_JSON"]).read_bytes() if "BENCH_BARE_JSON" in os.environ else b"{}"
)
_ETAG = f'"{zlib.crc32(_BODY):08x}"'


async def healthz(request: Request) -> Response:
    return Response(b'{"ok":true}', media_type="application/json")


async def post_comment(request: Request) -> Response:
    comment = msgspec.json.decode(await request.body())
    return Response(
        msgspec.json.encode({"id": comment["thread"]["id"], "status": "queued"}),
        202,
        media_type="application/json",
    )


async def thread_comments(request: Request) -> Response:
    headers = {"ETag": _ETAG, "Cache-Control": "public, max-age=10", "Vary": "Origin"}
    if _ETAG in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(_BODY, headers=headers, media_type="application/json")


SITE = "/v1/sites/{site_id}"
app = Starlette(
    routes=[
        Route("/healthz", healthz),
        Route(f"{SITE}/comments", post_comment, methods=["POST"]),
        Route(f"{SITE}/threads/{{thread_id}}/comments", thread_comments),
    ]
)
