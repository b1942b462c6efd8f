"""Small HTTP helpers every resource shares: bounded bodies, JSON in and out, CORS."""

from __future__ import annotations

from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.errors import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedMediaType
from moderation.store.sites import Site

NO_STORE = {"Cache-Control": "no-store"}
_encode = msgspec.json.Encoder().encode


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused as soon as it passes ``limit`` bytes (whatever Content-Length says)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and len(declared) < 20 and int(declared) > limit:
        raise PayloadTooLarge(f"the body must be at most {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the body must be at most {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def require_json(request: Request) -> None:
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != "application/json":
        raise UnsupportedMediaType("send the body as application/json")


def json_object(body: bytes) -> dict[str, Any]:
    try:
        doc = msgspec.json.decode(body)
    except msgspec.DecodeError:
        raise BadRequest("the body is not valid JSON") from None
    if not isinstance(doc, dict):
        raise Unprocessable(
            "the body must be a JSON object",
            errors=[{"field": "", "message": "must be a JSON object"}],
        )
    return doc


def json_response(
    content: object, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(_encode(content), status, headers=headers, media_type="application/json")


def cors_headers(request: Request, site: Site) -> dict[str, str]:
    headers = {"Vary": "Origin"}
    origin = request.headers.get("origin")
    if origin and origin in site.origins:
        headers["Access-Control-Allow-Origin"] = origin
    return headers
