"""Profanity word lists with severities and innocent contexts, matched token by token on the
letters view.

A word matches a token when both fold to the same key (better-profanity's lookalike classes
``l``/``i`` and ``v``/``u``, runs of one letter kept once) and every run in the token is at
least as long as the word's (``shiiit`` is ``shit``; ``as`` is not ``ass``). Indonesian and
Javanese words also match with their affixes and clitics (``kontolnya``, ``dianjing``), in
their regional and old spellings and vowel-less shortenings (``ndhasmu``, ``djantjoek``,
``gblk``), and words flagged ``glue`` inside longer tokens (``fuckthis``); gapped runs
(``ba.ng.sat``, see ``gaps``) are read against the same index. A hit inside one of the word's
allowed contexts (``flu babi``) is dropped. Cost: a few dict lookups per token.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import NamedTuple

from moderation.filters.automaton import Automaton
from moderation.filters.normalise import collapse, normalise
from moderation.policy import Severity

_FOLD = str.maketrans({"l": "i", "v": "u"})
TOKEN = re.compile(r"(?:[^\W\d_]|\*)+")
_RUN = re.compile(r"(.)\1")
_LETTER_RUN = re.compile(r"([a-zA-Z])\1")
SUFFIXES = tuple(
    s.translate(_FOLD) for s in ("nya", "lah", "kah", "mu", "ku", "in", "pun", "an", "kan")
)
# Spellings Indonesian writers swap freely: p/f (kamfret, kapir), a final k/g (goblog) and t/d
# (bangsad). Each listed word also matches as each swap, with the same affixes.
_SWAPS = (("p", "f"), ("f", "p"))
_FINAL_SWAPS = {"k": "g", "g": "k", "t": "d"}
# Swapped spellings and affixed forms that spell an everyday word: never matched.
# "bangkaian" is Bangkalan (a regency on Madura) read through the l/i fold as bangkai + -an.
# Vowel-less shortenings of everyday words too: kampung, cabang, kacang, dompet, bangku.
_EVERYDAY = frozenset(
    [
        *("saraf", "teteg", "cog", "sarapan", "kebodohan", "kemunafikan", "kebiadaban"),
        *("bangkaian", "kmpng", "cbng", "kcng", "dmpt", "bngk"),
    ]
)
PREFIXES = ("di", "ke")
_WILDCARD_VOWELS = "aioue"
MAX_WILDCARDS = 3
MIN_STEM = 3
MIN_INSIDE = 4  # a word found inside a joined word needs this many letters ("asu" does not)
# ``bytes.translate`` tables keeping ASCII letters (folded or not) and blanking the rest: the
# distinct ``TOKEN``s of an ASCII text without ``*`` are then one C-level split.
_ASCII_LETTERS = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_ASCII_FOLD = bytes.maketrans(b"lv", b"iu")  # ``_FOLD`` for ASCII text, in C
_ASCII_FOLDED = _ASCII_LETTERS.translate(_ASCII_FOLD)
# A non-ASCII letter or digit: a text with none (only emoji and symbols beyond ASCII, which
# UTF-8 encodes as bytes the tables blank) has the same ``TOKEN``s as its ASCII letters.
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
# ``TOKEN`` without ``*`` (a single class repeated, which the regex engine runs fastest), and
# over such a text's bytes.
_LETTERS = re.compile(r"[^\W\d_]+")
_ASCII_TOKEN = re.compile(rb"([a-zA-Z]+)")


class Token(NamedTuple):
    start: int
    end: int
    key: str
    runs: tuple[int, ...] | None  # None: every letter single, the common case


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    word: str
    lang: str
    severity: Severity
    version: str
    keys: tuple[str, ...]  # one folded key per word of a phrase
    runs: tuple[int, ...] | None  # run lengths of a single word; None: all single
    glue: bool = False
    allow: tuple[tuple[str, ...], ...] = ()  # innocent contexts, as key phrases
    # "literal": an animal or body word, innocent near a literal topic cue ("anjing rabies");
    # "health": a medical or sexual-health word, innocent near a health cue ("BPOM ... viagra");
    # "name": also a personal name ("Pak Dick"); "slur": held whatever the site's severities;
    # "disguised": a slur when spelt in disguise ("k4f1r"); "veiled": an everyday word matched
    # only in disguise ("c1na", "c.i.n.a": the disguise shows the intent).
    flags: frozenset[str] = frozenset()


@dataclasses.dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    first: int  # token indices, inclusive
    last: int
    start: int  # letters-view offsets
    end: int
    how: str = ""


Gap = tuple[int, int, Entry, str]  # a gapped run read as a listed word: letters-view span, reading


def key_of(word: str) -> tuple[str, tuple[int, ...] | None]:
    """Runs collapse before the lookalike fold, so ``pliss`` (p-l-i-ss) is not ``piss``."""
    if not _RUN.search(word):
        return word.translate(_FOLD), None
    key, runs = collapse(word)
    return key.translate(_FOLD), runs


def tokens(text: str) -> list[Token]:
    """The letter tokens of ``text`` with their keys, built in C (a namedtuple is its own
    ``tuple.__new__``, which its generated ``__new__`` calls): only a token with a run of one
    letter (``shiiit``) costs Python work."""
    if "*" in text:
        return _starred(text)
    if text.isascii() or _NON_ASCII_WORD.search(text) is None:
        # Its tokens are its ASCII letter runs: split the folded bytes around them, and the
        # pieces' lengths give every token's offsets.
        pieces = _ASCII_TOKEN.split(text.encode("ascii", "replace").translate(_ASCII_FOLD))
        cuts = list(itertools.accumulate(map(len, pieces)))
        starts, ends = cuts[0:-1:2], cuts[1::2]
        keys: Iterable[str] = map(bytes.decode, pieces[1::2])
    else:
        matches = list(_LETTERS.finditer(text))
        starts, ends = list(map(re.Match.start, matches)), list(map(re.Match.end, matches))
        keys = _LETTERS.findall(text.translate(_FOLD))  # the fold maps letters to letters
    fields = zip(starts, ends, keys, itertools.repeat(None))
    out: list[Token] = list(map(tuple.__new__, itertools.repeat(Token), fields))
    run = _RUN.search(text)
    while run is not None:
        at = run.start()
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and at + 1 < ends[i]:  # the run is inside token ``i``: key it, skip past it
            word = text[starts[i] : ends[i]]
            out[i] = Token(starts[i], ends[i], *(_key if len(word) <= CACHED else key_of)(word))
            run = _RUN.search(text, ends[i])
        else:  # two equal characters that are no letters ("..", "11"), as ``finditer`` goes on
            run = _RUN.search(text, run.end())
    return out


def _starred(text: str) -> list[Token]:
    """``tokens`` of a text with ``*`` in it: a token's outer stars are stripped."""
    folded = text.translate(_FOLD)
    repeats = _RUN.search(text) is not None
    out = []
    for m in TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        if "*" in word:
            stripped = word.strip("*")
            if not stripped:
                continue
            start += word.index(stripped)
            end = start + len(stripped)
            word = stripped
        if repeats and _RUN.search(word):
            out.append(Token(start, end, *key_of(word)))
        else:
            out.append(Token(start, end, folded[start:end], None))
    return out


