"""Prometheus metrics: intake outcomes, problems, decisions and queue depth are counted."""

from __future__ import annotations

import httpx
import pytest

from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio


def sample(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.split(" ")[0] == name:
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_intake_and_problems_are_counted(host: Host, client: httpx.AsyncClient) -> None:
    """A queued comment, a duplicate and a 404 show up in /metrics, with the queue depth."""
    await host.post(comment("satu"), message_id="m1")
    await host.post(comment("satu"), message_id="m1")
    await client.get("/v1/sites/nowhere/recent")
    text = (await client.get("/metrics")).text
    assert sample(text, 'moderation_intake_total{outcome="queued"}') == 1
    assert sample(text, 'moderation_intake_total{outcome="duplicate"}') == 1
    assert sample(text, 'moderation_http_problems_total{status="404"}') == 1
    assert sample(text, 'moderation_queue_entries{stream="queued"}') == 1


async def test_decisions_are_counted(host: Host, worker: Worker) -> None:
    """The worker counts each applied decision by status."""
    await host.post(comment("Alhamdulillah"))
    await host.post(comment("what a load of bullshit"))
    await worker.run_once()
    text = worker.metrics.exposition().decode()
    assert sample(text, 'moderation_decisions_total{status="approved"}') == 1
    assert sample(text, 'moderation_decisions_total{status="held"}') == 1
    assert sample(text, "moderation_worker_batch_seconds_count") >= 1
