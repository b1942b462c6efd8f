"""What a comment is about, from cue words (``data/topic-cues.tsv``) found in one automaton
pass over the letters view: ``literal`` (health, livestock, farming, pets, eyes), ``birds``
(songbird keeping, where "gacor" is praise), ``warning`` (criticism of gambling or scams), and
the spammer's moves: ``praise`` of the article, an ``offer`` of a private channel, ``promo``
talk of winning, a ``pledge`` of success; ``local`` (a shop or a tradesman a reader points
others to); ``workplace`` (employers and their rules, where working from home is news);
``quote`` and ``condemn``, a word named in order to condemn its use ("bilang monyet itu rasis");
``audience`` (readers counting the video's views, "came to check the views"); ``citation``
(a source named: "sumber", "baca selengkapnya di", "dikutip dari") and ``sale`` (an ask or a
lure no cited source carries: "klik", "daftar", "bonus", "gratis");
``wild`` (caves, orchards, hunting, carts: the narrow cues for words mostly used as insults);
``doubt`` (a reader asking whether something is a scam: "ini penipuan bukan?", "asli atau palsu");
``venue`` (aid handed out in person: "balai desa", "kantor pos", "bawa KTP"); ``official`` (the
state's own site named: "cekbansos.kemensos.go.id"); ``health`` (care, medicine and their
people: "dokter", "BPOM", "resep", "prescription"); ``title`` (a work or a written thing whose
words may be quoted: "judul", "lagu", "film", "spanduk bertuliskan", "headline").

Filters ask whether a topic is cued near a finding (within ``WINDOW`` tokens) or anywhere in
the comment; the listed words keep their meaning otherwise.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Callable

from moderation.filters import automaton
from moderation.filters.automaton import Automaton
from moderation.filters.text import Text, bounds

WINDOW = 6  # tokens either side of a finding within which a cue counts
# "cek profil pejabatnya": a profile owned by someone named after it is no invitation to ours.
_OWNED = re.compile(r"\s+[^\W_]{2,}nya\b")


class Topic(enum.StrEnum):
    LITERAL = "literal"
    BIRDS = "birds"
    WARNING = "warning"
    PRAISE = "praise"  # of the article, which spammers open with
    OFFER = "offer"  # an invitation to a private channel: "cek profil", "DM ya"
    PROMO = "promo"  # winning and profit talk around a brand
    LOCAL = "local"  # a reader pointing to a local shop, trade or office ("langganan saya")
    QUOTE = "quote"  # a word named as a word: "bilang", "menyebut", "call them"
    CONDEMN = "condemn"  # of a word's use: "itu rasis", "jangan", "it hurts"
    PLEDGE = "pledge"  # success promised ("pasti berhasil", "garansi"): no critic promises it
    WORKPLACE = "workplace"  # employers and their rules ("ASN", "surat edaran", "teacher")
    AUDIENCE = "audience"  # the video's own count: "check the views", "2 billion", "view count"
    WILD = "wild"  # bats' caves and orchards, hunted boars, ox carts: "kampret" the bat
    CITATION = "citation"  # a source named: "sumber:", "baca selengkapnya di", "menurut"
    SALE = "sale"  # an ask or a lure beside a link: "klik", "daftar", "bonus", "gratis"
    DOUBT = "doubt"  # a reader asking whether it is a scam: "asli atau palsu?", "is this legit"
    VENUE = "venue"  # aid handed out in person: "balai desa", "kantor pos", "bawa KTP"
    OFFICIAL = "official"  # the state's own site named: "kemensos.go.id", "kedirikab.go.id"
    HEALTH = "health"  # care and its people: "dokter", "BPOM", "resep", "prescription"
    TITLE = "title"  # a named or written work: "judul", "lagu", "spanduk bertuliskan", "headline"


@functools.cache
def _cues() -> Automaton[str]:
    return automaton.shared(automaton.shipped("topic-cues.tsv"))


class Topics:
    """The cues of one comment: where each topic is mentioned, in token positions."""

    def __init__(self, view: str, starts: Callable[[], list[int]] | None = None) -> None:
        """The cues of letters view ``view``; ``starts`` gives its tokens' start offsets, if the
        caller has them (``Text.bounds``), else they are found when a cue needs them."""
        found = [  # a cue listed under two topics ("kelelawar": literal and wild) cues both
            (s, e, cue, topic)
            for s, e, cue, topics in automaton.words_across_spacing(_cues(), view)
            for topic in topics
        ]
        cancels = [(s, e) for s, e, _, topic in found if topic == "-"]
        inside = automaton.covering(cancels) if cancels else None  # most comments: none
        kept = [
            (start, topic)
            for start, end, cue, topic in found
            if topic != "-"
            and not (inside and inside(start, end))
            and not (cue.endswith("profil") and _OWNED.match(view, end))
        ]
        self._starts = (bounds(view)[0] if starts is None else starts()) if kept else []
        self.view = view
        self.at: dict[Topic, list[int]] = {}
        for start, topic in sorted(kept):
            self.at.setdefault(Topic(topic), []).append(self.token_at(start))

    def token_at(self, offset: int) -> int:
        """The index of the token at letters-view ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def __contains__(self, topic: Topic) -> bool:
        return topic in self.at

    def before(self, topic: Topic, offset: int, width: int) -> bool:
        """Whether ``topic`` is cued at most ``width`` tokens before letters-view ``offset``
        (or at it)."""
        here, cued = self.token_at(offset), self.at.get(topic, [])
        i = bisect.bisect_left(cued, here - width)
        return i < len(cued) and cued[i] <= here

    def near(self, topic: Topic, offset: int) -> bool:
        """Whether ``topic`` is cued within ``WINDOW`` tokens of letters-view ``offset``."""
        if topic not in self.at:
            return False
        here, cued = self.token_at(offset), self.at[topic]  # cued: ascending
        i = bisect.bisect_left(cued, here - WINDOW)
        return i < len(cued) and cued[i] <= here + WINDOW


def inside(word: str, wanted: tuple[Topic, ...]) -> bool:
    """Whether a cue of a ``wanted`` topic is spelled inside ``word`` (a host's label)."""
    return any(t in wanted for *_, topics in _cues().within(word) for t in topics)


def mentioned(text: Text, *wanted: Topic) -> bool:
    """Whether each of ``wanted`` has a cue word in ``text``, cancelled or not: a cheap look
    (the shared scan's matches, no positions) that is false whenever ``of`` would lack one."""
    found = {topic for *_, of in _scanned(text) for topic in of}
    return found.issuperset(wanted)


def said(text: Text, topic: Topic) -> set[str]:
    """The cue phrases of ``topic`` in ``text``, cancelled or not (which words cued it)."""
    return {cue for _, _, cue, of in _scanned(text) if topic in of}


def _scanned(text: Text) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """Every cue phrase in ``text``'s words, read across runs of spaces, with its topics."""
    return automaton.words_across_spacing(_cues(), text.words.normalised)


SEEN = 256  # views whose topics are kept: one comment's filters each ask for them


def of(text: Text) -> Topics:
    """The topics of ``text``, found once however many filters ask."""
    view = text.words
    found = _SEEN.get(view.normalised)
    if found is None:
        if len(_SEEN) >= SEEN:
            _SEEN.clear()  # bounded memory
        found = _SEEN[view.normalised] = Topics(view.normalised, lambda: view.bounds[0])
    return found


_SEEN: dict[str, Topics] = {}