def _expansions(key: str) -> Iterator[str]:
    """Every reading of a token whose ``*`` stands for a vowel (better-profanity's rule)."""
    if key.count("*") > MAX_WILDCARDS:
        return
    slots = [_WILDCARD_VOWELS if c == "*" else c for c in key]
    for combo in itertools.product(*slots):
        yield collapse("".join(combo))[0]


def _runs_cover(token: Sequence[int] | None, word: Sequence[int] | None) -> bool:
    if word is None:
        return True
    if token is None:
        return False
    return len(token) == len(word) and all(t >= w for t, w in zip(token, word, strict=True))


def _affixes() -> Iterator[tuple[str, str]]:
    for pre in ("", *PREFIXES):
        for suf in ("", *SUFFIXES):
            if pre or suf:
                yield pre, suf


# Javanese and older spellings of the same word, matched bare (no affixes): the aspirated
# "dh"/"jh" (``ndhasmu``, Madurese ``jhancok``), the pre-1972 "dj"/"tj"/"oe" (``djantjoek``),
# and the intensifying "i"/"u" after the first consonant (``jiamput``, ``guoblok``).
_ASPIRATED = ("d", "j")
_OLD = str.maketrans({"j": "dj", "c": "tj", "u": "oe"})
_INTENSIFIERS = ("i", "u")


