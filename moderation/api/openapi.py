"""``GET /openapi.json``: OpenAPI 3.1 for the real routes (a test keeps the two equal)."""

from __future__ import annotations

from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import __version__
from moderation.models import Reason

PROBLEM = {
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
}
JSON = "application/json"


def _param(name: str, where: str = "path", **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "schema": schema or {"type": "string"},
    }


def _ok(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema or {"type": "object"}}}}


def _errors(*codes: int) -> dict[str, Any]:
    return {str(code): {"description": "problem", **PROBLEM} for code in codes}


SITE = _param("site_id")
PATHS: dict[str, dict[str, Any]] = {
    "/healthz": {"get": {"summary": "Liveness, no I/O", "responses": {"200": _ok("alive")}}},
    "/readyz": {
        "get": {
            "summary": "Readiness: pings the store",
            "responses": {"200": _ok("ready"), "503": _ok("store down")},
        }
    },
    "/metrics": {
        "get": {
            "summary": "Prometheus metrics of this process",
            "responses": {"200": {"description": "text exposition format"}},
        }
    },
    "/openapi.json": {"get": {"summary": "This document", "responses": {"200": _ok("OpenAPI")}}},
    "/v1/sites/{site_id}/comments": {
        "post": {
            "summary": "Submit a comment (Standard Webhooks signed)",
            "parameters": [SITE]
            + [
                _param(h, "header")
                for h in ("webhook-id", "webhook-timestamp", "webhook-signature")
            ],
            "requestBody": {
                "required": True,
                "content": {JSON: {"schema": {"$ref": "#/components/schemas/CommentIn"}}},
            },
            "responses": {
                "202": _ok("queued"),
                "200": _ok("duplicate delivery"),
                **_errors(400, 401, 404, 409, 413, 415, 422, 503),
            },
        }
    },
    "/v1/sites/{site_id}/comments/{comment_id}": {
        "get": {
            "summary": "A comment's full record (site API key)",
            "security": [{"apiKey": []}],
            "parameters": [SITE, _param("comment_id")],
            "responses": {"200": _ok("record"), **_errors(401, 404, 503)},
        }
    },
    "/v1/sites/{site_id}/threads/{thread_id}/comments": {
        "get": {
            "summary": "Approved comments of a thread, replies nested (widget)",
            "parameters": [
                SITE,
                _param("thread_id"),
                _param("sort", "query", type="string", enum=["oldest", "newest"]),
                _param("limit", "query", type="integer", minimum=1, maximum=100),
                _param("cursor", "query"),
            ],
            "responses": {
                "200": _ok("thread page"),
                "304": {"description": "not modified"},
                **_errors(400, 404, 503),
            },
        },
        "options": {
            "summary": "CORS preflight",
            "parameters": [SITE, _param("thread_id")],
            "responses": {"204": {"description": "preflight"}},
        },
    },
    "/v1/sites/{site_id}/recent": {
        "get": {
            "summary": "Latest approved comments of the site (sidebar widget)",
            "parameters": [SITE, _param("limit", "query", type="integer", minimum=1, maximum=100)],
            "responses": {
                "200": _ok("recent"),
                "304": {"description": "not modified"},
                **_errors(400, 404, 503),
            },
        },
        "options": {
            "summary": "CORS preflight",
            "parameters": [SITE],
            "responses": {"204": {"description": "preflight"}},
        },
    },
    "/v1/sites/{site_id}/counts": {
        "get": {
            "summary": "Approved comment counts per thread",
            "parameters": [
                SITE,
                {
                    **_param("thread", "query", type="array", items={"type": "string"}),
                    "required": True,
                },
            ],
            "responses": {"200": _ok("counts"), **_errors(400, 404, 503)},
        },
        "options": {
            "summary": "CORS preflight",
            "parameters": [SITE],
            "responses": {"204": {"description": "preflight"}},
        },
    },
}

# The moderators' workflow: list a queue, decide under If-Match (409 when someone was first),
# act in bulk during a spam wave, read the audit log, set author standing (admin).
MODERATOR: list[dict[str, list[str]]] = [{"moderatorToken": []}]
REASON = {"type": "string", "enum": list(Reason)}
QUEUE_FILTERS = [
    _param(
        "queue", "query", type="string", enum=["held", "reported", "approved", "rejected", "queued"]
    ),
    _param("thread", "query"),
    _param("author", "query"),
    _param("reason", "query"),
]


