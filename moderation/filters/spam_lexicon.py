"""Spam vocabulary: gambling, loan, pharma and crypto phrases (``data/spam-lexicon.tsv``),
known gambling brands (``data/judol-brands.txt``) and the shape of brand tokens
(``ALEXIS17``, ``PULAUWIN``, ``VISI4D``), including ones spelled out with spaces."""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources
from typing import TypeVar

from moderation.filters import automaton, payouts
from moderation.filters.automaton import Automaton
from moderation.filters.normalise import LEET
from moderation.filters.text import Text
from moderation.models import Action, FilterName, Finding, Span

V = TypeVar("V")
_TOKEN = re.compile(r"[^\W_]+")
# Letters then a short number or a gambling suffix: alexis17, weton88, visi4d, pulauwin.
_BRAND_SHAPE = re.compile(
    r"\b[a-z]{3,}(?:[0-9]{2,3}|4d|win|toto|hoki|wd|gacor|slot|bet|jp|play|jitu|cuan|spin|qq)\b",
    re.ASCII,
)
# The same name and number written apart: "ALEXIS-17", "GACOR 88", "mahjong 4 d". Only with a
# symbol between, the number itself spread, or the name in capitals: "Harapan Jaya 88" is a bus.
_SPLIT_SHAPE = re.compile(r"\b([a-z]{3,})([ ._*~+|/-]{1,2})([0-9]{2,3}|4 d)\b", re.ASCII)
# Small letters as ``a``, the separators of ``_SPLIT_SHAPE`` as ``s``, digits as ``d``: its
# necessary condition, a letter, one or two separators and a digit, is found in C.
_SPLIT_CLASSES = bytes(
    97 if 97 <= c <= 122 else 115 if c in b" ._*~+|/-" else 100 if 48 <= c <= 57 else 32
    for c in range(256)
)
# Capitals (and any non-ASCII character, which ``replace`` encodes as ``?``) as ``A``: six in a
# row are a necessary condition of a compound in capitals ("MPOXYZ"), checked in C before the
# costlier look for brand heads.
_CAPITALS = bytes(65 if 65 <= c <= 90 or c == 63 else 32 for c in range(256))
SHORTEST_COMPOUND = b"A" * 6
# Endings that make a brand head an everyday word ("rajanya", "dewaku"): not a compound.
_ENDINGS = frozenset(["nya", "mu", "ku", "lah", "kah", "pun", "nyalah", "sa", "wan", "wati"])
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
        # words and names that begin with a brand head (``data/brand-heads.txt``)
        "rajawali",
        "rajasa",
        "rajagukguk",
        "dewasanya",
        "dewantara",
        "dewangga",
        "nagari",
        "nagarinya",
        "sultanah",
    ]
)


def _data_words(name: str) -> frozenset[str]:
    lines = (resources.files("moderation.filters") / "data" / name).read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# The data files that decide what a shape is, besides the lexicon's own (its version covers them).
