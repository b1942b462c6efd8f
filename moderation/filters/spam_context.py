"""Spam clues read in context (``topics``): what clears a comment and what convicts it.

- Criticism of gambling or scams (``warning`` cues) and songbird talk (``birds``) lower the
  lexicon's, the classifier's and the evasion clues (``DAMP``) unless the comment also carries
  a way to reach the spammer (a link, a number, a brand, a contact ask): readers who warn
  against "slot" name it, and "gacor" is a murai's praise.
- A pledge of success ("pasti berhasil", "garansi") undoes the warning's clearing: a critic
  names the scam's words ("utang", "penipuan") but never guarantees that it works.
- A brand-shaped token (``NAGA189``) with talk of winning or profit in the comment, named
  as the place to play ("main di", "daftar di") or as the sender ("salam dari NAGA189"), is
  a promoted brand; praised beside it
  ("ZEUS88 mantap"), it is a weaker clue. A name and a plain number ("AREMA 87") is promoted
  only by a gambler's talk of winning ("menang terus", "hoki"), not by the news's "menang";
  after a credit ("berita dari RADAR 99") it signs nothing.
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
  is exposed, not offered: it is dropped. So is a number named as the scammer's ("nomor
  penipu 0812…", "0812… itu penipu", "ditelepon 0813… katanya menang undian"), and a link or
  a number a reader asks about ("bansos-kemensos.online ini asli atau palsu?", ``doubt``
  cues, which clear the rest as a warning does).
- A listed phrase denied just before it ("bukan pesugihan", "dudu dukun") is no clue.
- Aid or a prize handed out in person (``venue``: "datang ke balai desa … bawa KK"), or the
  state's own site named (``official``: "cek penerima resmi di cekbansos.kemensos.go.id"),
  lowers the aid-phishing and giveaway clues, unless the comment carries a way to reach the
  spammer: a phisher never asks anyone to come to an office, nor sends them to the real site.
- A number said to be listed on the state's own page just after it ("WA center pemkab 0811…
  tertera di kedirikab.go.id") is the office's: dropped, when only numbers and the classifier
  speak and no lure is cued ("resmi" or "cek di" alone vouch for nothing: phishers say them).
- A contact ask said in the negative ("jangan klik link", "never message them"), or any other
  listed phrase forbidden ("jangan isi data di link lain", "ojo judi"; not "do not like this
  comment", the channel beggar's reverse psychology), is a warning, not an offer: it is dropped.
- Readers counting the video's audience ("just came to check the views", ``audience``) lower
  the classifier's clue, which reads "check" as channel spam, unless anything else sells.
- A link cited as a source (``cited``): to a site readers cite (``sources.reputable``: news,
  wires, reference, fact-checkers, universities, schools) or named just after a ``citation``
  cue ("Sumber: …", "baca selengkapnya di …") as an article, a video or a mosque's or a
  school's social page (``sources.community``), is lowered,
  and the classifier weighs the comment without it (``uncited``: the model learnt "link =
  spam"), unless anything else sells: another clue, a lure (``sale``, ``promo``, ``offer``,
  ``pledge`` cues: "klik", "daftar", "bonus"), or a link that is not cited. The citation cue
  before a cited link ("read more at") is weighed away with it; a marketplace's page is never
  cited (``sources.shop``): it sells.
- A product named alone (``NAMING``: a medicine, an account sold), with nothing that sells
  it (no vehicle, ask, pledge, price or lure beyond its own words) and the classifier calm,
  is lowered: recipes and health or security stories name them.
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

VERSION = "spam-context-6"
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
# Families that name a product rather than an ask: a recipe or a health story names a medicine,
# a security story an account sold. Alone (see ``_unsold``) they are lowered.
NAMING = frozenset(["lexicon:pharma", "lexicon:accounts"])
CALM = 0.3  # a classifier this unsure beside a lone product name reads no sale in it
# A shop's price or a buyer's ask ("15rb", "Rp 150.000", "cheapest price", "order"); a sum in
# the news ("Rp 2 miliar") is no price.
_PRICE = re.compile(
    r"(?:\brp\.?\s?|\$)[\d.,]++(?!\s?(?:juta|miliar|milyar|triliun|million|billion)\b)"
    r"|\b\d+(?:[.,]\d+)?\s?(?:rb|ribu|rebu|ewu|k|jt|usd|dollars?)\b"
    r"|\b(?:harga|price|prices|termurah|cheap|cheapest|buy|order|cod|ongkir|ready stoc?k)\b"
)
PROMOTED = ("brand:promoted", 0.55)
SENDERS = frozenset(["dari", "from", "by", "bersama", "oleh"])  # "salam dari NAGA77"
# What a news credit or a report names before "dari": an outlet ("berita dari RADAR 99").
CREDITS = frozenset(
    [
        *("berita", "kabar", "info", "informasi", "foto", "video", "liputan", "laporan"),
        *("artikel", "dikutip", "dilansir", "dok", "sumber", "news", "story", "report", "photo"),
    ]
)
# Winning as news says it: a club, a candidate, a tender "menang". Beside a name and a number
# ("AREMA 87 menang") it promotes nothing; luck, thanks and proof ("hoki", "berkat", "terbukti")
# are the testimonial's and still do.
EVERYDAY_WINNING = frozenset(["menang", "menangnya", "winning", "kemenangan"])
# A name and a plain number ("AREMA 87", "RADAR 99"): a club, an outlet, a fleet as often as a
# site. Shapes with a gambling ending ("mahjong4d", "pulauwin") are promoted by any such talk.
_NAMED_NUMBER = re.compile(r"[a-z]+[0-9]+")
# Praise beside a brand shape ("ZEUS88 mantap") sells it too, but product codes are praised
# as well ("note13 mantap"): with the shape it holds only beside another clue.
PRAISED = ("brand:praised", 0.25)
# What a local referral carries: a number, a link, and the ask to follow it ("cek di …").
REFERRED = ("phone:", "link:domain", "link:video", "link:promoted")
PLAIN = (*REFERRED, "classifier", "burst:", "velocity:")  # ... and what may stand beside it
OFFER = ("offer:after-praise", 0.55)
# Working from home said plainly (not "penghasilan jutaan", "extra income": those still sell).
AT_WORK = frozenset(["kerja dari rumah", "work from home", "working from home", "from home"])
# What aid handed out in person, or the state's own site, clears (a phisher asks for no visit
# to an office, and gains nothing from the real site).
IN_PERSON = frozenset(["lexicon:bansos", "lexicon:giveaway"])
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
# A number named as the scammer's, by what stands just before it ("nomor penipu", "ditelepon",
# "awas, WA") or just after it ("itu penipu", "ngaku dari pemkab", "katanya menang"); never
# "resmi" or an ask ("hubungi"): a phisher passes his own number off as the office's.
_EXPOSED_BEFORE = re.compile(
    r"\b(?:penipu|penipuan|scammer|scam|palsu|fake|ditelepon|ditelpon|ditelfon|ditlp|dihubungi|"
    r"dichat|di-?wa|di-?sms|dikirimi|(?:dapat|dapet|ada|terima|nerima)\s+(?:wa|sms|telepon|"
    r"telpon|chat|pesan)\s+dari|called\s+me|texted\s+me|(?:a\s+)?(?:call|text|message)\s+from|"
    r"blokir|diblokir|laporkan|report|awas|waspada)"
    r"\W*(?:(?:nomor|nomer|no|wa|hp|sms|telp|number)\W*)?$",
    re.IGNORECASE,
)
_EXPOSED_AFTER = re.compile(
    r"^\W*(?:(?:itu|ini|tsb|tersebut|tu|iku|kuwi|is|was)\s+)?(?:(?:nomor|nomer|number|a|an)\s+)?"
    r"(?:penipu|penipuan|palsu|scam|scammer|fake|hoax|hoaks|bodong|ngaku|mengaku|ngakunya|"
    r"katanya|claiming|pretending|jangan\s+(?:ditransfer|transfer|dibalas|diangkat|percaya|"
    r"ditanggapi|dilayani))\b",
    re.IGNORECASE,
)
EXPOSE_WIDTH = 30  # characters either side of a number within which it is named a scammer's
# A number said to be listed on the state's own page just after it ("WA center pemkab 0811…
# tertera di kedirikab.go.id", "nomornya tercantum di laman desa.id"): the office's, as the
# site's hotlines are. Never "resmi" or "cek di" alone: a phisher calls his own number so.
_LISTED = re.compile(
    r"[^.!?\n]{0,30}?\b(?:tertera|tertulis|tercantum|terdaftar|dicantumkan|listed|published)"
    r"\s+(?:di|neng|nang|ning|ing|on|at|dalam|in)\s+"
    r"(?:(?:the\s+)?(?:web(?:site)?|situs|laman|halaman|page|site)\s+)?"
    r"(?:https?://)?(?:www\.)?(?:[\w-]+\.)+(?:go|desa)\.id\b",
    re.IGNORECASE,
)
# A listed phrase denied just before it: "bukan pesugihan", "dudu dukun", "not a giveaway"
# (never "tanpa", "no", "tidak perlu": "tanpa jaminan", "no BI checking" are the offer).
_DENIAL = re.compile(r"\b(?:bukan|dudu|not\s+an?|isn'?t\s+an?)\s+$", re.IGNORECASE)
_FORBIDDEN = re.compile(
    r"\b(?:jangan|jgn|ojo)(?:\s+(?:asal|sembarangan|pernah))?\s+$", re.IGNORECASE
)
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
    clues = _listed(_asserted(clues, text), text, cues)
    warned = (Topic.WARNING in cues or Topic.DOUBT in cues) and Topic.PLEDGE not in cues
    if warned:
        clues = _unmasked(clues, text, cues)
    found = [*_companioned(clues), *_promoted(clues, text, cues), *_offer(text, cues)]
    return _lowered(found, text, cues, warned)


def _lowered(found: list[Finding], text: Text, cues: topics.Topics, warned: bool) -> list[Finding]:
    """``found`` with the clues its context clears lowered: the first case that applies."""
    if Topic.LOCAL in cues and all(c.rule.startswith(PLAIN) for c in found):
        return [_damped(c) if c.rule.startswith(REFERRED) else c for c in found]
    if cited(found, text):
        return [_damped(c) if c.rule.startswith(CITED) else c for c in found]
    if any(c.rule.startswith(VEHICLES) for c in found):
        return found
    if Topic.VENUE in cues or Topic.OFFICIAL in cues:
        found = [_damped(c) if c.rule in IN_PERSON else c for c in found]
    if _unsold(found, text, cues):
        return [_damped(c) if c.rule in NAMING else c for c in found]
    if Topic.WORKPLACE in cues:
        found = [
            _damped(c) if c.rule == "lexicon:wfh" and c.detail in AT_WORK else c for c in found
        ]
    if warned or Topic.BIRDS in cues:
        return [_damped(c) if c.rule.startswith(DAMPED) else c for c in found]
    if Topic.AUDIENCE in cues and not any(c.rule.startswith("lexicon:") for c in found):
        return [_damped(c) if c.rule == "classifier" else c for c in found]
    return found


def _unsold(clues: list[Finding], text: Text, cues: topics.Topics) -> bool:
    """Whether ``clues`` are one ``NAMING`` family's phrases alone (no vehicle, no other clue,
    the classifier below ``CALM``) with nothing that sells them: no ask, pledge or price,
    and no lure beside the phrase's own words ("jual" is the accounts move's own)."""
    rules = {c.rule for c in clues if not (c.rule == "classifier" and c.score < CALM)}
    if len(rules) != 1 or not rules <= NAMING:
        return False
    if Topic.OFFER in cues or Topic.PLEDGE in cues or _PRICE.search(text.normalised):
        return False
    own = {cues.token_at(_letters_offset(text, s.start)) for c in clues for s in c.spans}
    return all(at in own for lure in LURES for at in cues.at.get(lure, ()))


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
    if sources.shop(name):
        return False  # a product's page, whatever its slug: it sells
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
    """``text`` without the cited links ``spans``, each with the citation cue that names it
    ("read more at", "selengkapnya di": a formula, which the model learnt beside spam links):
    what the classifier weighs beside them."""
    original, kept, at = text.original, [], 0
    for span in spans:
        kept.append(original[at : max(at, _cue_start(text, span.start))])
        at = span.end
    return normalise(" ".join([*kept, original[at:]]))


def _cue_start(text: Text, start: int) -> int:
    """Where the earliest citation cue at most ``CITE_WIDTH`` tokens before the link at
    original offset ``start`` begins; ``start`` if there is none."""
    cues = topics.of(text)
    here = cues.token_at(_letters_offset(text, start))
    cued = [i for i in cues.at.get(Topic.CITATION, ()) if here - CITE_WIDTH <= i < here]
    if not cued:
        return start
    view = text.words
    return min(start, view.span(view.bounds[0][cued[0]], view.bounds[1][cued[0]]).start)


def _asserted(clues: list[Finding], text: Text) -> list[Finding]:
    """``clues`` without the listed phrases said in the negative ("jangan klik link", "never
    message them", "jangan isi data" warn readers off the channel instead of offering it) or
    denied ("bukan pesugihan")."""
    return [c for c in clues if not (c.rule.startswith("lexicon:") and _said_not(c, text))]


def _said_not(clue: Finding, text: Text) -> bool:
    if not clue.spans:
        return False
    at = clue.spans[0].start
    before = (text.original, max(0, at - 16), at)
    if clue.rule == "lexicon:contact":
        return bool(_NEGATED.search(*before))
    # "Do not like this comment", "if you don't subscribe to me" is the channel beggar's
    # reverse psychology; "ga maxwin", "gak depo" the gambler's boast: only a warning's
    # "jangan" and a denial clear the rest.
    return clue.rule != "lexicon:channel" and bool(
        _FORBIDDEN.search(*before) or _DENIAL.search(*before)
    )


def _unmasked(clues: list[Finding], text: Text, cues: topics.Topics) -> list[Finding]:
    """``clues`` without the links a warning names as fakes ("situs palsu kemensos-bansos.com",
    "fake site: x.xyz") and the numbers it names as a scammer's, nor the links and numbers a
    reader asks about ("… ini asli atau palsu?"): a reader exposing them points no one there."""
    return [c for c in clues if not (c.spans and _exposed(c, text, cues))]


def _exposed(clue: Finding, text: Text, cues: topics.Topics) -> bool:
    original = text.original
    if clue.rule.startswith("link:"):
        named = all(_named_fake(original, s.start) for s in clue.spans)
    elif clue.rule.startswith("phone:"):
        named = all(_named_scammer(original, s.start, s.end) for s in clue.spans)
    else:
        return False
    return named or (
        Topic.DOUBT in cues
        and all(cues.near(Topic.DOUBT, _letters_offset(text, s.end)) for s in clue.spans)
    )


def _listed(clues: list[Finding], text: Text, cues: topics.Topics) -> list[Finding]:
    """``clues`` without the numbers said to be listed on a state page (``_LISTED``), when
    nothing else in the comment sells: only numbers and the classifier, and no lure."""
    if Topic.OFFICIAL not in cues or any(lure in cues for lure in LURES):
        return clues
    if not all(c.rule.startswith("phone:") or c.rule == "classifier" for c in clues):
        return clues
    original = text.original
    return [
        c
        for c in clues
        if not (
            c.rule.startswith("phone:")
            and c.spans
            and all(_LISTED.match(original, s.end) for s in c.spans)
        )
    ]


def _named_scammer(original: str, start: int, end: int) -> bool:
    """Whether the number at ``[start, end)`` is named as a scammer's just before or after."""
    return bool(
        _EXPOSED_BEFORE.search(original, max(0, start - EXPOSE_WIDTH), start)
        or _EXPOSED_AFTER.match(original[end : end + EXPOSE_WIDTH])
    )


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
    if shapes and Topic.PROMO in cues and _winning_promotes(shapes, clues, text):
        clue = shapes[0]
        return [_finding(PROMOTED, clue.spans, f"{clue.detail} with talk of winning")]
    for clue in shapes:
        if _signed(text, clue):
            return [_finding(PROMOTED, clue.spans, f"{clue.detail} signing the comment")]
    for clue in shapes:
        if cues.near(Topic.PRAISE, _letters_offset(text, clue.spans[0].start)):
            return [_finding(PRAISED, clue.spans, f"{clue.detail} praised")]
    return []


def _winning_promotes(shapes: list[Finding], clues: list[Finding], text: Text) -> bool:
    """Whether the talk of winning promotes the shapes: any, beside a shape with a gambling
    ending or a gambling clue of its own; beside a name and a number only a gambler's talk,
    a cue beyond ``EVERYDAY_WINNING`` ("menang terus", "main di", "maxwin")."""
    if not all(_NAMED_NUMBER.fullmatch(c.detail) for c in shapes):
        return True
    if any(c.rule.startswith(GAMBLING[:2]) for c in clues):
        return True
    return not topics.said(text, Topic.PROMO) <= EVERYDAY_WINNING


def _signed(text: Text, clue: Finding) -> bool:
    """Whether the brand shape ``clue`` is named as the comment's sender ("doa terbaik dari
    ISTANAXYZ", "by NAGA77"): the promoter's sign-off. A hashtag after "dari" tags a topic."""
    start = clue.spans[0].start
    if start and text.original[start - 1] == "#":
        return False
    at = bisect.bisect_right(text.words.bounds[0], _letters_offset(text, start)) - 1
    tokens = text.words.tokens
    return at > 0 and tokens[at - 1] in SENDERS and not (at > 1 and tokens[at - 2] in CREDITS)


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
