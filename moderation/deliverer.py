"""The deliverer role: each site's new events → its endpoints, retried on a schedule.

A separate role (``moderation deliverer``, also inside ``serve``) so a slow host never slows
moderation. Deliveries are at least once: a delivery is leased while in flight, and one whose
deliverer died comes due again when the lease runs out, under the same ``webhook-id``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import random
import time
from types import TracebackType

from prometheus_client import start_http_server
from redis.exceptions import RedisError

from moderation import outbound, ssrf
from moderation.metrics import Metrics
from moderation.settings import Settings, SettingsError
from moderation.store import events, stats
from moderation.store.client import Redis, connect
from moderation.store.endpoints import Endpoints, Loaded
from moderation.store.events import EventType, FeedItem
from moderation.store.keys import SiteKeys
from moderation.store.outbox import Due, Outbox
from moderation.webhooks import Attempt, Guard, Outcome, Sender

log = logging.getLogger("moderation.deliverer")

BATCH = 500  # events fanned out, or deliveries claimed, per shard and round
IN_FLIGHT = 64  # deliveries under way at once per deliverer
LEASE_MARGIN = 2.0  # seconds a lease outlasts the delivery timeout
MAX_RETRY_AFTER = 24 * 3600.0  # a host's Retry-After is honoured up to a day
DUE_SAMPLE_SECONDS = 1.0  # the gauge of deliveries due is read this often, not every poll


def schedule(settings: Settings) -> tuple[float, ...]:
    """``MODERATION_EVENTS_RETRY_SECONDS`` as delays, one per attempt."""
    try:
        delays = tuple(float(d) for d in settings.events_retry_seconds.split(","))
    except ValueError:
        delays = ()
    if not delays or any(d < 0 for d in delays):
        raise SettingsError(
            "MODERATION_EVENTS_RETRY_SECONDS must be comma-separated seconds, e.g. 0,5,300"
        )
    return delays


def jitter(seconds: float) -> float:
    return seconds * random.uniform(0.9, 1.1)


class Deliverer:
    """``async with Deliverer(settings, url) as d: await d.run()``; ``run_once`` drains."""

    def __init__(
        self,
        settings: Settings,
        redis_url: str,
        *,
        resolver: ssrf.Resolver = ssrf.system_resolver,
        metrics: Metrics | None = None,
        metrics_port: int | None = None,
    ) -> None:
        self.settings = settings
        self.metrics_port = metrics_port
        self.redis_url = redis_url
        self.metrics = metrics or Metrics()
        self.schedule = schedule(settings)
        self.guard = Guard(
            resolver=resolver,
            allow_http=settings.events_allow_http,
            allow_private=settings.events_allow_private_networks,
        )
        self._stopping = asyncio.Event()
        self._slots = asyncio.Semaphore(IN_FLIGHT)
        self._tasks: set[asyncio.Task[None]] = set()
        self._due_sampled = -math.inf  # monotonic time of the last sample of the gauge

    async def __aenter__(self) -> Deliverer:
        s = self.settings
        self.redis: Redis = connect(self.redis_url, cluster=s.redis_cluster)
        # The Sender puts one deadline on the whole exchange; the client bounds each phase.
        self.http = outbound.client(s.events_timeout_seconds)
        self.sender = Sender(self.http, self.guard, s.events_timeout_seconds)
        self.endpoints = Endpoints(
            self.redis, s.shards, secret_grace_seconds=s.secret_grace_seconds
        )
        self.outbox = Outbox(self.redis)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.http.aclose()
        await self.redis.aclose()

    def stop(self) -> None:
        self._stopping.set()

    @property
    def lease_ms(self) -> int:
        return int((self.settings.events_timeout_seconds + LEASE_MARGIN) * 1000)

    async def run(self) -> None:
        log.info("deliverer watching %d shards", self.settings.shards)
        # Bound before the first round: a port in use stops the deliverer with its error.
        served = None
        if self.metrics_port is not None:
            served = start_http_server(self.metrics_port, registry=self.metrics.registry)
        try:
            while not self._stopping.is_set():
                for shard in range(self.settings.shards):
                    try:
                        await self.fan_out(shard)
                        await self._start_due(shard)
                    except (RedisError, OSError) as exc:  # the next round retries
                        log.warning("deliverer shard %d: %r", shard, exc)
                try:
                    await self._sample_due()
                except (RedisError, OSError) as exc:  # a later round samples again
                    log.warning("deliverer gauge: %r", exc)
                with contextlib.suppress(TimeoutError):
                    poll = self.settings.events_poll_seconds
                    await asyncio.wait_for(self._stopping.wait(), poll)
            await asyncio.gather(*self._tasks, return_exceptions=True)
        finally:
            if served is not None:
                server, _ = served
                server.shutdown()
                server.server_close()

    async def run_once(self) -> int:
        """Burst mode: fan out every new event and make every due delivery, concurrently."""
        done = 0
        for shard in range(self.settings.shards):
            await self.fan_out(shard)
            # no more than can be in flight at once, so none waits out its lease for a slot
            claimed = await self.outbox.claim(shard, _now_ms(), self.lease_ms, IN_FLIGHT)
            await asyncio.gather(*(self.deliver(d) for d in claimed))
            done += len(claimed)
        return done

    async def _sample_due(self) -> None:
        """Set the gauge of deliveries due, at most once per ``DUE_SAMPLE_SECONDS``."""
        now = time.monotonic()
        if now - self._due_sampled < DUE_SAMPLE_SECONDS:
            return
        self._due_sampled = now
        for shard, due in enumerate(await stats.deliveries_due(self.redis, self.settings.shards)):
            self.metrics.deliveries_due.labels(str(shard)).set(due)

    async def _start_due(self, shard: int) -> None:
        free = IN_FLIGHT - len(self._tasks)
        if free <= 0:
            return
        for due in await self.outbox.claim(shard, _now_ms(), self.lease_ms, min(free, BATCH)):
            task = asyncio.create_task(self.deliver(due))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def fan_out(self, shard: int) -> int:
        """Schedule each site's new events since its cursor for the endpoints that want them
        (only sites with new events are looked at: decide.lua marks them)."""
        scheduled = 0
        for site_id in await self.outbox.sites(shard):
            keys = SiteKeys(site_id, self.settings.shards)
            cursor = await self.outbox.cursor(keys)
            items = await events.page(self.redis, keys, cursor or None, BATCH)
            if not items:  # caught up: the script takes the site off the to-do set
                await self.outbox.fan_out(keys, cursor, "", _now_ms(), ())
                continue
            targets = [e for e in await self.endpoints.all(site_id) if not e.disabled]
            due = [
                Due(shard, site_id, e.endpoint.id, item.id)
                for item in items
                for e in targets
                if _wants(e, item)
            ]
            if await self.outbox.fan_out(keys, cursor, items[-1].id, _now_ms(), due):
                scheduled += len(due)
        return scheduled

    async def deliver(self, due: Due) -> None:
        try:
            await self._deliver(due)
        except Exception as exc:  # the per-delivery boundary: the lease brings it back
            log.warning("delivery %s failed before an answer: %r", due.member, exc)

    async def _deliver(self, due: Due) -> None:
        loaded = await self.endpoints.load(due.site, due.endpoint)
        keys = SiteKeys(due.site, self.settings.shards)
        item = await events.get(self.redis, keys, due.event) if loaded else None
        if loaded is None or item is None:  # the endpoint was removed, or the event expired
            await self.outbox.done(due)
            return
        if loaded.disabled:
            await self._dead(due, "endpoint disabled")
            return
        async with self._slots:
            attempt = await self.sender.send(
                loaded.endpoint.url,
                loaded.endpoint.signing_keys(time.time()),
                events.webhook_id(due.site, item.id),
                events.body(item),
            )
        self.metrics.event_deliveries.labels(attempt.outcome.value).inc()
        self.metrics.event_delivery_seconds.observe(attempt.seconds)
        await self._settle(due, loaded, attempt)

    async def _settle(self, due: Due, loaded: Loaded, attempt: Attempt) -> None:
        if attempt.outcome is Outcome.DELIVERED:
            await self.endpoints.succeeded(due.site, due.endpoint, attempt.summary)
            attempts = await self.outbox.failed(due)
            self.metrics.event_attempts.observe(attempts)
            await self.outbox.done(due)
            return
        if attempt.outcome is Outcome.GONE:
            await self._disable(due, "the endpoint answered 410 Gone")
            await self._dead(due, attempt.summary)
            return
        now = time.time()
        since = await self.endpoints.failed(due.site, due.endpoint, attempt.summary, now)
        failures = await self.outbox.failed(due)
        if now - since >= self.settings.events_disable_after_seconds:
            await self._disable(due, f"failing for {now - since:.0f}s: {attempt.summary}")
            await self._dead(due, attempt.summary)
        elif failures >= len(self.schedule):
            self.metrics.event_attempts.observe(failures)
            await self._dead(due, attempt.summary)
        else:
            delay = jitter(self.schedule[failures])
            if attempt.retry_after is not None:  # the host said when: wait at least that long
                delay = max(delay, min(attempt.retry_after, MAX_RETRY_AFTER))
            await self.outbox.retry(due, _now_ms() + int(delay * 1000))
        log.info("delivery %s: %s (attempt %d)", due.member, attempt.summary, failures)

    async def _disable(self, due: Due, reason: str) -> None:
        days = self.settings.events_retention_days
        if await self.endpoints.disable(due.site, due.endpoint, reason, days):
            self.metrics.endpoints_disabled.inc()
            log.warning("endpoint %s/%s disabled: %s", due.site, due.endpoint, reason)

    async def _dead(self, due: Due, error: str) -> None:
        await self.endpoints.dead_letter(due.site, due.endpoint, due.event, error)
        await self.outbox.done(due)
        self.metrics.event_deliveries.labels("dead_lettered").inc()


def _wants(loaded: Loaded, item: FeedItem) -> bool:
    if item.type is EventType.ENDPOINT_DISABLED and item.data.endpoint == loaded.endpoint.id:
        return False  # tell the others, not the one that was disabled
    return loaded.endpoint.wants(item.type)


def _now_ms() -> int:
    return int(time.time() * 1000)
