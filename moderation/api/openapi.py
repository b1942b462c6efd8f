"""``GET /openapi.json``: OpenAPI 3.1 generated from the route table and the wire structs.

Each handler carries its ``Operation`` (set by ``@operation``): summary, query, body and
answer structs, the problems it can answer and who may call it. Paths come from the routes,
schemas from the same structs the handlers decode and encode
(``msgspec.json.schema_components``), so the document cannot drift from the code.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any, TypeVar

import msgspec
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from moderation import __version__
from moderation.api.schemas import Problem
from moderation.models import AuthorKey, CommentId, SiteId, ThreadId, Timestamp
from moderation.store.endpoints import EndpointId

F = TypeVar("F", bound=Callable[..., Any])
JSON = "application/json"
PROBLEM = "application/problem+json"
REF = "#/components/schemas/{name}"


class Security(enum.StrEnum):
    SIGNED = "webhookSignature"  # a host backend, Standard Webhooks signature
    API_KEY = "siteApiKey"  # a host backend, the site's API key
    MODERATOR = "moderatorToken"  # a moderator or admin token


SCHEMES = {
    Security.SIGNED: {
        "type": "apiKey",
        "in": "header",
        "name": "webhook-signature",
        "description": "Standard Webhooks v1: HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}"
        ".{body}` with the site's secret; send webhook-id and webhook-timestamp too",
    },
    Security.API_KEY: {"type": "http", "scheme": "bearer", "description": "The site's API key"},
    Security.MODERATOR: {
        "type": "http",
        "scheme": "bearer",
        "description": "A moderator token (`moderation tokens create`); some calls need admin",
    },
}

# What each problem status means, once for the whole document.
PROBLEMS = {
    400: "Malformed JSON or query parameters",
    401: "Missing, bad or stale signature or credential",
    403: "The token's role may not do this",
    404: "No such site, or one outside the caller's scope, or no such item",
    405: "Method not allowed",
    409: "Conflict: idempotency key reused, or the item changed since it was read",
    413: "Body too large",
    415: "Not application/json",
    422: "The body does not match the schema: every bad field listed",
    428: "If-Match required",
    429: "Too many requests (see Retry-After)",
    431: "Request headers too large",
    503: "The store is unavailable (see Retry-After)",
}
ALWAYS = (405, 431, 503)  # any route can answer these


@dataclasses.dataclass(frozen=True)
class Operation:
    summary: str
    answers: Mapping[int, Any] = dataclasses.field(default_factory=dict)  # status → struct
    problems: tuple[int, ...] = ()
    query: type | None = None
    body: type | None = None
    security: Security | None = None
    headers: tuple[str, ...] = ()  # request headers the operation reads
    media_type: str = JSON  # of its answers


def operation(summary: str, **details: Any) -> Callable[[F], F]:
    """Attach an ``Operation`` to a handler (the route table's documentation)."""

    def mark(handler: F) -> F:
        handler.operation = Operation(summary, **details)  # type: ignore[attr-defined]
        return handler

    return mark


def schema_hook(type_: type) -> dict[str, Any]:
    if type_ is Timestamp:
        return {"type": "string", "format": "date-time"}
    raise NotImplementedError


def _operations(routes: Iterable[BaseRoute]) -> list[tuple[Route, str, Operation]]:
    found = []
    for route in routes:
        if not isinstance(route, Route):
            continue
        described: Operation = getattr(route.endpoint, "operation")  # noqa: B009 (set by @operation)
        for method in sorted((route.methods or set()) - {"HEAD"}):
            found.append((route, method.lower(), described))
    return found


PATH_PARAMS = {
    "site_id": SiteId,
    "comment_id": CommentId,
    "thread_id": ThreadId,
    "author_key": AuthorKey,
    "endpoint_id": EndpointId,
    "digest": Annotated[str, msgspec.Meta(pattern="^[0-9a-f]{16}$", description="widget hash")],
    "asset": Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9-]{1,40}\.(js|css)$")],
}


