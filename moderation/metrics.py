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

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
