"""What the metrics show about the store, read in one pipelined round trip per scrape:
per shard the group's lag and pending count, the oldest pending entry, dead letters; per site
the held backlog and its oldest comment; workers with a live heartbeat. Apart, for the
deliverer: webhook deliveries due per shard, also in one round trip.

The site list comes from the previous scrape's answer (read with the rest), so only the
first scrape of a process costs a second round trip.
"""

from __future__ import annotations

import time
from typing import Any

import msgspec

from moderation import ids
from moderation.models import Status
from moderation.store import keys
from moderation.store.client import Redis, text


class Shard(msgspec.Struct, frozen=True):
    shard: int
    lag: int  # entries not yet delivered to any worker (-1: the store cannot tell)
    pending: int  # delivered, not yet acknowledged
    oldest_pending_seconds: float
    dead: int


class Site(msgspec.Struct, frozen=True):
    site: str
    held: int
    oldest_held_seconds: float


class Snapshot(msgspec.Struct, frozen=True):
    shards: list[Shard]
    sites: list[Site]
    workers: int


class Stats:
    def __init__(self, redis: Redis, shards: int) -> None:
        self._redis, self._shards = redis, shards
        self._sites: list[str] | None = None

    async def read(self) -> Snapshot:
        if self._sites is None:
            self._sites = sorted(text(s) for s in await self._redis.smembers(keys.SITES))
        sites, now_ms = self._sites, int(time.time() * 1000)
        pipe = self._redis.pipeline(transaction=False)
        for shard in range(self._shards):
            pipe.xinfo_groups(keys.queue(shard))
            pipe.xpending(keys.queue(shard), keys.GROUP)
            pipe.xlen(keys.dead_letters(shard))
        for site in sites:
            held = keys.SiteKeys(site, self._shards).by_status(Status.HELD)
            pipe.zcard(held)
            pipe.zrange(held, 0, 0)
        pipe.smembers(keys.SITES)
        pipe.zcount(keys.WORKERS, now_ms, "+inf")
        replies: list[Any] = await pipe.execute(raise_on_error=False)
        *replies, members, workers = replies
        self._sites = sorted(text(s) for s in members) if isinstance(members, set) else sites
        per_shard, per_site = replies[: 3 * self._shards], replies[3 * self._shards :]
        return Snapshot(
            shards=[_shard(n, per_shard[3 * n : 3 * n + 3], now_ms) for n in range(self._shards)],
            sites=[_site(s, per_site[2 * i : 2 * i + 2], now_ms) for i, s in enumerate(sites)],
            workers=workers if isinstance(workers, int) else 0,
        )


async def deliveries_due(redis: Redis, shards: int) -> list[int]:
    """Webhook deliveries scheduled on each shard, waiting for their time or in flight."""
    pipe = redis.pipeline(transaction=False)
    for shard in range(shards):
        pipe.zcard(keys.deliveries(shard))
    return [int(n) for n in await pipe.execute()]


def _shard(shard: int, replies: list[Any], now_ms: int) -> Shard:
    groups, pending, dead = replies
    listed = groups if isinstance(groups, list) else []
    group: dict[str, Any] = next((g for g in listed if text(g["name"]) == keys.GROUP), {})
    lag = group.get("lag")
    summary = pending if isinstance(pending, dict) else {}
    oldest = summary.get("min")
    return Shard(
        shard=shard,
        lag=lag if isinstance(lag, int) else -1,
        pending=int(summary.get("pending") or 0),
        oldest_pending_seconds=_age(now_ms, int(text(oldest).split("-")[0])) if oldest else 0.0,
        dead=dead if isinstance(dead, int) else 0,
    )


def _site(site: str, replies: list[Any], now_ms: int) -> Site:
    held, oldest = replies
    first = text(oldest[0]) if isinstance(oldest, list) and oldest else ""
    return Site(
        site=site,
        held=held if isinstance(held, int) else 0,
        oldest_held_seconds=_age(now_ms, ids.millis(first)) if first else 0.0,
    )


def _age(now_ms: int, then_ms: int) -> float:
    return max(0.0, (now_ms - then_ms) / 1000)
