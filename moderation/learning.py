"""Moderators teach the spam classifier: each human verdict adds the comment's features to
its site's counts in Redis, so every worker scores with the same, current model."""

from __future__ import annotations

from importlib import resources

from moderation.filters.features import buckets
from moderation.filters.normalise import normalise
from moderation.keys import SiteKeys
from moderation.models import Comment, Status
from moderation.redis_client import Redis, Script

SPAM, HAM = "spam", "ham"
_LABEL = {Status.REJECTED: SPAM, Status.APPROVED: HAM}
_SCRIPT = Script((resources.files("moderation") / "scripts" / "learn.lua").read_text())


async def learn(redis: Redis, keys: SiteKeys, comment: Comment, verdict: Status) -> None:
    """Rejected teaches spam, approved teaches ham; other statuses teach nothing.

    Idempotent per comment: a repeated verdict is ignored and a reversed one moves the
    comment's counts to the other class (atomic: one script on the site's slot).
    """
    label = _LABEL.get(verdict)
    if label is None:
        return
    features = sorted(buckets(normalise(comment.body)))
    keys_ = [keys.learned(SPAM), keys.learned(HAM), keys.comment(comment.id)]
    await _SCRIPT(redis, keys_, [label, *features])
