"""The threat vocabulary (``data/threats.tsv``) and the word tests every abuse rule shares:
affixed verb forms (``kubunuh``, ``dibakar``), "you" (``kamu``, ``omahmu``), windows of tokens,
negation ("tidak akan", "tak akan" but Javanese "tak bakar"), menace words, "-nya" forms.
"""

from __future__ import annotations

import functools
import itertools
import re
from importlib import resources

WINDOW = 5  # tokens either side of a harm verb within which "you" and an intent count
PREFIXES = ("", "ku", "di", "me", "mem", "men", "meng", "nge", "ng", "tak", "dak")
SUFFIXES = ("", "in", "kan", "i", "nya", "ne", "en", "ing")
FIRST_PERSON = ("ku", "tak", "dak")
YOUR_NOUN = re.compile(r"[a-z]{3,}mu")  # omahmu, lehermu, rumahmu (not "mu" alone)
NOT_YOURS = frozenset(
    ["ilmu", "tamu", "jamu", "kamu", "ketemu", "bertemu", "jumpa", "temu", "semu", "palu"]
)
TAKE_CARE = frozenset([("ati", "ati"), ("hati", "hati"), ("siap", "siap")])  # menace in pairs


@functools.cache
def lexicon() -> dict[str, frozenset[str]]:
    source = (resources.files("moderation.filters") / "data" / "threats.tsv").read_text(
        encoding="utf-8"
    )
    rows: dict[str, str] = {}
    for line in source.splitlines():
        if line and line[0] != "#":
            kind, values = line.split("\t", 1)
            rows[kind] = f"{rows[kind]};{values}" if kind in rows else values
    words = {k: frozenset(v.replace(";", " ").split()) for k, v in rows.items()}
    for kind in PHRASE_KINDS:
        words[kind] = frozenset(p.strip() for p in rows[kind].split(";"))
    return words


PHRASE_KINDS = {
    "phrase": "threat:phrase",
    "imprecation": "insult:imprecation",
    "insult-phrase": "insult:phrase",
}


def affixed(verbs: frozenset[str]) -> dict[str, bool]:
    """Every affixed form of ``verbs``, and whether the form itself says "I" (``kubunuh``)."""
    forms: dict[str, bool] = {}
    for verb, pre, suf in itertools.product(verbs, PREFIXES, SUFFIXES):
        forms[pre + verb + suf] = forms.get(pre + verb + suf, False) or pre in FIRST_PERSON
    return forms


@functools.cache
def verb_forms(section: str) -> dict[str, bool]:
    """The affixed forms of a verb section of the vocabulary (``harm``, ``pursue``, …)."""
    return affixed(lexicon()[section])


def is_you(token: str) -> bool:
    return token in lexicon()["person"] or (
        token not in NOT_YOURS and YOUR_NOUN.fullmatch(token) is not None
    )


# Indonesian "tak" is "not" before a modal ("tak akan"), Javanese "I will" before a verb.
TAK_NOT = frozenset(["akan", "mau", "bakal", "pernah", "bisa", "ingin"])


def negated(before: list[str], negation: frozenset[str]) -> bool:
    if any(w in negation for w in before):
        return True
    return any(a == "tak" and b in TAK_NOT for a, b in itertools.pairwise(before))


Found = tuple[int, int, str]  # first and last token of the evidence, and the finding's detail


def around(words: list[str], i: int, width: int = WINDOW) -> range:
    return range(max(0, i - width), min(len(words), i + width + 1))


def menaced(words: list[str]) -> bool:
    """A menace word ("awas", "siap-siap", "you'll regret") anywhere in the comment."""
    menace = lexicon()["menace"]
    return any(w in menace for w in words) or any(
        pair in TAKE_CARE for pair in itertools.pairwise(words)
    )


def negated_at(words: list[str], i: int) -> bool:
    return negated(words[max(0, i - 3) : i], lexicon()["negation"])


@functools.cache
def with_mu(section: str) -> frozenset[str]:
    """The words of ``section`` with ``-mu``: "otakmu", "utekmu"."""
    return frozenset(word + "mu" for word in lexicon()[section])


def mentions(words: list[str], section: frozenset[str]) -> bool:
    """Whether a word of ``section`` is in ``words``, bare or with "-nya"/"-ne" ("kabelnya")."""
    return any(
        w in section
        or (w.endswith(("nya", "ne")) and w.removesuffix("nya").removesuffix("ne") in section)
        for w in words
    )


@functools.cache
def visit_forms() -> dict[str, bool]:
    return {**affixed(lexicon()["visit"]), **verb_forms("raid")}


def waits(words: list[str]) -> bool:
    """ "Tunggu", "enteni" (wait for us) anywhere in the comment."""
    return not frozenset(verb_forms("wait")).isdisjoint(words)


# A place or an origin before a group's name: "di madura tikus ..." is about Madura's rats.
FROM = frozenset(["dari", "ke", "from", "to", "asal", "teko", "soko"])


# A place after a life or last days: "hidup lama di Jakarta", "hari terakhirmu di kantor".
WHERE = frozenset(["di", "in", "nang", "ning", "neng", "at", "here", "there", "disini", "sini"])
