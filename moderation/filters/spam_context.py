"""Spam clues read in context (``topics``): what clears a comment and what convicts it.

- Criticism of gambling or scams (``warning`` cues) and songbird talk (``birds``) lower the
  lexicon's, the classifier's and the evasion clues (``DAMP``) unless the comment also carries
  a way to reach the spammer (a link, a number, a brand, a contact ask): readers who warn
  against "slot" name it, and "gacor" is a murai's praise.
- A pledge of success ("pasti berhasil", "garansi") undoes the warning's clearing: a critic
  names the scam's words ("utang", "penipuan") but never guarantees that it works.
- A brand-shaped token (``NAGA189``) with talk of winning or profit in the comment, or named
  as the place to play ("main di", "daftar di"), is a promoted brand; praised beside it
  ("ZEUS88 mantap"), it is a weaker clue.
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
- In a warning, a link named as a fake just before it ("situs palsu kemensos-bansos.com")
  is exposed, not offered: it is dropped.
- A contact ask said in the negative ("jangan klik link", "never message them") is a
  warning, not a channel: it is dropped.
- Readers counting the video's audience ("just came to check the views", ``audience``) lower
  the classifier's clue, which reads "check" as channel spam, unless anything else sells.
- A link cited as a source (``cited``): to a site readers cite (``sources.reputable``: news,
  wires, reference, fact-checkers, universities, schools) or named just after a ``citation``
  cue ("Sumber: …", "baca selengkapnya di …") as an article, a video or a mosque's or a
  school's social page (``sources.community``), is lowered,
  and the classifier weighs the comment without it (``uncited``: the model learnt "link =
  spam"), unless anything else sells: another clue, a lure (``sale``, ``promo``, ``offer``,
  ``pledge`` cues: "klik", "daftar", "bonus"), or a link that is not cited.
"""

from __future__ import annotations

import bisect
import re

import msgspec

from moderation.filters import links, sources, topics
from moderation.filters.normalise import normalise
from moderation.filters.text import Text
from moderation.filters.topics import Topic
from moderation.models import Action, FilterName, Finding, Span

VERSION = "spam-context-2"
DAMP = 0.3
DAMPED = ("lexicon:", "evasion:", "classifier", "styled:")
# A recovery offer is a vehicle too: it courts the victims of scams, so it names them.
# One's own channel is a vehicle: self-promotion reaches the spammer however friendly it sounds
# ("check out my 'Beware' cover!" warns no one).
VEHICLES = (
    "link:",
    "phone:",
    "brand:",
    "offer:",
    "lexicon:contact",
    "lexicon:recovery",
    "lexicon:channel",
)
PROMOTED = ("brand:promoted", 0.55)
# Praise beside a brand shape ("ZEUS88 mantap") sells it too, but product codes are praised
# as well ("note13 mantap"): with the shape it holds only beside another clue.
PRAISED = ("brand:praised", 0.25)
# What a local referral carries: a number, a link, and the ask to follow it ("cek di …").
REFERRED = ("phone:", "link:domain", "link:video", "link:promoted")
PLAIN = (*REFERRED, "classifier", "burst:", "velocity:")  # ... and what may stand beside it
OFFER = ("offer:after-praise", 0.55)
# Working from home said plainly (not "penghasilan jutaan", "extra income": those still sell).
AT_WORK = frozenset(["kerja dari rumah", "work from home", "working from home", "from home"])
# Gambling phrases that are everyday words elsewhere ("tiket di situs resmi panitia"): they
# count only beside another gambling clue.
COMPANIONED = frozenset(["situs resmi"])
GAMBLING = ("lexicon:judol", "lexicon:togel", "brand:")
# A fake named just before a link: "situs palsu X", "link penipuan: X", "fake site X".
_FAKE = re.compile(
    r"\b(?:palsu|fake|penipu|penipuan|phishing|bodong|abal-abal|scam)"
    r"(?:\s+(?:site|link|website|situs|web))?\s*(?:[:,]|seperti|like|yaitu|ini)?\s*$",
    re.IGNORECASE,
)
# A cited link's clues, and what may stand beside them (the classifier weighs it without them).
CITED = ("link:domain", "link:video", "link:many")
BESIDE_CITED = (*CITED, "classifier", "burst:", "velocity:")
LURES = (Topic.SALE, Topic.PROMO, Topic.OFFER, Topic.PLEDGE)
CITE_WIDTH = 5  # tokens from a citation cue to the link it names ("beritanya juga ada di …")
# Words that turn an ask into a warning when they stand just before it.
NEGATIONS = frozenset(["jangan", "jgn", "never", "dont", "t", "not", "tidak", "tdk", "gak", "ga"])
_DENIED = re.compile(r"\b(?:bukan|not|no|anti|tidak|tdk|gak|nggak)\b", re.IGNORECASE)
_NEGATED = re.compile(
    r"\b(?:jangan|jgn|jangan pernah|tidak|tdk|tak|gak|nggak|ga|never|don'?t|do not|dont)"
    r"(?:\s+(?:asal|sembarangan|mau|pernah|ever))?\s+$",
    re.IGNORECASE,
)


