"""Abuse beyond listed words: threats, which often carry no swear word at all.

A threat is a harm verb (``bakar``, ``bacok``, ``burn``, with Indonesian and Javanese affixes:
``kubunuh``, ``dibakar``, ``patahkan``) within ``WINDOW`` tokens of both a second-person word
(``kamu``, ``kowe``, ``you``, or a noun with ``-mu``: ``omahmu``, ``lehermu``) and an intent
marker (``tak``, ``akan``, ``will``), or a first-person form of the verb (``ku-``), and not
negated (``tidak akan``). Fixed phrases ("watch your back") count alone. News of a burning or
a stabbing has no second person, so it stays innocent. Vocabulary: ``data/threats.tsv``.
"""

from __future__ import annotations

import functools
import itertools
import re
from importlib import resources

from moderation.filters.automaton import Automaton
from moderation.filters.context import Context
from moderation.filters.text import Text
from moderation.models import Action, FilterName, Finding

VERSION = "abuse-1"
WINDOW = 5
SCORE = 0.85
_TOKEN = re.compile(r"[^\W_]+")
PREFIXES = ("", "ku", "di", "me", "mem", "men", "meng", "nge", "ng", "tak", "dak")
SUFFIXES = ("", "in", "kan", "i", "nya", "ne", "en", "ing")
FIRST_PERSON = ("ku", "tak", "dak")
_YOUR_NOUN = re.compile(r"[a-z]{3,}mu")  # omahmu, lehermu, rumahmu (not "mu" alone)
_NOT_YOURS = frozenset(
    ["ilmu", "tamu", "jamu", "kamu", "ketemu", "bertemu", "jumpa", "temu", "semu", "palu"]
)


@functools.cache
def _vocabulary() -> dict[str, frozenset[str]]:
    source = (resources.files("moderation.filters") / "data" / "threats.tsv").read_text(
        encoding="utf-8"
    )
    rows = dict(line.split("\t", 1) for line in source.splitlines() if line and line[0] != "#")
    words = {k: frozenset(v.split()) for k, v in rows.items() if k != "phrase"}
    words["phrase"] = frozenset(p.strip() for p in rows["phrase"].split(";"))
    return words


@functools.cache
def _harm_forms() -> dict[str, bool]:
    """Every affixed harm verb, and whether the form itself says "I" (``kubunuh``)."""
    forms: dict[str, bool] = {}
    for verb, pre, suf in itertools.product(_vocabulary()["harm"], PREFIXES, SUFFIXES):
        forms[pre + verb + suf] = forms.get(pre + verb + suf, False) or pre in FIRST_PERSON
    return forms


@functools.cache
def _phrases() -> Automaton[str]:
    return Automaton((p, p) for p in _vocabulary()["phrase"])


def _second_person(token: str) -> bool:
    return token in _vocabulary()["person"] or (
        token not in _NOT_YOURS and _YOUR_NOUN.fullmatch(token) is not None
    )


# Indonesian "tak" is "not" before a modal ("tak akan"), Javanese "I will" before a verb.
_TAK_NOT = frozenset(["akan", "mau", "bakal", "pernah", "bisa", "ingin"])


def _negated(before: list[str], negation: frozenset[str]) -> bool:
    if any(w in negation for w in before):
        return True
    return any(a == "tak" and b in _TAK_NOT for a, b in itertools.pairwise(before))


class AbuseFilter:
    name = FilterName.ABUSE
    version = VERSION

    def __call__(self, text: Text, context: Context) -> list[Finding]:
        view = text.words
        found = [
            self._finding(view, start, end, f"threat:phrase {key}")
            for start, end, key, _ in _phrases().words(view.normalised)
        ]
        if not found:
            found = self._threats(view)
        return found[:1]

    def _threats(self, view: Text) -> list[Finding]:
        forms = _harm_forms()
        if forms.keys().isdisjoint(view.tokens):
            return []  # most comments: no harm verb at all, decided in C
        tokens = list(_TOKEN.finditer(view.normalised))
        words = [m.group() for m in tokens]
        vocabulary = _vocabulary()
        for i, word in enumerate(words):
            if word not in forms:
                continue
            window = range(max(0, i - WINDOW), min(len(words), i + WINDOW + 1))
            aimed = [k for k in window if _second_person(words[k])]
            intent = [k for k in window if k < i and words[k] in vocabulary["intent"]]
            negated = _negated(words[max(0, i - 3) : i], vocabulary["negation"])
            if aimed and (intent or forms[word]) and not negated:
                first, last = min([i, *aimed, *intent]), max([i, *aimed])
                start, end = tokens[first].start(), tokens[last].end()
                return [self._finding(view, start, end, f"threat:aimed {word}")]
        return []

    def _finding(self, view: Text, start: int, end: int, detail: str) -> Finding:
        rule, _, words = detail.partition(" ")
        return Finding(
            filter=self.name,
            rule=rule,
            action=Action.HOLD,
            score=SCORE,
            spans=(view.span(start, end),),
            version=VERSION,
            detail=words,
        )
