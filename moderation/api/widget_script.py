"""``/widget.js``: the embed script, served under its content hash so it can be cached forever.

``/widget.js`` is a short-cached redirect to ``/widget.<digest>.js``, which never changes
(``immutable``); hosts wanting Subresource Integrity embed the hashed URL with the integrity
value ``moderation widget-sri`` prints.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import gzip
import hashlib
from importlib import resources

from starlette.requests import Request
from starlette.responses import Response

from moderation.api.openapi import operation
from moderation.errors import NotFound

LOADER_MAX_AGE = 300  # how long a host page may keep following an old redirect
MEDIA_TYPE = "text/javascript; charset=utf-8"


@dataclasses.dataclass(frozen=True, slots=True)
class Bundle:
    source: bytes
    gzipped: bytes
    digest: str  # the first 16 hex digits of its SHA-256: the file name's part
    integrity: str  # the Subresource Integrity value, sha384

    @property
    def path(self) -> str:
        return f"/widget.{self.digest}.js"


@functools.cache
def bundle() -> Bundle:
    source = resources.files("moderation.api").joinpath("static/widget/widget.js").read_bytes()
    sri = base64.b64encode(hashlib.sha384(source).digest()).decode()
    return Bundle(
        source=source,
        gzipped=gzip.compress(source, compresslevel=9, mtime=0),
        digest=hashlib.sha256(source).hexdigest()[:16],
        integrity=f"sha384-{sri}",
    )


@operation(
    "The embed script's loader: a short-cached redirect to its content-hashed URL",
    answers={302: None},
)
async def loader(request: Request) -> Response:
    headers = {
        "Location": bundle().path,
        "Cache-Control": f"public, max-age={LOADER_MAX_AGE}",
        "Access-Control-Allow-Origin": "*",  # a crossorigin="anonymous" tag follows it too
    }
    return Response(status_code=302, headers=headers)


@operation(
    "The embed script under its content hash (immutable; CORS for SRI)",
    answers={200: {"type": "string"}},
    problems=(404,),
    media_type="text/javascript",
)
async def script(request: Request) -> Response:
    found = bundle()
    if request.path_params["digest"] != found.digest:
        raise NotFound("no such widget version; load /widget.js")
    headers = {
        "Cache-Control": "public, max-age=31536000, immutable",
        "Access-Control-Allow-Origin": "*",
        "Cross-Origin-Resource-Policy": "cross-origin",
        "Vary": "Accept-Encoding",
    }
    body = found.source
    if "gzip" in request.headers.get("accept-encoding", ""):
        body = found.gzipped
        headers["Content-Encoding"] = "gzip"
    return Response(body, headers=headers, media_type=MEDIA_TYPE)