MIN_SKELETON = 4  # consonants a vowel-less spelling needs ("gblk"; "bgt" is "banget")
_NO_VOWELS = str.maketrans("", "", "aiueo")
_FOLDED = frozenset("lv")  # letters keys fold to vowels


def skeleton(word: str) -> str | None:
    """The key of ``word`` with its vowels dropped (``bangsat`` → ``bngst``), the way SMS writers
    shorten it, if that leaves ``MIN_SKELETON`` consonants; a token with no vowel is only ever
    such a shortening, so it cannot collide with an ordinary word spelled out (shortenings of
    everyday words are in ``_EVERYDAY``)."""
    bare = collapse(word.translate(_NO_VOWELS))[0]
    if len(bare) < MIN_SKELETON or bare == word or not bare.isalpha() or _FOLDED & set(bare):
        return None  # folded, "clng" would be the key "cing", an everyday word
    return bare


def dialect_spellings(key: str) -> set[str]:
    """The regional and old spellings of ``key`` (not ``key`` itself): ``jancuk`` →
    ``jhancuk``, ``djantjoek``, ``jiancuk``…"""
    out = {key[: i + 1] + "h" + key[i + 1 :] for i, c in enumerate(key) if c in _ASPIRATED}
    out.add(key.translate(_OLD))
    if len(key) >= MIN_INSIDE and key[0] not in _WILDCARD_VOWELS and key[1] in "aou":
        out |= {key[0] + i + key[1:] for i in _INTENSIFIERS if i != key[1]}
    out |= {k[:-1] + _FINAL_SWAPS[k[-1]] for k in out if k[-1] in _FINAL_SWAPS}
    return out - {key} - _EVERYDAY


def spellings(key: str) -> set[str]:
    """The swapped spellings of ``key`` (not ``key`` itself): ``kampret`` → ``kamfret``…"""
    out = {key.replace(a, b) for a, b in _SWAPS if a in key}
    if key[-1] in _FINAL_SWAPS:
        out |= {k[:-1] + _FINAL_SWAPS[key[-1]] for k in (key, *out)}
    return out - {key} - _EVERYDAY


