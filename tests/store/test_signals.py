"""Redis-backed spam signals, gathered by the worker before the pure pipeline."""

from __future__ import annotations

import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store import signals
from moderation.store.keys import SiteKeys
from moderation.worker import Worker
from tests.conftest import Host, as_bytes, comment
from tests.filters.spam_helpers import stored

pytestmark = pytest.mark.anyio

AD = "Terima jasa sedot WC murah meriah wilayah Kediri dan sekitarnya, pelayanan ramah dan cepat"


async def status(redis: aioredis.Redis, settings: Settings, comment_id: str) -> str:
    raw = await redis.hget(SiteKeys("kediri", settings.shards).comment(comment_id), "status")
    return as_bytes(raw).decode()


async def test_same_promo_under_many_articles_is_held_from_the_third(
    host: Host, redis: aioredis.Redis, settings: Settings, worker: Worker
) -> None:
    """A clean-reading ad pasted under five articles by five accounts: the first two pass."""
    ids = []
    for n in range(5):
        body = AD if n % 2 else AD.replace("murah meriah", "murah")
        response = await host.post(comment(body, author=f"akun{n}", thread=f"berita-{n}"))
        ids.append(response.json()["id"])
        await worker.run_once()
    assert [await status(redis, settings, i) for i in ids] == [
        "approved",
        "approved",
        "held",
        "held",
        "held",
    ]


async def test_copies_count_across_the_site_in_one_round_trip(redis: aioredis.Redis) -> None:
    """A batch of three copies sees counts one, two and three."""
    keys = SiteKeys("kediri", 4)
    batch = [(keys, stored(AD, id=f"c{n}", author=f"a{n}")) for n in range(3)]
    assert [s.copies for s in await signals.gather(redis, batch)] == [1, 2, 3]


async def test_short_comments_are_not_counted_as_copies(redis: aioredis.Redis) -> None:
    """ "Mantap pak" said by everyone is not a burst."""
    keys = SiteKeys("kediri", 4)
    batch = [(keys, stored("Mantap pak", id=f"c{n}")) for n in range(4)]
    assert [s.copies for s in await signals.gather(redis, batch)] == [0, 0, 0, 0]


async def test_author_and_ip_velocity_are_counted(redis: aioredis.Redis) -> None:
    """Each comment counts towards its author's and its IP's ten-minute window."""
    keys = SiteKeys("kediri", 4)
    batch = [
        (keys, stored(f"komentar {n}", author="cepat" if n < 3 else "lain", ip="10.0.0.1"))
        for n in range(4)
    ]
    found = await signals.gather(redis, batch)
    assert [s.author_rate for s in found] == [1, 2, 3, 1]
    assert [s.ip_rate for s in found] == [1, 2, 3, 4]


async def test_rate_keys_hold_no_personal_data(redis: aioredis.Redis) -> None:
    """Neither the IP address nor the author's name appears in a key name."""
    keys = SiteKeys("kediri", 4)
    await signals.gather(redis, [(keys, stored("halo", author="Siti Aminah", ip="10.9.8.7"))])
    names = b" ".join(as_bytes(name) for name in await redis.keys("*"))
    assert b"10.9.8.7" not in names
    assert b"Siti" not in names
