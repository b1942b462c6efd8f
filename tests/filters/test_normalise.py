"""Normalisation: both views fold obfuscations and still point at the original text."""

from __future__ import annotations

import re

import pytest

from moderation.filters.normalise import (
    _SPACED,
    SLANG,
    _slang,
    _spaced,
    collapse,
    fold_char,
    normalise,
)


def words(body: str) -> str:
    return normalise(body).words.normalised


def test_ascii_is_lowercased_without_offsets() -> None:
    """Plain ASCII needs no offset map: the views line up with the original."""
    text = normalise("Maju Terus Kab. Kediri")
    assert text.normalised == "maju terus kab. kediri"
    assert text.offsets is None


def test_full_width_and_math_letters_fold_by_nfkc() -> None:
    """Full-width and mathematical alphanumeric letters read as ASCII."""
    assert normalise("ｆｕｃｋ 𝐟𝐮𝐜𝐤").normalised == "fuck fuck"


@pytest.mark.parametrize(
    ("body", "plain"),
    [("ѕhit", "shit"), ("αnjing", "anjing"), ("🅺🅾🅽🆃🅾🅻", "kontol"), ("Ⓚⓞⓝⓣⓞⓛ", "kontol")],
)
def test_lookalike_letters_fold_to_ascii(body: str, plain: str) -> None:
    """Cyrillic, Greek, negative-squared and circled letters fold to the ASCII they imitate."""
    assert normalise(body).normalised == plain


def test_zero_width_and_bidi_controls_are_removed() -> None:
    """Invisible characters split no word."""
    assert normalise("f\u200bu\u200dc\u202ek\ufeff").normalised == "fuck"


def test_combining_marks_are_stripped() -> None:
    """Zalgo text and accents leave the base letters."""
    assert normalise("k̷̢o̵n̸t̴o̶l café").normalised == "kontol cafe"


def test_leet_is_folded_only_in_mixed_tokens() -> None:
    """``5h!t`` and ``b4ngs4t`` read as words; a trailing ``!`` stays punctuation."""
    assert words("5h!t b4ngs4t shit!") == "shit bangsat shit!"


def test_numbers_keep_their_meaning() -> None:
    """Prices and years are not leet: both views keep ``Rp 600.000`` and ``rp600``'s digits."""
    text = normalise("Rp 600.000 tahun 2024 rp600")
    assert text.normalised == "rp 600.000 tahun 2024 rp600"
    assert text.words.normalised == "rp 600.000 tahun 2024 rp600"


@pytest.mark.parametrize(
    ("body", "joined"), [("s.l.o.t", "slot"), ("a n j i n g", "anjing"), ("f-u-c-k", "fuck")]
)
def test_spaced_out_letters_are_joined(body: str, joined: str) -> None:
    """Three or more single letters split by separators become one word."""
    assert words(body) == joined


def test_two_single_letters_stay_apart() -> None:
    """``d u`` is not squashed: ordinary abbreviations survive."""
    assert words("ok d u") == "ok d u"


@pytest.mark.parametrize(("alay", "standard"), [("bgst", "bangsat"), ("goblog", "goblok")])
def test_alay_slang_is_spelled_out(alay: str, standard: str) -> None:
    """Indonesian alay spellings read as the standard word in the letters view."""
    assert words(f"dasar {alay}") == f"dasar {standard}"


def test_repeated_letters_collapse_with_run_lengths() -> None:
    """``shiiit`` collapses to ``shit`` and remembers the run of three."""
    assert collapse("shiiit") == ("shit", (1, 1, 3, 1))


def test_spans_point_at_the_original() -> None:
    """A span in either view maps back to the original characters, obfuscation included."""
    text = normalise("kamu a n j i n g ya")
    view = text.words
    start = view.normalised.index("anjing")
    assert view.span(start, start + 6).text == "a n j i n g"
    styled = normalise("ok 𝐟\u200b𝐮𝐜𝐤 ok")
    assert styled.span(3, 7).text == "𝐟\u200b𝐮𝐜𝐤"


def test_adversarial_input_is_handled() -> None:
    """A megabyte of one letter, separators or combining marks normalises (linear regexes)."""
    for body in ("a" * 1_000_000, "a." * 500_000, "a" + "\u0301" * 1_000_000, "1a" * 500_000):
        assert normalise(body).normalised


def test_ascii_folds_as_lowercase() -> None:
    """Every ASCII character folds to its lowercase, which the fast path of a mostly ASCII text
    relies on (a lookalike table row for an ASCII character would break it)."""
    assert all(fold_char(chr(c)) == chr(c).lower() for c in range(128))


@pytest.mark.parametrize(
    "body",
    ["\ufeffhalo \ufeffsemua\ufe0f", "ΟΔΟΣ slot", "Ꭰ x Ꭰ", "İzin ﬁne…", "a" + "\u0301" * 100],
)
def test_every_fold_path_agrees_with_the_table(body: str) -> None:
    """Folding by replacements, dropped characters and the table give the same text and
    offsets as folding each character on its own (final sigma, Cherokee and İ included)."""
    text = normalise(body)
    folded = [(fold_char(c), i) for i, c in enumerate(body)]
    assert text.normalised == "".join(f for f, _ in folded)
    expected = [i for f, i in folded for _ in f]
    assert list(text.offsets or range(len(body))) == expected


@pytest.mark.parametrize(
    "body",
    [
        "ju\u2060di on\u00adline",  # word joiner, soft hyphen
        "ju\u200cdi\U000e0020 on\U000e0041line",  # zero-width non-joiner, tag characters
        "ju\u2800di onl\u3164ine",  # braille blank, Hangul filler
        "j\u115fu\u1160d\uffa0i online",  # the other Hangul fillers
        "judi\ufe0f on\U000e0100line",  # variation selectors
    ],
)
def test_invisible_fillers_and_format_characters_split_no_word(body: str) -> None:
    """Blank fillers, tag characters and other format characters inside a word vanish."""
    assert normalise(body).normalised == "judi online"


