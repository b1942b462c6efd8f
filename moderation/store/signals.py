"""Facts about a batch of comments that live in Redis, gathered in one round trip before
the pure pipeline runs (learned counts, near-duplicates, rates, author standing): one
``signals.lua`` call per site of the batch, so the server does the ~15 lookups per comment
and the client parses one small reply per site instead of one per command.

Counting happens in the same trip (``HINCRBY``/``INCR`` return the new count), so a comment
counts itself; a redelivered comment counts again, which only errs towards caution.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec

from moderation.filters.context import Learned, Signals
from moderation.filters.normalise import normalise
from moderation.filters.sketch import bands
from moderation.filters.text import Text
from moderation.models import Comment
from moderation.store import authors, learning
from moderation.store.client import Redis
from moderation.store.keys import SiteKeys
from moderation.store.scripts import SIGNALS, Call, Scripts

DUPLICATE_WINDOW = 3600  # seconds; a burst is counted over this hour and the one before
RATE_WINDOW = 600
_SCRIPTS = Scripts()
_encode = msgspec.json.Encoder().encode
_AUTHOR_FIELDS = _encode(authors.FIELDS)


async def gather(
    redis: Redis,
    items: Sequence[tuple[SiteKeys, Comment]],
    now: float | None = None,
    texts: Sequence[Text] | None = None,
) -> list[Signals]:
    """One ``Signals`` per item, in order: one ``signals.lua`` call per site, all in one trip.

    ``texts`` are the bodies already normalised (the worker shares them with the pipeline).
    """
    if not items:
        return []
    now = time.time() if now is None else now
    if texts is None:
        texts = [normalise(comment.body) for _, comment in items]
    by_site: dict[str, list[int]] = {}
    for at, (keys, _) in enumerate(items):
        by_site.setdefault(keys.prefix, []).append(at)
    groups = list(by_site.values())
    calls = [
        signals_call([items[at] for at in group], [texts[at] for at in group], now)
        for group in groups
    ]
    replies = await _SCRIPTS.run(redis, calls)
    out: list[Signals | None] = [None] * len(items)
    for group, reply in zip(groups, replies, strict=True):
        for at, one in zip(group, reply, strict=True):
            out[at] = _signals(items[at][1], texts[at], one)
    return [signal for signal in out if signal is not None]


def signals_call(
    items: Sequence[tuple[SiteKeys, Comment]], texts: Sequence[Text], now: float
) -> Call:
    """``signals.lua`` for one site's comments: what to count and read for each, in order."""
    keys = items[0][0]
    hour, window = int(now // DUPLICATE_WINDOW), int(now // RATE_WINDOW)
    per_item: list[str] = []
    plan: list[tuple[list[int], list[str], int]] = []
    for (_, comment), text in zip(items, texts, strict=True):
        rated = _rate_keys(keys, comment, window)
        per_item.extend(rated)
        per_item.append(keys.author(comment.author.key))
        plan.append((learning.slots(text.buckets), bands(text), len(rated)))
    return SIGNALS.call(
        **learning.counts_keys(keys, now),
        dup=keys.duplicates(hour),
        dup_before=keys.duplicates(hour - 1),
        items=per_item,
        dup_ttl=2 * DUPLICATE_WINDOW,
        rate_ttl=2 * RATE_WINDOW,
        fields=_AUTHOR_FIELDS,
        plan=_encode(plan),
    )


def _rate_keys(keys: SiteKeys, comment: Comment, window: int) -> list[str]:
    rated = [keys.author_rate(keys.pseudonym(comment.author.key), window)]
    if comment.ip:
        rated.append(keys.ip_rate(keys.pseudonym(comment.ip), window))
    return rated


def _signals(comment: Comment, text: Text, reply: list[Any]) -> Signals:
    """One comment's ``Signals`` from its part of the script's reply."""
    spam_docs, spam_feats, ham_docs, ham_feats, found, copies, rates, standing_fields = reply
    standing = authors.standing_from(standing_fields)
    return Signals(
        learned=_learned(text.buckets, found, (spam_docs, ham_docs), (spam_feats, ham_feats)),
        copies=int(copies),
        author_rate=int(rates[0]),
        ip_rate=int(rates[1]) if len(rates) > 1 else 0,
        standing=standing.standing,
        approved=standing.approved,
    )


def _learned(
    features: Iterable[int], found: list[int], docs: tuple[int, int], feats: tuple[int, int]
) -> Learned:
    """Each feature bucket gets its slot's (spam, ham) counts; the common case is no counts."""
    if not (found or any(docs) or any(feats)):
        return Learned()  # a site that has taught nothing yet
    by_slot = {found[i]: (found[i + 1], found[i + 2]) for i in range(0, len(found), 3)}
    counts = {b: by_slot[at] for b in features if (at := learning.slot(b)) in by_slot}
    return Learned(counts, docs, feats)
