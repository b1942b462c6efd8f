"""Abuse beyond listed words: threats, which often carry no swear word at all.

A threat is a harm verb (``bakar``, ``bacok``, ``burn``, with Indonesian and Javanese affixes:
``kubunuh``, ``dibakar``, ``patahkan``) within ``WINDOW`` tokens of both a second-person word
(``kamu``, ``kowe``, ``you``, or a noun with ``-mu``: ``omahmu``, ``lehermu``) and an intent
marker (``tak``, ``akan``, ``will``), or a first-person form of the verb (``ku-``), and not
negated (``tidak akan``). Fixed phrases ("watch your back") count alone. News of a burning or
a stabbing has no second person, so it stays innocent. Three more kinds carry no harm word
aimed at "you": pursuit with menace ("awas koen, tak goleki"), doxxing (an address spread or
known together with a personal identifier), and incitement ("someone should burn his house").
Menace that names no harm at all: safety denied ("you won't make it home in one piece"), the
reader's family under watch, promised regret, "only your name will be left"; English insults
of contempt ("you filthy lying snake") and imprecations ("go rot in hell"); and a vice laid on
a whole ethnic group or religion ("orang X semua maling"), or a call to expel one ("kafir semua
pantas diusir"). Waiting outside the reader's home with no plan said ("tak enteni nang ngarep
omahmu") and a visit with a crowd ("karo konco-konco sak truk") are menace too. A group
likened to vermin or disease ("imigran itu kecoak") is hate, unless named to condemn it.
Round 7 menace with no harm verb: a condition on the reader's writing with a veiled consequence
("kalau masih nulis begitu, siap-siap"), a fire foretold for their house, their family made to
pay, visits promised or called for, their whereabouts known, their life said to be short, and
the press (newsroom, journalists) counted as the reader. Vocabulary: ``data/threats.tsv``.
"""

from __future__ import annotations

import functools
import itertools
import re
from importlib import resources

from moderation.filters import profanity, topics
from moderation.filters.automaton import Automaton
from moderation.filters.context import Context
from moderation.filters.text import Text
from moderation.filters.wordlist import key_of
from moderation.models import Action, FilterName, Finding, FindingKind

VERSION = "abuse-5"  # 2: pursuit, doxxing, incitement; 3: menace with no harm, contempt, hate;
# 4: lurking at the reader's home, visits with a crowd, groups called to be expelled;
# 5: groups likened to vermin or hurled with "dasar", hate named to condemn it, more menace
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
_TAKE_CARE = frozenset([("ati", "ati"), ("hati", "hati"), ("siap", "siap")])  # menace in pairs
# "Only the name is left" (you will be dead): a threat when said to someone.
_DOOM = frozenset(
    [("tinggal", "nama"), ("kari", "jeneng"), ("tinggal", "jeneng"), ("kari", "aran")]
)


@functools.cache
def _vocabulary() -> dict[str, frozenset[str]]:
    source = (resources.files("moderation.filters") / "data" / "threats.tsv").read_text(
        encoding="utf-8"
    )
    rows: dict[str, str] = {}
    for line in source.splitlines():
        if line and line[0] != "#":
            kind, values = line.split("\t", 1)
            rows[kind] = f"{rows[kind]};{values}" if kind in rows else values
    words = {k: frozenset(v.replace(";", " ").split()) for k, v in rows.items()}
    for kind in _PHRASE_KINDS:
        words[kind] = frozenset(p.strip() for p in rows[kind].split(";"))
    return words


_PHRASE_KINDS = {
    "phrase": "threat:phrase",
    "imprecation": "insult:imprecation",
    "insult-phrase": "insult:phrase",
}


def _affixed(verbs: frozenset[str]) -> dict[str, bool]:
    """Every affixed form of ``verbs``, and whether the form itself says "I" (``kubunuh``)."""
    forms: dict[str, bool] = {}
    for verb, pre, suf in itertools.product(verbs, PREFIXES, SUFFIXES):
        forms[pre + verb + suf] = forms.get(pre + verb + suf, False) or pre in FIRST_PERSON
    return forms


@functools.cache
def _forms(section: str) -> dict[str, bool]:
    """The affixed forms of a verb section of the vocabulary (``harm``, ``pursue``, …)."""
    return _affixed(_vocabulary()[section])


@functools.cache
def _crowd_tokens() -> frozenset[str]:
    """The words a crowd ends on: a measure ("sak truk") or a whole one ("sekampung")."""
    v = _vocabulary()
    return v["measure"] | v["whole-measure"]


@functools.cache
def _menace_tokens() -> frozenset[str]:
    """The menace words, and the words of the pairs that are menace together ("ati-ati")."""
    return _vocabulary()["menace"] | {word for pair in _TAKE_CARE for word in pair}


@functools.cache
def _cue_words() -> frozenset[str]:
    """Every word some rule below needs; a comment's own are found in one pass (``_may``)."""
    return frozenset(
        itertools.chain.from_iterable([*first, *(second or ())] for first, second in _cue_pairs())
    )


def _may(tokens: list[str]) -> bool:
    """Whether a rule can fire: a harm verb; pursuit with a menace word; a doxxing verb with an
    address; a safety word with a doubt ("belum tentu selamat"), and the other pairs in
    ``_cue_pairs``. Most comments have none, which is decided in C ("tahu", "tunggu" and
    "selamat" alone are everyday words)."""
    found = _cue_words().intersection(tokens)
    if not found:
        return False
    return any(
        not found.isdisjoint(first) and (second is None or not found.isdisjoint(second))
        for first, second in _cue_pairs()
    )