def build(routes: Iterable[BaseRoute]) -> dict[str, Any]:
    """The OpenAPI document of ``routes``."""
    operations = _operations(routes)
    structs = {t for _, _, o in operations for t in _structs_of(o)}
    structs.add(Problem)
    ordered = sorted(structs, key=lambda t: t.__name__)
    refs, components = msgspec.json.schema_components(
        ordered, ref_template=REF, schema_hook=schema_hook
    )
    schema_of = dict(zip(ordered, refs, strict=True))
    paths: dict[str, dict[str, Any]] = {}
    for route, method, described in operations:
        paths.setdefault(route.path, {})[method] = _operation(route, method, described, schema_of)
    document: dict[str, Any] = _ecma(
        {
            "openapi": "3.1.0",
            "info": {"title": "moderation", "version": __version__},
            "paths": paths,
            "components": {"schemas": components, "securitySchemes": dict(SCHEMES)},
        }
    )
    return document


def _structs_of(described: Operation) -> list[Any]:
    kinds = [described.query, described.body, *described.answers.values()]
    return [t for t in kinds if t is not None and not isinstance(t, dict)]


def _operation(
    route: Route,
    method: str,
    described: Operation,
    schema_of: Mapping[Any, Any],
) -> dict[str, Any]:
    handler = route.endpoint.__name__
    result: dict[str, Any] = {
        "operationId": handler if method != "options" else f"{handler}_{_slug(route.path)}",
        "summary": described.summary,
        "parameters": [
            *(_path_param(name) for name in route.param_convertors),
            *_query_params(described.query),
            *(
                {"name": h, "in": "header", "required": True, "schema": {"type": "string"}}
                for h in described.headers
            ),
        ],
        "responses": {
            **{
                str(s): _answer(t, described.media_type, schema_of)
                for s, t in described.answers.items()
            },
            **{
                str(status): {
                    "description": PROBLEMS[status],
                    "content": {PROBLEM: {"schema": schema_of[Problem]}},
                }
                for status in sorted({*described.problems, *ALWAYS})
            },
        },
    }
    if described.body is not None:
        result["requestBody"] = {
            "required": True,
            "content": {JSON: {"schema": schema_of[described.body]}},
        }
    if described.security is not None:
        result["security"] = [{described.security.value: []}]
    return result


def _answer(type_: Any, media_type: str, schema_of: Mapping[Any, Any]) -> dict[str, Any]:
    if type_ is None:
        return {"description": "no body"}
    if isinstance(type_, dict):  # a literal schema (the OpenAPI document itself, metrics)
        return {"description": "answer", "content": {media_type: {"schema": type_}}}
    return {
        "description": type_.__doc__.strip().splitlines()[0] if type_.__doc__ else type_.__name__,
        "content": {media_type: {"schema": schema_of[type_]}},
    }


def _path_param(name: str) -> dict[str, Any]:
    schema = msgspec.json.schema(PATH_PARAMS[name])
    return {"name": name, "in": "path", "required": True, "schema": schema}


def _query_params(query: type | None) -> list[dict[str, Any]]:
    if query is None:
        return []
    (_, components) = msgspec.json.schema_components([query], schema_hook=schema_hook)
    properties = components[query.__name__]["properties"]
    required = set(components[query.__name__].get("required", ()))
    return [
        {
            "name": field.encode_name,
            "in": "query",
            "required": field.encode_name in required,
            "schema": _inline(properties[field.encode_name], components),
        }
        for field in msgspec.structs.fields(query)
    ]


def _inline(schema: Any, components: Mapping[str, Any]) -> Any:
    """A query parameter's schema with local ``$ref``s (enums) copied in."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return _inline(components[schema["$ref"].rsplit("/", 1)[1]], components)
        return {k: _inline(v, components) for k, v in schema.items() if k != "title"}
    if isinstance(schema, list):
        return [_inline(v, components) for v in schema]
    return schema


def _ecma(document: Any) -> Any:
    """Patterns in JSON Schema's dialect: msgspec's ``\\Z`` (end, no final newline) is ``$``."""
    if isinstance(document, dict):
        return {
            k: (v[:-2] + "$" if k == "pattern" and v.endswith("\\Z") else _ecma(v))
            for k, v in document.items()
        }
    if isinstance(document, list):
        return [_ecma(v) for v in document]
    return document


def _slug(path: str) -> str:
    return re.sub(r"[^a-z]+", "_", path.rsplit("}", 1)[-1].lower()).strip("_") or "item"


@operation("This document", answers={200: {"type": "object"}})
async def document(request: Request) -> Response:
    state = request.app.state
    if getattr(state, "openapi", None) is None:  # built once per app, on first request
        state.openapi = msgspec.json.encode(build(request.app.routes))
    return Response(state.openapi, media_type=JSON)