def adjust(clues: list[Finding], text: Text) -> list[Finding]:
    """``clues`` with the context clues added and the cleared ones lowered."""
    if not clues and not topics.mentioned(text, Topic.PRAISE, Topic.OFFER):
        return []  # most clean comments: no clue to read, and no cue of the offer-after-praise
    cues = topics.of(text)
    clues = _asserted(clues, text)
    if Topic.WARNING in cues and Topic.PLEDGE not in cues:
        clues = _unmasked(clues, text)
    found = [*_companioned(clues), *_promoted(clues, text, cues), *_offer(text, cues)]
    if Topic.LOCAL in cues and all(c.rule.startswith(PLAIN) for c in found):
        return [_damped(c) if c.rule.startswith(REFERRED) else c for c in found]
    if cited(found, text):
        return [_damped(c) if c.rule.startswith(CITED) else c for c in found]
    if any(c.rule.startswith(VEHICLES) for c in found):
        return found
    if Topic.WORKPLACE in cues:
        found = [
            _damped(c) if c.rule == "lexicon:wfh" and c.detail in AT_WORK else c for c in found
        ]
    if (Topic.WARNING in cues and Topic.PLEDGE not in cues) or Topic.BIRDS in cues:
        return [_damped(c) if c.rule.startswith(DAMPED) else c for c in found]
    if Topic.AUDIENCE in cues and not any(c.rule.startswith("lexicon:") for c in found):
        return [_damped(c) if c.rule == "classifier" else c for c in found]
    return found


def cited(clues: list[Finding], text: Text) -> tuple[Span, ...]:
    """The links of ``clues`` when every one is cited as a source and nothing else sells (see
    the module's docstring); else none."""
    spans = {s for c in clues if c.rule.startswith("link:") for s in c.spans}
    if not spans or not all(c.rule.startswith(BESIDE_CITED) for c in clues):
        return ()
    cues = topics.of(text)
    if any(lure in cues for lure in LURES):
        return ()
    if not all(_cited(s, text, cues) for s in spans):
        return ()
    return tuple(sorted(spans, key=lambda s: s.start))


def _cited(span: Span, text: Text, cues: topics.Topics) -> bool:
    link = span.text.lower()
    name = links.host(link)
    if sources.reputable(name):
        return True
    if not cues.before(Topic.CITATION, _letters_offset(text, span.start), CITE_WIDTH):
        return False
    if name in links.VIDEO:
        return not links.is_channel(link)
    if sources.community(link):
        return True  # a mosque's or a school's own notice board ("diumumkan di instagram.com/…")
    # An unknown site is cited by an article (a dated path, a title's slug), never by its home
    # page, a channel or a shop: those are what a spammer points to.
    return bool(links.path_of(link).strip("/")) and not links.page(link)


def uncited(text: Text, spans: tuple[Span, ...]) -> Text:
    """``text`` without the cited links ``spans``: what the classifier weighs beside them."""
    original, kept, at = text.original, [], 0
    for span in spans:
        kept.append(original[at : span.start])
        at = span.end
    return normalise(" ".join([*kept, original[at:]]))


def _asserted(clues: list[Finding], text: Text) -> list[Finding]:
    """``clues`` without the contact asks said in the negative: "jangan klik link", "never
    message them" warn readers off the channel instead of offering it."""
    return [
        c
        for c in clues
        if not (
            c.rule == "lexicon:contact"
            and c.spans
            and _NEGATED.search(text.original, max(0, c.spans[0].start - 16), c.spans[0].start)
        )
    ]


def _unmasked(clues: list[Finding], text: Text) -> list[Finding]:
    """``clues`` without the links a warning names as fakes ("situs palsu kemensos-bansos.com",
    "fake site: x.xyz"): a reader exposing a phisher's host points no one to it."""
    return [
        c
        for c in clues
        if not (
            c.rule.startswith("link:")
            and c.spans
            and all(_named_fake(text.original, s.start) for s in c.spans)
        )
    ]


def _named_fake(original: str, at: int) -> bool:
    """Whether a fake is named just before ``at`` and not denied ("bukan situs palsu: …")."""
    named = _FAKE.search(original, max(0, at - 24), at)
    if named is None:
        return False
    return not _DENIED.search(original, max(0, named.start() - 16), named.start())


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
    """A brand shape with talk of winning anywhere, or else praised where it stands."""
    shapes = [c for c in clues if c.rule == "brand:shape" and c.spans]
    if shapes and Topic.PROMO in cues:
        clue = shapes[0]
        return [_finding(PROMOTED, clue.spans, f"{clue.detail} with talk of winning")]
    for clue in shapes:
        if cues.near(Topic.PRAISE, _letters_offset(text, clue.spans[0].start)):
            return [_finding(PRAISED, clue.spans, f"{clue.detail} praised")]
    return []


def _letters_offset(text: Text, original: int) -> int:
    """The letters-view offset (where topics are cued) of ``original`` character offset."""
    offsets = text.words.offsets
    return original if offsets is None else bisect.bisect_left(offsets, original)


def _offer(text: Text, cues: topics.Topics) -> list[Finding]:
    praise, offer = cues.at.get(Topic.PRAISE), cues.at.get(Topic.OFFER)
    if praise and offer:
        words = text.words.tokens  # the tokens of ``cues.view``, the letters view
        offer = [i for i in offer if not (i and words[i - 1] in NEGATIONS)]  # "jangan cek profil"
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
