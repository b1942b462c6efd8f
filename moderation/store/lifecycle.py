"""A site's life after ``sites create``: renamed and re-originated, its API key rotated with a
grace period, and deleted, key by key, with its id held for a day so nothing old (a token, a
host still sending) meets a new site under the same name by accident."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import msgspec

from moderation.errors import NotFound
from moderation.store import keys as schema
from moderation.store.client import Redis, text
from moderation.store.sites import Site, Sites, hash_api_key, new_api_key
from moderation.store.tokens import Token

HOLD_SECONDS = 86_400  # a deleted site's id cannot be taken again for this long
BATCH = 500
_decode_token = msgspec.json.Decoder(Token).decode
_encode = msgspec.json.Encoder().encode


class Rotated(msgspec.Struct, frozen=True):
    """What ``rotate-key`` prints, once: the only time the new key is shown."""

    id: str
    api_key: str
    old_key_valid_for_seconds: int


class Deleted(msgspec.Struct, frozen=True):
    id: str
    keys: int
    queued: int
    tokens: int
    held_until: float


async def _site(sites: Sites, site_id: str) -> Site:
    site = await sites.get(site_id, fresh=True)
    if site is None:
        raise NotFound(f"no site {site_id!r}")
    return site


async def update(
    sites: Sites,
    site_id: str,
    *,
    name: str | None = None,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
) -> Site:
    """Rename the site, and add or remove the page origins that may read its widgets."""
    site = await _site(sites, site_id)
    origins = tuple(o for o in dict.fromkeys((*site.origins, *add)) if o not in set(remove))
    changed = msgspec.structs.replace(site, name=name or site.name, origins=origins)
    await sites.save(changed)
    return changed


async def rotate_key(redis: Redis, sites: Sites, site_id: str, grace_seconds: int) -> Rotated:
    """A new API key; the old one keeps working for ``grace_seconds``, then never again."""
    site = await _site(sites, site_id)
    api_key = new_api_key()
    pipe = redis.pipeline(transaction=True)
    pipe.hset(schema.API_KEYS, hash_api_key(api_key), site.id)
    pipe.zadd(schema.RETIRING_API_KEYS, {site.api_key_hash: time.time() + grace_seconds})
    await pipe.execute()
    await sites.save(msgspec.structs.replace(site, api_key_hash=hash_api_key(api_key)))
    return Rotated(site.id, api_key, grace_seconds)


async def delete(
    redis: Redis, sites: Sites, site_id: str, progress: Callable[[int], None] = lambda n: None
) -> Deleted:
    """Close the site at once (its record, API keys, id), then delete its keys in batches."""
    site = await _site(sites, site_id)
    site_keys = sites.keys_for(site.id)
    held_until = time.time() + HOLD_SECONDS
    digests = [site.api_key_hash, *await _api_keys_of(redis, site.id)]
    pipe = redis.pipeline(transaction=True)
    pipe.set(schema.deleted_site(site.id), "1", ex=HOLD_SECONDS)
    pipe.srem(schema.SITES, site.id)
    pipe.hdel(schema.API_KEYS, *digests)
    pipe.zrem(schema.RETIRING_API_KEYS, *digests)
    pipe.delete(site_keys.site)
    await pipe.execute()
    deleted = 1
    batch: list[str] = []
    async for key in redis.scan_iter(match=f"{site_keys.prefix}:*", count=BATCH):
        batch.append(text(key))
        if len(batch) == BATCH:
            deleted += await redis.unlink(*batch)
            batch.clear()
            progress(deleted)
    if batch:
        deleted += await redis.unlink(*batch)
    progress(deleted)
    queued = await _forget_queued(redis, site_keys.queue, site.id)
    return Deleted(site.id, deleted, queued, await _drop_from_tokens(redis, site.id), held_until)


async def _api_keys_of(redis: Redis, site_id: str) -> list[str]:
    """Every key hash of the site, rotated-out ones included."""
    owned = site_id.encode()
    return [
        text(digest)
        async for digest, owner in redis.hscan_iter(schema.API_KEYS, count=BATCH)
        if owner == owned
    ]


async def _forget_queued(redis: Redis, queue: str, site_id: str) -> int:
    """Acknowledge and drop the site's queue entries: there is nothing left to decide."""
    gone, start, owner = 0, "-", site_id.encode()
    while chunk := await redis.xrange(queue, start, "+", count=BATCH):
        mine = [text(entry) for entry, fields in chunk if (fields or {}).get(b"s") == owner]
        if mine:
            await redis.xack(queue, schema.GROUP, *mine)
            gone += await redis.xdel(queue, *mine)
        start = f"({text(chunk[-1][0])}"
    return gone


async def _drop_from_tokens(redis: Redis, site_id: str) -> int:
    """Moderator tokens stop covering the site, so they never cover a later one of that id."""
    changed = 0
    async for digest, raw in redis.hscan_iter(schema.TOKENS, count=BATCH):
        token = _decode_token(raw)
        if site_id in token.sites:
            kept = tuple(s for s in token.sites if s != site_id)
            await redis.hset(
                schema.TOKENS, digest, _encode(msgspec.structs.replace(token, sites=kept))
            )
            changed += 1
    return changed
