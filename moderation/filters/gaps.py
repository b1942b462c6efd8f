"""Gaps inside one word: a separator, symbol, emoji or digit standing in a listed word
(``ba.ng.sat``, ``kon/tol``, ``g😤blok``, ``t-0-l-0-l``, ``b=a=n=g=s=a=t``).

Found on the ``normalised`` view (the letters view has already dropped emoji inside words, so
``g😤blok`` would read ``gblok``). Each gapped run of a comment yields its readings, every gap
closed or, if it is a masking symbol or an emoji (up to ``MAX_FILLED`` of them), read as a
vowel, and digits read as leetspeak; the
word matcher keeps a reading only when it is a listed word (the dictionary check), so
``hari-hari`` and ``kedirikab.go.id`` cost a few lookups and find nothing. Spans are given in
the letters view, so findings lead back to the original like any other.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from moderation.filters.normalise import LEET
from moderation.filters.text import Text

MAX_FILLED = 3  # gaps read as vowels: 6 readings each, so at most 216 lookups per run
MIN_READING = 4  # "t.i" is not "tai": a short reading is too likely an accident
_VOWELS = ("", "a", "i", "u", "e", "o")
# Gaps that may hide a vowel: the masking symbols and any emoji or other non-ASCII symbol.
# Punctuation, slashes and hyphens part words (and URLs) far more often than they hide one.
_MASKS = frozenset("*#@^~+=$%|")
MAX_READING = 24  # no listed word is longer: a longer run (a URL, markup) is not read
# Pieces of letters and digits parted by one or two characters that are neither (nor space,
# nor an apostrophe: "don't", "Jum'at" are words). The classes are disjoint and a run may
# start only after a non-alphanumeric: linear.
_GAPPED = re.compile(r"(?<![^\W_])[^\W_]+(?:(?:[^\w\s'\u2019]{1,2}|_)[^\W_]+)+")
_PIECE = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[^\w\s]+|_")
# The same over a byte per character of classes (a: letter or digit, g: gap, space: the
# rest); a pattern opening with a literal, which C searches fastest.
_CLASSES = bytes(
    ord("a") if chr(c).isalnum() else ord(" ") if chr(c).isspace() or chr(c) == "'" else ord("g")
    for c in range(256)  # bytes past 127 never occur: "encode" replaces them with "?"
)
_SHAPE = re.compile(rb"ag{1,2}a")
MIN_SPREAD = 4


class Gapped(NamedTuple):
    start: int  # normalised-view offsets of the run (``in_letters`` turns them into the
    end: int  # letters view's, which only the few runs read as a listed word need)
    readings: tuple[tuple[str, bool], ...]  # (reading, a gap read as a vowel)
    spread: bool = False  # one letter per piece ("b=a=n=g=s=a=t=l=u"): may hold several words


def found(text: Text) -> list[Gapped]:
    """The gapped runs of ``text`` with at least two pieces holding letters, and their
    readings. A gap between two letters or digits is first found on a byte per character of
    classes (``encode`` writes one ``?``, a gap, per non-ASCII character), and only the
    whitespace-delimited word around it is searched with the Unicode pattern."""
    plain = text.normalised
    classes = plain.encode("ascii", "replace").translate(_CLASSES)
    gap = _SHAPE.search(classes)
    out: list[Gapped] = []
    while gap is not None:
        start = classes.rfind(b" ", 0, gap.start()) + 1  # the word around the gap
        end = classes.find(b" ", gap.end())
        end = len(plain) if end < 0 else end
        word = plain[start:end]
        for at, to, readings, spread in (_cached_runs if len(word) <= CACHED else _runs)(word):
            out.append(Gapped(start + at, start + to, readings, spread))
        gap = _SHAPE.search(classes, end)
    return out


def _runs(word: str) -> tuple[Gapped, ...]:
    """The gapped runs of one whitespace-delimited word, offsets in the word. The text before
    it is a space or an apostrophe (or nothing), neither a letter nor a digit: the pattern reads
    the word alone as it reads it in place."""
    out = []
    for m in _GAPPED.finditer(word):
        run = m.group()
        pieces = _PIECE.findall(run)
        readings = _readings(run, pieces)
        if readings:  # letters spread out: many pieces, each one character
            spread = len(pieces) >= MIN_SPREAD and all(len(p) == 1 for p in pieces)
            out.append(Gapped(m.start(), m.end(), readings, spread))
    return tuple(out)


CACHED = 64  # words up to this long are read once each ("e.g.", "08.00", links), bounded memory
_cached_runs = functools.lru_cache(maxsize=1 << 12)(_runs)


def _readings(run: str, pieces: list[str]) -> tuple[tuple[str, bool], ...]:
    """Each reading of ``run`` (split into ``pieces``), and whether a gap was read as a vowel (a
    guess the word list checks more strictly); only masking symbols and emoji are read as one."""
    folded = [p.translate(LEET) for p in pieces]
    closed = "".join(folded)
    if len(closed) > MAX_READING or len(set(folded)) == 1:  # "anak-anak": reduplication
        return ()
    if sum(not p.isdigit() for p in pieces) < 2:  # "08.00", "Rp.5000": pieces are alnum
        return ()
    out = [(closed, False)] if len(closed) >= MIN_READING else []
    gaps = _GAP.findall(run)
    masks = [g in _MASKS or not g.isascii() for g in gaps]
    if len(gaps) <= MAX_FILLED and any(masks):
        for fills in itertools.product(*[_VOWELS if m else ("",) for m in masks]):
            if any(fills):
                out.append(
                    ("".join(p + f for p, f in zip(folded, (*fills, ""), strict=True)), True)
                )
    return tuple(out)


def in_letters(text: Text, start: int, end: int) -> tuple[int, int]:
    """Normalised ``[start, end)`` as letters-view offsets (both views map to the original)."""
    view = text.words
    if view is text:
        return start, end
    lo = text.offsets[start] if text.offsets is not None else start
    hi = text.offsets[end - 1] if text.offsets is not None else end - 1
    where: Sequence[int] = view.offsets if view.offsets is not None else range(len(view.normalised))
    return bisect.bisect_left(where, lo), bisect.bisect_right(where, hi)
