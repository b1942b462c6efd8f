"""Letters dressed up to dodge word filters, a strong sign of gambling promotion: styled
Unicode that folds to ASCII (mathematical bold, circled and fullwidth "SLOT"), letters decorated
with combining marks ("P" + U+035F ...), and Cyrillic or Greek lookalikes inside Latin words
(Cyrillic "dze" for "s" in "slot"). Reads the original text: normalisation already folded them."""

from __future__ import annotations

import functools
import re
import unicodedata

import msgspec

from moderation.filters.text import Text
from moderation.models import Action, FilterName, Finding, Span

VERSION = "styled-2"
# Below the default hold (0.5): a thank-you note in bold letters is not spam; styled letters
# with any other clue (a gambling word, a link) are.
SCORES = {"styled:letters": 0.4, "styled:decorated": 0.4, "styled:lookalike": 0.45}
# Characters needed: one stray fullwidth x or circled 1 is decoration, but Cyrillic letters
# inside Latin words have no innocent use.
MINIMUM = {"styled:letters": 3, "styled:decorated": 3, "styled:lookalike": 2}
_WORD = re.compile(r"\S+")
_ASCII = frozenset(map(chr, range(128)))
CACHED = 32  # longer words are looked at each time, so the cache's memory stays bounded


@functools.lru_cache(maxsize=4096)
def kind(char: str) -> str | None:
    """Which disguise a non-ASCII character is, if any."""
    if unicodedata.combining(char):
        return "styled:decorated"
    folded = unicodedata.normalize("NFKC", char)
    if folded != char and folded.isascii() and folded.isalnum():
        return "styled:letters"
    if char.isalpha() and unicodedata.name(char, "").startswith(("CYRILLIC", "GREEK")):
        return "styled:lookalike"
    return None


def styled(text: Text) -> list[Finding]:
    original = text.original
    if original.isascii() or not any(map(kind, set(original) - _ASCII)):
        return []  # no disguise anywhere (most non-ASCII comments only add emoji)
    spans: dict[str, list[int]] = {}
    for m in _WORD.finditer(original):
        word = m.group()
        if word.isascii():
            continue
        for i, found in _cached(word) if len(word) <= CACHED else disguises(word):
            spans.setdefault(found, []).append(m.start() + i)
    clues = [
        _finding(text, rule, where) for rule, where in spans.items() if len(where) >= MINIMUM[rule]
    ]
    return _one(clues)


def _one(found: list[Finding]) -> list[Finding]:
    """Every disguise as one clue, the strongest's: bold letters and Cyrillic look-alikes in one
    thank-you note are one habit of styling, not two independent signs (so never a hold alone)."""
    if len(found) < 2:
        return found
    strongest = max(found, key=lambda f: f.score)
    spans = tuple(sorted((s for f in found for s in f.spans), key=lambda s: s.start))
    detail = ", ".join(f"{f.rule} {f.detail}" for f in found)
    return [msgspec.structs.replace(strongest, spans=spans, detail=detail)]


def disguises(word: str) -> tuple[tuple[int, str], ...]:
    """Where in one word its disguised characters are, and which disguise each is."""
    latin = any(c.isascii() and c.isalpha() for c in word)
    out = []
    for i, char in enumerate(word):
        found = None if char.isascii() else kind(char)
        if found == "styled:lookalike" and not latin:
            continue  # a Greek or Russian word is just a word
        if found == "styled:decorated" and not (i and word[i - 1].isalnum()):
            continue
        if found == "styled:letters" and i and word[i - 1].isalpha() and _index(char):
            continue  # "kali²", "hati²" (said twice), "m²": notation, not a disguise
        if found:
            out.append((i, found))
    return tuple(out)


def _index(char: str) -> bool:
    """Whether ``char`` is a superscript or subscript digit."""
    return char.isdigit() and unicodedata.name(char, "").startswith(("SUPERSCRIPT", "SUBSCRIPT"))


def _finding(text: Text, rule: str, where: list[int]) -> Finding:
    start, end = where[0], where[-1] + 1
    return Finding(
        filter=FilterName.SPAM,
        rule=rule,
        action=Action.HOLD,
        score=SCORES[rule],
        spans=(Span(start, end, text.original[start:end]),),
        version=VERSION,
        detail=f"{len(where)} characters",
    )


_cached = functools.lru_cache(maxsize=1 << 14)(disguises)
