"""Moderator verdicts become per-site classifier counts in Redis."""

from __future__ import annotations

import pytest
import redis.asyncio as aioredis

from moderation.filters.features import buckets
from moderation.filters.normalise import normalise
from moderation.keys import SiteKeys
from moderation.learning import learn
from moderation.models import Author, Comment, Status, Thread

pytestmark = pytest.mark.anyio

KEYS = SiteKeys("kediri", 4)


def make(body: str, id: str = "c1") -> Comment:
    return Comment(
        id=id,
        site="kediri",
        thread=Thread(id="t1"),
        author=Author(name="a"),
        body=body,
        created_at="2026-11-28T00:00:00Z",
        received_at="2026-11-28T00:00:00Z",
    )


async def counts(redis: aioredis.Redis, label: str) -> dict[bytes, int]:
    return {k: int(v) for k, v in (await redis.hgetall(KEYS.learned(label))).items()}


async def test_rejection_counts_features_as_spam(redis: aioredis.Redis) -> None:
    """A rejected comment adds one to each of its feature buckets in the site's spam hash."""
    comment = make("daftar sekarang di pulauwin")
    await learn(redis, KEYS, comment, Status.REJECTED)
    spam = await counts(redis, "spam")
    features = buckets(normalise(comment.body))
    assert spam[b"docs"] == 1
    assert spam[b"feats"] == len(features)
    assert all(spam[str(b).encode()] == 1 for b in features)
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
