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
The press (newsroom, journalists) counts as the reader. More menace with no harm verb is in
``menace``; the vocabulary and the word tests all rules share are in ``threat_words``
(``data/threats.tsv``).
"""

from __future__ import annotations

import functools
import itertools
import re

from moderation.filters import automaton, menace, profanity, topics
from moderation.filters.automaton import Automaton
from moderation.filters.context import Context
from moderation.filters.text import Text
from moderation.filters.threat_words import (
    FROM,
    PHRASE_KINDS,
    TAKE_CARE,
    WHERE,
    WINDOW,
    YOUR_NOUN,
    Found,
    around,
    is_you,
    lexicon,
    menaced,
    negated_at,
    verb_forms,
    visit_forms,
    with_mu,
)
from moderation.filters.wordlist import key_of
from moderation.models import Action, FilterName, Finding, FindingKind

VERSION = "abuse-7"  # 2: pursuit, doxxing, incitement; 3: menace with no harm, contempt, hate;
# 4: lurking at the reader's home, visits with a crowd, groups called to be expelled;
# 5: groups likened to vermin or hurled with "dasar", hate named to condemn it, more menace;
# 6: a harm verb's "you" in its own sentence (or the one before), labels sent "home"
# 7: "wait for us" at the reader's place, waylaying on the way, jokes among neighbours
SCORE = 0.85
# "Only the name is left" (you will be dead): a threat when said to someone.
_DOOM = frozenset(
    [("tinggal", "nama"), ("kari", "jeneng"), ("tinggal", "jeneng"), ("kari", "aran")]
)


@functools.cache
def _crowd_tokens() -> frozenset[str]:
    """The words a crowd ends on: a measure ("sak truk") or a whole one ("sekampung")."""
    v = lexicon()
    return v["measure"] | v["whole-measure"]


@functools.cache
def _menace_tokens() -> frozenset[str]:
    """The menace words, and the words of the pairs that are menace together ("ati-ati")."""
    return lexicon()["menace"] | {word for pair in TAKE_CARE for word in pair}


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
    # The pairs a found word opens, and those it completes: set unions, not a pass over pairs.
    opens, completes, alone = _cue_index()
    opened = _NO_PAIRS.union(*map(opens.get, found, itertools.repeat(_NO_PAIRS)))
    if not opened.isdisjoint(alone):
        return True
    return not opened.isdisjoint(
        _NO_PAIRS.union(*map(completes.get, found, itertools.repeat(_NO_PAIRS)))
    )


_NO_PAIRS: frozenset[int] = frozenset()


@functools.cache
def _cue_index() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]], frozenset[int]]:
    """For each cue word the ``_cue_pairs`` (by index) whose first set holds it, and those whose
    second set does; and the pairs whose first set is enough alone."""
    opens: dict[str, set[int]] = {}
    completes: dict[str, set[int]] = {}
    for i, (first, second) in enumerate(_cue_pairs()):
        for word in first:
            opens.setdefault(word, set()).add(i)
        for word in second or ():
            completes.setdefault(word, set()).add(i)
    alone = frozenset(i for i, (_, second) in enumerate(_cue_pairs()) if second is None)
    return _frozen(opens), _frozen(completes), alone


def _frozen(index: dict[str, set[int]]) -> dict[str, frozenset[int]]:
    return {word: frozenset(pairs) for word, pairs in index.items()}


@functools.cache
def _cue_pairs() -> tuple[tuple[frozenset[str], frozenset[str] | None], ...]:
    """The words some rule needs, each set with the set it needs beside it (None: alone)."""
    v = lexicon()
    return (
        (frozenset(verb_forms("harm")), None),
        (v["insult-adjective"] | v["insult-noun"] | v["regret"], None),
        (v["beast"], v["contempt"] | v["insult-adjective"]),
        (v["safe"], v["doubt"]),
        (v["family"], v["careful"]),
        (v["group"], v["vice"] | frozenset(verb_forms("expel")) | v["expelled"]),
        (v["group"] | v["label"], v["vermin"] | frozenset(["dasar", "manusia", "human"])),
        (frozenset(first for first, _ in _DOOM), frozenset(second for _, second in _DOOM)),
        (v["brain"] | with_mu("brain"), v["empty"] | v["lack"] | with_mu("brain")),
        (frozenset(verb_forms("pursue")), _menace_tokens() | v["gang"] | _crowd_tokens()),
        (frozenset(verb_forms("wait")), v["position"] | v["route"]),
        (v["dox"], v["address"]),
        (v["lesson"], frozenset(verb_forms("give"))),
        (
            frozenset(verb_forms("pursue")),
            v["intent"] | frozenset(["sampek", "sampe", "sampai", "t"]),
        ),
        (v["dox"], v["their-address"]),
        (v["people"], v["vermin"]),
        (v["go-home"], v["homeland"]),
        *menace.cue_pairs(),
    )


@functools.cache
def _phrases() -> Automaton[str]:
    v = lexicon()
    phrases = Automaton((p, rule) for kind, rule in PHRASE_KINDS.items() for p in v[kind])
    return automaton.shared(phrases)


_DOUBLED = re.compile(r"([a-z]{2,})2")


def _undoubled(words: list[str]) -> list[str]:
    """Reduplication written with a "2" spelt out, one token still: "siap2" is "siapsiap",
    "rame2" "ramerame", "hati2" "hatihati"."""
    return [w[:-1] * 2 if _DOUBLED.fullmatch(w) else w for w in words]


class AbuseFilter:
    name = FilterName.ABUSE
    version = VERSION

    def __call__(self, text: Text, context: Context) -> list[Finding]:
        view = text.words
        found = [
            self._finding(view, start, end, f"{rules[0]} {key}")
            for start, end, key, rules in _phrases().words(view.normalised)
        ]
        if found and _acquainted(view.tokens):
            found = []
        if not found:
            found = self._threats(view)
        return found[:1]

    def _threats(self, view: Text) -> list[Finding]:
        doubled = "2" in view.normalised
        if not _may(_undoubled(view.tokens) if doubled else view.tokens):
            return []
        words, (starts, ends) = view.tokens, view.bounds
        if doubled:
            words = _undoubled(words)
        found = _found(words, _sentences(view.normalised, starts, ends))
        if found is None:
            return []
        first, last, detail = found
        start, end = starts[first], ends[last]
        if detail.startswith(_HATE) and _condemned(view, start, end):
            return []
        if detail.startswith(_VERMIN) and _about_animals(view):
            return []
        if detail.startswith(_INSULT) and profanity.reported_in(view, start, end):
            return []  # "he told my son 'you worthless clown', we reported him"
        return [self._finding(view, start, end, detail)]

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


def _acquainted(words: list[str]) -> bool:
    """A fixed threat said among people who know each other, with no menace word: "I know
    where you live, we were neighbours! See you at the reunion"."""
    return not lexicon()["acquainted"].isdisjoint(words) and not menaced(words)