class WordList:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.single: dict[str, list[Entry]] = {}
        self.phrases: dict[str, list[Entry]] = {}
        # Every affixed form of every non-English word, so a token costs one lookup.
        self.affixed: dict[str, list[tuple[Entry, int, int]]] = {}
        glued: set[str] = set()
        versions: set[str] = set()
        for entry in entries:
            versions.add(entry.version)
            if len(entry.keys) > 1:
                self.phrases.setdefault(entry.keys[0], []).append(entry)
            else:
                self.single.setdefault(entry.keys[0], []).append(entry)
                if entry.glue:
                    glued.add(entry.keys[0])
                if entry.lang != "en" and len(entry.keys[0]) >= MIN_STEM:
                    self._add_forms(entry)
        # Every key some hit starts from: a clean text (most) shares none with its tokens.
        self.keys = frozenset(self.single) | frozenset(self.affixed)
        self.phrase_words = {
            first: [frozenset(e.keys) for e in entries] for first, entries in self.phrases.items()
        }
        for bucket in self.single.values():
            # Name a hit after the plain spelling ("shit", not "s-h-i-t" or "sh1t").
            bucket.sort(key=lambda e: (not e.word.isalpha(), len(e.word)))
        self.glue: Automaton[str] | None = Automaton((k, k) for k in glued) if glued else None
        # Every single word, to find inside words joined from spread-out letters.
        self.inside = Automaton((k, k) for k in self.single if len(k) >= MIN_INSIDE)
        self.versions = tuple(sorted(versions))

    def _add_forms(self, entry: Entry) -> None:
        """Every affixed form of a non-English word and of each of its swapped spellings; its
        dialect spellings and vowel-less shortening bare."""
        stem = entry.keys[0]
        written = key_of(entry.word)[0]  # "dancuk", which the slang table reads as "jancuk"
        bare = spellings(stem) | dialect_spellings(stem) | dialect_spellings(written)
        short = skeleton(entry.word)
        if short is not None and short not in _EVERYDAY:
            bare.add(short)
        for spelling in bare:
            self.affixed.setdefault(spelling, []).append((entry, 0, 0))
        for key in (stem, *spellings(stem)):
            for pre, suf in _affixes():
                form = pre + key + suf
                if form not in _EVERYDAY:
                    self.affixed.setdefault(form, []).append((entry, len(pre), len(suf)))

    @classmethod
    def load(cls, *names: str) -> WordList:
        """The packs ``moderation/filters/data/profanity-<name>.tsv``."""
        data = resources.files("moderation.filters") / "data"
        return cls(
            entry
            for name in names
            for entry in parse(
                (data / f"profanity-{name}.tsv").read_text(encoding="utf-8"), lang=name
            )
        )

    @classmethod
    def better_profanity(cls) -> WordList:
        """better-profanity's own unpruned list, every word strong (for comparisons)."""
        path = resources.files("better_profanity") / "profanity_wordlist.txt"
        return cls(entries_of(path.read_text().splitlines(), "en", Severity.STRONG))

    def scan(
        self, text: str, joined: Iterable[str] = (), gapped: Sequence[Gap] = ()
    ) -> tuple[list[Hit], list[Token]]:
        """The hits in ``text`` (the letters view) and its tokens (empty when it is clean);
        ``joined`` words (spread-out letters joined) are searched inside too, and ``gapped``
        runs (``ba.ng.sat``) already read as listed words (``reading``) become hits."""
        hot = self.candidates(text)
        inside = {w.translate(_FOLD) for w in joined} - hot
        if not hot and not inside and not gapped:
            return [], []
        toks = tokens(text)
        hits = list(self.find(toks, hot)) if hot else []
        if inside:
            hits += self._inside(toks, inside, {h.first for h in hits})
        if gapped:
            hits += self._gapped(
                toks, gapped, {i for h in hits for i in range(h.first, h.last + 1)}
            )
        return hits, toks

    def reading(
        self, readings: Sequence[tuple[str, bool]], spread: bool = False
    ) -> tuple[Entry, str] | None:
        """The first reading of a gapped run that is a listed word, or the affixed form of one
        when no gap had to be read as a vowel (``sip,tan`` is not ``sipit-an``); in letters
        spread one by one, a listed word inside the closed reading ("bangsatlu")."""
        for reading, filled in readings:
            key = reading.translate(_FOLD)
            runs = None
            if key not in self.keys:
                if not _RUN.search(reading):
                    continue
                key, runs = key_of(reading)
            for entry in self.single.get(key, ()):
                if _runs_cover(runs, entry.runs):
                    return entry, reading
            for entry, _, _ in () if filled else self.affixed.get(key, ()):
                return entry, reading
        if spread and readings and not readings[0][1]:
            for _, _, key, _ in self.inside.within(readings[0][0].translate(_FOLD)):
                entry = self.single[key][0]
                return entry, entry.word
        return None

    def _gapped(self, toks: Sequence[Token], gapped: Sequence[Gap], taken: set[int]) -> list[Hit]:
        """Hits of gapped runs, on the tokens they cover, unless a word found already is one."""
        out = []
        starts, ends = [t.start for t in toks], [t.end for t in toks]
        for start, end, entry, reading in gapped:
            first = bisect.bisect_right(ends, start)
            last = bisect.bisect_left(starts, end) - 1
            if first <= last and taken.isdisjoint(range(first, last + 1)):
                out.append(Hit(entry, first, last, start, end, f"read {reading}"))
        return out

    def _inside(self, toks: Sequence[Token], words: set[str], taken: set[int]) -> list[Hit]:
        out = []
        for i, token in enumerate(toks):
            if token.key in words and i not in taken:
                for _, _, key, _ in self.inside.within(token.key):
                    entry = self.single[key][0]
                    out.append(Hit(entry, i, i, token.start, token.end, f"inside {token.key}"))
        return out

    def candidates(self, text: str) -> set[str]:
        """Token keys worth a closer look, found with set operations in C. Most texts: none."""
        starred = "*" in text
        plain = not starred and (text.isascii() or _NON_ASCII_WORD.search(text) is None)
        tokens = TOKEN if starred else _LETTERS  # the same tokens: ``_LETTERS`` is faster
        words = _words(text, _ASCII_FOLDED) if plain else set(tokens.findall(text.translate(_FOLD)))
        hot = words & self.keys
        for first in self.phrase_words.keys() & words:
            if any(phrase <= words for phrase in self.phrase_words[first]):
                hot.add(first)
        if starred:
            hot.update(key_of(w.strip("*"))[0] for w in set(TOKEN.findall(text)) if "*" in w)
        glue = self.glue
        # A glued word is letters (or stars), so it stands inside one token: look in the
        # distinct tokens, not the whole text.
        if glue is not None and next(glue.within(" ".join(words)), None):
            hot.update(w for w in words if next(glue.within(w), None))
        # a plain text's words are its ASCII letters: one with a run has a doubled letter
        if (_LETTER_RUN if plain else _RUN).search(text):
            for w in _words(text, _ASCII_LETTERS) if plain else set(tokens.findall(text)):
                key = _run_key(w)
                if key is not None and (
                    key in self.keys or (glue is not None and next(glue.within(key), None))
                ):
                    hot.add(key)
        return hot

    def find(self, toks: Sequence[Token], hot: set[str] | None = None) -> Iterator[Hit]:
        i = 0
        while i < len(toks):
            if hot is not None and toks[i].key not in hot:
                i += 1
                continue
            hit = self._phrase(toks, i) or self._word(toks, i)
            if hit is not None and not _allowed(hit, toks):
                yield hit
                i = hit.last + 1
            else:
                i += 1

    def _phrase(self, toks: Sequence[Token], i: int) -> Hit | None:
        for entry in self.phrases.get(toks[i].key, ()):
            n = len(entry.keys)
            group = toks[i : i + n]
            if len(group) == n and all(t.key == k for t, k in zip(group, entry.keys, strict=True)):
                return Hit(entry, i, i + n - 1, group[0].start, group[-1].end)
        return None

    def _word(self, toks: Sequence[Token], i: int) -> Hit | None:
        token = toks[i]
        for entry in self.single.get(token.key, ()):
            if _runs_cover(token.runs, entry.runs):
                return Hit(entry, i, i, token.start, token.end)
        if "*" in token.key:
            return self._wildcard(token, i)
        return self._affixed(token, i) or self._glued(token, i)

    def _wildcard(self, token: Token, i: int) -> Hit | None:
        for key in _expansions(token.key):
            for entry in self.single.get(key, ()):
                return Hit(entry, i, i, token.start, token.end)
        return None

    def _affixed(self, token: Token, i: int) -> Hit | None:
        for entry, pre, suf in self.affixed.get(token.key, ()):
            runs = token.runs[pre : len(token.runs) - suf] if token.runs else None
            if _runs_cover(runs, entry.runs):
                how = "-".join(
                    p for p in (token.key[:pre], entry.word, token.key[-suf:] if suf else "") if p
                )
                return Hit(entry, i, i, token.start, token.end, how)
        return None

    def _glued(self, token: Token, i: int) -> Hit | None:
        if self.glue is None:
            return None
        m = next(self.glue.within(token.key), None)
        if m is None:
            return None
        for entry in self.single.get(m[2], ()):
            return Hit(entry, i, i, token.start, token.end, f"glued in {token.key}")
        return None


