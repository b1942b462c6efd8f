"""Metrics an on-call can alert on: one registry per process, ``serve`` shows both roles, the
worker serves its own on ``--metrics-port``, and every alerting metric exists with help."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import httpx
import pytest
import redis.asyncio as aioredis
from standardwebhooks import Webhook

from moderation.metrics import Metrics
from moderation.settings import Settings
from moderation.worker import Worker
from tests.api.test_metrics import sample
from tests.conftest import Host, comment
from tests.servers import free_port, serving

pytestmark = pytest.mark.anyio

ALERTING = (
    "moderation_queue_lag",
    "moderation_queue_pending",
    "moderation_queue_oldest_pending_seconds",
    "moderation_held_comments",
    "moderation_oldest_held_seconds",
    "moderation_dead_letter_entries",
    "moderation_dead_letters_total",
    "moderation_intake_to_decision_seconds",
    "moderation_decisions_total",
    "moderation_decision_reasons_total",
    "moderation_intake_total",
    "moderation_redis_errors_total",
    "moderation_workers_alive",
)


def test_every_alerting_metric_has_help_text() -> None:
    """Each metric the alerts and dashboard use is registered with a HELP line."""
    text = Metrics().exposition().decode()
    helped = {line.split(" ")[2] for line in text.splitlines() if line.startswith("# HELP ")}
    assert set(ALERTING) <= helped


def sign(secret: str, body: str, message_id: str) -> dict[str, str]:
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    return {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, now, body),
    }


def test_serve_shows_decisions_of_its_worker(tmp_path: Path) -> None:
    """Under ``serve``, /metrics counts the decisions its worker made: one registry."""
    from moderation.cli import main

    data = tmp_path / "d"
    with serving(data) as (url, _, _):
        import contextlib
        import io

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["sites", "create", "kediri", "--name", "K", "--data-dir", str(data)]) == 0
        secret = json.loads(out.getvalue())["secret"]
        for n, text in enumerate(["Mantap programnya", "what a load of bullshit"]):
            body = json.dumps(comment(text))
            answer = httpx.post(
                f"{url}/v1/sites/kediri/comments", content=body, headers=sign(secret, body, f"{n}")
            )
            assert answer.status_code == 202
        while True:
            metrics = httpx.get(f"{url}/metrics").text
            if sample(metrics, 'moderation_decisions_total{status="held"}') == 1:
                break
            time.sleep(0.05)
    assert sample(metrics, 'moderation_decisions_total{status="approved"}') == 1
    assert sample(metrics, 'moderation_intake_total{outcome="queued"}') == 2
    assert sample(metrics, "moderation_intake_to_decision_seconds_count") == 2
    assert sample(metrics, 'moderation_decision_reasons_total{family="en",filter="profanity"}') > 0
    assert sample(metrics, 'moderation_held_comments{site="kediri"}') == 1


async def test_worker_serves_its_own_metrics(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """``--metrics-port``: the worker's port shows its decisions and the store's gauges."""
    port = free_port()
    assert settings.redis_url
    fast = settings.replace(heartbeat_seconds=0.05)
    async with Worker(fast, settings.redis_url, metrics_port=port) as worker:
        task = asyncio.create_task(worker.run())
        await host.post(comment("Alhamdulillah"))
        async with httpx.AsyncClient() as scraper:
            while True:
                try:
                    text = (await scraper.get(f"http://127.0.0.1:{port}/metrics")).text
                except httpx.TransportError:
                    text = ""
                if sample(text, "moderation_workers_alive") == 1 and sample(
                    text, 'moderation_decisions_total{status="approved"}'
                ):
                    break
                await asyncio.sleep(0.02)
        worker.stop()
        await task
    assert 'moderation_queue_lag{shard="0"}' in text