@functools.cache
def _cue_pairs() -> tuple[tuple[frozenset[str], frozenset[str] | None], ...]:
    """The words some rule needs, each set with the set it needs beside it (None: alone)."""
    v = _vocabulary()
    return (
        (frozenset(_forms("harm")), None),
        (v["insult-adjective"] | v["insult-noun"] | v["regret"], None),
        (v["beast"], v["contempt"] | v["insult-adjective"]),
        (v["safe"], v["doubt"]),
        (v["family"], v["careful"]),
        (v["group"], v["vice"] | frozenset(_forms("expel")) | v["expelled"]),
        (v["group"] | v["label"], v["vermin"] | frozenset(["dasar", "manusia", "human"])),
        (frozenset(first for first, _ in _DOOM), frozenset(second for _, second in _DOOM)),
        (v["brain"] | _your("brain"), v["empty"] | v["lack"] | _your("brain")),
        (frozenset(_forms("pursue")), _menace_tokens() | v["gang"] | _crowd_tokens()),
        (frozenset(_forms("wait")), v["position"]),
        (v["dox"], v["address"]),
        (
            v["condition"] | v["one"],
            v["siap"] | v["see"] | v["suffer"] | v["sorry"] | _GUARANTEE | v["careful"] | {"awas"},
        ),
        (v["accident"], v["possible"]),
        (v["shame"], v["happening"]),
        (v["family"], v["bear"]),
        (
            frozenset(_visit_forms()),
            v["place-yours"] | v["place-theirs"] | v["press"] | v["place-english"] | v["outlet"],
        ),
        (v["dox"], v["whereabouts"] | _your("whereabouts") | v["asking"] | frozenset(["your"])),
        (_your("life") | v["living"], v["short"]),
        (v["enjoy"], v["last"] | frozenset(["terakhirmu"])),
        (v["lesson"], frozenset(_forms("give"))),
        (frozenset(_forms("pursue")), v["intent"] | frozenset(["sampek", "sampe", "sampai", "t"])),
        (v["dox"], v["their-address"]),
        (_ALREADY, frozenset(["ono", "ana", "ada"])),
        (frozenset(["warned", "warning", "peringatan", "else"]), None),
        (v["peace"], v["negation"] | frozenset(["never"])),
    )


@functools.cache
def _phrases() -> Automaton[str]:
    v = _vocabulary()
    return Automaton((p, rule) for kind, rule in _PHRASE_KINDS.items() for p in v[kind])


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
            self._finding(view, start, end, f"{rules[0]} {key}")
            for start, end, key, rules in _phrases().words(view.normalised)
        ]
        if not found:
            found = self._threats(view)
        return found[:1]

    def _threats(self, view: Text) -> list[Finding]:
        if not _may(view.tokens):
            return []
        tokens = list(_TOKEN.finditer(view.normalised))
        words = [m.group() for m in tokens]
        for rule in RULES:
            found = rule(words)
            if found is not None:
                first, last, detail = found
                start, end = tokens[first].start(), tokens[last].end()
                if detail.startswith(_HATE) and _condemned(view, start):
                    return []
                return [self._finding(view, start, end, detail)]
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
            kind=_kind(rule.partition(":")[0]),
        )


def _condemned(view: Text, start: int) -> bool:
    """Hate named in order to condemn it, addressing no one: "menyebut pengungsi itu parasit
    adalah rasis" (``profanity.condemned``)."""
    keys = frozenset(key_of(word)[0] for word in view.tokens)
    return profanity.condemned(topics.of(view), start, keys)


def _kind(family: str) -> FindingKind:
    """A rule family is named after its kind (``threat:aimed``, ``insult:imprecation``), but
    for generalised hate, which is of kind slur."""
    return FindingKind.SLUR if family == _HATE else FindingKind(family)


_HATE = "hate"
_Found = tuple[int, int, str]  # first and last token of the evidence, and the finding's detail


def _window(words: list[str], i: int, width: int = WINDOW) -> range:
    return range(max(0, i - width), min(len(words), i + width + 1))


def _menaced(words: list[str]) -> bool:
    """A menace word ("awas", "siap-siap", "you'll regret") anywhere in the comment."""
    menace = _vocabulary()["menace"]
    return any(w in menace for w in words) or any(
        pair in _TAKE_CARE for pair in itertools.pairwise(words)
    )


def _negated_at(words: list[str], i: int) -> bool:
    return _negated(words[max(0, i - 3) : i], _vocabulary()["negation"])


def _aimed(words: list[str]) -> _Found | None:
    """A harm verb with intent (``tak``, ``will``, or a ``ku-`` form), aimed at the reader; or
    said in the first person beside a menace word ("ati-ati nek mulih, tak cegat")."""
    forms, vocabulary = _forms("harm"), _vocabulary()
    for i, word in enumerate(words):
        lesson = _lesson(words, i)
        if (word not in forms and not lesson) or _negated_at(words, i):
            continue
        window = _window(words, i)
        aimed = [k for k in window if _second_person(words[k]) or words[k] in vocabulary["press"]]
        passive = lesson or word[:2] == "di" or (i > 0 and words[i - 1] in ("be", "get"))
        intent = [
            k
            for k in window
            if k < i
            and (
                words[k] in vocabulary["intent"] or (passive and words[k] in vocabulary["deserve"])
            )
        ]
        if (intent or forms.get(word, False)) and (aimed or _menaced(words)):
            return min([i, *aimed, *intent]), max([i, *aimed]), f"threat:aimed {word}"
    return None


def _lesson(words: list[str], i: int) -> bool:
    """ "A lesson" given, which is a beating ("harus diberi pelajaran", "teach you a lesson"),
    but not at school or from life ("pelajaran berharga")."""
    v = _vocabulary()
    if words[i] not in v["lesson"] or not v["school"].isdisjoint(words):
        return False
    return any(w in _forms("give") for w in words[max(0, i - 3) : i])


