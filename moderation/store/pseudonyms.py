"""Pseudonyms: keyed hashes that stand for readers' addresses (and author keys) in key names
and reports, so neither a copy of the store nor its slow log and monitoring show who they are.

A plain hash of an IPv4 address is no pseudonym: all 2^32 of them hash in minutes. So the hash
is an HMAC under a deployment-wide key, ``MODERATION_PSEUDONYM_KEY``, kept apart from the store
(a Kubernetes Secret). ``moderation serve`` makes one in its data dir on first start
(``pseudonym.key``, readable by its owner only), where the other commands that use its store
find it. Every process of a deployment must hold the same key: the worker counts an address's
comments under the name the API's erasure deletes. Changing the key only restarts readers'
rate limits and lets a reader who reported a comment report it once more.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets

from moderation.settings import Settings

log = logging.getLogger("moderation.pseudonyms")
KEY_FILE = "pseudonym.key"


def pseudonym(key: bytes, value: str, chars: int = 32) -> str:
    """``value``'s pseudonym under ``key``: hex, ``chars`` long."""
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:chars]


def settled(settings: Settings, *, create: bool = False) -> Settings:
    """``settings`` with the pseudonym key: the configured one; for the embedded store, the one
    in the data dir (made there if ``create``); else none (``warn`` says so)."""
    if settings.pseudonym_key:
        return settings
    if settings.redis_url:
        return settings
    path = settings.data_dir / KEY_FILE
    if create and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as f:
            f.write(secrets.token_urlsafe(32))
    if path.exists():
        return settings.replace(pseudonym_key=path.read_text().strip())
    return settings


def warn(settings: Settings) -> None:
    """Log, at a service's start, that its readers' pseudonyms are unkeyed."""
    if not settings.pseudonym_key:
        log.warning("MODERATION_PSEUDONYM_KEY is unset: readers' pseudonyms are plain hashes")
