"""One exception tree, translated to RFC 9457 problem+json in one place (``app.py``).

ModerationError
├── ProblemError                 an HTTP request that cannot be served, with its status
│   ├── BadRequest          400  malformed JSON, bad query parameter
│   ├── Unauthorized        401  missing, bad or stale signature or token
│   ├── Forbidden           403  a token whose role may not do this
│   ├── NotFound            404  unknown site or comment, or one outside the caller's scope
│   ├── Conflict            409  idempotency key reused with another body, version mismatch
│   ├── PreconditionRequired 428 a decision without If-Match
│   ├── PayloadTooLarge     413  body over ``max_body_bytes``, counted while reading
│   ├── UnsupportedMediaType 415 not application/json
│   ├── Unprocessable       422  schema violations, every bad field listed
│   ├── TooManyRequests     429  a rate limit, with Retry-After
│   ├── RequestHeaderFieldsTooLarge 431 request headers over 16 KiB in total, before routing
│   └── StoreUnavailable    503  Redis unreachable or out of memory, with Retry-After
└── SiteExists                   ``sites create`` for an id already taken
"""

from __future__ import annotations

from typing import Any, ClassVar

import msgspec


class ModerationError(Exception):
    """Base of everything this package raises on purpose."""


class SiteExists(ModerationError):
    pass


class ProblemError(ModerationError):
    status: ClassVar[int] = 500
    title: ClassVar[str] = "Internal error"

    def __init__(
        self, detail: str = "", *, headers: dict[str, str] | None = None, **extra: Any
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.headers = headers or {}
        self.extra = extra

    def body(self, instance: str) -> bytes:
        problem = {
            "type": f"https://moderation.dev/problems/{self.status}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
            **self.extra,
        }
        return msgspec.json.encode(problem)


class BadRequest(ProblemError):
    status = 400
    title = "Bad request"


class Unauthorized(ProblemError):
    status = 401
    title = "Unauthorized"


class Forbidden(ProblemError):
    status = 403
    title = "Forbidden"


class NotFound(ProblemError):
    status = 404
    title = "Not found"


class Conflict(ProblemError):
    status = 409
    title = "Conflict"


class PayloadTooLarge(ProblemError):
    status = 413
    title = "Payload too large"


class UnsupportedMediaType(ProblemError):
    status = 415
    title = "Unsupported media type"


class Unprocessable(ProblemError):
    status = 422
    title = "Unprocessable content"


class PreconditionRequired(ProblemError):
    status = 428
    title = "Precondition required"


class TooManyRequests(ProblemError):
    status = 429
    title = "Too many requests"


class RequestHeaderFieldsTooLarge(ProblemError):
    status = 431
    title = "Request header fields too large"


class StoreUnavailable(ProblemError):
    status = 503
    title = "Store unavailable"
