"""Spam vocabulary: gambling, loan, pharma and crypto phrases (``data/spam-lexicon.tsv``),
known gambling brands (``data/judol-brands.txt``) and the shape of brand tokens
(``ALEXIS17``, ``PULAUWIN``, ``VISI4D``), including ones spelled out with spaces."""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Iterable
from importlib import resources
from typing import TypeVar

from moderation.filters import automaton
from moderation.filters.automaton import Automaton
from moderation.filters.normalise import LEET
from moderation.filters.text import Text
from moderation.models import Action, FilterName, Finding, Span

V = TypeVar("V")
_TOKEN = re.compile(r"[^\W_]+")
# Letters then a short number or a gambling suffix: alexis17, weton88, visi4d, pulauwin.
_BRAND_SHAPE = re.compile(
    r"\b[a-z]{3,}(?:[0-9]{2,3}|4d|win|toto|hoki|wd|gacor|slot|bet|jp|play)\b", re.ASCII
)
# Everyday words and names of that shape: play-words, names ending "-win", "ngebet" (eager),
# the idol group and the disease.
_EVERYDAY = frozenset(
    [
        "cosplay",
        "costplay",
        "gameplay",
        "roleplay",
        "display",
        "autoplay",
        "screenplay",
        "wordplay",
        "airplay",
        "alfabet",
        "ngebet",
        "darwin",
        "erwin",
        "edwin",
        "irwin",
        "godwin",
        "baldwin",
        "jkt48",
        "covid19",
    ]
)
# A run of one-character tokens ("p u l a u", "7/7/7"), joined before looking for brands.
_SINGLES = re.compile(r"(?<![^\W_])[^\W_](?:[\W_]{1,3}[^\W_](?![^\W_]))+")


def _join(match: re.Match[str]) -> str:
    return "".join(_TOKEN.findall(match.group()))


BRAND_SCORE = 0.6
SHAPE = ("brand:shape", 0.3)
# Hiding a listed phrase (spread letters, leetspeak, emoji inside) is evidence of its own.
DISGUISED = ("evasion:disguised", 0.4)
MIN_INSIDE = 4  # a listed phrase inside a joined word needs this many letters ("slot", not "jp")


