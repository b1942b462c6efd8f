"""Site registry: who may send comments (signing secrets), read them (API key), and from where."""

from __future__ import annotations

import functools
import hashlib
import secrets
import time

import msgspec

from moderation import clock, signing
from moderation.errors import SiteExists
from moderation.models import SITE_ID
from moderation.policy import Policy
from moderation.settings import Settings
from moderation.store import keys
from moderation.store.client import Redis, text


class SiteSecret(msgspec.Struct, frozen=True):
    secret: str
    expires_at: float | None = None  # epoch seconds; None while current


class Site(msgspec.Struct, frozen=True):
    id: str
    name: str
    origins: tuple[str, ...]
    secrets: tuple[SiteSecret, ...]
    api_key_hash: str
    created_at: str
    policy: Policy = Policy()

    def signing_keys(self, now: float) -> list[bytes]:
        return live_keys(self.secrets, now)


# A secret's key, decoded once per process rather than on every signed request.
secret_key = functools.lru_cache(maxsize=4096)(signing.secret_key)


def live_keys(held: tuple[SiteSecret, ...], now: float) -> list[bytes]:
    """The keys of the secrets not yet expired, current first."""
    return [secret_key(s.secret) for s in held if s.expires_at is None or s.expires_at > now]


def rotated(held: tuple[SiteSecret, ...], secret: str, grace: float) -> tuple[SiteSecret, ...]:
    """``secret`` as the current one; the live older ones expire ``grace`` seconds from now."""
    now = time.time()
    kept = tuple(
        SiteSecret(s.secret, s.expires_at if s.expires_at is not None else now + grace)
        for s in held
        if s.expires_at is None or s.expires_at > now
    )
    return (SiteSecret(secret), *kept)


class Created(msgspec.Struct, frozen=True):
    """What ``sites create`` prints, once: the only time the secret and key are shown."""

    id: str
    secret: str
    api_key: str


def hash_api_key(api_key: str) -> str:
    # API keys are 256-bit random tokens, so a plain SHA-256 is a sound one-way store.
    return hashlib.sha256(api_key.encode()).hexdigest()


def new_api_key() -> str:
    return "mk_" + secrets.token_urlsafe(32)


_encode = msgspec.json.Encoder().encode
MAX_CACHED_KEYS = 10_000
_decode_site = msgspec.json.Decoder(Site).decode


class Sites:
    """Reads and writes sites; keeps a short in-process cache for the hot intake path."""

    def __init__(self, redis: Redis, settings: Settings) -> None:
        self._redis = redis
        self._settings = settings
        self._cache: dict[str, tuple[float, Site]] = {}
        self._keys: dict[str, keys.SiteKeys] = {}

    def keys_for(self, site_id: str) -> keys.SiteKeys:
        """The site's key names, built once per site (every request of the site needs them)."""
        found = self._keys.get(site_id)
        if found is None:
            if len(self._keys) >= MAX_CACHED_KEYS:
                self._keys.clear()
            found = self._keys[site_id] = keys.SiteKeys(
                site_id, self._settings.shards, self._settings.pseudonym_key
            )
        return found

    async def create(self, site_id: str, name: str, origins: tuple[str, ...] = ()) -> Created:
        secret, api_key = signing.new_secret(), new_api_key()
        site = Site(
            id=site_id,
            name=name,
            origins=origins,
            secrets=(SiteSecret(secret),),
            api_key_hash=hash_api_key(api_key),
            created_at=clock.rfc3339(clock.now()),
        )
        if await self._redis.exists(keys.deleted_site(site_id)):
            raise SiteExists(f"site {site_id!r} was deleted less than a day ago")
        if not await self._redis.hsetnx(self.keys_for(site_id).site, "json", _encode(site)):
            raise SiteExists(f"site {site_id!r} already exists")
        await self._redis.sadd(keys.SITES, site_id)
        await self._redis.hset(keys.API_KEYS, site.api_key_hash, site_id)
        return Created(id=site_id, secret=secret, api_key=api_key)

    async def get(self, site_id: str, *, fresh: bool = False) -> Site | None:
        if not SITE_ID.fullmatch(site_id):
            return None
        cached = self._cache.get(site_id)
        now = time.monotonic()
        if cached and not fresh and cached[0] > now:
            return cached[1]
        raw = await self._redis.hget(self.keys_for(site_id).site, "json")
        if raw is None:
            self._cache.pop(site_id, None)
            return None
        site = _decode_site(raw)
        self._cache[site_id] = (now + self._settings.site_cache_seconds, site)
        return site

    async def site_of_api_key(self, api_key: str) -> str | None:
        """The site an API key belongs to (looked up by hash: the key itself is not stored);
        a rotated-out key only until its grace period ends."""
        digest = hash_api_key(api_key)
        pipe = self._redis.pipeline(transaction=False)
        pipe.hget(keys.API_KEYS, digest)
        pipe.zscore(keys.RETIRING_API_KEYS, digest)
        site_id, ends = await pipe.execute()
        if site_id is not None and ends is not None and ends <= time.time():
            await self._redis.hdel(keys.API_KEYS, digest)
            await self._redis.zrem(keys.RETIRING_API_KEYS, digest)
            return None
        return text(site_id) if site_id else None

    async def list(self) -> list[Site]:
        ids = sorted(text(member) for member in await self._redis.smembers(keys.SITES))
        sites = [await self.get(site_id, fresh=True) for site_id in ids]
        return [site for site in sites if site is not None]

    async def save(self, site: Site) -> None:
        await self._redis.hset(self.keys_for(site.id).site, "json", _encode(site))
        self._cache.pop(site.id, None)

    async def rotate_secret(self, site: Site) -> str:
        """Add a new current secret; older ones keep working for the grace period."""
        secret = signing.new_secret()
        held = rotated(site.secrets, secret, self._settings.secret_grace_seconds)
        await self.save(msgspec.structs.replace(site, secrets=held))
        return secret