def _pursued(words: list[str]) -> _Found | None:
    """Pursuit ("tak goleki sampek ketemu", "I'll find you") aimed at the reader, with menace."""
    forms = _forms("pursue")
    for i, word in enumerate(words):
        if word not in forms or _negated_at(words, i):
            continue
        aimed = [k for k in _window(words, i) if _second_person(words[k])]
        gang = not _vocabulary()["gang"].isdisjoint(words) or _crowded(words)
        if aimed and (_menaced(words) or gang or _hunted(words, i)):
            return min(i, *aimed), max(i, *aimed), f"threat:pursuit {word}"
    return None


def _hunted(words: list[str], i: int) -> bool:
    """Pursuit that ends the comment, with intent before it: "we will find you", "kamu akan
    ditemukan"; not "we will find you a better job"."""
    v = _vocabulary()
    rest = [w for w in words[i + 1 :] if not _second_person(w) and w not in _SOON]
    before = words[max(0, i - 4) : i]
    intent = any(w in v["intent"] for w in before) or any(
        pair in _LET_IT_BE for pair in itertools.pairwise(before)
    )
    return not rest and intent


# "Don't let me find you": "ojo sampek aku nemokno koen", "jangan sampai aku ketemu kamu".
_LET_IT_BE = frozenset(
    [("ojo", "sampek"), ("ojo", "sampe"), ("jangan", "sampai"), ("jangan", "sampe"), ("don", "t")]
)
_SOON = frozenset(
    ["soon", "nanti", "mengko", "segera", "wherever", "everywhere", "sampai", "ketemu"]
)


def _crowded(words: list[str]) -> bool:
    """People by the truckload or the village: "konco-konco sak truk", "warga sekampung",
    "a truckload of my boys"; not "nggowo pasir sak truk" (no people)."""
    v = _vocabulary()
    for i, word in enumerate(words):
        whole = word in v["whole-measure"]
        if not whole and not (word in v["measure"] and i and words[i - 1] in v["quantity"]):
            continue
        if any(w in v["crowd"] for w in words[max(0, i - 4) : i + 4]):
            return True
    return False


def _lurking(words: list[str]) -> _Found | None:
    """The speaker waiting in front of or outside the reader's home: "tak enteni nang ngarep
    omahmu", "I'll be waiting outside your house"; not a plan ("... jam 7, budhal bareng"),
    not negated, not someone else's home ("ngarep omahe pak RT")."""
    v, forms = _vocabulary(), _forms("wait")
    if not v["plan"].isdisjoint(words) or any(w.isdigit() for w in words):
        return None
    for i, word in enumerate(words):
        if word not in forms or _negated_at(words, i):
            continue
        speaker = forms[word] or any(
            w in v["intent"] or w in v["speaker"] or w == "i" for w in words[max(0, i - 3) : i]
        )
        home = _your_home(words, i + 1)
        if speaker and home is not None:
            return max(0, i - 1), home, f"threat:lurking {word}"
    return None


def _your_home(words: list[str], start: int) -> int | None:
    """The last token of "in front of / outside your home" within a few tokens of ``start``."""
    v = _vocabulary()
    for k in range(start, min(len(words), start + 4)):
        if words[k] not in v["position"]:
            continue
        for j in range(k + 1, min(len(words), k + 4)):
            word = words[j]
            if _YOUR_NOUN.fullmatch(word) and word[:-2] in v["dwelling"]:
                return j
            if word in v["dwelling"] and (
                words[j - 1] == "your" or (j + 1 < len(words) and _second_person(words[j + 1]))
            ):
                return j + 1 if j + 1 < len(words) and _second_person(words[j + 1]) else j
    return None


def _doxxed(words: list[str]) -> _Found | None:
    """Knowing or spreading an address with a personal identifier: "tahu alamat dan sekolah
    anakmu", "sebar alamat rumah dan nomor KTP-nya"; not "sebar alamat posko bantuan"."""
    vocabulary = _vocabulary()
    for i, word in enumerate(words):
        if word not in vocabulary["dox"] or _negated_at(words, i) or "jangan" in words[:i]:
            continue
        window = _window(words, i, WINDOW + 2)
        address = [k for k in window if words[k] in vocabulary["address"]]
        personal = [
            k
            for k in window
            if words[k] in vocabulary["identifier"] or words[k] in vocabulary["press"]
        ]
        if _mobbed(words, window):
            address += [k for k in window if words[k] in vocabulary["their-address"]]
            personal = personal or address
        if address and personal:
            return min(i, *address), max(i, *address, *personal), f"threat:doxxing {word}"
    return None


def _mobbed(words: list[str], window: range) -> bool:
    """A crowd sent with an address spread: "sebarkan alamatnya biar didatangi warga"."""
    v, forms = _vocabulary(), _visit_forms()
    return any(words[k] in forms or words[k] in v["gang"] or words[k] == "warga" for k in window)


def _incited(words: list[str]) -> _Found | None:
    """A call to harm someone or their home: "someone should burn this reporter's house"."""
    forms, vocabulary = _forms("harm"), _vocabulary()
    for i, word in enumerate(words):
        if word not in forms or _negated_at(words, i):
            continue
        window = _window(words, i)
        incite = [k for k in window if k < i and words[k] in vocabulary["incite"]]
        target = [k for k in window if k > i and words[k] in vocabulary["target"]]
        if incite and target:
            return min(incite), max(target), f"threat:incitement {word}"
    return None


INSULT_REACH = 4  # tokens from "you"/"what" to the insult word: "you're pathetic and stupid"
INSULT_FAR = 8  # further only over contempt words: "you are such an arrogant, entitled, pathetic"


