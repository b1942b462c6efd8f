"""The deliverer against real receivers on loopback: signed, retried, disabled, never lost."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import msgspec
import pytest
import redis.asyncio as aioredis
from prometheus_client.parser import text_string_to_metric_families

from moderation.deliverer import Deliverer, jitter, schedule
from moderation.policy import Policy, Premoderation
from moderation.settings import Settings, SettingsError
from moderation.store import keys
from moderation.store.endpoints import Endpoints, Registered, State
from moderation.store.events import EventType
from moderation.store.sites import Created, Sites
from moderation.store.tokens import Role, Tokens
from moderation.webhooks import Guard, register, retry_after
from moderation.worker import Worker
from tests.conftest import Host, comment
from tests.receiver import Answer, Receiver, receiving, until
from tests.servers import free_port

pytestmark = pytest.mark.anyio


@pytest.fixture
def loopback(settings: Settings) -> Settings:
    """Receivers on loopback over http, and a retry schedule of hundredths of a second."""
    return settings.replace(
        events_allow_http=True,
        events_allow_private_networks=True,
        events_retry_seconds="0,0.01,0.01",
        events_timeout_seconds=2.0,
        events_poll_seconds=0.02,
    )


@pytest.fixture
async def deliverer(loopback: Settings, redis: aioredis.Redis) -> AsyncIterator[Deliverer]:
    assert loopback.redis_url
    async with Deliverer(loopback, loopback.redis_url) as running:
        yield running


def endpoints(redis: aioredis.Redis, settings: Settings) -> Endpoints:
    return Endpoints(redis, settings.shards, secret_grace_seconds=60)


async def add(redis: aioredis.Redis, settings: Settings, url: str, *kinds: EventType) -> Registered:
    guard = Guard(allow_http=True, allow_private=True)
    return await register(endpoints(redis, settings), guard, "kediri", url, kinds)


async def approve_one(host: Host, worker: Worker, body: str = "Programnya bagus") -> str:
    answer = await host.post(comment(body))
    await worker.run_once()
    comment_id: str = answer.json()["id"]
    return comment_id


async def deliver_until(deliverer: Deliverer, receiver: Receiver, count: int) -> None:
    await until(lambda: len(receiver.received) >= count, deliverer.run_once)


@pytest.mark.parametrize("raw", ["", "0,5,x", "5,-1", " , "])
def test_a_bad_retry_schedule_is_a_settings_error(settings: Settings, raw: str) -> None:
    """MODERATION_EVENTS_RETRY_SECONDS must be non-negative seconds, comma-separated."""
    with pytest.raises(SettingsError):
        schedule(settings.replace(events_retry_seconds=raw))


def test_the_default_schedule_spans_about_a_day() -> None:
    """0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over about 27 hours."""
    delays = schedule(Settings())
    assert len(delays) == 8 and sum(delays) == 0 + 5 + 300 + 1800 + 7200 + 18000 + 36000 * 2


def test_jitter_stays_within_ten_percent() -> None:
    """Each delay is moved by at most a tenth, so retries of many events spread out."""
    moved = {jitter(100.0) for _ in range(200)}
    assert all(90.0 <= d <= 110.0 for d in moved) and len(moved) > 1


def test_retry_after_reads_seconds_and_http_dates() -> None:
    """Retry-After as delta-seconds or an HTTP date; anything else is ignored."""
    assert retry_after("120", now=0.0) == 120.0
    assert retry_after("Wed, 02 Dec 2026 15:00:30 GMT", now=1796223600.0) == 30.0
    assert retry_after("soon", now=0.0) is None
    assert retry_after(None, now=0.0) is None


async def test_an_approved_comment_reaches_the_host_verifiable(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """An approved comment is delivered as a comment.approved the standardwebhooks library
    verifies, carrying the comment's ids and none of the reader's private data."""
    with receiving() as receiver:
        endpoint = await add(redis, loopback, receiver.url)
        answer = await host.post(
            comment("Programnya bagus", external_id="host-1", ip="10.1.2.3", user_agent="UA/1")
        )
        await worker.run_once()
        await deliver_until(deliverer, receiver, 1)
    payload = receiver.received[0].verify(endpoint.secret)
    assert isinstance(payload, dict)
    assert payload["type"] == "comment.approved"
    data = payload["data"]
    assert data["id"] == answer.json()["id"]
    assert data["external_id"] == "host-1"
    assert data["status"] == "approved"
    assert data["version"] == 2
    assert data["thread"] == "ptsl-2024-11"
    assert data["decided_by"] == "pipeline"
    raw = receiver.received[0].body.decode()
    assert "10.1.2.3" not in raw and "UA/1" not in raw and "email" not in raw


async def test_a_held_comment_a_moderator_approves_sends_held_then_approved(
    loopback: Settings,
    settings: Settings,
    redis: aioredis.Redis,
    site: Created,
    client: httpx.AsyncClient,
    host: Host,
    worker: Worker,
    deliverer: Deliverer,
) -> None:
    """On a premoderated site the host hears comment.held, then comment.approved when a
    moderator approves it, both signed."""
    sites = Sites(redis, settings)
    found = await sites.get(site.id, fresh=True)
    assert found is not None
    await sites.save(msgspec.structs.replace(found, policy=Policy(premoderation=Premoderation.ALL)))
    token = await Tokens(redis).create("mod", Role.MODERATOR, (site.id,))
    with receiving() as receiver:
        endpoint = await add(redis, loopback, receiver.url)
        comment_id = await approve_one(host, worker)
        await deliver_until(deliverer, receiver, 1)
        decided = await client.post(
            f"/v1/sites/{site.id}/review/{comment_id}",
            json={"action": "approve"},
            headers={"authorization": f"Bearer {token}", "if-match": "2"},
        )
        assert decided.status_code == 200, decided.text
        await deliver_until(deliverer, receiver, 2)
    payloads = [r.verify(endpoint.secret) for r in receiver.received]
    assert [p["type"] for p in payloads] == ["comment.held", "comment.approved"]  # type: ignore[index]
    assert payloads[1]["data"]["decided_by"] == "token:mod"  # type: ignore[index]


async def test_only_sites_with_new_events_are_fanned_out(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """A decision marks its site as having new events; once fanned out the mark goes, so an
    idle deliverer looks at no site at all."""
    to_do = keys.new_events(keys.SiteKeys("kediri", loopback.shards).shard)
    with receiving() as receiver:
        await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        assert await redis.smembers(to_do) == {b"kediri"}
        await deliver_until(deliverer, receiver, 1)
    assert await redis.smembers(to_do) == set()


async def test_failures_are_retried_under_the_same_webhook_id(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """A receiver answering 500, 500, then 200 gets one event three times, one webhook-id."""
    with receiving(Answer(500), Answer(500), Answer(200)) as receiver:
        endpoint = await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        await deliver_until(deliverer, receiver, 3)
        await deliverer.run_once()
    assert len(receiver.received) == 3
    assert len({r.webhook_id for r in receiver.received}) == 1
    for received in receiver.received:
        received.verify(endpoint.secret)
    [status] = await endpoints(redis, loopback).statuses("kediri")
    assert status.state is State.ENABLED and status.last == "delivered 200"


async def test_deliveries_are_counted_by_outcome_with_attempts_and_latency(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """The metrics count each attempt's outcome, the attempts an event took, and latency."""
    with receiving(Answer(500), Answer(200)) as receiver:
        await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        await deliver_until(deliverer, receiver, 2)
        await until(lambda: receiver.finished == 2, deliverer.run_once)
        await deliverer.run_once()
    text = deliverer.metrics.exposition().decode()
    assert 'moderation_event_deliveries_total{outcome="failed"} 1.0' in text
    assert 'moderation_event_deliveries_total{outcome="delivered"} 1.0' in text
    assert 'moderation_event_attempts_bucket{le="2.0"} 1.0' in text
    assert 'moderation_event_attempts_bucket{le="1.0"} 0.0' in text
    assert "moderation_event_delivery_seconds_count 2.0" in text


