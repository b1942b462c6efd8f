"""Profanity in English, Indonesian and Javanese, from the word packs in ``filters/data``.

better-profanity compares every token against ~900 ``VaryingString``s (about 30 comments/s);
here each token is folded once and looked up in one index of all packs (see ``wordlist``), and
the site's own banned and suspect words in a second small one. The severity of a word decides
the action through the site's policy; ``allowed`` words are never flagged.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Sequence

from moderation.filters import gaps, topics
from moderation.filters.context import Context
from moderation.filters.text import Text
from moderation.filters.topics import Topic, Topics
from moderation.filters.wordlist import Hit, Token, WordList, entries_of, key_of
from moderation.models import Action, FilterName, Finding, FindingKind
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
        gapped = [
            (*gaps.in_letters(text, run.start, run.end), *read)
            for run in gaps.found(text)
            if (read := self.words.reading(run.readings, run.spread)) is not None
        ]
        hits, toks = self.words.scan(view.normalised, view.joined, gapped)
        if policy.banned or policy.suspect:
            more, site_toks = _site_words(policy.banned, policy.suspect).scan(view.normalised)
            hits, toks = hits + more, toks or site_toks
        allowed = _keys(policy.allowed)
        hits = aimed([h for h in hits if _seen(view, h, toks)], toks, view)
        if not hits:
            return []
        # once: a long comment may have a hit in every word
        cues, keys = topics.of(view), frozenset(t.key for t in toks)
        scene = Scene(cues, keys, [t.start for t in toks if t.key in AIMED])
        return [
            self._finding(view, hit, policy)
            for hit in hits
            if not (allowed and _is_allowed(hit, toks, allowed))
            and not _innocent(view, hit, toks, scene)
        ]

    def _finding(self, view: Text, hit: Hit, policy: Policy) -> Finding:
        entry = hit.entry
        suspect = entry.lang == "site-suspect"
        action = Action.HOLD if suspect else policy.severity[entry.severity]
        slur = SLUR in entry.flags or ("disguised" in entry.flags and _disguised(view, hit))
        slur = slur or (LABEL in entry.flags and hit.how == AIMED_AT)  # "dasar kadrun"
        if (hit.how == AIMED_AT or slur) and action.rank < Action.HOLD.rank:
            action = Action.HOLD  # a slur, or an insult aimed at someone, is never only masked
        return Finding(
            filter=self.name,
            rule=f"{entry.lang}:{entry.word}",
            action=action,
            score=SCORES[entry.severity],
            spans=(view.span(hit.start, hit.end),),
            version=entry.version,
            detail=", ".join([entry.severity, *([SLUR] if slur else []), *_how(hit)]),
            kind=FindingKind.SLUR if slur else FindingKind.WORD,
        )


def _disguised(view: Text, hit: Hit) -> bool:
    """Whether the word is spelt in disguise in the original: digits, symbols, separators or
    emoji among its letters (``c1na``, ``k.a.f.i.r``), not merely capitals or styled letters."""
    return not view.span(hit.start, hit.end).text.isalpha()


def _seen(view: Text, hit: Hit, toks: Sequence[Token]) -> bool:
    """A "veiled" word (an everyday word that is a slur only when disguised or hurled) counts
    only in disguise, or hurled with "dasar" ("dasar cina"; "hp cina lu" is a phone)."""
    if "veiled" not in hit.entry.flags or _disguised(view, hit):
        return True
    return hit.first > 0 and toks[hit.first - 1].key == "dasar"


SLUR = FindingKind.SLUR  # a word's flag in the packs, and said in its finding's detail


def is_slur(finding: Finding) -> bool:
    """Whether ``finding`` is hate speech: a listed ethnic or religious slur, or a vice laid on
    a whole group (``hate:generalised``, filter ``abuse``); not plain swearing."""
    return finding.kind is FindingKind.SLUR


def _how(hit: Hit) -> list[str]:
    return [f"as {hit.how}"] if hit.how else []


def _folded(words: Sequence[str]) -> frozenset[str]:
    """``words`` as token keys (``lu`` is ``iu``: keys fold ``l`` to ``i``), to compare with
    ``Token.key``."""
    return frozenset(key_of(w)[0] for w in words)


# The second person, in Indonesian, Javanese and Sundanese: it aims a listed word from before
# or after it.
_YOU = [
    "kau",
    "lu",
    "lo",
    "elu",
    "loe",
    "kamu",
    "kowe",
    "koen",
    "kalian",
    "sia",
    "sampeyan",
    "sampean",
]
# Words that aim a listed word at someone ("dasar anjing", "babi lu"): then it is an insult
# even beside a literal topic cue.
AIMED = _folded(["dasar", *_YOU, "you", "ur", "your", "awakmu", "hey", "hei", "oi", "woi"])
# Indonesian and Javanese also aim it from just after ("goblok lu", "munafik kamu"), and
# at a whole group ("bego semua", "kafir kabeh").
AFTER = _folded([*_YOU, "semua", "kabeh"])
NEGATION = _folded(["not", "never", "no", "bukan", "tidak", "ora"])
AIMED_AT = "aimed at someone"
TITLES = _folded(
    [
        "pak",
        "bu",
        "bapak",
        "ibu",
        "mas",
        "mbak",
        "bang",
        "kak",
        "mr",
        "mrs",
        "ms",
        "sir",
        "dr",
        "om",
        "tante",
    ]
)
# An ``adjective`` (``sipit``, narrow-eyed) describes ("matanya agak sipit", "aku sipit",
# "nyipitin mata"); it is a slur only as a label for people: after a labelling word or "you"
# ("si sipit", "kaum sipit", "dasar sipit"), with "you" after ("sipit lu"), or near the ethnic
# name it stands for ("cina sipit", "sipit pulang ke cina").
LABELS = _folded(["si", "kaum", "bangsa", "etnis", "ras", "para", "orang", "dasar", "kau"])
LABELLING = LABELS | AIMED
NEAR = 3
ETHNIC = _folded(["cina", "china", "cino", "chinese", "tionghoa", "chindo"])
AIMING = frozenset(["aimed", "only-aimed", "label"])
# A ``label`` (a political camp or an ethnic group named by an animal: ``cebong``, ``kadrun``,
# ``onta``) is aimed like an insult, and also when it labels people: after a word for a group's
# members ("pendukung kadrun", "para cebong", "antek kampret").
LABEL = "label"
MEMBERS = _folded(
    ["pendukung", "para", "kaum", "antek", "gerombolan", "barisan", "golongan", "kubu", "si"]
)
# Indonesian and Javanese function words: an English insult in such a comment ("presidennya
# idiot") is said of someone in Indonesian syntax, which the English aiming cues do not see.
INDONESIAN = _folded(
    [
        "yang",
        "yg",
        "dan",
        "ini",
        "itu",
        "tidak",
        "gak",
        "ga",
        "nggak",
        "udah",
        "sudah",
        "aja",
        "saja",
        "banget",
        "bgt",
        "kok",
        "sih",
        "juga",
        "tapi",
        "kalau",
        "kalo",
        "emang",
        "memang",
        "karo",
        "wis",
        "ora",
    ]
)


@dataclasses.dataclass(frozen=True, slots=True)
class Scene:
    """What a comment says around its hits, found once: its topics, its token keys, and where
    it addresses someone (``AIMED`` tokens' offsets, ascending)."""

    cues: Topics
    keys: frozenset[str]
    aimed_at: list[int]


def _mentioned(view: Text, hit: Hit, toks: Sequence[Token], scene: Scene) -> bool:
    """A word mentioned, not used: quoted to condemn it, reported in quote marks, a title or a
    sign quoted, a label denied or named as a term, an insult the speaker says of themself."""
    flags, cues, keys = hit.entry.flags, scene.cues, scene.keys
    if _condemned(hit, cues, keys) or (
        in_quotes(view, hit.start, hit.end) and quoted(cues, hit.start, keys)
    ):
        return True
    if _reported_quote(view, hit.start, hit.end, toks, scene) or (
        hit.how != AIMED_AT
        and (
            (LABEL in flags and _disowned(hit, toks, keys))
            or ("aimed" in flags and _of_self(hit, toks, keys))
        )
    ):
        return True
    return titled(view, cues, hit.start, hit.end) and _unendorsed(keys)


def _innocent(view: Text, hit: Hit, toks: Sequence[Token], scene: Scene) -> bool:
    """A literal word near a literal topic and aimed at nobody, a word that is a name, a word
    quoted to condemn its use in a comment that addresses no one, a label denied or named as a
    term, an insult the speaker says of themself, or abuse reported in quote marks."""
    flags, cues, keys = hit.entry.flags, scene.cues, scene.keys
    if _mentioned(view, hit, toks, scene):
        return True
    if _literal_here(flags, cues, hit.start):
        around = toks[max(0, hit.first - 2) : hit.last + 3]
        return not any(t.key in AIMED for t in around)
    if "name" in flags and _is_name(view, hit, toks):
        return True
    if "only-aimed" in flags:
        # a religious, moral or medical term ("orang kafir", "jangan munafik") insults only
        # when hurled at someone; a mocking misspelling ("kapir") insults whoever it names
        # ("kata kafir pantas buat kalian": a pronoun a few words on aims it too)
        near = toks[max(0, hit.first - NEAR) : hit.last + NEAR + 1]
        if hit.how == AIMED_AT or any(t.key in AIMED or t.key in AFTER for t in near):
            return False
        return hit.entry.keys[0] in toks[hit.first].key and not _disguised(view, hit)
    if "adjective" in flags:
        return not _labels(hit, toks)
    if "aimed" in flags and hit.entry.severity is Severity.MILD and hit.entry.lang == "en":
        if not INDONESIAN.isdisjoint(keys):
            return False
        return hit.how != AIMED_AT  # "a stupid mistake", "I am not an idiot": no one insulted
    return False


def _disowned(hit: Hit, toks: Sequence[Token], keys: frozenset[str]) -> bool:
    """A label denied ("bukan cebong, bukan kampret, saya warga biasa") or named as a term
    ("istilah cebong kampret itu ..."), in a comment that addresses no one and endorses no
    name ("julukan kadrun cocok buat mereka")."""
    if not (AIMED.isdisjoint(keys) and DESERVE.isdisjoint(keys)):
        return False
    denied = hit.first > 0 and toks[hit.first - 1].key in DENIED
    return denied or any(t.key in TERMS for t in toks[max(0, hit.first - NEAR) : hit.first])


DENIED = _folded(["bukan", "dudu", "not", "neither", "nor"])
TERMS = _folded(["istilah", "sebutan", "julukan", "label", "term", "word", "frasa", "stigma"])


def _of_self(hit: Hit, toks: Sequence[Token], keys: frozenset[str]) -> bool:
    """An insult the speaker says of themself, addressing no one: "aku memang goblok soal hp",
    "katanya aku bodoh, ya sudah", "gue emang tolol"; not "aku goblok? kamu yang goblok"."""
    if not AIMED.isdisjoint(keys):
        return False
    k = hit.first - 1
    while k >= max(0, hit.first - REACH) and toks[k].key in OWN:
        k -= 1
    return k >= 0 and toks[k].key in SELF


SELF = _folded(["aku", "saya", "gue", "gua", "gw", "ane", "aq", "i", "im"])
# Between "I" and what they call themself: "aku memang", "saya ini agak", "I am such an".
OWN = _folded(
    [
        *("memang", "emang", "emg", "mmg", "pancen", "ini", "iki", "juga", "jg", "agak", "rada"),
        *("rodo", "sangat", "paling", "terlalu", "kok", "sih", "cuma", "ternyata", "merasa"),
        *("ngerasa", "kadang", "masih", "bener", "beneran", "am", "was", "so", "such", "a", "an"),
    ]
)


def reported_in(view: Text, start: int, end: int) -> bool:
    """Whether letters-view ``start:end`` is abuse reported in quote marks (``_reported_quote``),
    for filters other than this one ("he told my son 'you worthless clown', we reported him")."""
    toks = [
        Token(s, e, key_of(w)[0], None) for w, s, e in zip(view.tokens, *view.bounds, strict=True)
    ]
    aimed_at = [t.start for t in toks if t.key in AIMED]
    scene = Scene(topics.of(view), frozenset(t.key for t in toks), aimed_at)
    return _reported_quote(view, start, end, toks, scene)


def _reported_quote(view: Text, start: int, end: int, toks: Sequence[Token], scene: Scene) -> bool:
    """Abuse reported inside quote marks after a naming verb, with a report or a condemnation,
    the comment addressing no one outside them: "dia bilang 'anjing kamu' ke ibuku, saya lapor
    polisi"; not "bilang 'anjing kamu' ke dia" (no report: the speaker may be passing it on),
    nor "aku bilang 'anjing kamu', lapor aja" (the speaker saying it)."""
    cues = scene.cues
    if Topic.CONDEMN not in cues or not cues.before(Topic.QUOTE, start, QUOTED):
        return False
    quote = _quotation(view.normalised, start, end)
    if quote is None or _said_by_self(toks, quote[0]):
        return False
    aimed = scene.aimed_at
    return not aimed or (aimed[0] >= quote[0] and aimed[-1] < quote[1])


def _said_by_self(toks: Sequence[Token], mark: int) -> bool:
    """Whether the speaker says the quotation opening at ``mark``: "aku bilang '...'", "I told
    him '...'"; not "aku dibilang '...'", "saya dikatai '...'" (said to them)."""
    k = bisect.bisect_left(toks, mark, key=lambda t: t.start)
    before = toks[max(0, k - 3) : k]
    passive = bool(before) and before[-1].key.startswith("di")
    return not passive and any(t.key in SELF or t.key in _WE for t in before)


_WE = _folded(["kami", "kita", "we"])
SPOKEN = 24  # characters from a quotation's mark to the hit inside it: "'dasar anjing kamu'"


def _quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The offsets of the quote marks around ``text[start:end]``, each within ``SPOKEN``
    characters of it, with no other mark between (a walk of bounded length, not a count)."""
    opened = next(
        (i for i in range(start - 1, max(-1, start - SPOKEN), -1) if text[i] in QUOTES), -1
    )
    stop = min(len(text), end + SPOKEN)
    closed = next((j for j in range(end, stop) if text[j] in QUOTES), -1)
    return None if opened < 0 or closed < 0 else (opened, closed)


def _literal_here(flags: frozenset[str], cues: Topics, start: int) -> bool:
    """A ``literal`` word near a literal or a wild cue, a ``health`` one (``viagra``,
    ``masturbation``) near a health cue ("BPOM", "dokter", "prescription"), or a ``wild`` one
    (an insult first, an animal or a trade second: ``kampret``, ``bajingan``) near a wild cue
    (caves, orchards, carts), which generic health and farm words ("sembuh", "hilang") are
    not."""
    if "literal" in flags and cues.near(Topic.LITERAL, start):
        return True
    if "health" in flags and cues.near(Topic.HEALTH, start):
        return True
    return not flags.isdisjoint(("literal", "wild")) and cues.near(Topic.WILD, start)


def _condemned(hit: Hit, cues: Topics, keys: frozenset[str]) -> bool:
    """Named as a word, a few tokens after "menyebut", "call" ("menyebut orang Papua monyet",
    "don't call people X"), in a comment with a condemnation ("itu rasis", "it hurts") that
    addresses no one."""
    return condemned(cues, hit.start, keys)


QUOTED = 4  # tokens from the naming word to the word named: "menyebut tetangga beda agama kafir"
QUOTES = "\"'“”‘’«»`"


def reported(cues: Topics, start: int, keys: frozenset[str]) -> bool:
    """A word named after "called me", "dikatai", "disebut" in a comment that addresses no one
    ("he called me a 'X' at work"): a reader reporting what was said, quoting, not saying it."""
    if not DESERVE.isdisjoint(keys) and Topic.CONDEMN not in cues:
        return False  # "pantas disebut 'X'": the name endorsed, not reported
    return cues.before(Topic.QUOTE, start, QUOTED) and AIMED.isdisjoint(keys)


DESERVE = _folded(["pantas", "layak", "cocok", "cocoknya", "memang", "emang", "deserve", "fit"])


def quoted(cues: Topics, start: int, keys: frozenset[str]) -> bool:
    """A word in quote marks, reported after a naming word ("dikatai 'X'"), or named and
    condemned with the naming word after it ("'X' itu ejekan rasis")."""
    if reported(cues, start, keys):
        return True
    named = Topic.CONDEMN in cues and cues.near(Topic.QUOTE, start)
    return named and AIMED.isdisjoint(keys) and DESERVE.isdisjoint(keys)


TITLE_REACH = 2  # tokens from a title word to the quotation it opens: judul beritanya "..."
QUOTATION = 80  # characters a quoted title or sign may run to either side of the word


def titled(view: Text, cues: Topics, start: int, end: int) -> bool:
    """Whether letters-view ``start:end`` lies inside a quotation opened just after a title
    word: a headline, a song, a film or a sign quoted ("judul beritanya \"... Anjing ...\"",
    "film 'Bangsat Boys'", "spanduk bertuliskan 'Jancok denda 50rb'"), not said."""
    if Topic.TITLE not in cues:
        return False
    text = view.normalised
    opening = max(text.rfind(q, max(0, start - QUOTATION), start) for q in QUOTES)
    if opening < 0 or not any(q in text[end : end + QUOTATION] for q in QUOTES):
        return False
    return cues.before(Topic.TITLE, opening, TITLE_REACH)


def _unendorsed(keys: frozenset[str]) -> bool:
    """A comment that addresses no one and endorses no name ("cocok buat kalian")."""
    return AIMED.isdisjoint(keys) and DESERVE.isdisjoint(keys)


def in_quotes(view: Text, start: int, end: int) -> bool:
    """Whether letters-view ``start:end`` is set in quote marks ('X', "X", “X”)."""
    before, after = neighbours(view.normalised, start, end)
    return bool(before) and bool(after) and before in QUOTES and after in QUOTES


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters next to ``text[start:end]`` past any spacing ('' at either end).

    Walks the spacing instead of slicing the text: a slice per hit made a comment of many
    hits quadratic; a run of spacing is walked by at most the two hits beside it."""
    i, j = start - 1, end
    while i >= 0 and text[i].isspace():
        i -= 1
    while j < len(text) and text[j].isspace():
        j += 1
    return (text[i] if i >= 0 else ""), (text[j] if j < len(text) else "")


def condemned(cues: Topics, start: int, keys: frozenset[str]) -> bool:
    """A finding at ``start`` named as a word and condemned (``_condemned``), for filters other
    than this one."""
    return Topic.CONDEMN in cues and reported(cues, start, keys)


def aimed(hits: list[Hit], toks: Sequence[Token], view: Text) -> list[Hit]:
    """Hits of insults aimed at someone marked ``AIMED_AT``: a second-person word or "what a"
    just before ("you idiot", "dasar goblok"), a second-person word just after ("goblok lu"),
    or said as an address ("shut up, moron")."""
    out = []
    for hit in hits:
        flags = hit.entry.flags
        if (not AIMING.isdisjoint(flags) and _is_aimed(hit, toks, view)) or (
            LABEL in flags and _grouped(hit, toks)
        ):
            hit = dataclasses.replace(hit, how=AIMED_AT)
        out.append(hit)
    return out


def _is_aimed(hit: Hit, toks: Sequence[Token], view: Text) -> bool:
    before = [t.key for t in toks[max(0, hit.first - 3) : hit.first]]
    if any(k in NEGATION for k in before):
        return False
    if any(k in AIMED for k in before) or _you_are(toks, hit.first):
        return True
    if any(k in ("what", "such") for k in before) and not _of_oneself(hit, toks):
        return True
    if hit.last + 1 < len(toks) and toks[hit.last + 1].key in AFTER:
        return True
    left, right = neighbours(view.normalised, hit.start, hit.end)
    return left in (",", "!") and (not right or right in ".,!?")


# Between "you" and an insult: "you're a complete idiot", "you are such a total loser".
COPULA = _folded(
    ["re", "are", "r", "a", "an", "so", "such", "complete", "total", "absolute", "utter", "real"]
)
FIRST_PERSON = _folded(["i", "im", "me", "myself", "aku", "saya", "gue", "gua", "gw"])
REACH = 5  # tokens back from an insult over ``COPULA`` words to "you"


def _you_are(toks: Sequence[Token], first: int) -> bool:
    """Whether "you" opens the words before token ``first``, with only ``COPULA`` between."""
    k = first - 1
    while k >= max(0, first - REACH) and toks[k].key in COPULA:
        k -= 1
    return k >= 0 and k < first - 1 and toks[k].key in AIMED


def _of_oneself(hit: Hit, toks: Sequence[Token]) -> bool:
    """ "Such a"/"what a" said of oneself: "I was such an idiot", "what an idiot I am"."""
    around = [*toks[max(0, hit.first - REACH) : hit.first], *toks[hit.last + 1 : hit.last + 3]]
    return any(t.key in FIRST_PERSON for t in around) and not any(t.key in AIMED for t in around)


def _grouped(hit: Hit, toks: Sequence[Token]) -> bool:
    """A label said of a group's members (see ``MEMBERS``), just before it."""
    return any(t.key in MEMBERS for t in toks[max(0, hit.first - 2) : hit.first])


def _labels(hit: Hit, toks: Sequence[Token]) -> bool:
    """An adjective used as a label for people (see ``LABELS``)."""
    before = {t.key for t in toks[max(0, hit.first - 2) : hit.first]}
    after = toks[hit.last + 1].key if hit.last + 1 < len(toks) else ""
    near = {t.key for t in toks[max(0, hit.first - NEAR) : hit.last + NEAR + 1]}
    return not before.isdisjoint(LABELLING) or after in AFTER or not near.isdisjoint(ETHNIC)


def _is_name(view: Text, hit: Hit, toks: Sequence[Token]) -> bool:
    """Capitalised within two words after a title (``Pak Dick``, ``Pak Haji Cuk``), or beside
    another capitalised word: before it (``Dick Cheney``), or after one that does not open the
    comment (``Philip K. Dick``)."""
    if not _capitalised(view, toks[hit.first]):
        return False
    if any(t.key in TITLES for t in toks[max(0, hit.first - 2) : hit.first]):
        return True
    before = toks[hit.first - 1] if hit.first > 1 else None
    after = toks[hit.last + 1] if hit.last + 1 < len(toks) else None
    return any(t is not None and _capitalised(view, t) for t in (before, after))


def _capitalised(view: Text, token: Token) -> bool:
    """Written as a name: a capital, then not all capitals ("COK SAWITRI" is shouting)."""
    text = view.span(token.start, token.end).text
    return text[:1].isupper() and (len(text) == 1 or not text.isupper())


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