@pytest.mark.parametrize(
    ("body", "spaced"),
    [
        ("Ayo\u2800main\u2800bareng", "ayo main bareng"),
        ("warga\u3164desa\u3164kami", "warga desa kami"),
        ("pak\uffa0lurah", "pak lurah"),
    ],
)
def test_fillers_between_words_read_as_spaces(body: str, spaced: str) -> None:
    """A filler between two words of three letters or more is a space in the letters view."""
    assert words(body) == spaced


@pytest.mark.parametrize("body", ["ko\u2800ntol", "k\u3164o\u3164n\u3164t\u3164o\u3164l"])
def test_fillers_inside_a_word_join_it(body: str) -> None:
    """A filler beside a piece shorter than three letters splits no word."""
    assert words(body) == "kontol"


@pytest.mark.parametrize(
    ("body", "plain"),
    [
        ("ʙᴀɴᴛᴜᴀɴ", "bantuan"),  # small capitals
        ("ᴹᴬᴺᵀᴬᴾ", "mantap"),  # modifier capitals
        ("ɗɑɓɫ", "dabl"),  # letters with hooks and tildes NFD keeps whole
        ("ᵽɨʂʈøł", "pistol"),  # letters with strokes
    ],
)
def test_letter_lookalikes_nfkc_keeps_fold_to_ascii(body: str, plain: str) -> None:
    """Letters Unicode names after one Latin letter read as that letter."""
    assert normalise(body).normalised == plain


def test_other_scripts_letters_are_kept() -> None:
    """Letters of other scripts are not Latin look-alikes and stay as written."""
    assert normalise("ŋ ə ش").normalised == "ŋ ə ش"


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("harga 7,5jt nego", "harga 7,5jt nego"),
        ("naik 1.5x lipat", "naik 1.5x lipat"),
        ("rp3,5 juta", "rp3,5 juta"),
        ("cicilan 15jt, dp 50rb", "cicilan 15jt, dp 50rb"),
        ("era 80an dan 4g", "era 80an dan 4g"),
    ],
)
def test_quantities_keep_their_digits(body: str, kept: str) -> None:
    """Decimals and numbers with a unit stay numbers in the letters view."""
    assert words(body) == kept


@pytest.mark.parametrize(("body", "folded"), [("4su", "asu"), ("8eg0", "bego"), ("5yu", "syu")])
def test_digits_leading_a_word_still_fold(body: str, folded: str) -> None:
    """Digits before letters that are no unit are leetspeak."""
    assert words(body) == folded


# The reference for slang matching: every key, longest first, between non-letters.
_SLANG_PATTERN = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(map(re.escape, sorted(SLANG, key=len, reverse=True)))
    + r")(?![^\W\d_])"
)


@pytest.mark.parametrize(
    "body",
    [
        "yg gk tau, jancok janc0k janc0kk bgst_ajg ajg2 2ajg",
        "ajgé ½bgst bgst² éajg ajg\u0301 tp.bs,jd-sm/dr",
        "bgstbgst bgst bgst, gblk\ngblk aj aja aj",
        "",
    ],
)
def test_slang_words_are_found_as_the_alternation_of_all_keys_would(body: str) -> None:
    """Slang is matched as whole words exactly where one pattern of every key would (letters
    beyond ASCII and digit-like signs count as letters; digits and ``_`` do not)."""
    text = body.lower()
    expected = [(m.start(), m.end()) for m in _SLANG_PATTERN.finditer(text)]
    assert [(start, end) for start, end, _, _ in _slang(text)] == expected


@pytest.mark.parametrize(
    ("body", "read"),
    [
        ("dasar bgst, bgst!", "dasar bangsat, bangsat!"),
        ("2bgst dan bgst_x", "2bangsat dan bangsat_x"),
        ("dasar janc0k", "dasar jancok"),
    ],
)
def test_slang_between_non_letters_is_spelled_out(body: str, read: str) -> None:
    """A slang word beside digits, ``_`` or punctuation is still a whole word."""
    assert words(body) == read


@pytest.mark.parametrize("body", ["bgstx", "xbgst", "bgst\u0915", "\u0915bgst", "gblkgblk"])
def test_slang_inside_a_longer_word_is_kept(body: str) -> None:
    """Letters (ASCII or not) joined to a slang word make another word, which stays as written."""
    assert words(body) == body


@pytest.mark.parametrize(
    "body",
    [
        "s l o t",
        "x s.l.o.t",
        "?s?l?o",
        "a b",
        "I am a cat",
        "\u0905 \u0915 \u0916",  # letters beyond ASCII
        "\U0001f602 a \U0001f602 b c",
        "a\u00b7b\u00b7c",  # a separator beyond ASCII
        "\u00b2 a b c",  # a digit-like sign before the run
        "a b c\u00b2",
        "ab c d",
        "a _b_ c",
    ],
)
def test_spread_letters_are_looked_for_whenever_they_may_be_there(body: str) -> None:
    """The cheap look at character classes never rules out a text where spread-out letters
    are found (beyond ASCII a character may be of any class), and rules out plain talk."""
    assert _spaced(body) or _SPACED.search(body) is None
    assert _spaced(body) == (_SPACED.search(body) is not None) or not body.isascii()


@pytest.mark.parametrize("body", ["ini berita biasa saja", "I think so, too", "a bc d"])
def test_plain_ascii_talk_skips_the_search_for_spread_letters(body: str) -> None:
    """ASCII text with no letter alone between separators needs no search for spread letters."""
    assert not _spaced(body)