SHAPE_DATA = ("brand-heads.txt", "counted-words.txt", "number-units.txt", "shape-namers.txt")
# Nouns that count things ("pasal 27", "kelas 8"): with a number they are no brand.
_COUNTED = _data_words("counted-words.txt")
# Words that say what a name before a number is: a fleet, a news credit, a maker.
_NAMERS = _data_words("shape-namers.txt")
NAMER_WIDTH = 2  # tokens before a shape within which such a word names it
_HEADED = re.compile(
    r"\b(" + "|".join(sorted(_data_words("brand-heads.txt"), key=len, reverse=True)) + r")"
    r"([a-z]{3,})\b",
    re.ASCII,
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
        # The data the shapes are read by counts too: a changed list changes the findings.
        shaped = [sorted(_data_words(name)) for name in SHAPE_DATA]
        digest = hashlib.sha256(repr((sorted(rows), sorted(self.brands), shaped)).encode())
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
        return self.phrase_findings(text.words) + self.brand_findings(text) + self._payouts(text)

    def _payouts(self, text: Text) -> list[Finding]:
        """A stake grown into a payout, or a win boasted (``payouts``), with no brand needed."""
        return [
            self._finding(payouts.RULE, score, text.span(start, end), (what,))
            for start, end, what, score in payouts.payouts(text)
        ]

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
            for s, e, key, (category, score) in _once_per_stretch(_outermost(found))
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
        shapes = [(m.start(), m.end(), m.group()) for m in _BRAND_SHAPE.finditer(text.normalised)]
        classes = text.normalised.encode("ascii", "replace").translate(_SPLIT_CLASSES)
        if b"asd" in classes or b"assd" in classes:  # a letter, a separator or two, a digit
            shapes += _split_shapes(text)
        if SHORTEST_COMPOUND in text.original.encode("ascii", "replace").translate(_CAPITALS):
            shapes += _compound_shapes(text, shapes)
        findings = [
            self._finding(SHAPE[0], SHAPE[1], text.span(start, end), (word,))
            for start, end, word in shapes
            if not _handle(text, start)
            and not _named(text.normalised, start)
            and word not in self.brands
            and word not in _EVERYDAY
            and not self.phrases.any_word(word)
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


def _split_shapes(text: Text) -> list[tuple[int, int, str]]:
    """Names and short numbers written apart (``_SPLIT_SHAPE``), as the word they make."""
    found = []
    for m in _SPLIT_SHAPE.finditer(text.normalised):
        name, between, number = m.groups()
        if name in _COUNTED or _in_path(text.normalised, m.start()):
            continue
        if between.strip() or " " in number or (_capitals(text, *m.span(1)) and _spoken(name)):
            found.append((m.start(), m.end(), name + number.replace(" ", "")))
    return found


def _named(normalised: str, start: int) -> bool:
    """Whether a word of ``_NAMERS`` stands just before the shape at ``start`` ("PO HARAPAN
    JAYA 88", "foto: METRO-24"): the name of a fleet, an outlet or a product."""
    before = _TOKEN.findall(normalised, max(0, start - 40), start)[-NAMER_WIDTH:]
    return not _NAMERS.isdisjoint(before)


def _in_path(normalised: str, at: int) -> bool:
    """Whether ``at`` lies in a link's path: words joined by hyphens there are a slug
    (``/news/world-asia-123``), not a name and number written apart."""
    chunk = normalised.rfind(" ", 0, at) + 1
    return "/" in normalised[chunk:at]


def _compound_shapes(text: Text, shapes: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Words in capitals compounded from a brand head (``ISTANAXYZ``, ``RAJAJITU``) that no
    other shape covers; a head with an everyday ending (``RAJANYA``) is the word itself."""
    starts = {start for start, _, _ in shapes}
    return [
        (m.start(), m.end(), m.group())
        for m in _HEADED.finditer(text.normalised)
        if m.start() not in starts and m.group(2) not in _ENDINGS and _capitals(text, *m.span())
    ]


def _spoken(name: str) -> bool:
    """Whether ``name`` is said as a word, not spelled as an acronym (``PBB``, ``DPRD``):
    brands are words ("GACOR", "ZEUS"), offices and bodies in capitals are acronyms."""
    return sum(map(name.count, "aeiou")) >= 2


def _capitals(text: Text, start: int, end: int) -> bool:
    """Whether normalised ``[start, end)`` is written in capitals in the original."""
    return text.span(start, end).text.isupper()


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


def _once_per_stretch(
    found: list[tuple[int, int, str, tuple[str, float]]],
) -> list[tuple[int, int, str, tuple[str, float]]]:
    """Of phrases of one category that overlap ("cek penerima" + "penerima bansos"), the
    strongest, then the longest: one stretch of text says one claim once. Other categories'
    are claims of their own and stay (``found`` is sorted by start, none inside another)."""
    out: list[tuple[int, int, str, tuple[str, float]]] = []
    for match in found:
        last = out[-1] if out else None
        if last and match[0] < last[1] and match[3][0] == last[3][0]:
            out[-1] = max(last, match, key=_weight)
            continue
        out.append(match)
    return out


def _weight(match: tuple[int, int, str, tuple[str, float]]) -> tuple[float, int]:
    return match[3][1], match[1] - match[0]


def _disguised(original: str, phrase: str) -> bool:
    """Whether ``original`` spells ``phrase`` other than plainly: other characters than its
    letters (case, spacing and styled letters aside: ``styled`` counts those, so a bold
    thank-you note naming "judi" is not counted twice), or its words broken into more pieces
    than it has (``P I N J A M A N   C E P A T``)."""
    pieces = unicodedata.normalize("NFKC", original).lower().split()
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