def _found(words: list[str], sentence: list[int]) -> Found | None:
    """The first rule's finding: a harm verb aimed at the reader, then every other rule."""
    found = _aimed(words, sentence)
    for rule in RULES:
        if found is not None:
            break
        found = rule(words)
    return found


_SENTENCE_END = re.compile(r"[.!?;]+\s")


def _sentences(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """Each token's sentence, counted from 0: a ".", "!", "?" or ";" and a space before it
    ends one ("Kamu benar. Rumah tetangga terbakar"; not "Rp 600.000", "kab.go.id")."""
    if not any(mark in text for mark in ".!?;"):
        return [0] * len(starts)
    sentence, out = 0, []
    for k, start in enumerate(starts):
        if k and _SENTENCE_END.search(text, ends[k - 1], start):
            sentence += 1
        out.append(sentence)
    return out


def _condemned(view: Text, start: int, end: int) -> bool:
    """Hate named in order to condemn it, addressing no one: "menyebut pengungsi itu parasit
    adalah rasis", or quoted and condemned ('"imigran itu kecoak" itu ujaran kebencian')."""
    keys = frozenset(key_of(word)[0] for word in view.tokens)
    cues = topics.of(view)
    if _enclosed(view.normalised, start, end) and topics.Topic.CONDEMN in cues:
        return profanity.AIMED.isdisjoint(keys)
    return profanity.condemned(cues, start, keys)


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside one quotation, opened at most a few words
    before it ('"orang madura kayak tikus"')."""
    before = text[:start]
    if sum(before.count(q) for q in profanity.QUOTES) % 2 == 0:
        return False  # every quotation before it is closed
    opened = max(before.rfind(q) for q in profanity.QUOTES)
    closed = any(q in text[end:] for q in profanity.QUOTES)
    return closed and len(text[opened:start].split()) <= _OPENED


def _about_animals(view: Text) -> bool:
    """Whether the comment is about animals (a literal or wild cue: "hewan", "kandang",
    "peliharaan"), where "they are animals" is said of them."""
    cues = topics.of(view)
    return topics.Topic.LITERAL in cues or topics.Topic.WILD in cues


def _kind(family: str) -> FindingKind:
    """A rule family is named after its kind (``threat:aimed``, ``insult:imprecation``), but
    for generalised hate, which is of kind slur."""
    return FindingKind.SLUR if family == _HATE else FindingKind(family)


_HATE = "hate"
_OPENED = 3  # words from a quotation's opening mark to the hate inside it
_VERMIN = "insult:vermin"
_INSULT = f"{FindingKind.INSULT}:"  # an insult rule's detail: "insult:aimed"


def _aimed(words: list[str], sentence: list[int]) -> Found | None:
    """A harm verb with intent (``tak``, ``will``, or a ``ku-`` form), aimed at the reader in
    its own sentence, or in the sentence before when the verb is in the first person with no
    object ("Sampeyan wani nulis ngono. Sesuk tak bacok."); or said in the first person beside
    a menace word ("ati-ati nek mulih, tak cegat", "Awas kamu. Besok kubakar."). Otherwise a
    "you" in another sentence aims nothing: "Makasih ya kamu. Besok kami bakar sate"."""
    forms, vocabulary = verb_forms("harm"), lexicon()
    menace = functools.cache(lambda: menaced(words))  # once: a comment may repeat the verb
    lessons = _lessons(words)
    for i, word in enumerate(words):
        lesson = i in lessons
        if (word not in forms and not lesson) or negated_at(words, i):
            continue
        window = [k for k in around(words, i) if sentence[k] == sentence[i]]
        implied = (
            sentence[i] > 0
            and _objectless(words, sentence, i)
            and (forms.get(word, False) or words[i - 1] == "tak")
        )
        reach = range(max(0, i - _BEFORE), i) if implied else around(words, i)
        aimed = [
            k
            for k in reach
            if (is_you(words[k]) or words[k] in vocabulary["press"])
            and sentence[k] in (sentence[i], sentence[i] - 1 if implied else sentence[i])
        ]
        passive = lesson or word[:2] == "di" or (i > 0 and words[i - 1] in ("be", "get"))
        intent = [
            k
            for k in window
            if k < i
            and (
                words[k] in vocabulary["intent"] or (passive and words[k] in vocabulary["deserve"])
            )
        ]
        if (intent or forms.get(word, False)) and (aimed or menace()):
            return min([i, *aimed, *intent]), max([i, *aimed]), f"threat:aimed {word}"
    return None


_BEFORE = 16  # tokens back to the "you" of the sentence before a first-person harm verb


def _objectless(words: list[str], sentence: list[int], i: int) -> bool:
    """Whether the verb at ``i`` ends its sentence but for a word of time or a particle
    ("Sesuk tak bacok.", "kubakar nanti!"): its object is whoever the sentence before named."""
    rest = [w for k, w in enumerate(words[i + 1 : i + 4], i + 1) if sentence[k] == sentence[i]]
    if i == 0 or len(rest) > 2 or not all(w in _THEN for w in rest):
        return False
    # An object set before the verb ("Sampahnya nanti tak obong") is what it acts on.
    first = i - 1
    while first > max(0, i - _BEFORE) and sentence[first - 1] == sentence[i]:
        first -= 1
    return all(w in _THEN or w in _SUBJECT for w in words[first:i])


# Before an objectless first-person verb: the speaker, "tak", and words of time or manner.
_SUBJECT = frozenset(["tak", "dak", "aku", "kami", "gue", "gua", "langsung", "terus"])


_THEN = frozenset(
    [
        "nanti",
        "mengko",
        "sesuk",
        "besok",
        "malam",
        "bengi",
        "iki",
        "ini",
        "wae",
        "saja",
        "aja",
        "ya",
        "yo",
        "lho",
        "lo",
        "tonight",
        "tomorrow",
        "soon",
    ]
)


def _lessons(words: list[str]) -> frozenset[int]:
    """Where "a lesson" is given, which is a beating ("harus diberi pelajaran", "teach you a
    lesson"), but not at school or from life ("pelajaran berharga"): found once per comment."""
    v, give = lexicon(), verb_forms("give")
    if v["lesson"].isdisjoint(words) or not v["school"].isdisjoint(words):
        return frozenset()
    return frozenset(
        i
        for i, word in enumerate(words)
        if word in v["lesson"] and any(w in give for w in words[max(0, i - 4) : i])
    )


def _pursued(words: list[str]) -> Found | None:
    """Pursuit ("tak goleki sampek ketemu", "I'll find you") aimed at the reader, with menace."""
    forms = verb_forms("pursue")
    # once, not per verb: a comment may repeat the verb
    armed = functools.cache(
        lambda: menaced(words) or not lexicon()["gang"].isdisjoint(words) or _crowded(words)
    )
    for i, word in enumerate(words):
        if word not in forms or negated_at(words, i):
            continue
        aimed = [k for k in around(words, i) if is_you(words[k])]
        if aimed and (_hunted(words, i) or armed()):
            return min(i, *aimed), max(i, *aimed), f"threat:pursuit {word}"
    return None


def _hunted(words: list[str], i: int) -> bool:
    """Pursuit that ends the comment, with intent before it: "we will find you", "kamu akan
    ditemukan"; not "we will find you a better job"."""
    v = lexicon()
    if len(words) - i > _HUNT_TAIL:
        return False  # a long way from the end: the comment goes on
    rest = [w for w in words[i + 1 :] if not is_you(w) and w not in _SOON]
    before = words[max(0, i - 4) : i]
    intent = any(w in v["intent"] for w in before) or any(
        pair in _LET_IT_BE for pair in itertools.pairwise(before)
    )
    return not rest and intent


# "Don't let me find you": "ojo sampek aku nemokno koen", "jangan sampai aku ketemu kamu".
_LET_IT_BE = frozenset(
    [("ojo", "sampek"), ("ojo", "sampe"), ("jangan", "sampai"), ("jangan", "sampe"), ("don", "t")]
)


_LET_IT_BE_WORDS = frozenset(["sampek", "sampe", "sampai", "t"])
_HUNT_TAIL = 6  # tokens from the pursuit verb to the comment's end: "find you wherever you are"
_SOON = frozenset(
    ["soon", "nanti", "mengko", "segera", "wherever", "everywhere", "sampai", "ketemu"]
)


def _crowded(words: list[str]) -> bool:
    """People by the truckload or the village: "konco-konco sak truk", "warga sekampung",
    "a truckload of my boys"; not "nggowo pasir sak truk" (no people)."""
    v = lexicon()
    for i, word in enumerate(words):
        whole = word in v["whole-measure"]
        if not whole and not (word in v["measure"] and i and words[i - 1] in v["quantity"]):
            continue
        if any(w in v["crowd"] for w in words[max(0, i - 4) : i + 4]):
            return True
    return False


def _lurking(words: list[str]) -> Found | None:
    """The speaker waiting in front of or outside the reader's home: "tak enteni nang ngarep
    omahmu", "I'll be waiting outside your house"; not a plan ("... jam 7, budhal bareng"),
    not negated, not someone else's home ("ngarep omahe pak RT")."""
    v, forms = lexicon(), verb_forms("wait")
    if not v["plan"].isdisjoint(words) or any(w.isdigit() for w in words):
        return None
    for i, word in enumerate(words):
        if word not in forms or negated_at(words, i):
            continue
        speaker = forms[word] or any(
            w in v["intent"] or w in v["speaker"] or w == "i" for w in words[max(0, i - 3) : i]
        )
        home = _your_home(words, i + 1)
        if home is None and (forms[word] or not _WILL_WAIT.isdisjoint(words[max(0, i - 2) : i])):
            home = _on_the_way(words, i + 1)
        if speaker and home is not None:
            return max(0, i - 1), home, f"threat:lurking {word}"
    return None


# Before a waiting verb, the speaker's "I will": "tak enteni", "aku akan tunggu", "I'll be
# waiting".
_WILL_WAIT = frozenset(["tak", "dak", "ta", "akan", "bakal", "will", "ll"])


def _on_the_way(words: list[str], start: int) -> int | None:
    """The last token of "at the crossroads", "di gang", "at the corner" just after a waiting
    verb whose object is the reader or left out ("tak enteni neng prapatan", "I'll be waiting
    for you at the corner"); not "nunggu bus di perempatan" (a bus awaited)."""
    v = lexicon()
    k = _skip_you(words, start)
    if k >= len(words) or words[k] not in WHERE or not v["purpose"].isdisjoint(words):
        return None
    route = [j for j in range(k + 1, min(len(words), k + 4)) if words[j] in v["route"]]
    return route[0] if route else None


def _skip_you(words: list[str], j: int) -> int:
    while j < len(words) and (is_you(words[j]) or words[j] in ("for", "be", "waiting")):
        j += 1
    return j


def _your_home(words: list[str], start: int) -> int | None:
    """The last token of "in front of / outside your home" within a few tokens of ``start``."""
    v = lexicon()
    for k in range(start, min(len(words), start + 4)):
        if words[k] not in v["position"]:
            continue
        for j in range(k + 1, min(len(words), k + 4)):
            word = words[j]
            if YOUR_NOUN.fullmatch(word) and word[:-2] in v["dwelling"]:
                return j
            if word in v["dwelling"] and (
                words[j - 1] == "your" or (j + 1 < len(words) and is_you(words[j + 1]))
            ):
                return j + 1 if j + 1 < len(words) and is_you(words[j + 1]) else j
    return None


def _doxxed(words: list[str]) -> Found | None:
    """Knowing or spreading an address with a personal identifier: "tahu alamat dan sekolah
    anakmu", "sebar alamat rumah dan nomor KTP-nya"; not "sebar alamat posko bantuan"."""
    vocabulary = lexicon()
    forbidden = words.index("jangan") if "jangan" in words else len(words)  # once, not per verb
    for i, word in enumerate(words):
        if word not in vocabulary["dox"] or negated_at(words, i) or forbidden < i:
            continue
        window = around(words, i, WINDOW + 2)
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
    v, forms = lexicon(), visit_forms()
    return any(words[k] in forms or words[k] in v["gang"] or words[k] == "warga" for k in window)


def _incited(words: list[str]) -> Found | None:
    """A call to harm someone or their home: "someone should burn this reporter's house", or to
    give them "a lesson" ("let's teach him a lesson", the call anywhere before)."""
    forms, vocabulary = verb_forms("harm"), lexicon()
    lessons = _lessons(words)
    first = next((k for k, w in enumerate(words) if w in vocabulary["incite"]), len(words))
    for i, word in enumerate(words):
        lesson = i in lessons
        if (word not in forms and not lesson) or negated_at(words, i):
            continue
        window = around(words, i)
        incite = (
            ([first] if first < i else [])  # the call anywhere before
            if lesson
            else [k for k in window if k < i and words[k] in vocabulary["incite"]]
        )
        target = [k for k in window if (k > i or lesson) and words[k] in vocabulary["target"]]
        if incite and target:
            return min(incite), max(target), f"threat:incitement {word}"
    return None


INSULT_REACH = 4  # tokens from "you"/"what" to the insult word: "you're pathetic and stupid"


INSULT_FAR = 8  # further only over contempt words: "you are such an arrogant, entitled, pathetic"


def _insulted(words: list[str]) -> Found | None:
    """An English insult said of the reader: after "you" and a copula ("you're so pathetic",
    "ur dumb"), or a noun after "you" or "what a" with only insults between ("you worthless
    clown", "what an ignorant fool"), or an animal or a person after "you" and a contempt word
    ("you filthy lying snake", "you sad little man"); not negated ("you're not stupid"), not
    said of oneself ("I felt stupid") nor of a thing ("what a stupid mistake")."""
    v, insults = lexicon(), _insult_words()
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
    v = lexicon()
    return v["insult-adjective"] | v["insult-noun"] | v["beast"]


def _insult_of_you(words: list[str], k: int, i: int) -> bool:
    """Whether ``words[i]`` insults the "you" (or "what a") at ``words[k]``."""
    v = lexicon()
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
    v = lexicon()
    if words[k] in ("youre", "ur"):
        return True
    return words[k] in v["subject"] and k + 1 < len(words) and words[k + 1] in v["copula"]


def _endangered(words: list[str]) -> Found | None:
    """Safety denied to the reader or their family, with the speaker or "you" said: "you won't
    make it home in one piece", "belum tentu kamu selamat sampai rumah"; not a warning about
    the road or the weather ("jalan licin, belum tentu selamat")."""
    v = lexicon()
    if not v["hazard"].isdisjoint(words):
        return None
    people: list[int] | None = None  # found once, on the first safety word that needs them
    for i, word in enumerate(words):
        if word not in v["safe"] or not v["road"].isdisjoint(words[max(0, i - 3) : i + 5]):
            continue
        window = around(words, i, WINDOW + 2)
        doubt = [k for k in window if k < i and words[k] in v["doubt"]]
        if people is None:
            people = [
                k for k, w in enumerate(words) if is_you(w) or w in v["family"] or w in v["speaker"]
            ]
        homeward = any(words[k] in v["home"] or words[k] in v["family"] for k in window)
        if doubt and people and homeward:
            return min(*doubt, *people, i), max(i, *people), f"threat:safety {word}"
    return None


def _family_menaced(words: list[str]) -> Found | None:
    """Take care of your family, something may happen or we know: "hati-hati sama keluargamu,
    kami tahu jam pulang anakmu"; not a warning about the road or the weather."""
    v = lexicon()
    if not v["hazard"].isdisjoint(words):
        return None
    for i, word in enumerate(words):
        if word not in v["family"]:
            continue
        window = around(words, i, WINDOW + 3)
        careful = [k for k in window if words[k] in v["careful"]]
        happen = [k for k in window if words[k] in v["happen"]] + [
            k for k in window if k > 0 and words[k - 1] == words[k] == "apa"
        ]
        if careful and happen and not negated_at(words, i):
            return min(i, *careful, *happen), max(i, *careful, *happen), f"threat:family {word}"
    return None


def _regretted(words: list[str]) -> Found | None:
    """Regret promised to the reader: "kamu bakal menyesali tulisan ini"; not "kamu tidak akan
    menyesal" nor "you'll regret not trying it"."""
    v = lexicon()
    for i, word in enumerate(words):
        if word not in v["regret"] or negated_at(words, i):
            continue
        window = around(words, i)
        intent = [k for k in window if k < i and words[k] in v["intent"]]
        aimed = [k for k in window if is_you(words[k])]
        after = words[i + 1 : i + 4]
        if intent and aimed and v["negation"].isdisjoint(after) and "kalau" not in after:
            return min(*intent, *aimed, i), max(i, *aimed), f"threat:regret {word}"
    return None


def _doomed(words: list[str]) -> Found | None:
    """ "Only your name will be left", said to someone ("besok tinggal nama kamu") or on a dare
    ("kalau berani lewat sini lagi, pulang tinggal nama")."""
    dare = lexicon()["dare"]
    aimed: list[int] | None = None  # found once, on the first pair
    for i, pair in enumerate(itertools.pairwise(words)):
        if pair in _DOOM:
            if aimed is None:
                aimed = [k for k, w in enumerate(words) if is_you(w) or w in dare]
            if aimed:
                return min(i, *aimed), max(i + 1, *aimed), f"threat:doom {' '.join(pair)}"
    return None


_DENIAL = frozenset(["jangan", "bukan", "stop", "tidak", "gak", "nggak", "ora", "not"])


def _generalised(words: list[str]) -> Found | None:
    """A vice laid on a whole ethnic group or religion: "orang madura semua maling", "dasar
    batak, penipu semua"; not praise ("orang Batak semua jujur"), not denied ("tidak semua orang
    X maling"), not a vice before the group ("maling asal madura")."""
    v = lexicon()
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


def _dehumanised(words: list[str]) -> Found | None:
    """A whole group likened to or called vermin, filth or disease: "imigran itu kecoak",
    "orang madura kayak tikus", "these immigrants are vermin"; or hurled with "dasar" ("dasar
    kaum pendatang", "dasar wong cino"), but for praise after ("dasar orang Padang, pinter
    dagang"); not a pest beside a group ("hama tikus di Madura"), not denied."""
    v = lexicon()
    for i, word in enumerate(words):
        if word in v["vermin"] and i > 1 and words[i - 1] in v["label"] and words[i - 2] == "dasar":
            return i - 2, i, f"hate:dehumanised {word}"  # "dasar bangsa kera"
        if word not in v["group"] or not _DENIAL.isdisjoint(words[max(0, i - 4) : i]):
            continue
        vermin = _likened(words, i + 1)
        if vermin is None and i + 1 < len(words) and words[i + 1] in v["vermin"]:
            vermin = None if i and words[i - 1] in WHERE | FROM else i + 1  # "madura tikus"
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
    v = lexicon()
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


def _verminised(words: list[str]) -> Found | None:
    """The reader or "they" called vermin: "kalian itu tikus semua", "kowe kabeh koyo tikus",
    "they are cockroaches", "you people are vermin"; an insult, not of a group named; not
    "mereka memelihara tikus" (a verb between)."""
    v = lexicon()
    for i, word in enumerate(words):
        if word not in v["people"]:
            continue
        j = i + 1
        while j < len(words) and (words[j] in v["article"] or words[j] in v["crowd-of"]):
            j += 1
        vermin = j if j < len(words) and words[j] in v["vermin"] else _likened(words, i + 1)
        if vermin is not None:
            return i, vermin, f"insult:vermin {words[vermin]}"
    return None


def _expelled(words: list[str], i: int) -> int | None:
    """A call to expel or wipe out the group at ``words[i]``: a passive or bare form near it
    ("pantas diusir", "usir semua cina", "deserve to be expelled"), an active one only before
    it, the group its object ("harus mengusir semua orang X"; "orang Aceh mengusir penjajah" is
    the group acting)."""
    v, forms = lexicon(), verb_forms("expel")
    for k in around(words, i, WINDOW + 2):
        word = words[k]
        active = word in forms and word[:2] == "me"
        if (word in forms or word in v["expelled"]) and (k < i or not active):
            return k
    return None


def _sent_home(words: list[str]) -> Found | None:
    """A label or the reader told to go "home" to a group's land: "onta pulang sana ke arab",
    "balik aja ke cina sana, kalian"; not a trip ("besok saya pulang ke Madura", "TKI pulang
    ke Arab Saudi bulan depan")."""
    v = lexicon()
    for i, word in enumerate(words):
        if word not in v["go-home"]:
            continue
        after = words[i + 1 : i + 5]
        land = [i + 1 + k for k, w in enumerate(after) if w in v["homeland"]]
        told = not v["go-away"].isdisjoint(words[i + 1 : i + 6])
        if not (land and told) or not v["we"].isdisjoint(words[max(0, i - 4) : i]):
            continue
        people = v["person"] | _SENT  # not "anakmu pulang ke Cina?", a child's trip
        sent = words[max(0, i - 3) : i] + words[land[0] + 1 : land[0] + 3]  # not the land
        if not people.isdisjoint(sent):
            return max(0, i - 1), land[0], f"hate:sent-home {words[land[0]]}"
    return None


# The people sent: a camp or ethnic label, or a group ("onta", "cina", "kadrun").
_SENT = frozenset(["onta", "unta", "cina", "cino", "aseng", "kadrun", "arab", "cebong", "kampret"])


def _brainless(words: list[str]) -> Found | None:
    """No brain, said of the reader: "otakmu kosong", "kowe ra nduwe utek", "kamu gak punya
    otak", "you have no brain"; not "otakmu encer", not of someone else ("pasien tidak punya
    keluhan di otak" has no lack beside the brain)."""
    v, yours = lexicon(), with_mu("brain")
    for i, word in enumerate(words):
        if word in yours and i + 1 < len(words) and words[i + 1] in v["empty"]:
            return i, i + 1, f"insult:brainless {word}"
        if word not in v["brain"] or i == 0 or words[i - 1] not in v["lack"]:
            continue
        lacking = words[i - 1] == "no" or (i > 1 and words[i - 2] in v["negation"])
        aimed = [k for k in range(max(0, i - WINDOW), i) if is_you(words[k])]
        if lacking and aimed:
            return aimed[0], i, f"insult:brainless {word}"
    return None


RULES = (
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
    _verminised,
    _sent_home,
    *menace.RULES,
)
