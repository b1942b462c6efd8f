"""Facts about a batch of comments that live in Redis, gathered in one round trip before
the pure pipeline runs (learned counts, near-duplicates, rates, author standing)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from moderation import authors

from moderation.filters.base import Signals
from moderation.keys import SiteKeys
from moderation.models import Comment
from moderation.redis_client import Redis


async def gather(redis: Redis, items: Sequence[tuple[SiteKeys, Comment]]) -> list[Signals]:
    """One ``Signals`` per item, in order. Every lookup goes into a single pipeline."""
    if not items:
        return []
    pipe = redis.pipeline(transaction=False)
    for keys, comment in items:
        pipe.hmget(*authors.fields_of(comment.author.key, keys))
    replies = await pipe.execute()
    return [_signals(standing) for standing in replies]


def _signals(standing_fields: list[Any]) -> Signals:
    standing = authors.standing_from(standing_fields)
    return Signals(standing=standing.standing, approved=standing.approved)
