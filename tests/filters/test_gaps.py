"""Gapped runs: each whitespace-delimited word is read alone, the same wherever it stands."""

from __future__ import annotations

from moderation.filters import gaps
from moderation.filters.normalise import normalise


def runs(body: str) -> list[tuple[str, tuple[tuple[str, bool], ...]]]:
    text = normalise(body)
    return [(text.normalised[g.start : g.end], g.readings) for g in gaps.found(text)]


def test_a_gapped_word_reads_the_same_wherever_it_stands() -> None:
    """``ba.ng.sat`` reads ``bangsat`` at the start, after an apostrophe, repeated, and in a word
    too long to memoise; its offsets are its own in each place."""
    word = [("ba.ng.sat", (("bangsat", False),))]
    assert runs("ba.ng.sat") == word
    assert runs("dasar 'ba.ng.sat lu") == word
    assert runs("ba.ng.sat ba.ng.sat") == word * 2
    assert runs("ba.ng.sat!!!" + "x" * gaps.CACHED) == word
    text = normalise("ok ba.ng.sat")
    assert [(g.start, g.end) for g in gaps.found(text)] == [(3, 12)]


def test_words_with_no_gapped_letters_have_no_runs() -> None:
    """Times, prices, reduplication and plain words give no run, in place or repeated."""
    for body in ("jam 08.00", "Rp.5000 saja", "anak-anak anak-anak", "hari ini cerah"):
        assert runs(body) == []
