"""Workers' heartbeats in Redis: a key with a TTL per worker, and a zset to list them."""

from __future__ import annotations

import time

import msgspec

from moderation.store import keys
from moderation.store.client import Redis, text


class Beat(msgspec.Struct, frozen=True):
    consumer: str
    host: str
    pid: int
    at_ms: int


async def record(redis: Redis, beat: Beat, ttl_seconds: float) -> None:
    """One round trip: the worker's key (expiring) and its entry in the workers zset."""
    ttl_ms = max(1, int(ttl_seconds * 1000))
    pipe = redis.pipeline(transaction=False)
    pipe.set(keys.worker(beat.consumer), msgspec.json.encode(beat), px=ttl_ms)
    pipe.zadd(keys.WORKERS, {beat.consumer: beat.at_ms + ttl_ms})
    pipe.zremrangebyscore(keys.WORKERS, 0, beat.at_ms)  # forget workers gone silent
    await pipe.execute()


async def alive(redis: Redis) -> list[str]:
    """Consumer names whose heartbeat has not expired."""
    now_ms = int(time.time() * 1000)
    names = await redis.zrangebyscore(keys.WORKERS, now_ms, "+inf")
    return sorted(text(name) for name in names)