async def test_a_410_disables_the_endpoint_and_tells_the_others(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """410 Gone disables an endpoint: the event goes to its dead letters, later ones are not
    sent to it (replay can), and the site's other endpoints receive endpoint.disabled."""
    with receiving(Answer(410)) as gone, receiving() as other:
        dropped = await add(redis, loopback, gone.url)
        await add(redis, loopback, other.url)
        await approve_one(host, worker)
        await deliver_until(deliverer, other, 2)
        await approve_one(host, worker, "Semoga cepat selesai")
        await deliver_until(deliverer, other, 3)
        await deliverer.run_once()
    assert len(gone.received) == 1
    assert other.types() == ["comment.approved", "endpoint.disabled", "comment.approved"]
    statuses = {s.id: s for s in await endpoints(redis, loopback).statuses("kediri")}
    assert statuses[dropped.id].state is State.DISABLED
    assert statuses[dropped.id].dead_letters == 1


async def test_retry_after_is_honoured(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """A 503 with Retry-After: 120 is next tried no sooner than 120 s later, although the
    schedule says a hundredth of a second."""
    with receiving(Answer(503, {"Retry-After": "120"})) as receiver:
        await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        before = time.time()
        await deliver_until(deliverer, receiver, 1)
    shard = keys.SiteKeys("kediri", loopback.shards).shard
    scheduled: list[Any] = await redis.zrange(keys.deliveries(shard), 0, -1, withscores=True)
    [(_, due_ms)] = scheduled
    assert float(due_ms) / 1000 >= before + 120


async def test_after_the_schedule_the_event_is_dead_lettered(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """An event failing every attempt of the schedule lands in the endpoint's dead letters."""
    with receiving(*[Answer(500)] * 5) as receiver:
        await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        await deliver_until(deliverer, receiver, 3)
        await deliverer.run_once()
    assert len(receiver.received) == 3
    [status] = await endpoints(redis, loopback).statuses("kediri")
    assert status.dead_letters == 1 and status.state is State.FAILING


async def test_an_endpoint_failing_too_long_is_disabled(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker
) -> None:
    """Past ``events_disable_after_seconds`` of failures the endpoint is disabled."""
    settings = loopback.replace(events_disable_after_seconds=0)
    assert settings.redis_url
    with receiving(Answer(500)) as receiver:
        await add(redis, settings, receiver.url)
        await approve_one(host, worker)
        async with Deliverer(settings, settings.redis_url) as deliverer:
            await deliver_until(deliverer, receiver, 1)
    [status] = await endpoints(redis, settings).statuses("kediri")
    assert status.state is State.DISABLED and status.dead_letters == 1


async def test_redirects_are_not_followed(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """A 302 is a failed attempt: the Location is never requested."""
    with receiving(Answer(302, {"Location": "/elsewhere"}), Answer(200)) as receiver:
        await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        await deliver_until(deliverer, receiver, 2)
    assert [r.path for r in receiver.received] == ["/hook", "/hook"]


async def test_a_hanging_receiver_does_not_block_another(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """While one receiver never answers, another gets its event; the first then times out."""
    with receiving(Answer(hang=True)) as hanging, receiving() as quick:
        await add(redis, loopback, hanging.url)
        await add(redis, loopback, quick.url)
        await approve_one(host, worker)
        running = asyncio.create_task(deliverer.run())
        try:
            await until(lambda: len(quick.received) == 1 and len(hanging.received) == 1)
            assert hanging.finished == 0  # still held open while the other was served
            timeouts = deliverer.metrics.event_deliveries.labels("timeout")
            await until(lambda: timeouts._value.get() == 1)
        finally:
            deliverer.stop()
            await running


async def test_both_secrets_sign_during_a_rotation(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """After rotate-secret a delivery verifies with the old secret and with the new one."""
    with receiving() as receiver:
        endpoint = await add(redis, loopback, receiver.url)
        rotated = await endpoints(redis, loopback).rotate_secret("kediri", endpoint.id)
        assert rotated is not None
        await approve_one(host, worker)
        await deliver_until(deliverer, receiver, 1)
    [received] = receiver.received
    assert len(received.headers["webhook-signature"].split()) == 2
    received.verify(endpoint.secret)
    received.verify(rotated.secret)


async def test_a_large_answer_is_read_no_further_than_64_kib(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """A 2xx with a 4 MiB body counts as delivered; the deliverer stops reading early."""
    with receiving(Answer(200, body=b"x" * (4 << 20))) as receiver:
        await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        await deliver_until(deliverer, receiver, 1)
        await until(lambda: receiver.finished == 1)
    [status] = await endpoints(redis, loopback).statuses("kediri")
    assert status.last == "delivered 200"


async def test_replay_re_sends_events_since_a_time(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """``endpoints replay`` schedules the events since a time again, same webhook-ids."""
    from moderation import cli

    with receiving() as receiver:
        endpoint = await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        await deliver_until(deliverer, receiver, 1)
        env = {
            "MODERATION_REDIS_URL": loopback.redis_url or "",
            "MODERATION_SHARDS": str(loopback.shards),
        }
        code = await asyncio.to_thread(
            _with_env,
            env,
            ["endpoints", "replay", "kediri", endpoint.id, "--since", "2020-01-01T00:00:00Z"],
            cli.main,
        )
        assert code == 0
        await deliver_until(deliverer, receiver, 2)
    assert receiver.received[0].webhook_id == receiver.received[1].webhook_id


def _with_env(env: dict[str, str], argv: list[str], main: object) -> int:
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        assert callable(main)
        result: int = main(argv)
        return result
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


async def test_a_killed_deliverer_re_sends_after_restart(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker
) -> None:
    """A deliverer process killed mid-delivery loses nothing: once its lease runs out the
    next deliverer sends the same event again, under the same webhook-id."""
    settings = loopback.replace(events_timeout_seconds=1.0)
    assert settings.redis_url
    with receiving(Answer(hang=True)) as receiver:
        await add(redis, settings, receiver.url)
        await approve_one(host, worker)
        env = {
            **os.environ,
            "MODERATION_REDIS_URL": settings.redis_url,
            "MODERATION_SHARDS": str(settings.shards),
            "MODERATION_EVENTS_ALLOW_HTTP": "1",
            "MODERATION_EVENTS_ALLOW_PRIVATE_NETWORKS": "1",
            "MODERATION_EVENTS_TIMEOUT_SECONDS": "1",
            "MODERATION_EVENTS_POLL_SECONDS": "0.02",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "moderation", "deliverer", env=env
        )
        try:
            await until(lambda: len(receiver.received) == 1)
        finally:
            process.send_signal(signal.SIGKILL)
            await process.wait()
        receiver.release.set()
        async with Deliverer(settings, settings.redis_url) as restarted:
            await deliver_until(restarted, receiver, 2)
    first, second = receiver.received
    assert first.webhook_id == second.webhook_id
    assert json.loads(second.body)["type"] == "comment.approved"


def scraped(text: str) -> dict[tuple[str, str], float]:
    """``(sample name, its first label's value) -> value`` from a Prometheus exposition."""
    return {
        (s.name, next(iter(s.labels.values()), "")): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_a_standalone_deliverer_serves_its_own_metrics(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker
) -> None:
    """``deliverer --metrics-port``: its port counts deliveries and shows what is still due."""
    port = free_port()
    assert loopback.redis_url
    delivered = ("moderation_event_deliveries_total", "delivered")
    with receiving() as receiver:
        await add(redis, loopback, receiver.url)
        await approve_one(host, worker)
        async with Deliverer(loopback, loopback.redis_url, metrics_port=port) as deliverer:
            task = asyncio.create_task(deliverer.run())
            samples: dict[tuple[str, str], float] = {}

            def due() -> dict[str, float]:
                return {
                    k[1]: v for k, v in samples.items() if k[0] == "moderation_event_deliveries_due"
                }

            async with httpx.AsyncClient() as scraper:  # until delivered and no longer due
                while samples.get(delivered) != 1 or sum(due().values()) != 0:
                    await asyncio.sleep(0.02)
                    with contextlib.suppress(httpx.TransportError):
                        answer = await scraper.get(f"http://127.0.0.1:{port}/metrics")
                        samples = scraped(answer.text)
            deliverer.stop()
            await task
    assert len(receiver.received) == 1
    assert set(due()) == {str(shard) for shard in range(loopback.shards)}


async def test_the_due_gauge_is_read_at_most_once_a_second(
    loopback: Settings, redis: aioredis.Redis, deliverer: Deliverer
) -> None:
    """Polling every 0.02 s for half a second, the deliverer counts each shard's deliveries
    due once (one ZCARD per shard), not once per poll."""

    async def zcards() -> int:
        stats = await redis.info("commandstats")
        return int(stats.get("cmdstat_zcard", {}).get("calls", 0))

    before, started = await zcards(), time.monotonic()
    running = asyncio.create_task(deliverer.run())
    await asyncio.sleep(0.5)
    deliverer.stop()
    await running
    seconds = time.monotonic() - started  # more than 1 only on a starved machine
    assert loopback.shards <= await zcards() - before <= loopback.shards * (1 + int(seconds))


async def test_deliveries_to_one_endpoint_reuse_a_connection(
    loopback: Settings, redis: aioredis.Redis, host: Host, worker: Worker, deliverer: Deliverer
) -> None:
    """Two events for one host that keeps connections alive arrive over one connection."""
    with receiving(keep_alive=True) as receiver:
        await add(redis, loopback, receiver.url)
        await approve_one(host, worker, "Programnya bagus")
        await deliver_until(deliverer, receiver, 1)
        await approve_one(host, worker, "Mantap sekali")
        await deliver_until(deliverer, receiver, 2)
    assert len({r.peer for r in receiver.received}) == 1
