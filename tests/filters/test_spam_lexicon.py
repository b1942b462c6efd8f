"""Spam phrases, known gambling brands and brand-shaped tokens."""

from __future__ import annotations

from moderation.filters.normalise import normalise
from moderation.filters.spam_lexicon import SpamLexicon


def found(body: str) -> list[tuple[str, str]]:
    return [(f.rule, f.detail) for f in SpamLexicon.shipped()(normalise(body))]


def test_known_brand_spelled_out_with_spaces() -> None:
    """``P U L A U 7 7 7`` is the known brand pulau777."""
    assert ("brand:known", "pulau777") in found("KEREN P U L A U 7 7 7 TERBAIK")


def test_known_brand_split_from_its_number() -> None:
    """``ALEXIS 17`` is the known brand alexis17."""
    assert ("brand:known", "alexis17") in found("langsung ingat ALEXIS 17 deh")


def test_unknown_brand_shape() -> None:
    """A made-up ``DEWADORA88`` has a brand's shape."""
    assert ("brand:shape", "dewadora88") in found("main di DEWADORA88 aja")


def test_gambling_phrase_has_its_category() -> None:
    """``bonus new member`` is a judol phrase."""
    assert ("lexicon:judol", "bonus new member") in found("ada bonus new member lho")


def test_news_vocabulary_is_quiet() -> None:
    """An ordinary comment about the regency finds nothing."""
    assert found("Alhamdulillah jalan desa sudah diperbaiki, terima kasih Pak Bupati") == []


def test_everyday_words_of_a_brands_shape_are_not_brands() -> None:
    """ "cosplay", "gameplay", a name like "Erwin" and "ngebet" end like brands but are words."""
    assert found("cosplay Wiro Sableng, gameplay lancar, Mas Erwin ngebet nonton JKT48") == []