def _words(text: str, table: bytes) -> set[str]:
    return set(text.encode().translate(table).decode().split())


def _run_key(word: str) -> str | None:
    """The key of a token with a run of one letter (``shiiit``), or ``None`` if it has none;
    cached for words up to ``CACHED`` letters, so the cache's memory stays bounded."""
    return _cached_run_key(word) if len(word) <= CACHED else _key_of_run(word)


def _key_of_run(word: str) -> str | None:
    return key_of(word.strip("*"))[0] if _RUN.search(word) else None


CACHED = 32
_cached_run_key = functools.lru_cache(maxsize=1 << 14)(_key_of_run)
_key = functools.lru_cache(maxsize=1 << 14)(key_of)  # a token's key and runs (``tokens``)


def _allowed(hit: Hit, toks: Sequence[Token]) -> bool:
    for phrase in hit.entry.allow:
        n = len(phrase)
        for s in range(max(0, hit.first - n + 1), hit.first + 1):
            group = toks[s : s + n]
            if len(group) == n and all(
                k == t.key or (s + j == hit.first and k in hit.entry.keys)
                for j, (t, k) in enumerate(zip(group, phrase, strict=True))
            ):
                return True
    return False


def _entry(
    word: str,
    lang: str,
    severity: Severity,
    version: str,
    glue: bool = False,
    allow: tuple[tuple[str, ...], ...] = (),
    flags: frozenset[str] = frozenset(),
) -> Entry:
    parts = [(t.key, t.runs) for t in tokens(normalise(word).words.normalised)]
    if len(parts) == 1 and parts[0][1] is not None and max(parts[0][1]) == 1:
        parts = [(parts[0][0], None)]
    return Entry(
        word=word,
        lang=lang,
        severity=severity,
        version=version,
        keys=tuple(k for k, _ in parts),
        runs=parts[0][1] if len(parts) == 1 else None,
        glue=glue,
        allow=allow,
        flags=flags,
    )