class SpamLexicon:
    def __init__(self, phrases: Iterable[tuple[str, str, float]], brands: Iterable[str]) -> None:
        rows = [(" ".join(phrase.split()), category, score) for phrase, category, score in phrases]
        self.phrases = Automaton((phrase, (category, score)) for phrase, category, score in rows)
        self.brands = frozenset(brands)
        self.shortest = min(map(len, self.brands), default=0)
        self.heads = frozenset(brand[:i] for brand in self.brands for i in range(1, len(brand)))
        digest = hashlib.sha256(repr((sorted(rows), sorted(self.brands))).encode())
        self.version = f"lexicon-{digest.hexdigest()[:8]}"

    @classmethod
    @functools.cache
    def shipped(cls) -> SpamLexicon:
        data = resources.files("moderation.filters") / "data"
        rows = [
            line.split("\t")
            for line in (data / "spam-lexicon.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        ]
        lines = (data / "judol-brands.txt").read_text(encoding="utf-8").splitlines()
        brands = (line.strip() for line in lines if line.strip() and not line.startswith("#"))
        lexicon = cls(((p, c, float(s)) for p, c, s in rows), brands)
        automaton.shared(lexicon.phrases)
        return lexicon

    def __call__(self, text: Text) -> list[Finding]:
        return self.phrase_findings(text.words) + self.brand_findings(text)

    def phrase_findings(self, text: Text) -> list[Finding]:
        """Listed phrases on word boundaries, and inside words joined from spread letters;
        a phrase inside a longer listed one that matched (``anda terpilih``) is not counted."""
        view = text.normalised
        found = [
            (s, e, k, v[0]) for s, e, k, v in automaton.words_across_spacing(self.phrases, view)
        ]
        for word in text.joined:
            at = view.find(word)
            found += [
                (at + s, at + e, k, v[0])
                for s, e, k, v in self.phrases.within(word)
                if len(k) >= MIN_INSIDE and at >= 0
            ]
        findings = [
            self._finding(f"lexicon:{category}", score, text.span(s, e), (key,))
            for s, e, key, (category, score) in _outermost(found)
        ]
        disguised = [f.spans[0] for f in findings if _disguised(f.spans[0].text, f.detail)]
        if disguised:
            findings.append(
                Finding(
                    filter=FilterName.SPAM,
                    rule=DISGUISED[0],
                    action=Action.HOLD,
                    score=DISGUISED[1],
                    spans=tuple(disguised),
                    version=self.version,
                    detail=f"{len(disguised)} listed phrase(s) written to dodge filters",
                )
            )
        return findings

    def brand_findings(self, text: Text) -> list[Finding]:
        """Known brands, also spelled out (``p u l a u 7 7 7``), and brand-shaped tokens."""
        findings = [
            self._finding(SHAPE[0], SHAPE[1], text.span(*m.span()), (m.group(),))
            for m in _BRAND_SHAPE.finditer(text.normalised)
            if not _handle(text, m.start())
            and m.group() not in self.brands
            and m.group() not in _EVERYDAY
            and not self.phrases.any_word(m.group())
        ]
        return findings + self._spread_brands(text) + self._known(text)

    def _known(self, text: Text) -> list[Finding]:
        """Known brands among the tokens, each token joined with the next first ("pulau 777",
        "alexis 17"), and runs of one-character tokens joined into one (``p u l a u``)."""
        plain = text.tokens
        known = self.brands.__contains__
        if b"\x01\x01" in bytes(map((1).__eq__, map(len, plain))):  # "p u l a u": join first
            words = _TOKEN.findall(_SINGLES.sub(_join, text.normalised))
            if self.brands.isdisjoint(words) and self.brands.isdisjoint(
                map(str.__add__, words, words[1:])
            ):
                return []
            squashed = _squash(text.normalised)
            tokens, spans = [t for _, _, t in squashed], [(s, e) for s, e, _ in squashed]
        else:  # no two one-character tokens side by side: nothing to squash
            tokens, spans = plain, []
        # A token joined with the next is a brand only if it begins one: few do, so few joins.
        begins = itertools.compress(range(len(tokens) - 1), map(self.heads.__contains__, tokens))
        joined = {i for i in begins if tokens[i] + tokens[i + 1] in self.brands}
        hits = sorted(joined.union(itertools.compress(itertools.count(), map(known, tokens))))
        if hits and not spans:
            spans = list(zip(*text.bounds, strict=True))
        findings = []
        for i in hits:
            width = 2 if i in joined else 1
            span = text.span(spans[i][0], spans[i + width - 1][1])
            word = "".join(tokens[i : i + width])
            findings.append(self._finding("brand:known", BRAND_SCORE, span, (word,)))
        return findings

    def _spread_brands(self, text: Text) -> list[Finding]:
        """Known brands spread as runs of one- and two-character tokens (``P UL A U WI N``),
        which the single-letter joining misses: every joined stretch of each run is looked up."""
        findings = []
        for start, end, joined in text.spread:
            if len(joined) < self.shortest:
                continue
            tokens = [m.span() for m in _TOKEN.finditer(text.normalised, start, end)]
            cuts = list(itertools.accumulate((e - s for s, e in tokens), initial=0))
            stretches = (
                (i, j, word)
                for i in range(len(tokens) - 1)
                for j in range(len(tokens), i + 1, -1)  # the longest first
                for word in _as_written_and_unleeted(joined[cuts[i] : cuts[j]])
            )
            found = next(((i, j, w) for i, j, w in stretches if w in self.brands), None)
            if found:
                i, j, word = found
                span = text.span(tokens[i][0], tokens[j - 1][1])
                findings.append(self._finding("brand:known", BRAND_SCORE, span, (word,)))
        return findings

    def _finding(self, rule: str, score: float, span: Span, words: tuple[str, ...]) -> Finding:
        return Finding(
            filter=FilterName.SPAM,
            rule=rule,
            action=Action.HOLD,
            score=score,
            spans=(span,),
            version=self.version,
            detail=" ".join(words),
        )


def _handle(text: Text, start: int) -> bool:
    """Whether the token at normalised ``start`` is a user handle (``@budi88``): a reader
    replying to someone names a person, not a brand."""
    at = text.span(start, start + 1).start
    return at > 0 and text.original[at - 1] == "@"


def _as_written_and_unleeted(word: str) -> tuple[str, ...]:
    """``word``, and with digits read as letters (``vikingt0t0`` → ``vikingtoto``): brands keep
    their own digits (``weton88``), spreaders swap letters for digits."""
    unleeted = word.translate(LEET)
    return (word, unleeted) if unleeted != word else (word,)


def _outermost(found: list[tuple[int, int, str, V]]) -> list[tuple[int, int, str, V]]:
    """The matches not inside a longer one, in one sweep (sorted by start, longest first)."""
    out = []
    reach = -1
    for match in sorted(found, key=lambda m: (m[0], -m[1])):
        if match[1] > reach:
            out.append(match)
            reach = match[1]
    return out


def _disguised(original: str, phrase: str) -> bool:
    """Whether ``original`` spells ``phrase`` other than plainly: other characters than its
    letters (case and spacing aside), or its words broken into more pieces than it has
    (``P I N J A M A N   C E P A T``)."""
    pieces = original.lower().split()
    return "".join(pieces) != phrase.replace(" ", "") or len(pieces) > phrase.count(" ") + 1


def _squash(normalised: str) -> list[tuple[int, int, str]]:
    """Tokens, with each run of single-character tokens (``p u l a u``) made one token."""
    out: list[tuple[int, int, str]] = []
    single = False
    for m in _TOKEN.finditer(normalised):
        word = m.group()
        if len(word) == 1 and single and out:
            start, _, joined = out[-1]
            out[-1] = (start, m.end(), joined + word)
        else:
            out.append((m.start(), m.end(), word))
        single = len(word) == 1
    return out
