"""Swapped spellings and affixed forms of listed words (``wordlist.spellings``, -an, -kan)."""

from __future__ import annotations

import pytest

from moderation.evaluation import Outcome
from moderation.filters.wordlist import spellings
from tests.filters.tricks import FLAGGED, verdict


@pytest.mark.parametrize(
    "body", ["kamfret lu", "dasar kapir", "goblog banget", "bangsad kau", "dasar munapik"]
)
def test_swapped_spellings_are_caught(body: str) -> None:
    """p/f and a final k/g or t/d swapped do not hide a listed word."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize("body", ["saraf kejepit di leher", "sakit saraf mata", "terapi saraf"])
def test_a_swap_that_spells_an_everyday_word_is_not_made(body: str) -> None:
    """``sarap`` (crazy) swapped is ``saraf`` (nerve), which stays innocent."""
    assert verdict(body) is Outcome.APPROVED


def test_spellings_of_a_word() -> None:
    """Each swap alone and together, never the word itself nor an everyday word."""
    assert spellings("kampret") == {"kamfret", "kampred", "kamfred"}
    assert spellings("sarap") == set()
    assert spellings("tolol") == set()


@pytest.mark.parametrize(
    "body", ["bacotan lu ga mutu", "ketololan pejabat", "didungukan terus", "mampuskan saja"]
)
def test_an_and_kan_forms_are_caught(body: str) -> None:
    """Nouns and verbs made with -an, -kan and ke-…-an keep the word's meaning."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "makanan enak di Pare",
        "jalanan rusak dekat pasar",
        "tiap pagi dibikinin sarapan",
        "memberantas kebodohan lewat sekolah",
    ],
)
def test_everyday_an_words_stay_innocent(body: str) -> None:
    """Everyday words ending in -an are not listed stems with a suffix."""
    assert verdict(body) is Outcome.APPROVED
