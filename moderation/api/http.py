"""Small HTTP helpers every resource shares: bounded bodies, JSON in and out, CORS, readers."""

from __future__ import annotations

import functools
import typing
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import msgspec
from starlette.background import BackgroundTask
from starlette.datastructures import QueryParams
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Message

from moderation import validation
from moderation.errors import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedMediaType
from moderation.store.keys import SiteKeys
from moderation.store.sites import Site

T = TypeVar("T")

NO_STORE = {"Cache-Control": "no-store"}
_encode = msgspec.json.Encoder().encode


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused as soon as it passes ``limit`` bytes (whatever Content-Length says)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and len(declared) < 20 and int(declared) > limit:
        raise PayloadTooLarge(f"the body must be at most {limit} bytes")
    message = await request.receive()  # most bodies arrive in one message: no stream to run
    if message["type"] == "http.request" and not message.get("more_body", False):
        body: bytes = message.get("body", b"")
        if len(body) > limit:
            raise PayloadTooLarge(f"the body must be at most {limit} bytes")
        return body
    chunks, size = [], 0
    async for chunk in _rest(request, message):
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the body must be at most {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _rest(request: Request, first: Message) -> AsyncIterator[bytes]:
    """The body's chunks from the ``first`` message on (a disconnect raises as in ``stream``)."""
    message = first
    while True:
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        yield message.get("body", b"")
        if not message.get("more_body", False):
            return
        message = await request.receive()


def require_json(request: Request) -> None:
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != "application/json":
        raise UnsupportedMediaType("send the body as application/json")


def json_document(body: bytes) -> Any:
    """Any JSON value; 400 when it is not JSON (or nests too deeply to read)."""
    try:
        return msgspec.json.decode(body)
    except msgspec.DecodeError:
        raise BadRequest("the body is not valid JSON") from None
    except RecursionError:
        raise BadRequest("the body nests too deeply") from None


def decode(type_: type[T], body: bytes) -> T:
    """The body as ``type_`` in one decode; if it does not fit, 422 listing every bad field."""
    try:
        return _decoder(type_).decode(body)
    except msgspec.ValidationError:
        return convert(type_, json_document(body))
    except msgspec.DecodeError:
        raise BadRequest("the body is not valid JSON") from None
    except RecursionError:
        raise BadRequest("the body nests too deeply") from None


_DECODERS: dict[type, msgspec.json.Decoder[Any]] = {}


def _decoder(type_: type[T]) -> msgspec.json.Decoder[T]:
    """One decoder per body struct, built on first use (the hot intake path reuses it)."""
    decoder = _DECODERS.get(type_)
    if decoder is None:
        decoder = _DECODERS[type_] = msgspec.json.Decoder(type_, dec_hook=validation.dec_hook)
    return decoder


def convert(type_: type[T], doc: Any) -> T:
    """Decoded JSON as ``type_``, or 422 listing every bad field."""
    try:
        return validation.convert(type_, doc)
    except validation.Invalid as exc:
        raise Unprocessable("the body does not match the schema", errors=exc.errors) from None


def query(type_: type[T], request: Request) -> T:
    """The query string as ``type_``; 400 listing every bad parameter. Unknown ones are
    ignored and an empty value counts as absent."""
    return _from_params(type_, request.query_params)


def _from_params(type_: type[T], params: QueryParams) -> T:
    doc: dict[str, Any] = {}
    for name, many in _parameters(type_):
        values = [v for v in params.getlist(name) if v]
        if values:
            doc[name] = values if many else values[-1]
    try:
        return validation.convert(type_, doc, strict=False)
    except validation.Invalid as exc:
        raise BadRequest("bad query parameters", errors=exc.errors) from None


MAX_CACHED_QUERIES = 1_000  # per struct
_PARSERS: dict[type, Callable[[bytes], Any]] = {}


def cached_query(type_: type[T], request: Request) -> T:
    """``query`` for the widget's public reads, which repeat a few query strings endlessly:
    each one parsed once per process while among the latest ``MAX_CACHED_QUERIES`` (only
    those that parse: a 400 is raised, never cached; the structs are frozen)."""
    parse = _PARSERS.get(type_)
    if parse is None:
        parse = _PARSERS[type_] = functools.lru_cache(maxsize=MAX_CACHED_QUERIES)(
            lambda query_string: _from_params(type_, QueryParams(query_string))
        )
    found: T = parse(request.scope["query_string"])
    return found


_PARAMETERS: dict[type, list[tuple[str, bool]]] = {}


def _parameters(type_: type) -> list[tuple[str, bool]]:
    """Each field's query name and whether it takes a list, read once per struct
    (``msgspec.structs.fields`` costs ~90 µs: too much for every widget read)."""
    found = _PARAMETERS.get(type_)
    if found is None:
        fields = msgspec.structs.fields(type_)
        found = _PARAMETERS[type_] = [(f.encode_name, _is_list(f.type)) for f in fields]
    return found


def _is_list(type_: Any) -> bool:
    while typing.get_origin(type_) is typing.Annotated:
        type_ = typing.get_args(type_)[0]
    return typing.get_origin(type_) in (list, tuple)


def json_response(
    content: object,
    status: int = 200,
    headers: dict[str, str] | None = None,
    background: BackgroundTask | None = None,
) -> Response:
    return Response(
        _encode(content), status, headers, media_type="application/json", background=background
    )


def private(content: object, status: int = 200) -> Response:
    """A JSON answer meant for one credential: never stored by a cache."""
    return json_response(content, status, NO_STORE)


def reader_of(request: Request, keys: SiteKeys) -> str:
    """A reader as rate limits and reports know one: the client address's pseudonym."""
    return keys.pseudonym(request.client.host if request.client else "unknown")


def cors_headers(request: Request, site: Site) -> dict[str, str]:
    headers = {"Vary": "Origin"}
    origin = request.headers.get("origin")
    if origin and origin in site.origins:
        headers["Access-Control-Allow-Origin"] = origin
    return headers
