"""The normalised text's shared views: its tokens, found once for every filter."""

from __future__ import annotations

from moderation.filters.normalise import normalise
from moderation.filters.text import Text


def tokens(view: str) -> list[str]:
    return Text(view, view).tokens


def test_ascii_tokens_are_runs_of_letters_and_digits() -> None:
    """Underscores, punctuation and emoji part tokens; digits belong to them."""
    assert tokens("slot_gacor88, daftar!! 😀 wa0812") == ["slot", "gacor88", "daftar", "wa0812"]
    assert tokens("") == []
    assert tokens("?!... ___") == []


def test_letters_and_digits_beyond_ascii_are_tokens_too() -> None:
    """An accented letter, a superscript or Arabic-Indic digit, a non-Latin letter: word
    characters, as the regular expression reads them."""
    assert tokens("café x²  ٣٤ ŋa_b") == ["café", "x²", "٣٤", "ŋa", "b"]
    assert tokens("naïve😀naive") == ["naïve", "naive"]


def test_bounds_are_where_each_token_starts_and_ends() -> None:
    """Offsets in the view, one pair per token, also past emoji and letters beyond ASCII."""
    for view in ("wa 0812, cek😀profil!", "café 😀 x² ŋa_b", "", "...", "a"):
        starts, ends = Text(view, view).bounds
        assert [view[s:e] for s, e in zip(starts, ends, strict=True)] == tokens(view)
    assert Text("😀 ab_c", "😀 ab_c").bounds == ([2, 5], [4, 6])
    assert Text("é ab", "é ab").bounds == ([0, 2], [1, 4])


def test_views_are_computed_only_when_read_and_then_once() -> None:
    """A ``Text``'s derived views (tokens, bounds, spread, buckets) cost nothing until a filter
    reads one, and a second read returns the same object, not a recomputation."""
    text = normalise("slot gacor s l o t")
    lazy = ("tokens", "bounds", "spread", "buckets")
    assert not set(lazy) & vars(text).keys()
    assert text.tokens is text.tokens
    assert vars(text).keys() & set(lazy) == {"tokens"}
    assert text.buckets is text.buckets
