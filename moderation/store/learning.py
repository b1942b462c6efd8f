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

import enum
import time
from collections.abc import Iterable, Sequence

from moderation.filters.features import buckets
from moderation.filters.normalise import normalise
from moderation.models import Comment, Status
from moderation.store.client import Redis, text
from moderation.store.keys import SiteKeys
from moderation.store.scripts import LEARN, Call


class Label(enum.StrEnum):
    SPAM = "spam"
    HAM = "ham"


class Lesson(enum.StrEnum):
    """What ``learn.lua`` did with a verdict."""

    NEW = "new"
    CHANGED = "changed"  # the comment's counts moved to the other class
    REPEATED = "repeated"  # the same verdict again: nothing counted twice


GENERATION = 60 * 86_400
SLOT_BITS = 18
SLOTS = 1 << SLOT_BITS
_LABEL = {Status.REJECTED: Label.SPAM, Status.APPROVED: Label.HAM}


def generation(now: float) -> int:
    return int(now // GENERATION)


def slot(bucket: int) -> int:
    return bucket & (SLOTS - 1)


def slots(features: Iterable[int]) -> list[int]:
    """The learned-count slots of a comment's feature buckets, sorted, each once."""
    mask = SLOTS - 1  # ``slot`` inlined: this runs for every feature of every comment
    return sorted({b & mask for b in features})


def read_keys(keys: SiteKeys, now: float) -> list[tuple[str, str]]:
    """(spam, ham) hash names the classifier reads at ``now``: this generation and the last."""
    current = generation(now)
    return [
        (keys.learned(Label.SPAM, g), keys.learned(Label.HAM, g)) for g in (current, current - 1)
    ]


def counts_keys(keys: SiteKeys, now: float) -> dict[str, str]:
    """``read_keys`` named as the scripts' headers name them (spam, ham, old_spam, old_ham)."""
    [(spam, ham), (old_spam, old_ham)] = read_keys(keys, now)
    old = f"old_{Label.SPAM}", f"old_{Label.HAM}"
    return {Label.SPAM: spam, Label.HAM: ham, old[0]: old_spam, old[1]: old_ham}


async def learn(
    redis: Redis, keys: SiteKeys, comment: Comment, verdict: Status, now: float | None = None
) -> Lesson | None:
    """Rejected teaches spam, approved teaches ham; other statuses teach nothing (``None``).

    Idempotent per comment: a repeated verdict is ignored and a reversed one moves the
    comment's counts to the other class (atomic: one script on the site's slot).
    """
    label = _LABEL.get(verdict)
    if label is None:
        return None
    now = time.time() if now is None else now
    features = slots(buckets(normalise(comment.body)))
    call = learn_call(keys=keys, comment_id=comment.id, label=label, now=now, slots=features)
    return Lesson(text(await call(redis)))


def learn_call(
    *, keys: SiteKeys, comment_id: str, label: Label, now: float, slots: Sequence[int]
) -> Call:
    """``learn.lua`` for one verdict on one comment, counted in the generation of ``now``."""
    current = generation(now)
    return LEARN.call(
        **counts_keys(keys, now),
        comment=keys.comment(comment_id),
        label=label,
        generation=current,
        expire_at=(current + 2) * GENERATION + 86_400,  # read until the end of the next one
        slots=slots,
    )
