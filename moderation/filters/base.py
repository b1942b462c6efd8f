"""What every filter sees (``Text``, ``Context``) and what it must be (``Filter``)."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from moderation.models import Comment, Finding, Span, Standing
from moderation.policy import Policy

_TOKEN = re.compile(r"[^\W_]+")


@dataclasses.dataclass(frozen=True)
class Text:
    """The original comment body and its normalised form, with a way back.

    ``offsets[i]`` is the index in ``original`` of normalised character ``i``; ``None`` means
    the two strings line up one to one. ``letters`` is a second view for word matching (leetspeak
    folded inside mixed tokens, spaced-out letters joined, slang spelled out) that maps back to
    the same original; ``None`` when it equals this one.
    """

    original: str
    normalised: str
    offsets: Sequence[int] | None = None
    letters: Text | None = None

    @functools.cached_property
    def tokens(self) -> list[str]:
        """The runs of letters and digits in ``normalised``: found once, shared by filters."""
        return _TOKEN.findall(self.normalised)

    @functools.cached_property
    def buckets(self) -> frozenset[int]:
        """The spam features of this text (``features.buckets``), computed once."""
        from moderation.filters.features import buckets

        return buckets(self)

    @property
    def words(self) -> Text:
        """The view to match words on: ``letters`` if there is one, else this text."""
        return self.letters or self

    def span(self, start: int, end: int) -> Span:
        """The original text behind normalised ``[start, end)``."""
        if self.offsets is None:
            lo, hi = start, end
        else:
            lo = self.offsets[start] if start < len(self.offsets) else len(self.original)
            hi = self.offsets[end - 1] + 1 if end > 0 else lo
            while hi < len(self.original) and _is_continuation(self.original[hi]):
                hi += 1
        return Span(lo, hi, self.original[lo:hi])


def _is_continuation(char: str) -> bool:
    import unicodedata

    return unicodedata.combining(char) != 0


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
    name: str
    version: str

    def __call__(self, text: Text, context: Context) -> list[Finding]: ...
