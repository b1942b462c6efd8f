"""The text every filter reads: the original comment body and its normalised views."""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar, overload

from moderation.filters import features
from moderation.models import Span

_TOKEN = re.compile(r"[^\W_]+")
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")  # a letter or digit beyond ASCII
_ASCII_TOKEN = re.compile(rb"([a-zA-Z0-9]+)")
_ALNUM = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
# A run of three or more tokens of one or two characters ("p ul a u wi n", "g o l d 8 8 8"):
# a word spread out to dodge filters. Tokens and separators are disjoint classes and a run
# starts only at a token start, so matching is linear.
SPREAD_LONGEST = 24  # letters: a brand spelled out in pieces is no longer
_SPREAD = re.compile(r"(?<![^\W_])[^\W_]{1,2}(?:[\W_]{1,3}[^\W_]{1,2}(?![^\W_])){2,}")
_SHORT = frozenset((1, 2))
# The same pattern for ASCII text with explicit classes, a third faster (the hot path).
_SPREAD_ASCII = re.compile(
    r"(?<![a-zA-Z0-9])[a-zA-Z0-9]{1,2}(?:[^a-zA-Z0-9]{1,3}[a-zA-Z0-9]{1,2}(?![a-zA-Z0-9])){2,}"
)


_T = TypeVar("_T")


class _once(Generic[_T]):
    """``functools.cached_property`` without its lock, as in Python 3.12 (3.11 takes an
    ``RLock`` on every first read, ~0.4 µs): two threads racing would store equal values."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__
        self.name = compute.__name__

    @overload
    def __get__(self, text: None, owner: type) -> _once[_T]: ...
    @overload
    def __get__(self, text: object, owner: type) -> _T: ...
    def __get__(self, text: object, owner: type) -> _once[_T] | _T:
        if text is None:
            return self
        # Not a data descriptor: once stored, the instance's own attribute is read directly.
        value = text.__dict__[self.name] = self.compute(text)
        return value


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
    # Words joined from letters spread out with one separator ("s l o t g a c o r"): the
    # matchers look for listed words inside them, not only at word boundaries.
    joined: frozenset[str] = frozenset()

    @_once
    def tokens(self) -> list[str]:
        """The runs of letters and digits in ``normalised``: found once, shared by filters."""
        view = self.normalised
        if view.isascii() or _NON_ASCII_WORD.search(view) is None:
            # Its tokens are its ASCII letters and digits: one C split of its bytes, blanked.
            return list(
                map(bytes.decode, view.encode("ascii", "replace").translate(_ALNUM).split())
            )
        return _TOKEN.findall(view)

    @_once
    def bounds(self) -> tuple[list[int], list[int]]:
        """Where each of ``tokens`` starts and ends in ``normalised`` (``bounds``)."""
        return bounds(self.normalised)

    @_once
    def spread(self) -> tuple[tuple[int, int, str], ...]:
        """Each run of short tokens in ``normalised`` (see ``_SPREAD``): start, end, and its
        tokens joined (``"pulauwin"``, ``"gold888"``); longer runs are talk, not one word."""
        # Cheap first look on the (shared) tokens: three short ones in a row, or no run at all.
        if b"\x01\x01\x01" not in bytes(map(_SHORT.__contains__, map(len, self.tokens))):
            return ()
        pattern = _SPREAD_ASCII if self.normalised.isascii() else _SPREAD
        runs = ((m, "".join(_TOKEN.findall(m.group()))) for m in pattern.finditer(self.normalised))
        return tuple((m.start(), m.end(), word) for m, word in runs if len(word) <= SPREAD_LONGEST)

    @_once
    def buckets(self) -> frozenset[int]:
        """The spam features of this text (``features.buckets``), computed once."""
        return features.buckets(self)

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


def bounds(view: str) -> tuple[list[int], list[int]]:
    """The start and end offsets of each run of letters and digits in ``view``: for a text with
    none beyond ASCII, the lengths of the pieces its bytes split into around them (one
    non-ASCII character encodes as one ``?``, so offsets stay), with no match object per token."""
    if view.isascii() or _NON_ASCII_WORD.search(view) is None:
        pieces = _ASCII_TOKEN.split(view.encode("ascii", "replace"))
        cuts = list(itertools.accumulate(map(len, pieces)))
        return cuts[0:-1:2], cuts[1::2]
    matches = list(_TOKEN.finditer(view))
    return list(map(re.Match.start, matches)), list(map(re.Match.end, matches))


def _is_continuation(char: str) -> bool:
    """Marks that belong to the character before (accents, keycaps) and variation selectors."""
    return unicodedata.category(char) in ("Mn", "Me") or "\ufe00" <= char <= "\ufe0f"


def rewrite(text: str, pieces: Iterable[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """``text`` with each ``[start, end)`` replaced (pieces in order, not overlapping), and for
    each output character the index in ``text`` it came from: a filter's own view of the text
    (digits spelled out, dots rejoined) whose spans still lead back to the original."""
    out: list[str] = []
    where: list[int] = []
    at = 0
    for start, end, replacement in pieces:
        out.append(text[at:start])
        where.extend(range(at, start))
        out.append(replacement)
        where.extend(min(start + k, end - 1) for k in range(len(replacement)))
        at = end
    out.append(text[at:])
    where.extend(range(at, len(text)))
    return "".join(out), where
