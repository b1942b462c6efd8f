"""Facts about a batch of comments that live in Redis, gathered in one round trip before
the pure pipeline runs (learned counts, near-duplicates, rates, author standing).

Counting happens in the same trip (``HINCRBY``/``INCR`` return the new count), so a comment
counts itself; a redelivered comment counts again, which only errs towards caution.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from moderation.filters.context import Learned, Signals
from moderation.filters.normalise import normalise
from moderation.filters.sketch import bands
from moderation.filters.text import Text
from moderation.models import Comment
from moderation.store import authors, learning
from moderation.store.client import Redis
from moderation.store.keys import SiteKeys

DUPLICATE_WINDOW = 3600  # seconds; a burst is counted over this hour and the one before
RATE_WINDOW = 600
_TOTALS = ("docs", "feats")

Reader = Callable[[Iterator[Any]], Signals]


async def gather(
    redis: Redis,
    items: Sequence[tuple[SiteKeys, Comment]],
    now: float | None = None,
    texts: Sequence[Text] | None = None,
) -> list[Signals]:
    """One ``Signals`` per item, in order. Every lookup goes into a single pipeline.

    ``texts`` are the bodies already normalised (the worker shares them with the pipeline).
    """
    if not items:
        return []
    now = time.time() if now is None else now
    if texts is None:
        texts = [normalise(comment.body) for _, comment in items]
    pipe = redis.pipeline(transaction=False)
    readers = [
        _queue(pipe, keys, comment, text, now)
        for (keys, comment), text in zip(items, texts, strict=True)
    ]
    replies = iter(await pipe.execute())
    return [read(replies) for read in readers]


def _queue(pipe: Any, keys: SiteKeys, comment: Comment, text: Text, now: float) -> Reader:
    """Queue one comment's lookups; the returned reader takes its replies, in the same order."""
    features = text.buckets
    where = learning.slots(features)
    hashes = [name for pair in learning.read_keys(keys, now) for name in pair]
    for name in hashes:
        pipe.hmget(name, [*_TOTALS, *where])
    sketch = bands(text)
    hour = int(now // DUPLICATE_WINDOW)
    if sketch:
        for band in sketch:
            pipe.hincrby(keys.duplicates(hour), band, 1)
        pipe.expire(keys.duplicates(hour), 2 * DUPLICATE_WINDOW)
        pipe.hmget(keys.duplicates(hour - 1), sketch)
    window = int(now // RATE_WINDOW)
    rated = [keys.author_rate(pseudonym(comment.author.key), window)]
    if comment.ip:
        rated.append(keys.ip_rate(pseudonym(comment.ip), window))
    for key in rated:
        pipe.incr(key)
        pipe.expire(key, 2 * RATE_WINDOW)
    pipe.hmget(*authors.fields_of(comment.author.key, keys))

    def read(replies: Iterator[Any]) -> Signals:
        learned = _learned(features, where, [next(replies) for _ in hashes])
        copies = 0
        if sketch:
            now_counts = [int(next(replies)) for _ in sketch]
            next(replies)  # expire
            before = [int(c or 0) for c in next(replies)]
            copies = max(a + b for a, b in zip(now_counts, before, strict=True))
        rates = []
        for _ in rated:
            rates.append(int(next(replies)))
            next(replies)  # expire
        standing = authors.standing_from(next(replies))
        return Signals(
            learned=learned,
            copies=copies,
            author_rate=rates[0],
            ip_rate=rates[1] if len(rates) > 1 else 0,
            standing=standing.standing,
            approved=standing.approved,
        )

    return read


def _learned(features: Iterable[int], where: list[int], replies: list[list[Any]]) -> Learned:
    """Sum the generations' (spam, ham) replies; each feature gets its slot's counts."""
    totals = len(_TOTALS)
    spam, ham = _summed(replies[0::2]), _summed(replies[1::2])
    if not (any(spam) or any(ham)):
        return Learned()  # the common case: a site that has taught nothing yet
    by_slot = {
        at: (s, h) for at, s, h in zip(where, spam[totals:], ham[totals:], strict=True) if s or h
    }
    counts = {b: by_slot[at] for b in features if (at := learning.slot(b)) in by_slot}
    return Learned(counts, (spam[0], ham[0]), (spam[1], ham[1]))


def _summed(replies: list[list[Any]]) -> list[int]:
    """Field-wise sum of HMGET replies (``None`` is 0); empty hashes cost one C-level ``any``."""
    present = [reply for reply in replies if any(reply)]
    if not present:
        return [0] * len(replies[0])
    if len(present) == 1:
        return [int(v or 0) for v in present[0]]
    return [sum(int(v or 0) for v in column) for column in zip(*present, strict=True)]


def pseudonym(value: str) -> str:
    # Key names show up in monitoring and slow logs: no raw emails or IPs in them.
    return hashlib.sha256(value.encode()).hexdigest()[:16]
