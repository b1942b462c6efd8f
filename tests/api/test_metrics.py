"""Prometheus metrics: intake outcomes, problems, decisions and queue depth are counted."""

from __future__ import annotations

import httpx
import pytest

from moderation.api.app import create_app
from moderation.settings import Settings
from moderation.worker import Worker
from tests.conftest import Host, _WithState, comment

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
    lag = [sample(text, f'moderation_queue_lag{{shard="{n}"}}') for n in range(4)]
    assert sorted(lag) == [0, 0, 0, 1]


async def test_decisions_are_counted(host: Host, worker: Worker) -> None:
    """The worker counts each applied decision by status."""
    await host.post(comment("Alhamdulillah"))
    await host.post(comment("what a load of bullshit"))
    await worker.run_once()
    text = worker.metrics.exposition().decode()
    assert sample(text, 'moderation_decisions_total{status="approved"}') == 1
    assert sample(text, 'moderation_decisions_total{status="held"}') == 1
    assert sample(text, "moderation_worker_batch_seconds_count") >= 1


async def test_metrics_refused_to_remote_clients_without_the_token(
    settings: Settings, redis: object
) -> None:
    """From a non-loopback address /metrics is a 403 problem, unless the bearer token is sent."""
    assert settings.redis_url
    app = create_app(settings.replace(metrics_token="s3cret-token"), settings.redis_url)
    async with app.router.lifespan_context(app) as state:
        transport = httpx.ASGITransport(
            app=_WithState(app, dict(state or {})), client=("10.1.2.3", 4567)
        )
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as remote:
            refused = await remote.get("/metrics")
            wrong = await remote.get("/metrics", headers={"authorization": "Bearer nope"})
            allowed = await remote.get("/metrics", headers={"authorization": "Bearer s3cret-token"})
    assert refused.status_code == wrong.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert allowed.status_code == 200 and "moderation_queue_lag" in allowed.text
