"""Moderator verdicts become per-site classifier counts in Redis."""

from __future__ import annotations

import dataclasses
import time

import pytest
import redis.asyncio as aioredis

from moderation.filters.context import Context
from moderation.filters.features import buckets
from moderation.filters.normalise import normalise
from moderation.filters.pipeline import Pipeline
from moderation.filters.spam import SpamFilter
from moderation.models import Comment, Status
from moderation.policy import Policy
from moderation.store import signals
from moderation.store.keys import SiteKeys
from moderation.store.learning import GENERATION, SLOTS, generation, learn, slot, slots
from tests.conftest import as_bytes
from tests.filters.spam_helpers import stored

pytestmark = pytest.mark.anyio

KEYS = SiteKeys("kediri", 4)


def make(body: str, id: str = "c1") -> Comment:
    return stored(body, id=id, author="a")


async def counts(redis: aioredis.Redis, label: str) -> dict[bytes, int]:
    """This generation's counts for ``label``."""
    name = KEYS.learned(label, generation(time.time()))
    return {as_bytes(k): int(v) for k, v in (await redis.hgetall(name)).items()}


async def test_rejection_counts_features_as_spam(redis: aioredis.Redis) -> None:
    """A rejected comment adds one to each of its feature buckets in the site's spam hash."""
    comment = make("daftar sekarang di pulauwin")
    await learn(redis, KEYS, comment, Status.REJECTED)
    spam = await counts(redis, "spam")
    features = buckets(normalise(comment.body))
    assert spam[b"docs"] == 1
    assert spam[b"feats"] == len(slots(features))
    assert all(spam[str(slot(b)).encode()] == 1 for b in features)
    assert await counts(redis, "ham") == {}


async def test_repeated_verdict_is_counted_once(redis: aioredis.Redis) -> None:
    """The same verdict on the same comment twice teaches once."""
    comment = make("mantap pak bupati")
    await redis.hset(KEYS.comment(comment.id), "status", "approved")
    await learn(redis, KEYS, comment, Status.APPROVED)
    await learn(redis, KEYS, comment, Status.APPROVED)
    assert (await counts(redis, "ham"))[b"docs"] == 1


async def test_reversed_verdict_moves_counts(redis: aioredis.Redis) -> None:
    """Approving a comment that was rejected moves its counts from spam to ham."""
    comment = make("mantap pak bupati")
    await redis.hset(KEYS.comment(comment.id), "status", "approved")
    await learn(redis, KEYS, comment, Status.REJECTED)
    await learn(redis, KEYS, comment, Status.APPROVED)
    assert await counts(redis, "spam") == {b"docs": 0, b"feats": 0}
    assert (await counts(redis, "ham"))[b"docs"] == 1


async def test_held_teaches_nothing(redis: aioredis.Redis) -> None:
    """Only approve and reject are verdicts; a hold leaves the counts alone."""
    await learn(redis, KEYS, make("apa saja"), Status.HELD)
    assert await counts(redis, "spam") == {}


WAVE = [
    "Ayo ikut arisan emas Bu Tejo, setor seratus ribu tiap minggu dapat kalung emas asli {}",
    "Arisan emas Bu Tejo buka lagi, setor seratus ribu seminggu, kalung emas asli {}",
]
PROBE = "Ikut arisan emas Bu Tejo yuk, setor seratus ribu tiap minggu, kalung emas asli"


async def probe_decision(redis: aioredis.Redis, n: int) -> str:
    body = PROBE
    [found] = await signals.gather(redis, [(KEYS, make(body, id=f"probe{n}"))])
    # Only what the classifier learned: the probes are near-duplicates of one another.
    found = dataclasses.replace(found, copies=0)
    context = Context(make(body, id=f"probe{n}"), Policy(), found)
    return Pipeline.default()(context, "2026-11-28T00:00:00.000Z").status.value


async def test_new_spam_wave_is_held_after_a_handful_of_rejections(
    redis: aioredis.Redis,
) -> None:
    """A phrase the model never saw passes, until moderators reject five of its kind."""
    assert await probe_decision(redis, 0) == "approved"
    for n in range(5):
        await learn(redis, KEYS, make(WAVE[n % 2].format(n), id=f"wave{n}"), Status.REJECTED)
    assert await probe_decision(redis, 1) == "held"


async def test_one_rejection_does_not_hold_a_whole_topic(redis: aioredis.Redis) -> None:
    """A single (perhaps mistaken) rejection does not yet hold comments like it."""
    await learn(redis, KEYS, make(WAVE[0].format(0), id="wave0"), Status.REJECTED)
    assert await probe_decision(redis, 1) == "approved"


async def test_approvals_teach_ham(redis: aioredis.Redis) -> None:
    """Approving comments like a doubtful one lowers its spam probability."""
    doubtful = "Kopi Luwak Mbah Darmo asli Kediri, rasakan sensasi nikmatnya sekarang juga"
    model = SpamFilter.default().model
    features = buckets(normalise(doubtful))
    [before] = await signals.gather(redis, [(KEYS, make(doubtful, id="q0"))])
    for n in range(3):
        await learn(redis, KEYS, make(f"{doubtful} {n}", id=f"ok{n}"), Status.APPROVED)
    [after] = await signals.gather(redis, [(KEYS, make(doubtful, id="q1"))])
    assert model.probability(features, after.learned) < model.probability(features, before.learned)


async def test_verdicts_count_for_two_generations_then_expire(redis: aioredis.Redis) -> None:
    """A rejection still weighs one generation later, is gone two later, and its hash has an
    expiry: a site's learned counts decay instead of growing for ever."""
    start = 1_800_000_000.0
    comment = make("arisan emas Bu Tejo setor seratus ribu")
    await learn(redis, KEYS, comment, Status.REJECTED, now=start)
    assert await redis.ttl(KEYS.learned("spam", generation(start))) > 0
    probe = make(comment.body, id="probe")
    [next_generation] = await signals.gather(redis, [(KEYS, probe)], now=start + GENERATION)
    [later] = await signals.gather(redis, [(KEYS, probe)], now=start + 2 * GENERATION)
    assert next_generation.learned.docs == (1, 0) and next_generation.learned.counts
    assert later.learned.docs == (0, 0) and not later.learned.counts


async def test_reversal_in_the_next_generation_moves_counts_out_of_the_old_one(
    redis: aioredis.Redis,
) -> None:
    """Approving next generation what was rejected in this one leaves no spam count behind."""
    start = 1_800_000_000.0
    comment = make("mantap pak bupati")
    await redis.hset(KEYS.comment(comment.id), "status", "approved")
    await learn(redis, KEYS, comment, Status.REJECTED, now=start)
    await learn(redis, KEYS, comment, Status.APPROVED, now=start + GENERATION)
    [found] = await signals.gather(
        redis, [(KEYS, make(comment.body, id="p"))], now=start + GENERATION
    )
    assert found.learned.docs == (0, 1)


async def test_counts_live_in_a_bounded_number_of_slots(redis: aioredis.Redis) -> None:
    """However long the comment, its counts use at most ``SLOTS`` distinct fields."""
    comment = make(" ".join(f"kata{n}" for n in range(3000)))
    await learn(redis, KEYS, comment, Status.REJECTED)
    fields = [k for k in await counts(redis, "spam") if k not in (b"docs", b"feats")]
    assert fields and all(0 <= int(k) < SLOTS for k in fields)
