"""Deliveries waiting to be made: one member per (site, endpoint, event), scored by when due.

The deliverer fans each site's new events out to its endpoints (``fanout.lua``: cursor and
schedule move together), leases what is due (``claim.lua``), and finishes each delivery by
removing it or scheduling its next attempt. A lease that runs out makes it due again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from moderation.store import keys
from moderation.store.client import Redis, text
from moderation.store.keys import SiteKeys
from moderation.store.scripts import CLAIM, FANOUT, Call


@dataclasses.dataclass(frozen=True, slots=True)
class Due:
    shard: int
    site: str
    endpoint: str
    event: str

    @property
    def member(self) -> str:
        return f"{self.site} {self.endpoint} {self.event}"


def parse(shard: int, member: object) -> Due:
    site, endpoint, event = text(member).split(" ")
    return Due(shard, site, endpoint, event)


def fanout_call(
    *, keys: SiteKeys, expected: str, cursor: str, now_ms: int, deliveries: Sequence[Due]
) -> Call:
    return FANOUT.call(
        cursor=keys.events_cursor,
        due=keys_deliveries(keys),
        events=keys.events,
        new_events=keys.new_events,
        expected=expected,
        last=cursor,
        now=now_ms,
        site_id=keys.site_id,
        members=[d.member for d in deliveries],
    )


def keys_deliveries(site: SiteKeys) -> str:
    return keys.deliveries(site.shard)


def claim_call(*, shard: int, now_ms: int, lease_ms: int, limit: int) -> Call:
    return CLAIM.call(
        due=keys.deliveries(shard), now=now_ms, leased_to=now_ms + lease_ms, limit=limit
    )


class Outbox:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def sites(self, shard: int) -> list[str]:
        """Sites with events not yet fanned out (decide.lua adds them, fanout.lua removes)."""
        return sorted(text(s) for s in await self._redis.smembers(keys.new_events(shard)))

    async def cursor(self, site: SiteKeys) -> str:
        raw = await self._redis.get(site.events_cursor)
        return text(raw) if raw is not None else ""

    async def fan_out(
        self, site: SiteKeys, expected: str, cursor: str, now_ms: int, due: Sequence[Due]
    ) -> bool:
        call = fanout_call(
            keys=site, expected=expected, cursor=cursor, now_ms=now_ms, deliveries=due
        )
        return bool(await call(self._redis))

    async def claim(self, shard: int, now_ms: int, lease_ms: int, limit: int) -> list[Due]:
        call = claim_call(shard=shard, now_ms=now_ms, lease_ms=lease_ms, limit=limit)
        return [parse(shard, m) for m in await call(self._redis)]

    async def schedule(self, due: Sequence[Due], at_ms: int) -> None:
        """Make deliveries due at ``at_ms`` (``replay``), from their first attempt."""
        pipe = self._redis.pipeline(transaction=False)
        for d in due:
            pipe.zadd(keys.deliveries(d.shard), {d.member: at_ms})
            pipe.hdel(keys.delivery_attempts(d.shard), d.member)
        await pipe.execute()

    async def done(self, due: Due) -> None:
        pipe = self._redis.pipeline(transaction=True)
        pipe.zrem(keys.deliveries(due.shard), due.member)
        pipe.hdel(keys.delivery_attempts(due.shard), due.member)
        await pipe.execute()

    async def failed(self, due: Due) -> int:
        """Count a failed attempt; how many have failed so far."""
        return int(await self._redis.hincrby(keys.delivery_attempts(due.shard), due.member, 1))

    async def retry(self, due: Due, at_ms: int) -> None:
        await self._redis.zadd(keys.deliveries(due.shard), {due.member: at_ms}, xx=True)
