"""Prometheus metrics of one process: intake answers, decisions, dead letters, queue depth."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


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
        self.queue_entries = Gauge(
            "moderation_queue_entries",
            "Entries in the queue and dead-letter streams",
            ["stream"],
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

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
