"""Spam clues read in context (``topics``): what clears a comment and what convicts it.

- Criticism of gambling or scams (``warning`` cues) and songbird talk (``birds``) lower the
  lexicon's, the classifier's and the evasion clues (``DAMP``) unless the comment also carries
  a way to reach the spammer (a link, a number, a brand, a contact ask): readers who warn
  against "slot" name it, and "gacor" is a murai's praise.
- A brand-shaped token (``NAGA189``) with talk of winning near it is a promoted brand.
- Praise of the article followed by an invitation to a private channel is the classic
  offer-after-praise ("artikelnya bagus … cek profil ya").
"""

from __future__ import annotations

import msgspec

from moderation.filters import topics
from moderation.filters.text import Text
from moderation.filters.topics import Topic
from moderation.models import Action, FilterName, Finding, Span

VERSION = "spam-context-1"
DAMP = 0.3
DAMPED = ("lexicon:", "evasion:", "classifier", "styled:")
VEHICLES = ("link:", "phone:", "brand:", "offer:", "lexicon:contact")
PROMOTED = ("brand:promoted", 0.55)
OFFER = ("offer:after-praise", 0.55)


def adjust(clues: list[Finding], text: Text) -> list[Finding]:
    """``clues`` with the context clues added and the cleared ones lowered."""
    cues = topics.of(text)
    found = [*clues, *_promoted(clues, text, cues), *_offer(text, cues)]
    if any(c.rule.startswith(VEHICLES) for c in found):
        return found
    if Topic.WARNING in cues or Topic.BIRDS in cues:
        return [_damped(c) if c.rule.startswith(DAMPED) else c for c in found]
    return found


def _damped(clue: Finding) -> Finding:
    return msgspec.structs.replace(
        clue, score=round(clue.score * DAMP, 4), detail=f"{clue.detail} (lowered by context)"
    )


def _promoted(clues: list[Finding], text: Text, cues: topics.Topics) -> list[Finding]:
    out = []
    for clue in clues:
        if clue.rule == "brand:shape" and Topic.PROMO in cues:
            out.append(_finding(PROMOTED, clue.spans, f"{clue.detail} with talk of winning"))
    return out[:1]


def _offer(text: Text, cues: topics.Topics) -> list[Finding]:
    praise, offer = cues.at.get(Topic.PRAISE), cues.at.get(Topic.OFFER)
    if praise and offer and min(praise) < max(offer):
        return [_finding(OFFER, (), "praise of the article, then a private channel")]
    return []


def _finding(rule: tuple[str, float], spans: tuple[Span, ...], detail: str) -> Finding:
    return Finding(
        filter=FilterName.SPAM,
        rule=rule[0],
        action=Action.HOLD,
        score=rule[1],
        spans=spans,
        version=VERSION,
        detail=detail,
    )