def _insulted(words: list[str]) -> _Found | None:
    """An English insult said of the reader: after "you" and a copula ("you're so pathetic",
    "ur dumb"), or a noun after "you" or "what a" with only insults between ("you worthless
    clown", "what an ignorant fool"), or an animal or a person after "you" and a contempt word
    ("you filthy lying snake", "you sad little man"); not negated ("you're not stupid"), not
    said of oneself ("I felt stupid") nor of a thing ("what a stupid mistake")."""
    v, insults = _vocabulary(), _insult_words()
    for i, word in enumerate(words):
        if word not in insults:
            continue
        for k in range(i - 1, max(-1, i - INSULT_FAR - 1), -1):
            if words[k] in v["negation"] or words[k] in _ELSEWHERE:
                break
            if _insult_of_you(words, k, i):
                return k, i, f"insult:aimed {word}"
    return None


@functools.cache
def _insult_words() -> frozenset[str]:
    """The words an English insult ends on: an insult, or an animal or person scorned."""
    v = _vocabulary()
    return v["insult-adjective"] | v["insult-noun"] | v["beast"]


def _insult_of_you(words: list[str], k: int, i: int) -> bool:
    """Whether ``words[i]`` insults the "you" (or "what a") at ``words[k]``."""
    v = _vocabulary()
    between = words[k + 1 : i]
    chained = all(w in _CHAIN or w in v["contempt"] or w in v["insult-adjective"] for w in between)
    if words[i] in v["beast"]:
        scorned = any(w in v["contempt"] or w in v["insult-adjective"] for w in between)
        return scorned and chained and (words[k] in v["subject"] or _says_you(words, k))
    if _says_you(words, k) and (i - k <= INSULT_REACH or chained):
        return True
    return (
        words[i] in v["insult-noun"]
        and (words[k] in v["subject"] or words[k] in v["exclaim"])
        and all(
            w in v["insult-adjective"] or w in v["insult-noun"] or w in _FILLERS for w in between
        )
    )


_FILLERS = frozenset(["a", "an", "so", "such", "absolute", "complete", "total", "and", "really"])
# Between "you" and an insult, these say it is of something else: "you are right, this stupid law".
_ELSEWHERE = frozenset(
    ["this", "that", "the", "these", "those", "his", "her", "their", "my", "our"]
)
_CHAIN = _FILLERS | {
    "are",
    "re",
    "r",
    "nothing",
    "but",
    "just",
    "for",
    "of",
    "excuse",
    "little",
    "old",
}


