"""The deliverer's client: kept-alive connections, never shared between host names."""

from __future__ import annotations

from collections.abc import Sequence

import httpx
import pytest

from moderation import outbound
from moderation.webhooks import Guard, Outcome, Sender
from tests.receiver import receiving

pytestmark = pytest.mark.anyio


async def to_loopback(host: str, port: int) -> Sequence[str]:
    return ["127.0.0.1"]


async def test_requests_to_one_host_share_a_connection() -> None:
    """Three deliveries to one host go over one kept-alive connection."""
    with receiving(keep_alive=True) as receiver:
        async with outbound.client(2.0) as http:
            sender = Sender(http, Guard(allow_http=True, allow_private=True), timeout=2.0)
            for n in range(3):
                attempt = await sender.send(receiver.url, [b"k" * 32], f"evt_{n}", b"{}")
                assert attempt.outcome is Outcome.DELIVERED
    assert len({r.peer for r in receiver.received}) == 1


async def test_two_names_at_one_address_never_share_a_connection() -> None:
    """Names resolving to the same address get a connection each, every request on its own
    name's (a connection checked for one name never carries another's)."""
    with receiving(keep_alive=True) as receiver:
        async with outbound.client(2.0) as http:
            guard = Guard(resolver=to_loopback, allow_http=True, allow_private=True)
            sender = Sender(http, guard, timeout=2.0)
            for name in ("a.example", "b.example", "a.example", "b.example"):
                url = f"http://{name}:{receiver.port}/hook"
                attempt = await sender.send(url, [b"k" * 32], "evt_1", b"{}")
                assert attempt.outcome is Outcome.DELIVERED
    names: dict[int, set[str]] = {}  # each connection (client port) → the hosts it carried
    for received in receiver.received:
        names.setdefault(received.peer, set()).add(received.headers["host"].split(":")[0])
    assert sorted(sorted(hosts) for hosts in names.values()) == [["a.example"], ["b.example"]]


async def test_pools_beyond_the_bound_are_closed_least_recently_used_first() -> None:
    """With room for two pools, a third host's delivery closes the pool used longest ago;
    the host used since keeps its pool."""
    with receiving(keep_alive=True) as receiver:
        transport = outbound.PerHost(most=2)
        async with httpx.AsyncClient(transport=transport) as http:
            guard = Guard(resolver=to_loopback, allow_http=True, allow_private=True)
            sender = Sender(http, guard, timeout=2.0)
            for name in ("a.example", "b.example", "a.example", "c.example"):
                url = f"http://{name}:{receiver.port}/hook"
                attempt = await sender.send(url, [b"k" * 32], "evt_1", b"{}")
                assert attempt.outcome is Outcome.DELIVERED
            assert transport.hosts() == [f"a.example:{receiver.port}", f"c.example:{receiver.port}"]
