"""The SSRF guard: every inside address form refused, at registration and at connect time."""

from __future__ import annotations

from collections.abc import Sequence

import httpx
import pytest
import redis.asyncio as aioredis

from moderation import ssrf
from moderation.deliverer import Deliverer
from moderation.settings import Settings
from moderation.store.endpoints import Endpoints
from moderation.store.sites import Created
from moderation.webhooks import Guard, Outcome, Sender, register
from moderation.worker import Worker
from tests.conftest import Host, comment
from tests.receiver import receiving, until

pytestmark = pytest.mark.anyio

INSIDE = [
    "127.0.0.1",
    "127.1.2.3",
    "10.0.0.1",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",  # cloud metadata
    "100.64.0.1",  # CGNAT
    "224.0.0.251",  # multicast
    "0.0.0.0",  # noqa: S104 (an address to refuse, not one to bind)
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "ff02::1",
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:169.254.169.254",
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
]
SPELLINGS = ["0x7f.1", "0x7f000001", "017700000001", "2130706433", "127.1", "0177.0.0.1"]


def resolving_to(*addresses: str) -> ssrf.Resolver:
    async def resolve(host: str, port: int) -> Sequence[str]:
        return addresses

    return resolve


@pytest.mark.parametrize("address", INSIDE)
async def test_a_name_resolving_inside_is_refused(address: str) -> None:
    """A host name whose resolution includes an inside address is refused."""
    resolver = resolving_to("93.184.215.14", address)
    with pytest.raises(ssrf.Refused):
        await ssrf.target(
            "https://hooks.example/x", resolver=resolver, allow_http=False, allow_private=False
        )


@pytest.mark.parametrize("address", INSIDE)
async def test_an_inside_literal_is_refused(address: str) -> None:
    """The same addresses written in the URL are refused without asking a resolver."""
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(ssrf.Refused):
        await ssrf.target(
            f"https://{host}/x", resolver=resolving_to(), allow_http=False, allow_private=False
        )


@pytest.mark.parametrize("spelling", SPELLINGS)
async def test_octal_hex_and_short_ipv4_spellings_are_refused(spelling: str) -> None:
    """inet_aton's other spellings of an address are refused outright."""
    with pytest.raises(ssrf.Refused, match="octal, hex or short"):
        ssrf.parse(f"https://{spelling}/x", allow_http=False)


async def test_public_addresses_pass_and_keep_their_host() -> None:
    """A public name connects to its checked address, with its own name as Host and SNI."""
    target = await ssrf.target(
        "https://hooks.example:8443/in?x=1",
        resolver=resolving_to("93.184.215.14"),
        allow_http=False,
        allow_private=False,
    )
    assert target.url == "https://93.184.215.14:8443/in?x=1"
    assert target.host == "hooks.example" and target.host_header == "hooks.example:8443"


async def test_plain_http_needs_the_setting() -> None:
    """``http`` is refused unless allowed."""
    with pytest.raises(ssrf.Refused, match="https"):
        ssrf.parse("http://hooks.example/x", allow_http=False)
    assert ssrf.parse("http://hooks.example/x", allow_http=True).scheme == "http"


@pytest.mark.parametrize("address", INSIDE)
async def test_registration_resolves_and_refuses(
    redis: aioredis.Redis, settings: Settings, site: Created, address: str
) -> None:
    """``register`` refuses a name that resolves inside, and stores nothing."""
    store = Endpoints(redis, settings.shards, secret_grace_seconds=60)
    guard = Guard(resolver=resolving_to(address))
    with pytest.raises(ssrf.Refused):
        await register(store, guard, site.id, "https://hooks.example/x", ())
    assert await store.statuses(site.id) == []


@pytest.mark.parametrize("address", INSIDE)
async def test_each_inside_form_is_refused_at_connect(address: str) -> None:
    """The sender resolves again before connecting and refuses an inside answer, whatever
    the form, without opening a connection (the receiver on loopback hears nothing)."""
    with receiving() as receiver:
        async with httpx.AsyncClient() as http:
            guard = Guard(resolver=resolving_to(address), allow_http=True)
            sender = Sender(http, guard, timeout=2.0)
            url = f"http://hooks.example:{receiver.port}/hook"
            attempt = await sender.send(url, [b"k" * 32], "evt_1", b"{}")
    assert attempt.outcome is Outcome.REFUSED
    assert receiver.received == []


async def test_a_name_rebound_inside_is_refused_at_connect(
    redis: aioredis.Redis, settings: Settings, site: Created, host: Host, worker: Worker
) -> None:
    """A name that was public at registration and resolves to loopback at delivery time is
    refused then (DNS rebinding): the receiver on loopback never hears of it."""
    with receiving() as receiver:
        url = f"http://hooks.example:{receiver.port}/hook"
        store = Endpoints(redis, settings.shards, secret_grace_seconds=60)
        public = Guard(resolver=resolving_to("93.184.215.14"), allow_http=True)
        await register(store, public, site.id, url, ())
        await host.post(comment("Programnya bagus"))
        await worker.run_once()
        allowed = settings.replace(events_allow_http=True, events_retry_seconds="0,60")
        assert allowed.redis_url
        resolver = resolving_to("127.0.0.1")
        async with Deliverer(allowed, allowed.redis_url, resolver=resolver) as deliverer:
            await deliverer.run_once()
            refused = deliverer.metrics.event_deliveries.labels("refused")._value.get()
    assert refused == 1
    assert receiver.received == []
    [status] = await store.statuses(site.id)
    assert status.last is not None and "not a public address" in status.last


async def test_the_connection_goes_to_the_checked_address_with_the_host_kept(
    redis: aioredis.Redis, settings: Settings, site: Created, host: Host, worker: Worker
) -> None:
    """With private networks allowed (tests), a name resolved by our resolver is connected
    to at that address, and the request still names the host."""
    with receiving() as receiver:
        url = f"http://hooks.example:{receiver.port}/hook"
        store = Endpoints(redis, settings.shards, secret_grace_seconds=60)
        guard = Guard(resolver=resolving_to("127.0.0.1"), allow_http=True, allow_private=True)
        await register(store, guard, site.id, url, ())
        await host.post(comment("Programnya bagus"))
        await worker.run_once()
        allowed = settings.replace(events_allow_http=True, events_allow_private_networks=True)
        assert allowed.redis_url
        resolver = resolving_to("127.0.0.1")
        async with Deliverer(allowed, allowed.redis_url, resolver=resolver) as deliverer:
            await until(lambda: len(receiver.received) == 1, deliverer.run_once)
    assert receiver.received[0].headers["host"] == f"hooks.example:{receiver.port}"
