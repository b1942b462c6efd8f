"""Prometheus metrics of one process: intake answers, decisions, dead letters, queue depth.

Counters count what this process did; gauges (lag, pending, held backlog, …) show the store
as read at the last scrape (``observe``), the same from every process.
"""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from moderation.models import Decision
from moderation.store.stats import Snapshot

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


class Metrics:
    """One registry per process (``serve`` shares it between its API and worker)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.intake = Counter(
            "moderation_intake_total",
            "Comments answered 2xx by intake, by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self.problems = Counter(
            "moderation_http_problems_total",
            "Problem responses, by status",
            ["status"],
            registry=self.registry,
        )
        self.decisions = Counter(
            "moderation_decisions_total",
            "Automatic decisions applied, by status",
            ["status"],
            registry=self.registry,
        )
        self.dead_letters = Counter(
            "moderation_dead_letters_total",
            "Messages moved to a dead-letter stream",
            registry=self.registry,
        )
        self.batch_seconds = Histogram(
            "moderation_worker_batch_seconds",
            "Time to decide one batch",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
            registry=self.registry,
        )
        self.redis_errors = Counter(
            "moderation_redis_errors_total",
            "Store errors met by this process, by exception kind",
            ["kind"],
            registry=self.registry,
        )
        self.loop_errors = Counter(
            "moderation_worker_loop_errors_total",
            "Unexpected (non-store) errors a worker loop survived, by loop",
            ["loop"],
            registry=self.registry,
        )

        self.event_deliveries = Counter(
            "moderation_event_deliveries_total",
            "Webhook delivery attempts, by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self.event_delivery_seconds = Histogram(
            "moderation_event_delivery_seconds",
            "Time from connect to the receiver's answer (or the timeout)",
            buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 15.0),
            registry=self.registry,
        )
        self.event_attempts = Histogram(
            "moderation_event_attempts",
            "Attempts an event took to be delivered or dead-lettered",
            buckets=(1, 2, 3, 4, 5, 6, 7, 8, 10, 15),
            registry=self.registry,
        )
        self.endpoints_disabled = Counter(
            "moderation_endpoints_disabled_total",
            "Endpoints disabled (410 Gone, or failing too long)",
            registry=self.registry,
        )

        self._counters_of_decisions()
        self._gauges_of_the_store()

    def _counters_of_decisions(self) -> None:
        self.reasons = Counter(
            "moderation_decision_reasons_total",
            "Reasons given by automatic decisions, by filter and rule family (the rule's prefix)",
            ["filter", "family"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "moderation_intake_to_decision_seconds",
            "Time from a comment's acceptance (its queue entry) to its automatic decision",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )

    def _gauges_of_the_store(self) -> None:
        def gauge(name: str, help: str, *labels: str) -> Gauge:
            return Gauge(name, help, labels, registry=self.registry)

        self.lag = gauge("moderation_queue_lag", "Entries not yet delivered to a worker", "shard")
        self.pending = gauge(
            "moderation_queue_pending", "Entries delivered but not yet acknowledged", "shard"
        )
        self.oldest_pending = gauge(
            "moderation_queue_oldest_pending_seconds",
            "Age of the oldest delivered, unacknowledged entry",
            "shard",
        )
        self.dead = gauge(
            "moderation_dead_letter_entries", "Entries in the dead-letter stream", "shard"
        )
        self.held = gauge("moderation_held_comments", "Comments waiting for a moderator", "site")
        self.oldest_held = gauge(
            "moderation_oldest_held_seconds", "Age of the oldest comment held for review", "site"
        )
        self.workers = gauge("moderation_workers_alive", "Workers with a live heartbeat")
        self.deliveries_due = gauge(
            "moderation_event_deliveries_due",
            "Webhook deliveries scheduled: waiting for their time or in flight",
            "shard",
        )

    def observe(self, snapshot: Snapshot) -> None:
        """Set the store gauges from one read of the store."""
        for shard in snapshot.shards:
            label = str(shard.shard)
            self.lag.labels(label).set(shard.lag)
            self.pending.labels(label).set(shard.pending)
            self.oldest_pending.labels(label).set(shard.oldest_pending_seconds)
            self.dead.labels(label).set(shard.dead)
        self.held.clear()
        self.oldest_held.clear()
        for site in snapshot.sites:
            self.held.labels(site.site).set(site.held)
            self.oldest_held.labels(site.site).set(site.oldest_held_seconds)
        self.workers.set(snapshot.workers)

    def decided(self, decision: Decision, entry_id: str) -> None:
        """Count an applied automatic decision, its reasons, and its time since intake."""
        self.decisions.labels(decision.status.value).inc()
        for finding in decision.reasons:
            self.reasons.labels(finding.filter.value, finding.rule.split(":", 1)[0]).inc()
        accepted_ms = int(entry_id.split("-", 1)[0])  # a stream id starts with its ms time
        self.latency.observe(max(0.0, time.time() - accepted_ms / 1000))

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