def _body(schema: str) -> dict[str, Any]:
    return {
        "required": True,
        "content": {JSON: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


PATHS.update(
    {
        "/v1/sites/{site_id}/review": {
            "get": {
                "summary": "A review queue, oldest first, each item with its evidence and history",
                "security": MODERATOR,
                "parameters": [
                    SITE,
                    *QUEUE_FILTERS,
                    _param("sort", "query", type="string", enum=["oldest", "newest"]),
                    _param("limit", "query", type="integer", minimum=1, maximum=100),
                    _param("cursor", "query"),
                ],
                "responses": {
                    "200": _ok("items, next_cursor, counts"),
                    **_errors(400, 401, 404, 503),
                },
            }
        },
        "/v1/sites/{site_id}/review/{comment_id}": {
            "post": {
                "summary": "Approve, reject or restore one comment at the version you reviewed",
                "security": MODERATOR,
                "parameters": [
                    SITE,
                    _param("comment_id"),
                    {**_param("If-Match", "header"), "required": True},
                ],
                "requestBody": _body("Verdict"),
                "responses": {
                    "200": _ok("id, status, version"),
                    **_errors(400, 401, 403, 404, 409, 422, 428, 503),
                },
            }
        },
        "/v1/sites/{site_id}/review/bulk": {
            "post": {
                "summary": "One action on up to 500 ids or a queue filter; idempotent on retry",
                "security": MODERATOR,
                "parameters": [SITE],
                "requestBody": _body("BulkVerdict"),
                "responses": {
                    "200": _ok("results: id, outcome (ok|unchanged|conflict|not_found), status"),
                    **_errors(400, 401, 404, 422, 503),
                },
            }
        },
        "/v1/sites/{site_id}/audit": {
            "get": {
                "summary": "The site's append-only audit log, oldest first",
                "security": MODERATOR,
                "parameters": [
                    SITE,
                    _param("comment", "query"),
                    _param("actor", "query"),
                    _param("cursor", "query"),
                    _param("limit", "query", type="integer", minimum=1, maximum=500),
                ],
                "responses": {"200": _ok("entries, next_cursor"), **_errors(400, 401, 404, 503)},
            }
        },
        "/v1/sites/{site_id}/authors/{author_key}": {
            "get": {
                "summary": "An author's standing, counts and history",
                "security": MODERATOR,
                "parameters": [SITE, _param("author_key")],
                "responses": {"200": _ok("standing"), **_errors(401, 404, 503)},
            },
            "post": {
                "summary": "Ban, premoderate, trust or reset an author (admin)",
                "security": MODERATOR,
                "parameters": [SITE, _param("author_key")],
                "requestBody": _body("StandingChange"),
                "responses": {"200": _ok("standing"), **_errors(400, 401, 403, 404, 422, 503)},
            },
        },
        "/v1/sites/{site_id}/policy": {
            "get": {
                "summary": "The site's moderation policy",
                "security": MODERATOR,
                "parameters": [SITE],
                "responses": {"200": _ok("policy"), **_errors(401, 404, 503)},
            },
            "patch": {
                "summary": "Change some policy fields (admin); every bad field is listed",
                "security": MODERATOR,
                "parameters": [SITE],
                "requestBody": {
                    "required": True,
                    "content": {JSON: {"schema": {"type": "object"}}},
                },
                "responses": {"200": _ok("policy"), **_errors(400, 401, 403, 404, 422, 503)},
            },
        },
        "/v1/sites/{site_id}/comments/{comment_id}/reports": {
            "post": {
                "summary": "A reader reports a published comment (public, CORS, rate-limited)",
                "parameters": [SITE, _param("comment_id")],
                "requestBody": _body("Report"),
                "responses": {
                    "202": {"description": "recorded"},
                    **_errors(400, 404, 422, 429, 503),
                },
            },
            "options": {
                "summary": "CORS preflight",
                "parameters": [SITE, _param("comment_id")],
                "responses": {"204": {"description": "preflight"}},
            },
        },
    }
)
VERDICT = {
    "action": {"type": "string", "enum": ["approve", "reject", "restore"]},
    "reason": REASON,
    "note": {"type": "string", "maxLength": 2000},
}
REVIEW_SCHEMAS = {
    "Verdict": {
        "type": "object",
        "required": ["action"],
        "additionalProperties": False,
        "properties": VERDICT,
    },
    "BulkVerdict": {
        "type": "object",
        "required": ["action"],
        "additionalProperties": False,
        "properties": {
            **VERDICT,
            "ids": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 500},
            "filter": {
                "type": "object",
                "properties": {
                    k: {"type": "string"} for k in ("queue", "thread", "author", "reason")
                },
            },
        },
    },
    "StandingChange": {
        "type": "object",
        "required": ["standing"],
        "additionalProperties": False,
        "properties": {
            "standing": {"type": "string", "enum": ["banned", "premoderated", "trusted", "normal"]},
            "until": {"type": "string", "format": "date-time"},
            "note": {"type": "string", "maxLength": 2000},
        },
    },
    "Report": {
        "type": "object",
        "required": ["reason"],
        "additionalProperties": False,
        "properties": {"reason": REASON, "text": {"type": "string", "maxLength": 1000}},
    },
}

COMPONENTS = {
    "securitySchemes": {
        "apiKey": {"type": "http", "scheme": "bearer"},
        "moderatorToken": {
            "type": "http",
            "scheme": "bearer",
            "description": "moderation tokens create",
        },
    },
    "schemas": {
        "Problem": {
            "type": "object",
            "properties": {
                k: {"type": t}
                for k, t in [
                    ("type", "string"),
                    ("title", "string"),
                    ("status", "integer"),
                    ("detail", "string"),
                    ("instance", "string"),
                ]
            },
        },
        "CommentIn": {
            "type": "object",
            "required": ["thread", "author", "body"],
            "additionalProperties": False,
            "properties": {
                "thread": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string"},
                        "url": {"type": "string"},
                        "title": {"type": "string"},
                    },
                },
                "author": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "id": {"type": "string"},
                        "email": {"type": "string"},
                    },
                },
                "body": {"type": "string"},
                "parent_id": {"type": ["string", "null"]},
                "external_id": {"type": ["string", "null"]},
                "ip": {"type": ["string", "null"]},
                "user_agent": {"type": ["string", "null"]},
                "created_at": {"type": ["string", "null"], "format": "date-time"},
            },
        },
    },
}


COMPONENTS["schemas"].update(REVIEW_SCHEMAS)  # type: ignore[attr-defined]


def build() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "moderation", "version": __version__},
        "paths": PATHS,
        "components": COMPONENTS,
    }


_DOCUMENT = msgspec.json.encode(build())


async def document(request: Request) -> Response:
    return Response(_DOCUMENT, media_type="application/json")
