"""View tokens: a host's proof that this page view belongs to the reader who wrote a comment.

``v1.<comment id>.<expires, epoch seconds>.<mac>``, the mac being base64url (no padding) of
HMAC-SHA256 over ``moderation-view\\n<site>\\n<comment id>\\n<expires>`` keyed with the site's
signing secret (the bytes behind ``whsec_``). The intake answer carries one; a host backend
holding the secret can mint the same. Anyone holding a token sees only that comment's own text
while it awaits moderation, and only until it expires.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable

from moderation.models import COMMENT_ID

VERSION = "v1"
MAX_TOKENS = 20  # tokens one page view may present


def _mac(key: bytes, site_id: str, comment_id: str, expires: int) -> str:
    signed = f"moderation-view\n{site_id}\n{comment_id}\n{expires}".encode()
    digest = hmac.digest(key, signed, hashlib.sha256)
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def mint(key: bytes, site_id: str, comment_id: str, expires: int) -> str:
    return f"{VERSION}.{comment_id}.{expires}.{_mac(key, site_id, comment_id, expires)}"


def verify(keys: Iterable[bytes], site_id: str, token: str, now: float) -> str | None:
    """The comment id the token proves, or ``None`` (malformed, expired or not ours)."""
    parts = token.split(".")
    if len(parts) != 4 or parts[0] != VERSION or not (parts[2].isdigit() and len(parts[2]) <= 12):
        return None
    _, comment_id, expires_at, mac = parts
    expires = int(expires_at)
    if not COMMENT_ID.fullmatch(comment_id) or expires < now or not mac.isascii():
        return None
    for key in keys:
        if hmac.compare_digest(mac, _mac(key, site_id, comment_id, expires)):
            return comment_id
    return None
