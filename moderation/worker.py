"""The moderating worker: queue → pipeline → decision, at least once, applied exactly once."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Sequence
from types import TracebackType
from typing import Any

from redis.exceptions import RedisError

from moderation import clock
from moderation.filters.context import Context, Signals
from moderation.filters.normalise import normalise
from moderation.filters.pipeline import Pipeline
from moderation.filters.text import Text
from moderation.metrics import Metrics
from moderation.models import Status
from moderation.settings import Settings
from moderation.store import retention
from moderation.store.client import Redis, connect
from moderation.store.comments import Outcome, Store, Stored, Transition, decode_stored
from moderation.store.keys import SiteKeys
from moderation.store.queue import Delivery, Queue
from moderation.store.scripts import Scripts
from moderation.store.signals import gather as gather_signals
from moderation.store.sites import Sites

log = logging.getLogger("moderation.worker")


def consumer_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


class Worker:
    """``async with Worker(settings, url) as worker: await worker.run()``; ``run_once`` drains."""

    def __init__(
        self,
        settings: Settings,
        redis_url: str,
        pipeline: Pipeline | None = None,
        metrics: Metrics | None = None,
    ):
        self.settings = settings
        self.redis_url = redis_url
        self.pipeline = pipeline or Pipeline.default()
        self.metrics = metrics or Metrics()
        self.consumer = consumer_name()
        self._stopping = asyncio.Event()

    async def __aenter__(self) -> Worker:
        self.redis: Redis = connect(self.redis_url, cluster=self.settings.redis_cluster)
        self.scripts = Scripts()
        self.queue = Queue(self.redis, self.settings.shards)
        await self.queue.prepare()
        self.sites = Sites(self.redis, self.settings)
        self.store = Store(
            self.redis,
            self.scripts,
            idempotency_ttl=self.settings.idempotency_ttl_seconds,
            recent_size=self.settings.recent_size,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.redis.aclose()

    def stop(self) -> None:
        """Finish the batch in hand, then return from ``run``; unread work stays queued."""
        self._stopping.set()

    async def run(self) -> None:
        log.info("worker %s consuming %d shards", self.consumer, self.queue.shards)
        reclaimer = asyncio.create_task(self._reclaim_forever())
        sweeper = asyncio.create_task(self._sweep_forever())
        try:
            # Each consumer returns after the batch in hand once ``stop`` is called.
            await asyncio.gather(*(self._consume(s) for s in range(self.queue.shards)))
        finally:
            reclaimer.cancel()
            sweeper.cancel()
            await asyncio.gather(reclaimer, sweeper, return_exceptions=True)
        log.info("worker %s stopped", self.consumer)

    async def run_once(self, *, claim_idle_ms: int | None = None) -> int:
        """Burst mode: reclaim what is due, then drain every shard without blocking."""
        idle = self.settings.claim_idle_ms if claim_idle_ms is None else claim_idle_ms
        done = 0
        for shard in range(self.queue.shards):
            done += await self.handle(
                await self.queue.reclaim(shard, self.consumer, idle, self.settings.batch_size)
            )
            while batch := await self.queue.read(
                shard, self.consumer, self.settings.batch_size, None
            ):
                done += await self.handle(batch)
        return done

    async def _consume(self, shard: int) -> None:
        backoff = 0.1
        while not self._stopping.is_set():
            try:
                batch = await self.queue.read(
                    shard, self.consumer, self.settings.batch_size, self.settings.block_ms
                )
                await self.handle(batch)
                backoff = 0.1
            except RedisError as exc:
                # Unacknowledged entries stay pending and are reclaimed; nothing is lost.
                log.warning("shard %d: store error %r; retrying in %.1fs", shard, exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def _reclaim_forever(self) -> None:
        while True:
            await asyncio.sleep(self.settings.claim_interval_seconds)
            for shard in range(self.queue.shards):
                try:
                    batch = await self.queue.reclaim(
                        shard, self.consumer, self.settings.claim_idle_ms, self.settings.batch_size
                    )
                    await self.handle(batch)
                except RedisError as exc:
                    log.warning("reclaim on shard %d failed: %r", shard, exc)

    async def _sweep_forever(self) -> None:
        """The retention sweep (``store/retention.py``), when this worker holds the lead."""
        every = self.settings.retention_interval_seconds
        while True:
            try:
                if await retention.lead(self.redis, self.consumer, every):
                    swept = await retention.sweep(
                        self.redis, self.scripts, self.settings, clock.now()
                    )
                    log.info("retention sweep: %s", [s for s in swept if s.changed])
            except RedisError as exc:
                log.warning("retention sweep failed: %r", exc)
            await asyncio.sleep(every)

    async def handle(self, batch: Sequence[Delivery]) -> int:
        """Decide a batch in two round trips: read the records, then apply every decision."""
        if not batch:
            return 0
        with self.metrics.batch_seconds.time():
            return await self._handle(batch)

    async def _handle(self, batch: Sequence[Delivery]) -> int:
        raw = await self.store.raw_records(
            [(self.sites.keys_for(d.site), d.comment_id) for d in batch]
        )
        found: list[tuple[Delivery, Stored]] = []
        for delivery, fields in zip(batch, raw, strict=True):
            if record := await self._decode(delivery, fields):
                found.append((delivery, record))
        texts = [normalise(r.comment.body) for _, r in found]  # shared by signals and pipeline
        signals = await gather_signals(
            self.redis, [(self.sites.keys_for(d.site), r.comment) for d, r in found], texts=texts
        )
        changes: list[tuple[SiteKeys, Transition]] = []
        for (delivery, record), signal, text in zip(found, signals, texts, strict=True):
            change = await self._decide(delivery, record, signal, text)
            if change is not None:
                changes.append((self.sites.keys_for(delivery.site), change))
        outcomes = await self.store.transitions(changes)
        for (_, change), result in zip(changes, outcomes, strict=True):
            if result.outcome is Outcome.OK:
                self.metrics.decisions.labels(change.new.value).inc()
        return len(changes)

    async def _decode(self, delivery: Delivery, fields: list[Any]) -> Stored | None:
        try:
            record = decode_stored(fields)
            if record is None:
                raise LookupError(f"comment {delivery.site}/{delivery.comment_id} has no record")
        except Exception as exc:  # a missing or corrupt record: retried, then dead-lettered
            await self._failed(delivery, exc)
            return None
        return record

    async def _decide(
        self, delivery: Delivery, record: Stored, signals: Signals, text: Text
    ) -> Transition | None:
        try:
            site = await self.sites.get(delivery.site)
            if site is None:
                raise LookupError(f"site {delivery.site!r} no longer exists")
            context = Context(comment=record.comment, policy=site.policy, signals=signals)
            decision = self.pipeline(context, clock.rfc3339(clock.now()), text)
        except RedisError:
            raise
        except Exception as exc:  # the per-message boundary: retry, then dead-letter; never drop
            await self._failed(delivery, exc)
            return None
        return Transition(
            comment=record.comment,
            old=Status.QUEUED,
            new=decision.status,
            decision=decision,
            entry_id=delivery.entry_id,
        )

    async def _failed(self, delivery: Delivery, exc: Exception) -> None:
        if delivery.deliveries >= self.settings.max_deliveries:
            log.error(
                "dead-lettering %s after %d deliveries: %r",
                delivery.comment_id,
                delivery.deliveries,
                exc,
            )
            await self.queue.dead_letter(delivery, repr(exc))
            self.metrics.dead_letters.inc()
        else:
            log.warning(
                "comment %s failed (delivery %d), will retry: %r",
                delivery.comment_id,
                delivery.deliveries,
                exc,
            )
