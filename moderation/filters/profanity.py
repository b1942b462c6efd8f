"""Profanity in English, Indonesian and Javanese, from the word packs in ``filters/data``.

better-profanity compares every token against ~900 ``VaryingString``s (about 30 comments/s);
here each token is folded once and looked up in one index of all packs (see ``wordlist``), and
the site's own banned and suspect words in a second small one. The severity of a word decides
the action through the site's policy; ``allowed`` words are never flagged.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from moderation.filters.context import Context
from moderation.filters.text import Text
from moderation.filters.wordlist import Hit, Token, WordList, entries_of, key_of
from moderation.models import Action, FilterName, Finding
from moderation.policy import Policy, Severity

PACKS = ("en", "id", "jv")
SCORES = {Severity.MILD: 0.5, Severity.STRONG: 0.8, Severity.SEVERE: 1.0}


class ProfanityFilter:
    name = FilterName.PROFANITY

    def __init__(self, words: WordList) -> None:
        self.words = words
        self.version = "+".join(words.versions)

    @classmethod
    def default(cls) -> ProfanityFilter:
        return cls(WordList.load(*PACKS))

    def __call__(self, text: Text, context: Context) -> list[Finding]:
        view = text.words
        policy = context.policy
        hits, toks = self.words.scan(view.normalised)
        if policy.banned or policy.suspect:
            more, site_toks = _site_words(policy.banned, policy.suspect).scan(view.normalised)
            hits, toks = hits + more, toks or site_toks
        allowed = _keys(policy.allowed)
        return [
            self._finding(view, hit, policy)
            for hit in hits
            if not (allowed and _is_allowed(hit, toks, allowed))
        ]

    def _finding(self, view: Text, hit: Hit, policy: Policy) -> Finding:
        entry = hit.entry
        suspect = entry.lang == "site-suspect"
        action = Action.HOLD if suspect else policy.severity[entry.severity]
        return Finding(
            filter=self.name,
            rule=f"{entry.lang}:{entry.word}",
            action=action,
            score=SCORES[entry.severity],
            spans=(view.span(hit.start, hit.end),),
            version=entry.version,
            detail=f"{entry.severity}" + (f", as {hit.how}" if hit.how else ""),
        )


def _is_allowed(hit: Hit, toks: Sequence[Token], allowed: frozenset[str]) -> bool:
    return hit.entry.keys[0] in allowed or toks[hit.first].key in allowed


@functools.lru_cache(maxsize=256)
def _keys(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(key_of(w.lower())[0] for w in words)


@functools.lru_cache(maxsize=256)
def _site_words(banned: tuple[str, ...], suspect: tuple[str, ...]) -> WordList:
    """The site's own words; cached per distinct list, which changes rarely."""
    return WordList(
        [
            *entries_of(banned, "site-banned", Severity.SEVERE),
            *entries_of(suspect, "site-suspect", Severity.STRONG),
        ]
    )
