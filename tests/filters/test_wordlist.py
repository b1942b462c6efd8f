"""The word list's tokens: offsets, folded keys and letter runs, on every path to them."""

from __future__ import annotations

from moderation.filters.wordlist import Token, WordList, tokens


def test_ascii_tokens_have_offsets_folded_keys_and_runs() -> None:
    """Letters only, keys folded (l→i, v→u), a run of one letter keyed once with its length."""
    assert tokens("..shiiit 11 lovely!!") == [
        Token(2, 8, "shit", (1, 1, 3, 1)),
        Token(12, 18, "ioueiy", None),
    ]


def test_pairs_that_are_not_letters_do_not_hide_a_run_after_them() -> None:
    """ "..", "11" and "  " are skipped, and the doubled letters after them still count."""
    assert tokens("..  11 baang") == [Token(7, 12, "bang", (1, 2, 1, 1))]
    assert tokens("aa bb") == [Token(0, 2, "a", (2,)), Token(3, 5, "b", (2,))]
    assert tokens("sooo...good") == [Token(0, 4, "so", (1, 3)), Token(7, 11, "god", (1, 2, 1))]


def test_non_ascii_letters_are_tokens_and_keep_their_offsets() -> None:
    """An accented or non-Latin letter is part of its token; emoji and digits part tokens."""
    assert tokens("café 😀 naïve2x") == [
        Token(0, 4, "café", None),
        Token(7, 12, "naïue", None),
        Token(13, 14, "x", None),
    ]
    assert tokens("😀 aa") == [Token(2, 4, "a", (2,))]


def test_stars_inside_a_token_stay_and_outer_stars_go() -> None:
    """``f**k`` is one token with its stars (wildcards); ``**`` alone is none."""
    assert tokens("f**k ** *lol*") == [
        Token(0, 4, "f*k", (1, 2, 1)),
        Token(9, 12, "ioi", None),
    ]


def test_a_glued_word_is_a_candidate_only_inside_one_token() -> None:
    """A word flagged ``glue`` is looked for inside each distinct token ("fuckthis", with
    stars or accents around), never across two ("fu ck", "fu-ck" are other matters)."""
    words = WordList.load("en")
    for text in ("well fuckthis then", "ok *fuckthis* é", "fuckthis! fuckthis"):
        assert "fuckthis" in words.candidates(text)
    for text in ("fu ck this", "fu-ck", "f uck"):
        assert "fuck" not in words.candidates(text) and not any(
            "fuck" in key for key in words.candidates(text)
        )


def test_a_word_with_a_run_is_a_candidate_however_long_the_words_beside_it() -> None:
    """ "shiiit" is keyed "shit" beside short words and beside one too long for the cache."""
    words = WordList.load("en")
    long_word = "x" * 40
    for text in ("oh shiiit", f"oh shiiit {long_word}", f"{long_word}aaa shiiit!"):
        assert "shit" in words.candidates(text)
    for text in ("oh sheet", f"oh sheeet {long_word}"):
        assert "shit" not in words.candidates(text)
