"""The moderating worker: queue → pipeline → decision, at least once, applied exactly once."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from types import TracebackType
from typing import Any, NamedTuple
from wsgiref.simple_server import WSGIServer

from prometheus_client import start_http_server
from redis.exceptions import RedisError

from moderation import clock
from moderation.filters.context import Context, Signals
from moderation.filters.normalise import normalise
from moderation.filters.pipeline import Pipeline
from moderation.filters.text import Text
from moderation.heartbeat import Heartbeat
from moderation.loops import Loops
from moderation.metrics import Metrics
from moderation.models import Status
from moderation.settings import Settings, SettingsError
from moderation.store import pseudonyms, retention
from moderation.store.client import Redis, connect
from moderation.store.comments import Outcome, Store, Stored, Transition, decode_stored
from moderation.store.keys import SiteKeys
from moderation.store.queue import Delivery, Queue
from moderation.store.scripts import Call, Scripts
from moderation.store.signals import gather as gather_signals
from moderation.store.sites import Sites
from moderation.store.stats import Stats

log = logging.getLogger("moderation.worker")


class Planned(NamedTuple):
    """One entry's decision, and the ``decide.lua`` call that applies it."""

    keys: SiteKeys
    change: Transition
    call: Call


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
        metrics_port: int | None = None,
    ):
        if not 0 < settings.block_ms / 1000 < settings.redis_socket_timeout_seconds:
            raise SettingsError(  # a read blocking longer would time out every time
                "MODERATION_BLOCK_MS must be over 0 and shorter than"
                " MODERATION_REDIS_SOCKET_TIMEOUT_SECONDS"
            )
        self.settings = settings
        self.metrics_port = metrics_port
        self.redis_url = redis_url
        self.pipeline = pipeline or Pipeline.default()
        self.metrics = metrics or Metrics()
        self.consumer = consumer_name()
        self._stopping = asyncio.Event()
        self._in_flight: dict[int, asyncio.Task[int]] = {}  # shard → its batch being applied

    async def __aenter__(self) -> Worker:
        self.redis: Redis = connect(
            self.redis_url,
            cluster=self.settings.redis_cluster,
            socket_timeout=self.settings.redis_socket_timeout_seconds,
            connect_timeout=self.settings.redis_connect_timeout_seconds,
        )
        self.scripts = Scripts()
        self.queue = Queue(self.redis, self.settings.shards)
        pseudonyms.warn(self.settings)
        self.sites = Sites(self.redis, self.settings)
        self.store = Store(
            self.redis,
            self.scripts,
            idempotency_ttl=self.settings.idempotency_ttl_seconds,
            recent_size=self.settings.recent_size,
            events_retention_days=self.settings.events_retention_days,
        )
        self.loops = Loops(self.metrics, self._stopping)
        self._prepared = False
        try:
            await self._prepare()
        except (RedisError, OSError) as exc:
            # Start anyway (no crash loop while the store is away): ``run`` retries.
            log.warning("store not ready at start: %r", exc)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.redis.aclose()

    async def _prepare(self) -> None:
        if not self._prepared:
            await self.queue.prepare()
            self._prepared = True

    def stop(self) -> None:
        """Finish the batch in hand, then return from ``run``; unread work stays queued."""
        self._stopping.set()

    async def run(self) -> None:
        log.info("worker %s consuming %d shards", self.consumer, self.queue.shards)
        background = []
        if self.metrics_port is not None:
            # Bound before any task starts: a port in use stops the worker with its error.
            served = start_http_server(self.metrics_port, registry=self.metrics.registry)
            background.append(asyncio.create_task(self._serve_metrics(*served)))
        beat = Heartbeat(self.redis, self.settings, self.consumer, self.loops)
        background.append(
            asyncio.create_task(self.loops.forever("heartbeat", beat.beat, pause=beat.interval))
        )
        # Not one of ``self.loops``: it sleeps for an hour, which the heartbeat would call stuck.
        background.append(asyncio.create_task(self._sweep_forever()))
        try:
            await self.loops.until_done("prepare", self._prepare)
            pause = self.settings.claim_interval_seconds
            reclaim = self.loops.forever("reclaim", self._reclaim, pause=pause)
            background.append(asyncio.create_task(reclaim))
            # Each consumer returns after the batch in hand once ``stop`` is called.
            await asyncio.gather(
                *(self.loops.forever(f"shard {s}", self._consumer(s)) for s in self._shards())
            )
        finally:
            # The batches in flight finish (a failed one stays pending and is reclaimed).
            await asyncio.gather(*(self._settle(s) for s in self._shards()), return_exceptions=True)
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)
        log.info("worker %s stopped", self.consumer)

    async def _serve_metrics(self, server: WSGIServer, thread: threading.Thread) -> None:
        """The worker's own /metrics (a thread of prometheus_client), its store gauges
        refreshed every heartbeat."""
        stats = Stats(self.redis, self.settings.shards)

        async def refresh() -> None:
            self.metrics.observe(await stats.read())

        try:
            await self.loops.forever("metrics", refresh, pause=self.settings.heartbeat_seconds)
        finally:
            server.shutdown()
            server.server_close()
            thread.join()

    def _shards(self) -> range:
        return range(self.queue.shards)

    async def run_once(self, *, claim_idle_ms: int | None = None) -> int:
        """Burst mode: reclaim what is due, then drain every shard without blocking."""
        await self._prepare()
        idle = self.settings.claim_idle_ms if claim_idle_ms is None else claim_idle_ms
        done = 0
        for shard in self._shards():
            done += await self.handle(
                await self.queue.reclaim(shard, self.consumer, idle, self.settings.batch_size)
            )
            try:
                while batch := await self.queue.read(
                    shard, self.consumer, self.settings.batch_size, None
                ):
                    done += await self._overlapped(shard, batch)
            finally:
                done += await self._settle(shard)
        return done

    def _consumer(self, shard: int) -> Callable[[], Awaitable[None]]:
        async def step() -> None:
            batch = await self.queue.read(
                shard, self.consumer, self.settings.batch_size, self.settings.block_ms
            )
            if batch:
                await self._overlapped(shard, batch)
            else:
                await self._settle(shard)

        return step

    async def _reclaim(self) -> None:
        for shard in self._shards():
            batch = await self.queue.reclaim(
                shard, self.consumer, self.settings.claim_idle_ms, self.settings.batch_size
            )
            await self.handle(batch)

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
            except Exception as exc:  # a failed sweep is retried next interval, never fatal
                log.warning("retention sweep failed: %s: %s", type(exc).__name__, exc)
            await asyncio.sleep(every)

    async def handle(self, batch: Sequence[Delivery]) -> int:
        """Decide a batch in three round trips: records, signals, then every decision."""
        if not batch:
            return 0
        with self.metrics.batch_seconds.time():
            return await self._apply(await self._plan(batch))

    async def _overlapped(self, shard: int, batch: Sequence[Delivery]) -> int:
        """Plan ``batch`` while the shard's previous batch is being applied, then start
        applying it: at most one batch a shard in flight, so the next read, records and
        signals overlap the decisions' round trip (and the store's fsync). The count is the
        previous batch's, now applied."""
        started = time.perf_counter()
        planned = await self._plan(batch)
        done = await self._settle(shard)
        self._in_flight[shard] = asyncio.create_task(self._timed(planned, started))
        return done

    async def _settle(self, shard: int) -> int:
        """Wait for the shard's batch in flight, if any: how many it decided."""
        task = self._in_flight.pop(shard, None)
        return 0 if task is None else await task

    async def _timed(self, planned: Sequence[Planned], started: float) -> int:
        done = await self._apply(planned)
        self.metrics.batch_seconds.observe(time.perf_counter() - started)
        return done

    async def _plan(self, batch: Sequence[Delivery]) -> list[Planned]:
        """Each entry's decision, ready to apply: records and signals read, pipeline run.

        A malformed entry is dead-lettered at once (no retry can mend it); a batch that fails
        for any reason but the store is planned message by message, so only the culprit fails.
        """
        wellformed = []
        for delivery in batch:
            if delivery.malformed:
                await self._dead_letter(delivery, f"malformed entry: {delivery.malformed}")
            else:
                wellformed.append(delivery)
        return await self._isolating(wellformed)

    async def _apply(self, planned: Sequence[Planned]) -> int:
        """Every decision of a batch in one round trip (one script per shard): each applied
        only if its comment is still queued, and its queue entry acknowledged with it."""
        if not planned:
            return 0
        outcomes = await self.store.apply([(p.keys, p.call) for p in planned])
        for one, result in zip(planned, outcomes, strict=True):
            if result.outcome is Outcome.OK:
                self.metrics.decided(one.change.decision, one.change.entry_id)
        return len(planned)

    async def _isolating(self, batch: Sequence[Delivery]) -> list[Planned]:
        if not batch:
            return []
        try:
            return await self._planned(batch)
        except (RedisError, OSError):
            raise  # the store's fault, not the messages': they stay pending and are retried
        except Exception as exc:  # the per-message boundary: retry, then dead-letter; never drop
            if len(batch) == 1:
                await self._failed(batch[0], exc)
                return []
            return [one for delivery in batch for one in await self._isolating([delivery])]

    async def _planned(self, batch: Sequence[Delivery]) -> list[Planned]:
        raw = await self.store.raw_records(
            [(self.sites.keys_for(d.site), d.comment_id) for d in batch]
        )
        found: list[tuple[Delivery, Stored, Text]] = []
        for delivery, fields in zip(batch, raw, strict=True):
            if read := await self._decode(delivery, fields):
                found.append((delivery, *read))
        # Counted here, once: nothing after this but per-message work can fail the batch,
        # so a batch retried message by message does not count its signals twice.
        signals = await gather_signals(
            self.redis,
            [(self.sites.keys_for(d.site), r.comment) for d, r, _ in found],
            texts=[text for _, _, text in found],
        )
        planned: list[Planned] = []
        for (delivery, record, text), signal in zip(found, signals, strict=True):
            if one := await self._decide(delivery, record, signal, text):
                planned.append(one)
        return planned

    async def _decode(self, delivery: Delivery, fields: list[Any]) -> tuple[Stored, Text] | None:
        try:
            record = decode_stored(fields)
            if record is None:
                raise LookupError(f"comment {delivery.site}/{delivery.comment_id} has no record")
            text = normalise(record.comment.body)  # shared by signals and pipeline
        except Exception as exc:  # a missing or corrupt record: retried, then dead-lettered
            await self._failed(delivery, exc)
            return None
        return record, text

    async def _decide(
        self, delivery: Delivery, record: Stored, signals: Signals, text: Text
    ) -> Planned | None:
        try:
            site = await self.sites.get(delivery.site)
            if site is None:
                raise LookupError(f"site {delivery.site!r} no longer exists")
            context = Context(comment=record.comment, policy=site.policy, signals=signals)
            decision = self.pipeline(context, clock.rfc3339(clock.now()), text)
            change = Transition(
                comment=record.comment,
                old=Status.QUEUED,
                new=decision.status,
                decision=decision,
                entry_id=delivery.entry_id,
            )
            keys = self.sites.keys_for(delivery.site)
            call = self.store.decide_call(keys, change)
        except RedisError:
            raise
        except Exception as exc:  # the per-message boundary: retry, then dead-letter; never drop
            await self._failed(delivery, exc)
            return None
        return Planned(keys, change, call)

    async def _failed(self, delivery: Delivery, exc: Exception) -> None:
        if delivery.deliveries >= self.settings.max_deliveries:
            await self._dead_letter(delivery, f"after {delivery.deliveries} deliveries: {exc!r}")
        else:
            log.warning(
                "comment %s failed (delivery %d), will retry: %r",
                delivery.comment_id,
                delivery.deliveries,
                exc,
                extra={"site": delivery.site, "comment_id": delivery.comment_id},
            )

    async def _dead_letter(self, delivery: Delivery, error: str) -> None:
        log.error(
            "dead-lettering entry %s of shard %d: %s",
            delivery.entry_id,
            delivery.shard,
            error,
            extra={"site": delivery.site, "comment_id": delivery.comment_id},
        )
        await self.queue.dead_letter(delivery, error)
        self.metrics.dead_letters.inc()
