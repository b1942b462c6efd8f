"""Spam clues read in context (``topics``): what clears a comment and what convicts it.

- Criticism of gambling or scams (``warning`` cues) and songbird talk (``birds``) lower the
  lexicon's, the classifier's and the evasion clues (``DAMP``) unless the comment also carries
  a way to reach the spammer (a link, a number, a brand, a contact ask): readers who warn
  against "slot" name it, and "gacor" is a murai's praise.
- A pledge of success ("pasti berhasil", "garansi") undoes the warning's clearing: a critic
  names the scam's words ("utang", "penipuan") but never guarantees that it works.
- A brand-shaped token (``NAGA189``) with talk of winning near it is a promoted brand.
- A number (and a bare domain) given where a reader points others to a shop or a tradesman
  (``local`` cues: "tukang las langganan saya … WA 0813…") is lowered like the above,
  unless anything else in the comment sells (a listed phrase, a brand, a stronger link).
  Offices are no such cue: "WA resmi pemkab 08…" is the bansos phisher's line, and only the
  site's own hotlines (``Policy.hotlines``) clear a number.
- Working from home said beside an employer or its rules (``workplace``: "ASN", "surat
  edaran", "teacher") is the office arrangement, not the job offer: its clue is lowered
  unless the comment carries a way to reach the spammer.
- A gambling phrase that is everyday language elsewhere ("situs resmi": where tickets and
  forms are) counts only beside another gambling clue.
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
# A recovery offer is a vehicle too: it courts the victims of scams, so it names them.
VEHICLES = ("link:", "phone:", "brand:", "offer:", "lexicon:contact", "lexicon:recovery")
PROMOTED = ("brand:promoted", 0.55)
REFERRED = ("phone:", "link:domain", "link:video")  # what a local referral carries
PLAIN = (*REFERRED, "classifier", "burst:", "velocity:")  # ... and what may stand beside it
OFFER = ("offer:after-praise", 0.55)
# Working from home said plainly (not "penghasilan jutaan", "extra income": those still sell).
AT_WORK = frozenset(["kerja dari rumah", "work from home", "working from home", "from home"])
# Gambling phrases that are everyday words elsewhere ("tiket di situs resmi panitia"): they
# count only beside another gambling clue.
COMPANIONED = frozenset(["situs resmi"])
GAMBLING = ("lexicon:judol", "lexicon:togel", "brand:")


def adjust(clues: list[Finding], text: Text) -> list[Finding]:
    """``clues`` with the context clues added and the cleared ones lowered."""
    cues = topics.of(text)
    found = [*_companioned(clues), *_promoted(clues, text, cues), *_offer(text, cues)]
    if Topic.LOCAL in cues and all(c.rule.startswith(PLAIN) for c in found):
        return [_damped(c) if c.rule.startswith(REFERRED) else c for c in found]
    if any(c.rule.startswith(VEHICLES) for c in found):
        return found
    if Topic.WORKPLACE in cues:
        found = [
            _damped(c) if c.rule == "lexicon:wfh" and c.detail in AT_WORK else c for c in found
        ]
    if (Topic.WARNING in cues and Topic.PLEDGE not in cues) or Topic.BIRDS in cues:
        return [_damped(c) if c.rule.startswith(DAMPED) else c for c in found]
    return found


def _companioned(clues: list[Finding]) -> list[Finding]:
    """``clues`` without the ``COMPANIONED`` phrases that no other gambling clue stands by."""
    alone = [c for c in clues if c.rule == "lexicon:judol" and c.detail in COMPANIONED]
    if not alone:
        return clues
    gambling = any(c.rule.startswith(GAMBLING) and c.detail not in COMPANIONED for c in clues)
    return clues if gambling else [c for c in clues if c not in alone]


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