def _says_you(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` opens a clause about "you": "you are", "you're", "ur", "u r"."""
    v = _vocabulary()
    if words[k] in ("youre", "ur"):
        return True
    return words[k] in v["subject"] and k + 1 < len(words) and words[k + 1] in v["copula"]


def _endangered(words: list[str]) -> _Found | None:
    """Safety denied to the reader or their family, with the speaker or "you" said: "you won't
    make it home in one piece", "belum tentu kamu selamat sampai rumah"; not a warning about
    the road or the weather ("jalan licin, belum tentu selamat")."""
    v = _vocabulary()
    if not v["hazard"].isdisjoint(words):
        return None
    people: list[int] | None = None  # found once, on the first safety word that needs them
    for i, word in enumerate(words):
        if word not in v["safe"] or not v["road"].isdisjoint(words[max(0, i - 3) : i + 5]):
            continue
        window = _window(words, i, WINDOW + 2)
        doubt = [k for k in window if k < i and words[k] in v["doubt"]]
        if people is None:
            people = [
                k
                for k, w in enumerate(words)
                if _second_person(w) or w in v["family"] or w in v["speaker"]
            ]
        homeward = any(words[k] in v["home"] or words[k] in v["family"] for k in window)
        if doubt and people and homeward:
            return min(*doubt, *people, i), max(i, *people), f"threat:safety {word}"
    return None


def _family_menaced(words: list[str]) -> _Found | None:
    """Take care of your family, something may happen or we know: "hati-hati sama keluargamu,
    kami tahu jam pulang anakmu"; not a warning about the road or the weather."""
    v = _vocabulary()
    if not v["hazard"].isdisjoint(words):
        return None
    for i, word in enumerate(words):
        if word not in v["family"]:
            continue
        window = _window(words, i, WINDOW + 3)
        careful = [k for k in window if words[k] in v["careful"]]
        happen = [k for k in window if words[k] in v["happen"]] + [
            k for k in window if k > 0 and words[k - 1] == words[k] == "apa"
        ]
        if careful and happen and not _negated_at(words, i):
            return min(i, *careful, *happen), max(i, *careful, *happen), f"threat:family {word}"
    return None


def _regretted(words: list[str]) -> _Found | None:
    """Regret promised to the reader: "kamu bakal menyesali tulisan ini"; not "kamu tidak akan
    menyesal" nor "you'll regret not trying it"."""
    v = _vocabulary()
    for i, word in enumerate(words):
        if word not in v["regret"] or _negated_at(words, i):
            continue
        window = _window(words, i)
        intent = [k for k in window if k < i and words[k] in v["intent"]]
        aimed = [k for k in window if _second_person(words[k])]
        after = words[i + 1 : i + 4]
        if intent and aimed and v["negation"].isdisjoint(after) and "kalau" not in after:
            return min(*intent, *aimed, i), max(i, *aimed), f"threat:regret {word}"
    return None


def _doomed(words: list[str]) -> _Found | None:
    """ "Only your name will be left", said to someone ("besok tinggal nama kamu") or on a dare
    ("kalau berani lewat sini lagi, pulang tinggal nama")."""
    dare = _vocabulary()["dare"]
    for i, pair in enumerate(itertools.pairwise(words)):
        if pair in _DOOM:
            aimed = [k for k, w in enumerate(words) if _second_person(w) or w in dare]
            if aimed:
                return min(i, *aimed), max(i + 1, *aimed), f"threat:doom {' '.join(pair)}"
    return None


_DENIAL = frozenset(["jangan", "bukan", "stop", "tidak", "gak", "nggak", "ora", "not"])


def _generalised(words: list[str]) -> _Found | None:
    """A vice laid on a whole ethnic group or religion: "orang madura semua maling", "dasar
    batak, penipu semua"; not praise ("orang Batak semua jujur"), not denied ("tidak semua orang
    X maling"), not a vice before the group ("maling asal madura")."""
    v = _vocabulary()
    for i, word in enumerate(words):
        if word not in v["group"] or not _DENIAL.isdisjoint(words[max(0, i - 4) : i]):
            continue
        near = words[max(0, i - 3) : i + 4]
        whole = not v["every"].isdisjoint(near) or (i > 0 and words[i - 1] == "dasar")
        vice = [k for k in range(i + 1, min(len(words), i + WINDOW + 3)) if words[k] in v["vice"]]
        expel = _expelled(words, i)
        if whole and (vice or expel is not None):
            last = min([*vice, *([expel] if expel is not None else [])])
            return min(i, last), max(i, last), f"hate:generalised {word}"
    return None


def _dehumanised(words: list[str]) -> _Found | None:
    """A whole group likened to or called vermin, filth or disease: "imigran itu kecoak",
    "orang madura kayak tikus", "these immigrants are vermin"; or hurled with "dasar" ("dasar
    kaum pendatang", "dasar wong cino"), but for praise after ("dasar orang Padang, pinter
    dagang"); not a pest beside a group ("hama tikus di Madura"), not denied."""
    v = _vocabulary()
    for i, word in enumerate(words):
        if word in v["vermin"] and i > 1 and words[i - 1] in v["label"] and words[i - 2] == "dasar":
            return i - 2, i, f"hate:dehumanised {word}"  # "dasar bangsa kera"
        if word not in v["group"] or not _DENIAL.isdisjoint(words[max(0, i - 4) : i]):
            continue
        vermin = _likened(words, i + 1)
        if vermin is None and i + 1 < len(words) and words[i + 1] in v["vermin"]:
            vermin = None if i and words[i - 1] in _WHERE | _FROM else i + 1  # "madura tikus"
        if vermin is not None:
            return i, vermin, f"hate:dehumanised {word}"
        labelled = i > 1 and words[i - 1] in v["label"] and words[i - 2] == "dasar"
        if (labelled or (i > 0 and words[i - 1] == "dasar")) and v["praise"].isdisjoint(
            words[i + 1 : i + 5]
        ):
            return i - 2 if labelled else i - 1, i, f"hate:dehumanised {word}"
    return None


LIKENED_REACH = 4  # tokens from the group to the likening word: "kaum syiah sesat semua, kayak"


def _likened(words: list[str], start: int) -> int | None:
    """The vermin word of a likening ("kayak tikus", "itu najis", "are a disease") that opens
    within ``LIKENED_REACH`` tokens of ``start``: only fillers between the likening word and it."""
    v = _vocabulary()
    for k in range(start, min(len(words), start + LIKENED_REACH)):
        if words[k] not in v["liken"]:
            continue
        j = k + 1
        while j < len(words) and words[j] in v["article"]:
            j += 1
        if j < len(words) and words[j] in v["vermin"]:
            return j
        if words[j : j + 2] in (["bukan", "manusia"], ["not", "human"]):
            return j + 1  # "orang X itu bukan manusia"
    return None


def _expelled(words: list[str], i: int) -> int | None:
    """A call to expel or wipe out the group at ``words[i]``: a passive or bare form near it
    ("pantas diusir", "usir semua cina", "deserve to be expelled"), an active one only before
    it, the group its object ("harus mengusir semua orang X"; "orang Aceh mengusir penjajah" is
    the group acting)."""
    v, forms = _vocabulary(), _forms("expel")
    for k in _window(words, i, WINDOW + 2):
        word = words[k]
        active = word in forms and word[:2] == "me"
        if (word in forms or word in v["expelled"]) and (k < i or not active):
            return k
    return None


@functools.cache
def _your(section: str) -> frozenset[str]:
    """The words of ``section`` with ``-mu``: "otakmu", "utekmu"."""
    return frozenset(word + "mu" for word in _vocabulary()[section])


def _brainless(words: list[str]) -> _Found | None:
    """No brain, said of the reader: "otakmu kosong", "kowe ra nduwe utek", "kamu gak punya
    otak", "you have no brain"; not "otakmu encer", not of someone else ("pasien tidak punya
    keluhan di otak" has no lack beside the brain)."""
    v, yours = _vocabulary(), _your("brain")
    for i, word in enumerate(words):
        if word in yours and i + 1 < len(words) and words[i + 1] in v["empty"]:
            return i, i + 1, f"insult:brainless {word}"
        if word not in v["brain"] or i == 0 or words[i - 1] not in v["lack"]:
            continue
        lacking = words[i - 1] == "no" or (i > 1 and words[i - 2] in v["negation"])
        aimed = [k for k in range(max(0, i - WINDOW), i) if _second_person(words[k])]
        if lacking and aimed:
            return aimed[0], i, f"insult:brainless {word}"
    return None


def _conditional(words: list[str]) -> _Found | None:
    """A condition on what the reader writes or does, then a consequence that names no harm:
    "kalau masih nulis begitu, siap-siap saja", "sekali lagi kamu nulis begini, lihat saja
    nanti", "keep writing this and see what happens", "coba tulis lagi, tak jamin kamu aman";
    not advice ("kalau masih hujan, siap-siap bawa payung": a plan after "siap-siap")."""
    v = _vocabulary()
    for i in range(len(words)):
        if not _opens_condition(words, i):
            continue
        for k in range(i + 1, min(len(words), i + 12)):
            end = _consequence(words, k)
            if end is None:
                continue
            between = words[i + 1 : k]
            acted = not v["act"].isdisjoint(between)
            if acted or (words[k] not in v["careful"] and any(map(_second_person, between))):
                return i, end, f"threat:conditional {words[k]}"
            break
    return None


_AGAIN = frozenset([("sekali", "lagi"), ("sekali", "maneh"), ("once", "more"), ("one", "more")])


def _opens_condition(words: list[str], i: int) -> bool:
    pair = (words[i], words[i + 1] if i + 1 < len(words) else "")
    return words[i] in _vocabulary()["condition"] or pair in _AGAIN


def _consequence(words: list[str], k: int) -> int | None:
    """The last token of a consequence opening at ``words[k]``: "siap-siap" alone or with a
    particle, "lihat saja nanti", "see what happens", "tahu sendiri akibatnya", "be sorry",
    "tak jamin kamu aman"."""
    v, word = _vocabulary(), words[k]
    rest = words[k + 1 :]
    if word == "siapsiap" or (word == "siap" and rest[:1] == ["siap"]):
        j = k + 1 if word == "siapsiap" else k + 2
        after = words[j] if j < len(words) else None
        if after is None or after in v["particle"] or after in v["suffer"]:
            return j - 1
        return j if after in v["consequence"] else None
    if word in v["see"]:
        j = _skip(words, k + 1, v["particle"])
        if j < len(words) and words[j] == "what":
            j += 2  # "see what happens"
        elif j < len(words) and words[j] in v["later"]:
            j += 1  # "lihat saja nanti"
        elif j < len(words):
            return None
        return k if _clause_ends(words, j) else None
    if word in v["suffer"]:
        j = _skip(words, k + 1, v["own"])
        if j < len(words) and words[j] in v["taste"]:
            return j if _clause_ends(words, j + 1) else None  # "tahu rasanya", not "... enak"
        return j if j < len(words) and words[j] in v["consequence"] else None
    return _warning(words, k)


def _warning(words: list[str], k: int) -> int | None:
    """The last token of a consequence that warns: "be sorry", "tak jamin kamu aman",
    "ati-ati wae", "awas"."""
    v, word = _vocabulary(), words[k]
    if word in v["sorry"] and k and words[k - 1] == "be":
        return k
    if word in _GUARANTEE and k and words[k - 1] in v["negation"] | {"tak"}:
        safe = [j for j in range(k + 1, min(len(words), k + 4)) if words[j] in v["safe"]]
        return safe[0] if safe else None
    if word in v["careful"] and words[k + 1 : k + 2] and words[k + 1] in v["careful"]:
        if _mentions(words, v["road"] | v["hazard"] | v["cause"]):
            return None  # "kalau nulis sambil nyetir di jalan, hati-hati ya"
        return k + 1 if _clause_ends(words, k + 2) else None  # "ati-ati wae"
    if word == "awas" and _clause_ends(words, k + 1):
        return k
    return None


def _clause_ends(words: list[str], j: int) -> bool:
    """Whether the consequence before ``words[j]`` ends its clause: nothing after but a
    particle, "you" or "we" ("lihat saja nanti, kami tidak main-main"); not "see what happens
    with the new dose", "lihat saja nanti hasilnya"."""
    v = _vocabulary()
    if j >= len(words):
        return True
    after = words[j]
    return after in v["particle"] or after in v["we"] or (_second_person(after) and after != "your")


_GUARANTEE = frozenset(["jamin", "menjamin", "njamin", "guarantee"])


def _skip(words: list[str], j: int, fillers: frozenset[str]) -> int:
    while j < len(words) and words[j] in fillers:
        j += 1
    return j


def _burning(words: list[str]) -> _Found | None:
    """A fire foretold for the reader's house, car or shop, said as a possibility or a time
    ("mobilmu bisa saja terbakar malam ini", "omahmu iso kobong sewayah-wayah"); not a
    warning with its cause ("rumahmu bisa kebakaran kalau kompornya ditinggal")."""
    v = _vocabulary()
    if _mentions(words, v["cause"]):
        return None
    for i in range(len(words)):
        if not _yours(words, i, v["possession"]):
            continue
        window = list(_window(words, i))
        fire = [k for k in window if words[k] in v["accident"] and not _negated_at(words, k)]
        if fire and any(words[k] in v["possible"] for k in window):
            return min(i, *fire), max(i, *fire), f"threat:property {words[fire[0]]}"
    return None


def _yours(words: list[str], i: int, things: frozenset[str]) -> bool:
    """Whether ``words[i]`` is one of the reader's ``things``: "omahmu", "kantor kalian",
    "your house"."""
    word = words[i]
    if _YOUR_NOUN.fullmatch(word):
        return word[:-2] in things
    if word in things and i + 1 < len(words) and words[i + 1] in _vocabulary()["person"]:
        return True
    return word in _vocabulary()["place-english"] and i > 0 and words[i - 1] == "your"


def _mentions(words: list[str], section: frozenset[str]) -> bool:
    """Whether a word of ``section`` is in ``words``, bare or with "-nya"/"-ne" ("kabelnya")."""
    return any(
        w in section
        or (w.endswith(("nya", "ne")) and w.removesuffix("nya").removesuffix("ne") in section)
        for w in words
    )


def _shamed(words: list[str]) -> _Found | None:
    """ "It would be a shame if something happened to your kids", "sayang kalau terjadi
    apa-apa sama anakmu": a pity wished on the reader's people or things; not a health wish
    ("jaga kesehatan")."""
    v = _vocabulary()
    if _mentions(words, v["habit"] | v["cause"] | v["careful"]):
        return None
    yours = [k for k, w in enumerate(words) if _second_person(w) or w == "nice"]
    for i, word in enumerate(words):
        if word not in v["shame"] or not yours:
            continue
        cond = [k for k in range(i + 1, min(len(words), i + 3)) if words[k] in v["condition"]]
        if not cond:
            continue
        happen = [
            k for k in range(cond[0], min(len(words), cond[0] + 6)) if words[k] in v["happening"]
        ]
        if happen:
            return i, max(happen[0], *yours), f"threat:shame {words[happen[0]]}"
    return None


def _family_bears(words: list[str]) -> _Found | None:
    """The reader's family made to bear it: "anak istrimu nanti yang nanggung", "your family
    will pay for this"; not a cost ("keluargamu yang menanggung biaya kuliah")."""
    v = _vocabulary()
    for i, word in enumerate(words):
        yours = _YOUR_NOUN.fullmatch(word) is not None or (i > 0 and words[i - 1] == "your")
        if word not in v["family"] or not yours:
            continue
        for k in range(i + 1, min(len(words), i + 6)):
            if words[k] not in v["bear"]:
                continue
            said = [j for j in range(i + 1, k) if words[j] in v["intent"] or words[j] == "yang"]
            if said and v["cost"].isdisjoint(words[k + 1 : k + 4]) and not _negated_at(words, k):
                return i, k, f"threat:family {words[k]}"
    return None


@functools.cache
def _visit_forms() -> dict[str, bool]:
    return {**_affixed(_vocabulary()["visit"]), **_forms("raid")}


def _visited(words: list[str]) -> _Found | None:
    """A visit to the reader's place said by the speaker with menace, a wait or at night ("tunggu
    saja, kami akan datang ke rumahmu", "tak parani omahmu mengko bengi"; not "sesuk tak datangi
    omahmu karo bojoku"), or a crowd called to a third party's ("ayo rame-rame datangi
    rumahnya", "everyone go to his house"), or a raid on either ("ayo geruduk kantor
    redaksinya"); none for a purpose ("untuk arisan", "bawa bantuan") or denied."""
    v, forms = _vocabulary(), _visit_forms()
    armed = _menaced(words) or not v["gang"].isdisjoint(words)
    if not armed and not v["purpose"].isdisjoint(words):
        return None
    for i, word in enumerate(words):
        if word not in forms or _negated_at(words, i):
            continue
        place = _place(words, i + 1)
        if place is None:
            continue
        whose, last = place
        before = words[max(0, i - 5) : i]
        said = forms[word] or any(w in v["we"] or w in v["intent"] for w in before)
        rallied = any(w in v["rally"] or w in v["incite"] for w in before)
        raid = word in _forms("raid")
        menace = armed or _waits(words) or not v["night"].isdisjoint(words)
        if (whose == "yours" and (said or rallied) and (menace or raid)) or (
            whose == "theirs" and (rallied or (raid and said))
        ):
            return max(0, i - 1), last, f"threat:visit {word}"
    return None


def _place(words: list[str], start: int) -> tuple[str, int] | None:
    """Whose place a visit goes to, "yours" or "theirs", and its last token, within a few
    tokens of ``start``: "rumahmu", "rumahnya", "kantor redaksi", "his house"."""
    v = _vocabulary()
    for j in range(start, min(len(words), start + 4)):
        word = words[j]
        if word in v["place-yours"]:
            return "yours", j
        if word in v["place-theirs"] or word in v["press"]:
            return "theirs", j
        if word in v["place-english"] and words[j - 1] in v["owner"]:
            return ("yours" if words[j - 1] == "your" else "theirs"), j
        if word == "kantor" and j + 1 < len(words) and words[j + 1] in v["outlet"]:
            return "theirs", j + 1
    return None


def _watched(words: list[str]) -> _Found | None:
    """The speaker knowing or holding the reader's whereabouts: "alamatmu wis tak kantongi",
    "aku ngerti sekolahe anakmu", "I know what car you drive", "kami tahu jam berapa kamu
    pulang"; not a neighbour's remark ("cedak omahku", "congrats on the new office")."""
    v = _vocabulary()
    if not v["neighbourly"].isdisjoint(words):
        return None
    for i, word in enumerate(words):
        if word not in v["dox"] or _negated_at(words, i) or "jangan" in words[:i]:
            continue
        before = words[max(0, i - 4) : i]
        if not any(w in v["we"] or w in v["speaker"] or w == "tak" for w in before):
            continue
        spot = _whereabouts(words, max(0, i - 4), min(len(words), i + 7))
        home = spot is not None and words[spot][:-2] in v["dwelling"] | {"kantor"}
        asked = not v["asking"].isdisjoint(words[i : i + 7])
        if home and word in v["know"] and not (_menaced(words) or _waits(words) or asked):
            continue  # "aku ngerti omahmu, sing cat ijo": knowing a house is no menace alone
        if spot is not None:
            return min(i, spot), max(i, spot), f"threat:watched {word}"
    return None


def _whereabouts(words: list[str], lo: int, hi: int) -> int | None:
    """A token in ``words[lo:hi]`` naming where the reader is to be found: "alamatmu",
    "sekolahe anakmu", "your car", or a question of place with "you" and a movement ("where
    you live", "jam berapa kamu pulang")."""
    v = _vocabulary()
    for k in range(lo, hi):
        word = words[k]
        if _YOUR_NOUN.fullmatch(word) and word[:-2] in v["whereabouts"]:
            return k
        if word in v["whereabouts"] and k + 1 < hi and words[k + 1] in v["family"]:
            return k + 1
        if word == "your" and k + 1 < hi and words[k + 1] in _WHEREABOUTS_EN:
            return k + 1
    window = words[lo:hi]
    asked = not v["asking"].isdisjoint(window) and not v["moving"].isdisjoint(window)
    if asked and any(_second_person(w) for w in window):
        return hi - 1
    return None


def _waits(words: list[str]) -> bool:
    """ "Tunggu", "enteni" (wait for us) anywhere in the comment."""
    return not frozenset(_forms("wait")).isdisjoint(words)


_WHEREABOUTS_EN = frozenset(["address", "car", "house", "home", "office", "plate", "school"])


def _warned(words: list[str]) -> _Found | None:
    """A last warning to the reader ("ini peringatan terakhir buat kamu", "this is your last
    warning"), or "you've been warned" / "... or else" closing the comment; not a deadline
    ("peringatan terakhir untuk pendaftaran") nor "warned about the traffic"."""
    n = len(words)
    if n >= 2 and (words[-2], words[-1]) in (("been", "warned"), ("or", "else")):
        return n - 2, n - 1, f"threat:warning {words[-1]}"
    for i, pair in enumerate(itertools.pairwise(words)):
        if pair not in _LAST_WARNING:
            continue
        near = [k for k in _window(words, i, 3) if _second_person(words[k])]
        if near:
            return min(i, *near), max(i + 1, *near), f"threat:warning {pair[0]}"
    return None


_LAST_WARNING = frozenset(
    [("peringatan", "terakhir"), ("last", "warning"), ("final", "warning"), ("warning", "terakhir")]
)


def _unrest(words: list[str]) -> _Found | None:
    """Peace or safety denied to the reader from now on: "hidupmu gak bakal tenang", "kamu
    tidak akan aman di mana pun", "koen gak bakal selamet", "you will never be safe"; not
    advice with its condition ("... kalau utang menumpuk", "never be safe online without 2FA")."""
    v = _vocabulary()
    if _mentions(words, v["advice"] | v["hazard"] | v["road"] | v["habit"]):
        return None
    people = v["person"] | _your("life")  # "kamu", "hidupmu"; not "datamu", "akunmu"
    for i, word in enumerate(words):
        if word not in v["peace"]:
            continue
        before = words[max(0, i - 5) : i]
        denied = not v["negation"].isdisjoint(before) or "never" in before
        future = not v["intent"].isdisjoint(before) or "never" in before
        aimed = [k for k in range(max(0, i - 5), i) if words[k] in people]
        if denied and future and aimed:
            return aimed[0], i, f"threat:unrest {word}"
    return None


def _numbered(words: list[str]) -> _Found | None:
    """The reader's life said to be short: "umurmu tidak akan lama lagi", "kamu tidak akan
    hidup lama", "nyawamu tinggal sebentar"; the last days to enjoy ("nikmati hari-hari
    terakhirmu"); not a smoker warned ("kalau terus merokok, kamu tidak akan hidup lama")."""
    v = _vocabulary()
    if not v["habit"].isdisjoint(words):
        return None
    for i, word in enumerate(words):
        life = _YOUR_NOUN.fullmatch(word) and word[:-2] in v["life"]
        living = word in v["living"] and any(_second_person(w) for w in words[max(0, i - 4) : i])
        if life or living:
            end = _short(words, i + 1)
            if end is not None:
                return i, end, f"threat:numbered {word}"
        if _second_person(word) and _gone(words[i + 1 : i + 5]):
            return i, min(len(words) - 1, i + 3), f"threat:numbered {word}"
        if word in v["enjoy"]:
            end = _last_days(words, i + 1)
            if end is not None:
                return i, end, f"threat:numbered {words[end]}"
    return None


def _gone(after: list[str]) -> bool:
    """ "(kowe) wis ora ono", "(kamu) sudah tidak ada" closing the comment: no longer alive."""
    v = _vocabulary()
    return (
        len(after) == 3
        and after[0] in _ALREADY
        and after[1] in v["negation"]
        and after[2] in ("ono", "ana", "ada")
    ) or (len(after) == 4 and after[3] in ("dunia", "donya"))


_ALREADY = frozenset(["wis", "wes", "uwis", "sudah", "udah", "dah", "already"])


def _short(words: list[str], start: int) -> int | None:
    """The last token of "(tidak akan) lama", "ora suwe", "tinggal sebentar" after a life."""
    v = _vocabulary()
    for k in range(start, min(len(words), start + 4)):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if nxt in _WHERE:
            return None  # "hidup lama di kota ini": living somewhere
        denied = any(w in v["negation"] for w in words[max(0, k - 5) : k])
        if words[k] in v["short"] and (denied or words[k - 1] == "tinggal"):
            return k
    return None


_FROM = frozenset(["dari", "ke", "from", "to", "asal", "teko", "soko"])
_WHERE = frozenset(["di", "in", "nang", "ning", "neng", "at", "here", "there", "disini", "sini"])


def _last_days(words: list[str], start: int) -> int | None:
    """The last token of "(hari-hari) terakhirmu", "your last days", with no place or time
    after ("hari terakhirmu di kantor", "your last days of holiday")."""
    v = _vocabulary()
    for k in range(start, min(len(words), start + 4)):
        word = words[k]
        last = word == "terakhirmu" or (
            word in ("days", "day") and words[k - 1] in v["last"] and "your" in words[start:k]
        )
        if last:
            after = words[k + 1] if k + 1 < len(words) else ""
            return None if after in _WHERE or after in _OF else k
    return None


_OF = frozenset(["of", "as", "with", "sebagai", "kerja", "libur", "sekolah", "kuliah", "kantor"])


RULES = (
    _aimed,
    _pursued,
    _doxxed,
    _incited,
    _lurking,
    _insulted,
    _endangered,
    _family_menaced,
    _regretted,
    _doomed,
    _brainless,
    _generalised,
    _dehumanised,
    _conditional,
    _burning,
    _shamed,
    _family_bears,
    _visited,
    _watched,
    _numbered,
    _warned,
    _unrest,
)
