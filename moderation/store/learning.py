"""Moderators teach the spam classifier: each human verdict adds the comment's features to
its site's counts in Redis, so every worker scores with the same, current model.

Counts are bounded two ways:

- **decay**: verdicts are counted in generations of ``GENERATION`` seconds (60 days); the
  classifier reads the current and the previous one, and older ones expire in Redis. A
  verdict therefore counts for 60 to 120 days, so last year's wave stops weighing on today's
  comments, and a site's counts never grow without end.
- **size**: feature buckets are folded into ``SLOTS`` (2^18) slots per hash, so one hash
  holds at most 2^18 fields (about 20 MB in Redis) however many verdicts a site gives.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from moderation.filters.features import buckets
from moderation.filters.normalise import normalise
from moderation.models import Comment, Status
from moderation.store import scripts
from moderation.store.client import Redis
from moderation.store.keys import SiteKeys

SPAM, HAM = "spam", "ham"
GENERATION = 60 * 86_400
SLOT_BITS = 18
SLOTS = 1 << SLOT_BITS
_LABEL = {Status.REJECTED: SPAM, Status.APPROVED: HAM}
_SCRIPT = scripts.named("learn")


def generation(now: float) -> int:
    return int(now // GENERATION)


def slot(bucket: int) -> int:
    return bucket & (SLOTS - 1)


def slots(features: Iterable[int]) -> list[int]:
    """The learned-count slots of a comment's feature buckets, sorted, each once."""
    return sorted({slot(b) for b in features})


def read_keys(keys: SiteKeys, now: float) -> list[tuple[str, str]]:
    """(spam, ham) hash names the classifier reads at ``now``: this generation and the last."""
    current = generation(now)
    return [(keys.learned(SPAM, g), keys.learned(HAM, g)) for g in (current, current - 1)]


async def learn(
    redis: Redis, keys: SiteKeys, comment: Comment, verdict: Status, now: float | None = None
) -> None:
    """Rejected teaches spam, approved teaches ham; other statuses teach nothing.

    Idempotent per comment: a repeated verdict is ignored and a reversed one moves the
    comment's counts to the other class (atomic: one script on the site's slot).
    """
    label = _LABEL.get(verdict)
    if label is None:
        return
    now = time.time() if now is None else now
    current = generation(now)
    [(spam, ham), (old_spam, old_ham)] = read_keys(keys, now)
    expire_at = (current + 2) * GENERATION + 86_400  # read until the end of the next one
    args = [label, current, expire_at, *slots(buckets(normalise(comment.body)))]
    await _SCRIPT(redis, [spam, ham, old_spam, old_ham, keys.comment(comment.id)], args)