def entries_of(words: Iterable[str], lang: str, severity: Severity) -> list[Entry]:
    entries = (_entry(w.strip().lower(), lang, severity, lang) for w in words if w.strip())
    return [e for e in entries if e.keys]


def parse(source: str, lang: str) -> Iterator[Entry]:
    """Rows ``word<TAB>severity[<TAB>flags[<TAB>context;context]]``; ``# version: v`` header.
    A later row of a word already listed adds its flags and contexts to the first row (which
    keeps its severity), so a pack is amended by appending."""
    entries: dict[str, Entry] = {}
    for entry in _rows(source, lang):
        first = entries.get(entry.word)
        entries[entry.word] = (
            entry
            if first is None
            else dataclasses.replace(
                first,
                flags=first.flags | entry.flags,
                allow=first.allow + entry.allow,
                glue=first.glue or entry.glue,
            )
        )
    yield from entries.values()


def _rows(source: str, lang: str) -> Iterator[Entry]:
    version = lang
    for line in source.splitlines():
        if line.startswith("# version:"):
            version = line.split(":", 1)[1].strip()
        if not line.strip() or line.startswith("#"):
            continue
        word, severity, flags, contexts = [*line.split("\t"), "-", ""][:4]
        allow = tuple(
            tuple(t.key for t in tokens(normalise(phrase).words.normalised))
            for phrase in contexts.split(";")
            if phrase.strip("- ")
        )
        named = frozenset(flags.split(",")) - {"-"}
        entry = _entry(word, lang, Severity(severity), version, "glue" in named, allow, named)
        if entry.keys:
            yield entry
