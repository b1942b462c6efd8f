"""What every filter sees besides the text (``Context``) and what a filter must be (``Filter``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Protocol

from moderation.filters.text import Text
from moderation.models import Comment, FilterName, Finding, Standing
from moderation.policy import Policy


@dataclasses.dataclass(frozen=True, slots=True)
class Learned:
    """A site's spam-classifier counts from moderators' verdicts, for one comment's buckets."""

    counts: Mapping[int, tuple[int, int]] = dataclasses.field(default_factory=dict)  # (spam, ham)
    docs: tuple[int, int] = (0, 0)
    feats: tuple[int, int] = (0, 0)


@dataclasses.dataclass(frozen=True, slots=True)
class Signals:
    """Facts from Redis fetched before the pure step (duplicates, rates, learned counts)."""

    learned: Learned = Learned()
    copies: int = 0  # near-duplicates of this comment on the site in the last hour, itself included
    author_rate: int = 0  # comments by this author in the current 10 minutes, this one included
    ip_rate: int = 0  # comments from this IP in the current 10 minutes, this one included
    standing: Standing = Standing.NORMAL  # the author's, set by a site admin
    approved: int = 0  # the author's approved comments on this site


@dataclasses.dataclass(frozen=True, slots=True)
class Context:
    comment: Comment
    policy: Policy
    signals: Signals = Signals()


class Filter(Protocol):
    name: FilterName
    version: str

    def __call__(self, text: Text, context: Context) -> list[Finding]: ...
