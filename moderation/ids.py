"""Time-sortable comment ids (ULID layout: 48-bit milliseconds + 80 random bits, base32).

Ids from one process are strictly increasing (the ULID spec's monotonic mode): within one
millisecond the random part counts up from the first id's, so comments accepted by one API
process in the same millisecond keep their order in every queue (which sorts by id).
"""

from __future__ import annotations

import secrets
import threading
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RANDOM = 80
_lock = threading.Lock()
_last = 0


def new_id(now_ms: int | None = None) -> str:
    global _last
    ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    with _lock:
        value = (ms << _RANDOM) | secrets.randbits(_RANDOM)
        if now_ms is None and value <= _last:
            value = _last + 1  # same millisecond (or the clock stepped back): count up
        if now_ms is None:
            _last = value
    return _encode(value)


def at(ms: int, entropy: int) -> str:
    """The id of millisecond ``ms`` with a chosen random part (an import derives it)."""
    return _encode((ms << _RANDOM) | (entropy & ((1 << _RANDOM) - 1)))


def floor(ms: int) -> str:
    """The smallest id of millisecond ``ms``: every id made before it sorts below."""
    return _encode(ms << _RANDOM)


def _encode(value: int) -> str:
    chars = []
    for _ in range(26):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def millis(comment_id: str) -> int:
    """The millisecond an id was made (its first 10 characters)."""
    value = 0
    for char in comment_id[:10]:
        value = value * 32 + _ALPHABET.index(char)
    return value
