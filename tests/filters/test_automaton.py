"""The Aho-Corasick matcher and the topic cues built on it."""

from __future__ import annotations

from typing import Any

from moderation.filters import abuse, spam_moves, topics
from moderation.filters.automaton import Automaton, Joint, Match, covering, overlapping
from moderation.filters.normalise import normalise
from moderation.filters.spam_lexicon import SpamLexicon
from moderation.filters.topics import WINDOW, Topic, Topics

PATTERNS: tuple[list[tuple[str, object]], ...] = (
    [("slot", 1), ("slot gacor", 2), ("or", 3)],
    [("gacor", "a"), ("slot", "b"), ("r", "c")],
    [],
)
TEXTS = ("slot gacor slotgacor", "or slot, gacor or", "", "r r", "slot gacor gacor slot")


def test_words_keep_only_matches_on_word_boundaries() -> None:
    """``words`` finds "slot" as a word, not inside "slotting"; ``within`` finds both."""
    automaton = Automaton([("slot", 1)])
    assert [m[:2] for m in automaton.words("slot slotting")] == [(0, 4)]
    assert len(list(automaton.within("slot slotting"))) == 2


def test_an_empty_automaton_matches_nothing() -> None:
    """No patterns, no matches (and no error building it)."""
    assert list(Automaton[int]([]).within("anything")) == []


def test_a_cue_counts_only_within_the_window() -> None:
    """A topic cue near an offset counts; the same cue far away does not."""
    far = " ".join(["kata"] * (WINDOW + 3))
    view = normalise(f"rabies {far} anjing").words.normalised
    cues = Topics(view)
    assert cues.near(Topic.LITERAL, 0)
    assert not cues.near(Topic.LITERAL, view.index("anjing"))


def test_a_cancelling_phrase_hides_the_cue_inside_it() -> None:
    """ "bukan penipuan" (a spammer's promise) is no warning against scams."""
    assert Topic.WARNING not in Topics("slot aman bukan penipuan")
    assert Topic.WARNING in Topics("awas penipuan slot")


def test_covering_tells_whether_a_span_lies_inside_one_of_many() -> None:
    """Inside one cancelling span (nested or not) is covered; across two, or outside, is not."""
    inside = covering([(10, 20), (0, 5), (12, 30)])
    assert inside(0, 5) and inside(11, 19) and inside(14, 30)
    assert not inside(4, 11) and not inside(31, 32) and not inside(8, 9)


def test_overlapping_tells_whether_a_span_shares_a_character_with_one_of_many() -> None:
    """A span that starts or ends inside a cancelling span is touched; one beside it is not."""
    touched = overlapping([(10, 20), (0, 5), (12, 30)])
    assert touched(4, 11) and touched(25, 40) and touched(0, 1) and touched(2, 3)
    assert not touched(5, 10) and not touched(30, 31) and not touched(40, 50)


def test_automatons_scanned_jointly_find_what_each_finds_alone() -> None:
    """Members of a joint scan sharing a pattern ("slot") each get their own matches and
    values, in the order their own scan gives; one with no patterns gets none."""
    joint = Joint()
    members = [Automaton(patterns) for patterns in PATTERNS]
    expected = [[m.words(text) for m in members] for text in TEXTS]
    for member in members:
        joint.add(member)
    assert [[m.words(text) for m in members] for text in TEXTS] == expected
    assert [[m.words(text) for m in members] for text in TEXTS] == expected  # memoised
    assert members[0].words("slot gacor") == [(0, 4, "slot", (1,)), (0, 10, "slot gacor", (2,))]


def test_a_comments_two_views_are_scanned_once_each_however_they_alternate() -> None:
    """A view and its single-spaced form, asked for in turn (as filters do), cost one scan
    each: the memo drops the oldest text, not the one just scanned."""
    joint = Joint()
    member = Automaton([("slot gacor", 1)])
    joint.add(member)
    scanned: list[str] = []
    scan = joint._scan

    def counted(text: str) -> list[list[Match]]:
        scanned.append(text)
        return scan(text)

    joint._scan = counted  # type: ignore[method-assign]  # a recording stand-in, this test only
    for text in ("earlier comment", "slot  gacor", "slot gacor", "slot  gacor", "slot gacor"):
        member.words(text)
    assert scanned == ["earlier comment", "slot  gacor", "slot gacor"]


def test_the_shipped_cue_lists_are_scanned_jointly() -> None:
    """Topic cues, scam-move parts, abuse phrases and lexicon phrases share one scan, and
    each still finds what its own automaton finds (``any_word`` asks it alone)."""
    lists: list[Automaton[Any]] = [
        topics._cues(),
        spam_moves._parts(),
        abuse._phrases(),
        SpamLexicon.shipped().phrases,
    ]
    view = normalise("Mantap gan, slot gacor maxwin! WA admin, tak bakar omahmu").words.normalised
    for cues in lists:
        assert cues._joint is not None
        assert cues.words(view) == cues._words(view)
    assert SpamLexicon.shipped().phrases.any_word("maxwin")


def test_mentioned_tells_whether_every_wanted_topic_has_a_cue() -> None:
    """Praise and an offer both cued is mentioned; one without the other, or neither, is not;
    a cancelled cue still counts (the look is cheap and only rules out)."""
    both = normalise("artikelnya bagus, cek profil aku ya")
    assert topics.mentioned(both, Topic.PRAISE, Topic.OFFER)
    for body in ("artikelnya bagus sekali", "cek profil aku ya", "jalan desa rusak"):
        assert not topics.mentioned(normalise(body), Topic.PRAISE, Topic.OFFER)
    assert topics.mentioned(normalise("slot aman bukan penipuan"), Topic.WARNING)


def test_the_topics_of_a_text_are_those_of_its_letters_view() -> None:
    """``topics.of`` (token starts from the text's own bounds, memoised) reads as ``Topics``
    on the letters view alone, for cued texts and for one with no cue."""
    for body in ("Artikelnya bagus, cek profil ya kak", "awas penipuan slot", "hari ini cerah"):
        text = normalise(body)
        alone = Topics(text.words.normalised)
        assert topics.of(text).at == alone.at
        assert topics.of(text) is topics.of(text)
    assert Topic.WARNING in topics.of(normalise("awas penipuan slot"))
