"""Moderator credentials: bearer tokens with a role and a set of sites, stored only hashed.

A site's API key is a host credential and is not accepted here. A token of no site in
scope gets 404 for that site (as if it did not exist); a role without the right, 403.
"""

from __future__ import annotations

import enum
import hashlib
import secrets

import msgspec
from starlette.requests import Request

from moderation import clock, keys
from moderation.errors import Forbidden, ModerationError, NotFound, Unauthorized
from moderation.host_api import bearer
from moderation.redis_client import Redis
from moderation.services import Services
from moderation.sites import Site


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

    async def revoke(self, name: str) -> bool:
        for digest, raw in (await self._redis.hgetall(keys.TOKENS)).items():
            if _decode(raw).name == name:
                return bool(await self._redis.hdel(keys.TOKENS, digest))
        return False


async def authorise(request: Request, role: Role) -> tuple[Services, Site, Token]:
    """The site in the path, if the bearer token covers it and its role may act there."""
    services: Services = request.state.services
    token = await Tokens(services.redis).get(bearer(request))
    if token is None:
        raise Unauthorized(
            "the moderator token is not valid",
            headers={"WWW-Authenticate": 'Bearer realm="moderation"'},
        )
    site_id = request.path_params["site_id"]
    site = await services.sites.get(site_id) if site_id in token.sites else None
    if site is None:
        raise NotFound("no such site")
    if role is Role.ADMIN and token.role is not Role.ADMIN:
        raise Forbidden("this needs an admin token")
    return services, site, token
