"""Text normalisation shared by every filter; the original is never changed.

Two views, both mapping back to original offsets:

- ``normalised``: NFKC, case-folded, lookalike letters folded to ASCII (Cyrillic, Greek, styled
  and enclosed letters), zero-width and bidi controls removed, combining marks (Zalgo, accents)
  stripped. Digits and punctuation are kept, so ``Rp 600.000`` still reads as money.
- ``letters`` (for word lists): the same, plus leetspeak folded only inside tokens that mix
  letters with digits or symbols (``5h!t``, ``b4ngs4t``), spaced-out letters joined
  (``s.l.o.t``, ``a n j i n g``) and alay slang spelled out (``bgst`` → ``bangsat``).

Repeated letters (``shiiit``) are collapsed by the word matcher, which compares run lengths
(see ``collapse``), so ``ass`` never turns into ``as``.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources

from moderation.filters.text import Text

_DATA = resources.files("moderation.filters") / "data"

# Blank fillers: letters or symbols that print as nothing but a gap (Hangul fillers, the braille
# blank). Spammers split words with them, or write them for the spaces between words.
BLANKS = "\u115f\u1160\u2800\u3164\uffa0"
# Zero-width, joiners, bidi embeddings/overrides/isolates, soft hyphen, BOM, variation selectors;
# every other format character (``Cf``: tag characters, word joiner, invisible operators) too.
_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\ufeff" + BLANKS + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)
_DROPPED_CATEGORIES = frozenset(["Mn", "Me", "Cf"])
# A letter Unicode names after one Latin letter with a mark NFD does not split off or a form
# NFKC does not fold: "LATIN LETTER SMALL CAPITAL R", "LATIN SMALL LETTER D WITH HOOK",
# "MODIFIER LETTER CAPITAL B" (look-alikes ``ʀ``, ``ɗ``, ``ᴮ``).
_NAMED_LETTER = re.compile(
    r"(?:LATIN|MODIFIER) (?:SMALL |CAPITAL )?LETTER (?:SMALL |CAPITAL )*([A-Z])(?: WITH .+)?"
)

LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g"}
)
_SYMBOLS = str.maketrans({"@": "a", "$": "s", "!": "i", "|": "i", "+": "t", "€": "e", "£": "l"})
# Only tokens mixing letters with digits or leet symbols are leet-folded. The pre-check is a
# fixed two-character pattern and the token pattern one character class: both linear.
_MIXED = re.compile(r"[a-z][0-9@$!|+€£]|[0-9@$!|+€£][a-z]")
# Starts only at a token start, so its backtracking stays within one token: linear overall.
# A token after or before a decimal mark with digits is part of a number ("5,5jt", "rp2,5").
_LEET_TOKEN = re.compile(
    r"(?<![a-z0-9@$!|+€£])(?<![0-9][.,])"
    r"(?:[a-z]+[0-9@$!|+€£]|[0-9@$!|+€£]+[a-z])[a-z0-9@$!|+€£]*(?![.,][0-9])"
)
_NUMBER = re.compile(r"[0-9]{3,}")  # prices and years stay numbers inside mixed tokens
_SYMBOL_INSIDE = re.compile(r"[@$!|+€£](?=[a-z0-9])")  # a symbol ending a word is punctuation
_SEPARATOR = r"[\s.,\-_*+~/|:;'\"·•]"
# Three or more single letters split by the same kind of separator: "s.l.o.t", "a n j i n g".
# Letters and separators are disjoint classes, so matching is linear.
_SPACED = re.compile(rf"(?<![^\W_])[^\W\d_](?:{_SEPARATOR}{{1,3}}[^\W\d_](?![^\W_])){{2,}}")
_LETTER = re.compile(r"[^\W\d_]")
# Emoji and other non-ASCII symbols between two letters of one word ("anj🐶ing"): dropped.
_INSIDE = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f]+(?=[^\W\d_])")
_RUN = re.compile(r"(.)\1")


def _classes(wild: str = "", **patterns: str) -> bytes:
    """A ``bytes.translate`` table giving each ASCII byte the name of the first pattern that
    matches it as a ``str`` (so the classes agree with the ``str`` patterns), else a space;
    each of ``wild`` is kept as itself (a class of its own, "could be any")."""
    table = bytearray(b" " * 256)
    for code in range(128):
        for name, pattern in patterns.items():
            if re.fullmatch(pattern, chr(code)):
                table[code] = ord(name)
                break
    for char in wild:
        table[ord(char)] = ord(char)
    return bytes(table)


# Cheap pre-checks on a byte-per-character class string of the text (``str.encode`` with
# ``replace`` writes one ``?`` per non-ASCII character), so most comments skip the costlier
# patterns; each pre-check is a necessary condition of its pattern, so results are unchanged.
# Leet: a letter beside a digit or symbol (``_MIXED`` without its two non-ASCII symbols).
_LEET_CLASSES = _classes(a="[a-z]", d="[0-9@$!|+]")
# Spread letters: the shape of ``_SPACED`` over letter/digit/separator classes; in a text with
# characters beyond ASCII (each encoded as ``?``), ``?`` may be of any class. The text gets a
# space in front, so the shape opens with a character class, not a lookbehind tried at every
# letter. An ASCII text's middle letter must stand between separators (``sas``): that ``in``
# rules most out before the search, which costs ~2 µs per 200 characters.
_SPACED_CLASSES = _classes(a=r"[^\W\d_]", d=r"[^\W_]", s=_SEPARATOR)
_SPACED_WILD = _classes("?", a=r"[^\W\d_]", d=r"[^\W_]", s=_SEPARATOR)
_SPACED_SHAPE = re.compile(rb"[ s?][a?](?:[s?]{1,3}[a?](?![ad])){2,}")
# Slang: the ASCII letter runs (a non-ASCII letter only splits a run into more candidates).
_LETTER_CLASSES = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
MIN_JOINED = 6  # joined words this long may hold several words ("slotgacor"): see Text.joined


def _load_confusables() -> dict[str, str]:
    table = {}
    for line in (_DATA / "confusables.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, ascii_, _ = line.split("\t", 2)
            table[chr(int(code, 16))] = ascii_
    return table


def _load_units() -> re.Pattern[str]:
    lines = (_DATA / "number-units.txt").read_text(encoding="utf-8").splitlines()
    units = sorted((u for u in lines if u and not u.startswith("#")), key=len, reverse=True)
    return re.compile(r"[0-9]+(?:" + "|".join(map(re.escape, units)) + ")")


# A number and its unit ("5jt", "50rb", "3x"): a quantity, not a word written in digits.
_QUANTITY = _load_units()


def _load_slang() -> dict[str, str]:
    table = {}
    for line in (_DATA / "slang-id.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            alay, standard = line.split("\t")[:2]
            table[alay] = standard
    return table


_CONFUSABLES = _load_confusables()
SLANG = _load_slang()
_SLANG_KEYS = frozenset(k.encode() for k in SLANG if k.isalpha())
_SLANG_ODD = tuple(k for k in SLANG if not k.isalpha())  # "janc0k": looked for as it is


# Letters NFKC leaves alone: regional indicators (flag halves, spelled out as "🇸 🇱 🇴 🇹"),
# squared, negative circled and negative squared capitals ("🅹🆄🅳🅸").
_LETTER_BLOCKS = (0x1F1E6, 0x1F130, 0x1F150, 0x1F170)


def _enclosed_letter(code: int) -> str | None:
    for first in _LETTER_BLOCKS:
        if first <= code < first + 26:
            return chr(ord("a") + code - first)
    return None


def fold_char(char: str) -> str:
    """One original character as it appears in ``normalised`` (possibly empty or longer)."""
    if char in _INVISIBLE or unicodedata.category(char) in _DROPPED_CATEGORIES:
        return ""  # "Me": the enclosing keycap of "8️⃣" and circles drawn around letters
    letter = _enclosed_letter(ord(char))
    if letter is not None:
        return letter
    out = []
    for c in unicodedata.normalize("NFKC", char).casefold():
        c = _CONFUSABLES.get(c, c)
        if not c.isascii():
            c = "".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d))
        if len(c) == 1 and not c.isascii() and c.isalpha():
            c = _named_letter(c)
        out.append(c)
    return "".join(out)


def _named_letter(char: str) -> str:
    """``char`` as the Latin letter it is named after (``ɗ`` → ``d``), else itself."""
    named = _NAMED_LETTER.fullmatch(unicodedata.name(char, ""))
    return named.group(1).lower() if named else char


class _Folds(dict[int, str]):
    """``str.translate`` table filled on first sight of each character.

    ``uneven`` collects the characters that fold to zero or several characters: a text with
    none of them lines up one to one with its original and needs no offset map. ``lowered``
    holds the characters ``str.lower`` folds right (ASCII, and emoji and others that fold to
    themselves), and ``replaced`` the others whose fold ``lower`` leaves alone, with that fold:
    a text of those is folded by a few ``str.replace`` and one ``lower``, all in C, where
    ``translate`` takes its per-character path for any text with one non-ASCII character.
    """

    LIMIT = 1 << 16

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()
        self.lowered: set[str] = set(map(chr, range(128)))
        self.replaced: dict[str, str] = {}
        self._pattern: tuple[int, re.Pattern[str]] = (-1, re.compile("x"))

    def uneven_pattern(self) -> re.Pattern[str]:
        """Runs of ``uneven`` characters, recompiled only when it has grown."""
        if self._pattern[0] != len(self.uneven):
            chars = "".join(sorted(self.uneven))
            self._pattern = (len(self.uneven), re.compile(f"[{re.escape(chars)}]+"))
        return self._pattern[1]

    def __missing__(self, code: int) -> str:
        if len(self) > self.LIMIT:  # bounded memory whatever the input
            self.clear()
        char = chr(code)
        folded = self[code] = fold_char(char)
        if len(folded) != 1:
            self.uneven.add(char)
        if len(folded) == 1 and folded == char.lower() and char != _SIGMA:
            self.lowered.add(char)
        elif all(c.lower() == c == fold_char(c) for c in folded):
            self.replaced[char] = folded
        return folded

    def learn(self, chars: Iterable[str]) -> None:
        """Sort each of ``chars`` not seen yet into ``lowered``, ``replaced`` or neither."""
        for char in chars:
            if ord(char) not in self:
                self.__missing__(ord(char))


_SIGMA = "\u03a3"  # the one letter ``lower`` reads in context (a final sigma is "ς")
_FOLDS = _Folds()


def normalise(original: str) -> Text:
    """Both views of ``original`` (see the module docstring)."""
    plain, offsets = _fold(original)
    spaced: tuple[str, Sequence[int] | None] = (plain, offsets)
    if offsets is not None and not _BLANK_SET.isdisjoint(original):
        spaced = _blanks_as_spaces(original, plain, offsets)
    letters, where, joined = _letters(*spaced)
    base = Text(original, plain, offsets)
    if letters == plain and where is offsets:
        return base
    return Text(original, plain, offsets, Text(original, letters, where, joined=joined))


_BLANK_SET = frozenset(BLANKS)
_BLANK_RUN = re.compile(f"[{BLANKS}]+")
# Letters and digits, not counting the Hangul fillers Unicode calls letters.
_WORD_CHARS = re.compile(rf"[^\W_{BLANKS}]+")
WORD_PIECE = 3  # letters on each side of a filler that make it a space between two words


def _blanks_as_spaces(original: str, plain: str, offsets: list[int]) -> tuple[str, list[int]]:
    """``plain`` with a space where a blank filler stood between two words of ``WORD_PIECE``
    letters or more ("daftar⠀slot⠀gacor"), for the letters view; fillers inside a word
    ("sl⠀ot", "s⠀l⠀o⠀t") stay dropped, so the word reads whole."""
    pieces = []
    for m in _BLANK_RUN.finditer(original):
        before = original[max(0, m.start() - WORD_PIECE) : m.start()]
        after = _WORD_CHARS.match(original, m.end())
        if _word(before) and after and len(after.group()) >= WORD_PIECE:
            i = bisect.bisect_left(offsets, m.end())
            pieces.append((i, i, " ", [i]))
    return _apply(plain, offsets, pieces) if pieces else (plain, offsets)


def _word(piece: str) -> bool:
    return len(piece) == WORD_PIECE and _WORD_CHARS.fullmatch(piece) is not None


FEW = 8  # distinct characters replaced one ``str.replace`` each; more take ``translate``


def _fold(original: str) -> tuple[str, list[int] | None]:
    """``original`` through ``_FOLDS``, and its offset map if some character is uneven."""
    if original.isascii():
        return original.lower(), None
    odd = set(original).difference(_FOLDS.lowered)
    if len(odd) > FEW:
        return _translated(original)
    _FOLDS.learn(odd)
    odd.difference_update(_FOLDS.lowered)
    if not odd.issubset(_FOLDS.replaced):
        return _translated(original)
    plain = original
    for char in odd:
        plain = plain.replace(char, _FOLDS.replaced[char])
    plain = plain.lower()
    uneven = odd & _FOLDS.uneven
    if not uneven:
        return plain, None
    if any(_FOLDS.replaced[c] for c in uneven):
        return _with_offsets(original)
    return plain, _kept(original, uneven)  # only characters dropped (joiners, marks)


def _translated(original: str) -> tuple[str, list[int] | None]:
    plain = original.translate(_FOLDS)
    if len(plain) != len(original) or not _FOLDS.uneven.isdisjoint(original):
        return _with_offsets(original)
    return plain, None


DROPPED = 64  # dropped characters found one ``str.find`` each; more, in runs by a pattern


def _kept(original: str, dropped: set[str]) -> list[int]:
    """The offsets of the characters of ``original`` that are not ``dropped`` (uneven)."""
    if sum(map(original.count, dropped)) > DROPPED:
        return _kept_runs(original)
    index: list[int] = []
    at = 0
    for i in sorted(_where(original, dropped)):
        index.extend(range(at, i))
        at = i + 1
    index.extend(range(at, len(original)))
    return index


def _where(text: str, chars: set[str]) -> Iterator[int]:
    for char in chars:
        i = text.find(char)
        while i >= 0:
            yield i
            i = text.find(char, i + 1)


def _kept_runs(original: str) -> list[int]:
    index: list[int] = []
    at = 0
    for m in _FOLDS.uneven_pattern().finditer(original):
        index.extend(range(at, m.start()))
        at = m.end()
    index.extend(range(at, len(original)))
    return index


def _with_offsets(original: str) -> tuple[str, list[int]]:
    """Fold with an offset map; only the uneven characters cost Python work."""
    chars: list[str] = []
    index: list[int] = []
    at = 0
    for m in _FOLDS.uneven_pattern().finditer(original):
        i = m.start()
        chars.append(original[at:i].translate(_FOLDS))
        index.extend(range(at, i))
        for j in range(i, m.end()):
            folded = _FOLDS[ord(original[j])]
            chars.append(folded)
            index.extend([j] * len(folded))
        at = m.end()
    chars.append(original[at:].translate(_FOLDS))
    index.extend(range(at, len(original)))
    return "".join(chars), index


def _letters(
    plain: str, offsets: Sequence[int] | None
) -> tuple[str, Sequence[int] | None, frozenset[str]]:
    text = _LEET_TOKEN.sub(_fold_leet, plain) if _mixed(plain) else plain
    if not text.isascii() and _INSIDE.search(text):
        pieces: list[tuple[int, int, str, list[int]]] = [
            (m.start(), m.end(), "", []) for m in _INSIDE.finditer(text)
        ]
        text, offsets = _apply(text, offsets, pieces)
    pieces = [_unspread(m) for m in _SPACED.finditer(text)] if _spaced(text) else []
    joined = frozenset(w for p in pieces for w in p[2].split() if len(w) >= MIN_JOINED)
    if not pieces:
        pieces = _slang(text)
    else:
        text, offsets = _apply(text, offsets, pieces)
        pieces = _slang(text)
    return (*(_apply(text, offsets, pieces) if pieces else (text, offsets)), joined)


def _mixed(text: str) -> bool:
    if "€" in text or "£" in text:
        return _MIXED.search(text) is not None
    classes = text.encode("ascii", "replace").translate(_LEET_CLASSES)
    return b"ad" in classes or b"da" in classes


def _spaced(text: str) -> bool:
    """Whether ``_SPACED`` may match (a necessary condition, checked on classes)."""
    if text.isascii():
        classes = f" {text}".encode().translate(_SPACED_CLASSES)
        if b"sas" not in classes:
            return False
    else:
        classes = f" {text}".encode("ascii", "replace").translate(_SPACED_WILD)
    return _SPACED_SHAPE.search(classes) is not None


def _unspread(m: re.Match[str]) -> tuple[int, int, str, list[int]]:
    """A run of spaced-out letters as words: the run's usual separator joins letters, and a
    different one (wider, or another kind: ``j-u-d-i o-n-l-i-n-e``) parts words."""
    run = m.group()  # once: each call copies the run, which may be the whole comment
    letters = list(_LETTER.finditer(run))
    gaps = [run[a.end() : b.start()] for a, b in itertools.pairwise(letters)]
    usual = collections.Counter(gaps).most_common(1)[0][0]
    out, kept = [letters[0].group()], [m.start() + letters[0].start()]
    for gap, letter in zip(gaps, letters[1:], strict=True):
        if gap != usual:
            out.append(" ")
            kept.append(m.start() + letter.start() - 1)
        out.append(letter.group())
        kept.append(m.start() + letter.start())
    return m.start(), m.end(), "".join(out), kept


def _fold_leet(match: re.Match[str]) -> str:
    token = match.group()
    return _cached_leet(token) if len(token) <= CACHED else _leet(token)


def _leet(token: str) -> str:
    if token.isalpha() or token.isdigit() or _QUANTITY.fullmatch(token):
        return token
    token = _SYMBOL_INSIDE.sub(lambda m: m.group().translate(_SYMBOLS), token)
    if not any(c.isdigit() for c in token):
        return token
    parts = _NUMBER.split(token)
    numbers = _NUMBER.findall(token)
    folded = [p.translate(LEET) for p in parts]
    return "".join(f + n for f, n in zip(folded, [*numbers, ""], strict=True))


CACHED = 32  # tokens up to this long are folded once each, so the cache's memory stays bounded
_cached_leet = functools.lru_cache(maxsize=1 << 14)(_leet)


def _slang(text: str) -> list[tuple[int, int, str, list[int]]]:
    words = text.encode("ascii", "replace").translate(_LETTER_CLASSES).split()
    keys = _SLANG_KEYS.intersection(words)
    odd = [k for k in _SLANG_ODD if k in text]
    if not keys and not odd:
        return []  # a slang word is a whole run of letters: none of this text's is one
    pieces = []
    for start, end in _slang_matches(text, [k.decode() for k in keys] + odd):
        standard = SLANG[text[start:end]]
        last = end - 1
        source = [min(start + k, last) for k in range(len(standard))]
        pieces.append((start, end, standard, source))
    return pieces


def _slang_matches(text: str, keys: list[str]) -> list[tuple[int, int]]:
    """Each slang word's ``[start, end)``, found from the few ``keys`` that may occur: every
    whole-word occurrence of each, then left to right, the longest at each start, skipping any
    that overlaps the one before. It matches as an alternation of every key, longest first,
    between non-letters would, without trying every key at every position (which made that
    pattern the costliest step of ``normalise`` on slangy text)."""
    found = sorted((start, -len(key)) for key in keys for start in _whole(text, key))
    matches: list[tuple[int, int]] = []
    at = 0
    for start, minus in found:
        if start >= at:
            at = start - minus
            matches.append((start, at))
    return matches


def _whole(text: str, key: str) -> Iterator[int]:
    """The starts of ``key`` in ``text`` with no letter just before or just after it."""
    i = text.find(key)
    while i >= 0:
        end = i + len(key)
        if (i == 0 or not _LETTER.match(text, i - 1)) and not _LETTER.match(text, end):
            yield i
        i = text.find(key, i + 1)


def _apply(
    text: str, offsets: Sequence[int] | None, pieces: list[tuple[int, int, str, list[int]]]
) -> tuple[str, list[int]]:
    """Replace ``text[start:end]`` by each piece's string; its characters come from ``source``."""
    where = offsets if offsets is not None else range(len(text))
    out: list[str] = []
    index: list[int] = []
    at = 0
    for start, end, replacement, source in pieces:
        out.append(text[at:start])
        index.extend(where[at:start])
        out.append(replacement)
        index.extend(where[i] for i in source)
        at = end
    out.append(text[at:])
    index.extend(where[at:])
    return "".join(out), index


def collapse(word: str) -> tuple[str, tuple[int, ...]]:
    """``word`` with each run of one letter kept once, and the run lengths (``shiiit`` → 3)."""
    if not _RUN.search(word):
        return word, (1,) * len(word)
    key: list[str] = []
    runs: list[int] = []
    for char in word:
        if key and key[-1] == char:
            runs[-1] += 1
        else:
            key.append(char)
            runs.append(1)
    return "".join(key), tuple(runs)
