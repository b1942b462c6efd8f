"""``GET /console/``: the moderators' console, static files served by the API process.

The page talks only to the review API, with the token the moderator pasted (kept in
``sessionStorage``, sent as ``Authorization``; no cookies, so no CSRF). A strict CSP allows
only this origin's own script, styles and API: no inline script, no other origin.
"""

from __future__ import annotations

import functools
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from moderation.api.openapi import operation
from moderation.errors import NotFound

DIRECTORY = Path(__file__).parent / "static" / "console"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-cache",
}


@functools.cache
def _files() -> dict[str, bytes]:
    """The console's files by name, read once (they ship inside the package)."""
    return {p.name: p.read_bytes() for p in DIRECTORY.iterdir() if p.suffix in _TYPES}


def _serve(name: str) -> Response:
    body = _files().get(name)
    if body is None:
        raise NotFound("no such console file")
    return Response(body, media_type=_TYPES[Path(name).suffix], headers=HEADERS)


@operation(
    "The moderators' console (HTML)", answers={200: {"type": "string"}}, media_type="text/html"
)
async def page(request: Request) -> Response:
    return _serve("index.html")


@operation(
    "A console script or stylesheet",
    answers={200: {"type": "string"}},
    problems=(404,),
    media_type="text/javascript",
)
async def asset(request: Request) -> Response:
    name = request.path_params["asset"]
    if not name.endswith((".js", ".css")):
        raise NotFound("no such console file")
    return _serve(name)
