"""Many literal patterns found in one pass (Aho-Corasick, pyahocorasick's C automaton).

Every word pack, lexicon and cue list is one automaton over the normalised view: a comment
costs one scan whatever the number of patterns, and the scan is linear in the text, so no
pattern list can make a comment slow. ``words`` keeps matches standing on word boundaries;
``within`` keeps every match (for glued words and letters joined from spread-out runs).
The shipped cue lists all read the letters view: ``shared`` ones find their words in one
joint scan of it, not one scan each.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import Any, Generic, TypeVar

import ahocorasick  # type: ignore[import-not-found]  # ships no type stubs

from moderation.filters.text import rewrite

V = TypeVar("V")


class Automaton(Generic[V]):
    def __init__(self, patterns: Iterable[tuple[str, V]]) -> None:
        values: dict[str, list[V]] = {}
        for key, value in patterns:
            if key:
                values.setdefault(key, []).append(value)
        # Tuples: a match holds only immutable values, which the garbage collector stops
        # tracking, so a long comment's many matches cost it nothing while they are kept.
        self._values = {key: tuple(found) for key, found in values.items()}
        self._automaton = ahocorasick.Automaton()
        for key in self._values:
            self._automaton.add_word(key, key)
        if self._values:
            self._automaton.make_automaton()
        self._joint: Joint | None = None
        self._slot = 0

    def __len__(self) -> int:
        return len(self._values)

    def within(self, text: str) -> Iterator[tuple[int, int, str, tuple[V, ...]]]:
        """Every occurrence: ``(start, end, pattern, values)``."""
        if not self._values:
            return
        for last, key in self._automaton.iter(text):
            yield last - len(key) + 1, last + 1, key, self._values[key]

    def words(self, text: str) -> list[tuple[int, int, str, tuple[V, ...]]]:
        """Occurrences that begin and end on word boundaries."""
        if self._joint is not None:
            return list(self._joint.words(text)[self._slot])
        return self._words(text)

    def _words(self, text: str) -> list[tuple[int, int, str, tuple[V, ...]]]:
        # One loop, no generator layer per match.
        out: list[tuple[int, int, str, tuple[V, ...]]] = []
        if not self._values:
            return out
        values, size = self._values, len(text)
        for last, key in self._automaton.iter(text):
            start, end = last - len(key) + 1, last + 1
            if (start == 0 or not text[start - 1].isalnum()) and (
                end == size or not text[end].isalnum()
            ):
                out.append((start, end, key, values[key]))
        return out

    def any_word(self, text: str) -> bool:
        return bool(self._words(text))  # a short string: not worth the joint scan's memo


Match = tuple[int, int, str, tuple[Any, ...]]
SEEN = 2  # texts whose joint scan is kept: the comment's letters view, and that view with its
# spacing made single (``words_across_spacing``), which some lists read and others do not


class Joint:
    """Every shared automaton's patterns in one automaton; each text scanned once for all of
    them, the matches dealt out to each in the order its own scan would give (one end after
    another, the longest first: a suffix chain keeps its order when filtered)."""

    def __init__(self) -> None:
        self.members: list[Automaton[Any]] = []
        self._automaton = ahocorasick.Automaton()
        self._seen: dict[str, list[list[Match]]] = {}

    def add(self, member: Automaton[Any]) -> None:
        member._joint, member._slot = self, len(self.members)
        self.members.append(member)
        owners: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}
        for slot, each in enumerate(self.members):
            for key, values in each._values.items():
                owners.setdefault(key, []).append((slot, values))
        self._automaton = ahocorasick.Automaton()
        for key, found in owners.items():
            self._automaton.add_word(key, (key, tuple(found)))
        if owners:
            self._automaton.make_automaton()
        self._seen.clear()

    def words(self, text: str) -> list[list[Match]]:
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) >= SEEN:  # bounded memory: the oldest goes (a comment's
                del self._seen[next(iter(self._seen))]  # two views stay while it is decided)
            found = self._seen[text] = self._scan(text)
        return found

    def _scan(self, text: str) -> list[list[Match]]:
        out: list[list[Match]] = [[] for _ in self.members]
        if not len(self._automaton):
            return out
        size = len(text)
        for last, (key, owners) in self._automaton.iter(text):
            start, end = last - len(key) + 1, last + 1
            if (start == 0 or not text[start - 1].isalnum()) and (
                end == size or not text[end].isalnum()
            ):
                for slot, values in owners:
                    out[slot].append((start, end, key, values))
        return out


_JOINT = Joint()


def shared(member: Automaton[V]) -> Automaton[V]:
    """``member``, its ``words`` found from now on in the joint scan of every shared automaton
    (for the shipped lists read on the letters view, built once each)."""
    if member._joint is None:
        _JOINT.add(member)
    return member


def shipped(name: str) -> Automaton[str]:
    """The automaton of a shipped ``data/`` file of ``phrase<TAB>value`` rows (``#`` comments),
    each phrase's spacing made single."""
    source = (resources.files("moderation.filters") / "data" / name).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in source.splitlines() if line and line[0] != "#")
    return Automaton((" ".join(phrase.split()), value.strip()) for phrase, value in rows)


def covering(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``[start, end)`` lies inside one of ``spans`` (the cancelling phrases'
    matches): a bisect a question, so a comment of a thousand cancels costs no more than linear."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach = list(itertools.accumulate((end for _, end in ordered), max))

    def inside(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and reach[i] >= end

    return inside


def overlapping(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``[start, end)`` shares a character with one of ``spans``: a cancelling
    phrase that ends inside a longer part ("tidak ada biaya" in "biaya pendaftaran") cancels it."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach = list(itertools.accumulate((end for _, end in ordered), max))

    def touched(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end) - 1  # the cancels that start before ``end``
        return i >= 0 and reach[i] > start

    return touched


_SPACING = re.compile(r"\s{2,}|[\n\t]")


def words_across_spacing(
    member: Automaton[V], view: str
) -> list[tuple[int, int, str, tuple[V, ...]]]:
    """``member``'s words in ``view`` read with each run of spaces or line breaks as one space
    ("check  out my", "slot\n\ngacor"), with spans in ``view``."""
    if "  " not in view and "\n" not in view and "\t" not in view:
        return member.words(view)  # most comments: single spaces only
    single, where = rewrite(view, ((m.start(), m.end(), " ") for m in _SPACING.finditer(view)))
    return [(where[s], where[e - 1] + 1, k, v) for s, e, k, v in member.words(single)]
