"""Standard Webhooks v1: ``v1,base64(HMAC-SHA256(secret, f"{id}.{timestamp}.{body}"))``."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable

from moderation.errors import Unauthorized

PREFIX = "whsec_"
HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")
# The exact digits a sender signs (``str(int)``): no sign, no leading zeros, no space, and at
# most 12 of them, so the tolerance check stays integer arithmetic on any input.
_TIMESTAMP = re.compile(r"0|[1-9][0-9]{0,11}")


class SignatureError(Unauthorized):
    """The request is unsigned, stale, or signed with no key the site holds."""


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def secret_key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(PREFIX))


def sign(key: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.digest(key, signed, hashlib.sha256)).decode()


def verify(
    keys: Iterable[bytes],
    headers: dict[str, str],
    body: bytes,
    *,
    now: float,
    tolerance: int,
) -> str:
    """Check the three headers against any of ``keys``; return the message id or raise."""
    message_id = headers.get("webhook-id", "")
    stamp = headers.get("webhook-timestamp", "")
    signatures = headers.get("webhook-signature", "")
    if not message_id or not stamp or not signatures:
        raise SignatureError("webhook-id, webhook-timestamp and webhook-signature are required")
    if len(message_id) > 256:
        raise SignatureError("webhook-id is longer than 256 characters")
    if not _TIMESTAMP.fullmatch(stamp):
        raise SignatureError("webhook-timestamp must be Unix seconds in plain decimal digits")
    timestamp = int(stamp)
    if abs(now - timestamp) > tolerance:
        raise SignatureError("webhook-timestamp is outside the tolerance window")
    offered = [sig.split(",", 1)[1].encode() for sig in signatures.split() if sig.startswith("v1,")]
    for key in keys:
        expected = sign(key, message_id, timestamp, body)[3:].encode()
        if any(hmac.compare_digest(expected, candidate) for candidate in offered):
            return message_id
    raise SignatureError("no webhook-signature matches the site's secret")
