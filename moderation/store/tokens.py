"""Moderator credentials: bearer tokens with a role and a set of sites, stored only hashed.

A site's API key is a host credential and is not accepted as a token (``api/auth.py``
checks both).
"""

from __future__ import annotations

import enum
import hashlib
import secrets

import msgspec

from moderation import clock
from moderation.errors import ModerationError
from moderation.store import keys
from moderation.store.client import Redis


class Role(enum.StrEnum):
    MODERATOR = "moderator"  # reads queues and decides
    ADMIN = "admin"  # also sets site policy and author standing


class Token(msgspec.Struct, frozen=True):
    name: str
    role: Role
    sites: tuple[str, ...]
    created_at: str

    @property
    def actor(self) -> str:
        """How the audit log names this token's holder."""
        return f"token:{self.name}"


class TokenExists(ModerationError):
    pass


_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder(Token).decode


def hash_token(token: str) -> str:
    # Tokens are 256-bit random values, so a plain SHA-256 is a sound one-way store.
    return hashlib.sha256(token.encode()).hexdigest()


class Tokens:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def create(self, name: str, role: Role, sites: tuple[str, ...]) -> str:
        """Store a new token's hash and return the token: the only time it is shown."""
        if any(t.name == name for t in await self.list()):
            raise TokenExists(f"a token named {name!r} already exists")
        token = "mt_" + secrets.token_urlsafe(32)
        record = Token(name=name, role=role, sites=sites, created_at=clock.rfc3339(clock.now()))
        await self._redis.hset(keys.TOKENS, hash_token(token), _encode(record))
        return token

    async def get(self, token: str) -> Token | None:
        raw = await self._redis.hget(keys.TOKENS, hash_token(token))
        return _decode(raw) if raw else None

    async def list(self) -> list[Token]:
        records = await self._redis.hvals(keys.TOKENS)
        return sorted((_decode(raw) for raw in records), key=lambda t: t.name)

    async def revoke(self, name: str) -> Token | None:
        """Revoke the token named ``name``; the token revoked, or ``None`` if there was none."""
        for digest, raw in (await self._redis.hgetall(keys.TOKENS)).items():
            token = _decode(raw)
            if token.name == name and await self._redis.hdel(keys.TOKENS, digest):
                return token
        return None
