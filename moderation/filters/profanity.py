"""English profanity from better-profanity's word list and leetspeak table, as a hash lookup.

better-profanity compares every token against ~900 ``VaryingString``s (about 30 comments/s).
We fold each character to a class that covers its leetspeak alternatives (``1``/``l``/``i``,
``@``/``a``/``o``, ...), index the word list by folded form, and confirm each candidate with the
exact per-character rule, so the matches are the same words and the cost is one dict lookup
per token or phrase.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from importlib import resources

from moderation.filters.base import Context, Text
from moderation.models import Action, Finding

VERSION = "better-profanity-0.7.0"

# better-profanity's CHARS_MAPPING: a word's letter may appear as any of these.
LEET: dict[str, tuple[str, ...]] = {
    "a": ("a", "@", "*", "4"),
    "i": ("i", "*", "l", "1"),
    "o": ("o", "*", "0", "@"),
    "u": ("u", "*", "v"),
    "v": ("v", "*", "u"),
    "l": ("l", "1"),
    "e": ("e", "*", "3"),
    "s": ("s", "$", "5"),
    "t": ("t", "7"),
}
# Folding classes: every alternative of a letter folds to the letter's class.
_FOLD = str.maketrans(
    {
        "@": "a",
        "4": "a",
        "1": "i",
        "l": "i",
        "0": "o",
        "v": "u",
        "3": "e",
        "$": "s",
        "5": "s",
        "7": "t",
    }
)
_AMBIGUOUS = {"@": ("a", "o"), "*": ("a", "i", "o", "u", "e")}
TOKEN = re.compile(r"(?:[^\W_]|[@$*'\"])+")
MAX_WILDCARDS = 3


def _fold(token: str) -> Iterable[str]:
    """Every folded key a token could stand for (``*`` and ``@`` are ambiguous)."""
    if "*" not in token and "@" not in token:
        yield token.translate(_FOLD)
        return
    slots = [_AMBIGUOUS.get(char, (char,)) for char in token]
    if sum(len(slot) > 1 for slot in slots) > MAX_WILDCARDS:
        return
    for combo in itertools.product(*slots):
        yield "".join(combo).translate(_FOLD)


def _same(word: str, token: str) -> bool:
    """better-profanity's rule: each character is the word's letter or one of its stand-ins."""
    return len(word) == len(token) and all(
        t in LEET.get(w, (w,)) for w, t in zip(word, token, strict=True)
    )


class WordList:
    def __init__(self, words: Iterable[str]) -> None:
        self.index: dict[str, list[str]] = {}
        self.max_words = 1
        for word in {w.strip().lower() for w in words if w.strip()}:
            self.index.setdefault(word.translate(_FOLD), []).append(word)
            self.max_words = max(self.max_words, word.count(" ") + 1)

    @classmethod
    def better_profanity(cls) -> WordList:
        path = resources.files("better_profanity") / "profanity_wordlist.txt"
        return cls(path.read_text().splitlines())

    def match(self, token: str) -> str | None:
        for key in _fold(token):
            for word in self.index.get(key, ()):
                if _same(word, token):
                    return word
        return None


class ProfanityFilter:
    """Flags words of the list, and the list's multi-word phrases, in the normalised text."""

    name = "profanity"
    version = VERSION

    def __init__(self, words: WordList, action: Action = Action.HOLD) -> None:
        self.words = words
        self.action = action

    def __call__(self, text: Text, context: Context) -> list[Finding]:
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text.normalised)]
        findings = []
        for i, (start, _, token) in enumerate(tokens):
            for width in range(self.words.max_words, 0, -1):
                group = tokens[i : i + width]
                if len(group) < width:
                    continue
                phrase = token if width == 1 else " ".join(t for _, _, t in group)
                word = self.words.match(phrase)
                if word:
                    findings.append(self._finding(text, start, group[-1][1], word))
                    break
        return findings

    def _finding(self, text: Text, start: int, end: int, word: str) -> Finding:
        return Finding(
            filter=self.name,
            rule=f"en:{word}",
            action=self.action,
            spans=(text.span(start, end),),
            version=self.version,
        )
