"""A site's webhook endpoints: where its events go, the secrets that sign them, their state.

The signing secret must be usable for HMAC, so unlike API keys it cannot be kept as a hash:
it is stored as the site's own intake secrets are, readable only by whoever may read the
store (Redis ACLs and TLS are what protect it), and shown to a person only once.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import secrets
from collections.abc import Sequence
from typing import Annotated

import msgspec

from moderation import clock, signing
from moderation.store import events
from moderation.store.client import Redis, text
from moderation.store.events import EventType
from moderation.store.keys import SiteKeys
from moderation.store.sites import SiteSecret, live_keys, rotated

_encode = msgspec.json.Encoder().encode
ENDPOINT_ID = re.compile("ep_[0-9a-f]{16}")
EndpointId = Annotated[
    str, msgspec.Meta(pattern=r"^ep_[0-9a-f]{16}\Z", description="an endpoint id")
]


class State(enum.StrEnum):
    ENABLED = "enabled"
    FAILING = "failing"  # the last attempt failed; disabled after failing for 5 days
    DISABLED = "disabled"  # 410 Gone, or failing too long: no more deliveries


class Endpoint(msgspec.Struct, frozen=True):
    id: str
    url: str
    events: tuple[EventType, ...]  # empty: every type
    secrets: tuple[SiteSecret, ...]
    created_at: str

    def wants(self, kind: EventType) -> bool:
        return not self.events or kind in self.events

    def signing_keys(self, now: float) -> list[bytes]:
        return live_keys(self.secrets, now)


class Status(msgspec.Struct, frozen=True):
    """An endpoint as listed: never its secrets."""

    id: str
    url: str
    events: tuple[EventType, ...]
    created_at: str
    state: State
    disabled_reason: str | None = None
    failing_since: str | None = None
    last: str | None = None  # what the last attempt got
    dead_letters: int = 0


class Registered(msgspec.Struct, frozen=True):
    """What ``endpoints add`` prints, once: the only time the secret is shown."""

    id: str
    url: str
    events: tuple[EventType, ...]
    secret: str


class Rotated(msgspec.Struct, frozen=True):
    id: str
    secret: str
    old_secrets_valid_for_seconds: int


class Loaded(msgspec.Struct, frozen=True):
    endpoint: Endpoint
    disabled: str | None
    failing_since: float | None


_decode = msgspec.json.Decoder(Endpoint).decode


def new_id() -> str:
    return "ep_" + secrets.token_hex(8)


class Endpoints:
    def __init__(self, redis: Redis, shards: int, *, secret_grace_seconds: int) -> None:
        self._redis = redis
        self._shards = shards
        self._grace = secret_grace_seconds

    def keys_for(self, site_id: str) -> SiteKeys:
        return SiteKeys(site_id, self._shards)

    async def add(self, site_id: str, url: str, kinds: Sequence[EventType]) -> Registered:
        k = self.keys_for(site_id)
        secret = signing.new_secret()
        endpoint = Endpoint(
            id=new_id(),
            url=url,
            events=tuple(dict.fromkeys(kinds)),
            secrets=(SiteSecret(secret),),
            created_at=clock.rfc3339(clock.now()),
        )
        # New endpoints hear what happens from now on: start the fan-out at the last event.
        last = await self._redis.xrevrange(k.events, "+", "-", count=1)
        pipe = self._redis.pipeline(transaction=True)
        pipe.set(k.events_cursor, text(last[0][0]) if last else "0-0", nx=True)
        pipe.hset(k.endpoint(endpoint.id), "json", _encode(endpoint))
        pipe.sadd(k.endpoints, endpoint.id)
        await pipe.execute()
        return Registered(endpoint.id, endpoint.url, endpoint.events, secret)

    async def load(self, site_id: str, endpoint_id: str) -> Loaded | None:
        fields = await self._redis.hmget(
            self.keys_for(site_id).endpoint(endpoint_id), ["json", "disabled", "failing_since"]
        )
        raw, disabled, failing = fields
        if raw is None:
            return None
        return Loaded(
            _decode(raw),
            text(disabled) if disabled else None,
            float(failing) if failing else None,
        )

    async def ids(self, site_id: str) -> list[str]:
        return sorted(text(m) for m in await self._redis.smembers(self.keys_for(site_id).endpoints))

    async def all(self, site_id: str) -> list[Loaded]:
        found = [await self.load(site_id, i) for i in await self.ids(site_id)]
        return [e for e in found if e is not None]

    async def statuses(self, site_id: str) -> list[Status]:
        k = self.keys_for(site_id)
        out = []
        for endpoint_id in await self.ids(site_id):
            fields = await self._redis.hmget(
                k.endpoint(endpoint_id), ["json", "disabled", "failing_since", "last"]
            )
            if fields[0] is None:
                continue
            out.append(_status(fields, await self._redis.xlen(k.endpoint_dead(endpoint_id))))
        return out

    async def remove(self, site_id: str, endpoint_id: str) -> bool:
        k = self.keys_for(site_id)
        pipe = self._redis.pipeline(transaction=True)
        pipe.srem(k.endpoints, endpoint_id)
        pipe.delete(k.endpoint(endpoint_id), k.endpoint_dead(endpoint_id))
        removed, _ = await pipe.execute()
        return bool(removed)

    async def rotate_secret(self, site_id: str, endpoint_id: str) -> Rotated | None:
        """A new secret; the old ones keep signing beside it for the grace period."""
        loaded = await self.load(site_id, endpoint_id)
        if loaded is None:
            return None
        secret = signing.new_secret()
        held = rotated(loaded.endpoint.secrets, secret, self._grace)
        endpoint = msgspec.structs.replace(loaded.endpoint, secrets=held)
        await self._redis.hset(
            self.keys_for(site_id).endpoint(endpoint_id), "json", _encode(endpoint)
        )
        return Rotated(endpoint_id, secret, self._grace)

    async def succeeded(self, site_id: str, endpoint_id: str, last: str) -> None:
        key = self.keys_for(site_id).endpoint(endpoint_id)
        pipe = self._redis.pipeline(transaction=True)
        pipe.hdel(key, "failing_since")
        pipe.hset(key, "last", last)
        await pipe.execute()

    async def failed(self, site_id: str, endpoint_id: str, last: str, now: float) -> float:
        """Record a failure; the time the endpoint has been failing since."""
        key = self.keys_for(site_id).endpoint(endpoint_id)
        pipe = self._redis.pipeline(transaction=True)
        pipe.hsetnx(key, "failing_since", repr(now))
        pipe.hset(key, "last", last)
        pipe.hget(key, "failing_since")
        _, _, since = await pipe.execute()
        return float(since) if since else now

    async def disable(self, site_id: str, endpoint_id: str, reason: str, keep_days: int) -> bool:
        """Disable once (``False`` if it already was) and tell the site's other endpoints."""
        k = self.keys_for(site_id)
        if not await self._redis.hsetnx(k.endpoint(endpoint_id), "disabled", reason):
            return False
        data = events.EventData(
            id=endpoint_id, thread="", status=State.DISABLED, endpoint=endpoint_id, detail=reason
        )
        at = clock.rfc3339(clock.now())
        await events.append(self._redis, k, EventType.ENDPOINT_DISABLED, data, at, keep_days)
        return True

    async def enable(self, site_id: str, endpoint_id: str) -> None:
        """Deliver again (``replay``): the disabled and failing marks are cleared."""
        await self._redis.hdel(
            self.keys_for(site_id).endpoint(endpoint_id), "disabled", "failing_since"
        )

    async def dead_letter(self, site_id: str, endpoint_id: str, event_id: str, error: str) -> None:
        await self._redis.xadd(
            self.keys_for(site_id).endpoint_dead(endpoint_id), {"e": event_id, "error": error}
        )


def _status(fields: Sequence[object], dead: int) -> Status:
    raw, disabled, failing, last = fields
    assert isinstance(raw, bytes)
    endpoint = _decode(raw)
    state = State.DISABLED if disabled else State.FAILING if failing else State.ENABLED
    return Status(
        id=endpoint.id,
        url=endpoint.url,
        events=endpoint.events,
        created_at=endpoint.created_at,
        state=state,
        disabled_reason=text(disabled) if isinstance(disabled, bytes) else None,
        failing_since=(
            clock.rfc3339(dt.datetime.fromtimestamp(float(failing), dt.UTC))
            if isinstance(failing, bytes)
            else None
        ),
        last=text(last) if isinstance(last, bytes) else None,
        dead_letters=dead,
    )
