"""Spam phrases, known gambling brands and brand-shaped tokens."""

from __future__ import annotations

import pytest

from moderation.filters.normalise import normalise
from moderation.filters.spam_lexicon import SpamLexicon


def found(body: str) -> list[tuple[str, str]]:
    return [(f.rule, f.detail) for f in SpamLexicon.shipped()(normalise(body))]


def scored(body: str) -> list[tuple[str, str, float]]:
    return [(f.rule, f.detail, f.score) for f in SpamLexicon.shipped()(normalise(body))]


def test_known_brand_spelled_out_with_spaces() -> None:
    """``P U L A U 7 7 7`` is the known brand pulau777."""
    assert ("brand:known", "pulau777") in found("KEREN P U L A U 7 7 7 TERBAIK")


def test_known_brand_spread_in_one_and_two_letter_pieces() -> None:
    """``P UL A U WI N`` and ``AB GW IN`` are brands spelled out in pieces of one or two."""
    assert ("brand:known", "pulauwin") in found("mantap P UL A U WI N hari ini")
    assert ("brand:known", "abgwin") in found("coba di AB GW IN deh")


def test_known_brand_spread_with_digits_for_letters() -> None:
    """``V I K I N G T 0 T 0`` is vikingtoto: zeros stand for the o's."""
    assert ("brand:known", "vikingtoto") in found("Bersama V I K I N G T 0 T 0 kita bisa")


def test_short_words_in_a_row_are_not_taken_for_a_brand() -> None:
    """A run of short words ("ya di ke sana aja") is not looked up as one brand."""
    assert found("ya di ke sana aja, ok ya") == []


def test_english_channel_promotion_is_listed() -> None:
    """ "sub4sub" and "follow 4 follow" are channel promotion, whatever the leetspeak."""
    assert ("lexicon:channel", "subasub") in found("sub4sub anyone?")
    assert ("lexicon:channel", "follow 4 follow") in found("Follow 4 Follow guys")


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


def test_an_outright_ask_for_ones_own_channel_holds_alone() -> None:
    """ "sub me", "watch my videos", "see my new track", "make money fast": no innocent
    reading in a comment thread, so each scores a hold by itself."""
    for body in (
        "sub me if you dont like the song",
        "Watch my videos xx",
        "Nice song. See my new track.",
        "How To Make Money Fast",
    ):
        assert max(s for _, _, s in scored(body)) >= 0.5, body


def test_agreeing_with_a_comment_and_talk_of_videos_are_no_ask() -> None:
    """ "I like this comment" agrees with a reader; "my favourite video", "the money they make"
    ask nothing."""
    for body in (
        "I like this comment so much, so true",
        "this is my favourite video of hers",
        "artists hardly make a living from views",
    ):
        assert max((s for _, _, s in scored(body)), default=0.0) < 0.5, body


def test_engagement_bait_is_listed() -> None:
    """Asking for likes ("give it a like", "like please") is channel promotion."""
    for body in ("give it a like", "like please", "please like my comment"):
        assert [r for r, _, _ in scored(body) if r == "lexicon:channel"], body


def test_phrases_are_found_across_runs_of_spaces_and_line_breaks() -> None:
    """ "check  out my", "link\\ndi bio", "pinjaman   online": spacing does not hide a phrase,
    and its span is the original's."""
    assert ("lexicon:channel", "check out my") in found("Check  out my new song")
    assert ("lexicon:contact", "link di bio") in found("cek link\ndi bio ya")
    [loan] = [f for f in SpamLexicon.shipped()(normalise("ada pinjaman   online")) if f.detail]
    assert loan.spans[0].text == "pinjaman   online"


def test_words_apart_across_a_line_break_stay_words() -> None:
    """Joining spacing makes no phrase of words that were never one."""
    assert found("I will check\n\nthe news later") == []
    assert found("beli  sayur  di  pasar") == []
    assert found("my\nfavourite video") == []


def test_known_brand_split_anywhere_in_two_tokens() -> None:
    """A brand cut in two anywhere ("agen 911", "arwana gaming", "asia-99") is found whole;
    two tokens that begin a brand but do not finish one ("asia 98", "ayam goreng", "agen
    resmi") are not a brand."""
    for body, brand in (
        ("cobain agen 911 gan", "agen911"),
        ("di arwana gaming aja", "arwanagaming"),
        ("info asia-99 malam ini", "asia99"),
    ):
        assert ("brand:known", brand) in found(body)
    for body in ("penduduk asia 98 juta", "makan ayam goreng", "agen resmi pos"):
        assert not [rule for rule, _ in found(body) if rule == "brand:known"]


def shapes(body: str) -> list[str]:
    return [detail for rule, detail in found(body) if rule == "brand:shape"]


@pytest.mark.parametrize(
    ("body", "shape"),
    [
        ("main di KENCANA-29 aja", "kencana29"),
        ("ayo ke MERAPI 77 sekarang", "merapi77"),
        ("coba mahjong 4 d dulu", "mahjong4d"),
        ("bersama garuda_365 kita bisa", "garuda365"),
    ],
)
def test_a_name_and_number_written_apart_have_a_brands_shape(body: str, shape: str) -> None:
    """A name and a short number parted by a symbol, or in capitals, or ``4 d``: one shape."""
    assert shapes(body) == [shape]


@pytest.mark.parametrize(
    "body",
    [
        "Bus Sumber Jaya 88 terguling di tol",
        "Pasal 27 UU ITE dan KELAS 8 SMP",
        "Covid-19 di Kediri, PON XX, RT 05 RW 02, kelas 7A",
        "Persik 1950 dan Boeing 737 milik maskapai",
    ],
)
def test_names_with_numbers_in_news_are_no_brand(body: str) -> None:
    """Names, articles, grades and years beside a number have no brand's shape."""
    assert shapes(body) == []


@pytest.mark.parametrize(
    ("body", "shape"),
    [
        ("salam dari SULTANMERAH", "sultanmerah"),
        ("cuma di DEWAPETIR bos", "dewapetir"),
        ("NAGABIRU paling top", "nagabiru"),
    ],
)
def test_capitals_compounded_from_a_brand_head_have_a_brands_shape(body: str, shape: str) -> None:
    """A word in capitals that begins with a gambling brand's head is a brand shape."""
    assert shapes(body) == [shape]


@pytest.mark.parametrize(
    "body",
    [
        "RAJANYA sudah turun tahta",
        "Timnas RAJAWALI muda dan DEWASA ini",
        "naga bonar dan rajawali sakti, sultan agung",
    ],
)
def test_words_that_begin_like_a_brand_are_no_brand(body: str) -> None:
    """Everyday words with a brand head, and lower-case compounds, have no brand's shape."""
    assert shapes(body) == []


@pytest.mark.parametrize("body", ["sidang PBB 181 negara", "DPRD 45 kursi", "BPJS 12 juta peserta"])
def test_acronyms_in_capitals_beside_a_number_are_no_brand(body: str) -> None:
    """An acronym in capitals (few vowels) beside a number names a body, not a brand."""
    assert shapes(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Read more at bbc.com/news/world-asia-123",
        "lihat kompas.com/read/kediri-45/berita",
        "sumber: example.org/2026/pemilu-2024-hasil",
    ],
)
def test_a_slug_in_a_links_path_is_no_name_and_number_written_apart(body: str) -> None:
    """Hyphenated words and numbers in a path are the page's slug, not a split brand."""
    assert "brand:shape" not in [f.rule for f in SpamLexicon.shipped()(normalise(body))]


@pytest.mark.parametrize("body", ["𝐣𝐮𝐝𝐢 𝐨𝐧𝐥𝐢𝐧𝐞 𝐝𝐢𝐛𝐞𝐫𝐚𝐧𝐭𝐚𝐬", "ⓟⓘⓝⓙⓞⓛ ilegal", "ｓｌｏｔ dilarang"])
def test_styled_letters_alone_are_no_disguise(body: str) -> None:
    """Bold, circled or fullwidth letters are the styled clue's, not ``evasion:disguised``."""
    assert not [r for r, _ in found(body) if r == "evasion:disguised"]


@pytest.mark.parametrize("body", ["𝐒 𝐋 𝐎 𝐓 gacor", "j.u.d.i online", "sl0t gacor"])
def test_styled_letters_spread_or_leet_are_still_a_disguise(body: str) -> None:
    """Spread or leet letters still disguise a listed phrase, styled or not."""
    assert [r for r, _ in found(body) if r == "evasion:disguised"]


@pytest.mark.parametrize(
    "body",
    [
        "Armada PO SINAR JAYA 77 mogok di tol Kertosono",
        "(foto: TRIBUN-55) warga antre minyak",
        "dok. RADAR-99, banjir di Ngadiluwih",
        "Honda VARIO 125 paling laris di dealer Kediri",
    ],
)
def test_a_fleet_a_news_credit_or_a_maker_names_the_shape_after_it(body: str) -> None:
    """A bus company, a photo credit or a maker just before a name and number: no brand."""
    assert shapes(body) == []


@pytest.mark.parametrize(
    ("body", "shape"),
    [
        ("foto cewek cantik? mampir ke MELATI-77 dulu", "melati77"),
        ("bus telat, mending main di SAKURA 88 aja", "sakura88"),
        ("Honda butut dijual, modal main di KENCANA-29", "kencana29"),
    ],
)
def test_a_namer_word_further_off_names_nothing(body: str, shape: str) -> None:
    """Only a word one or two tokens before the shape names it: further off, it stays."""
    assert shapes(body) == [shape]


@pytest.mark.parametrize(
    "body",
    ["main di RAJA\u200bJITU", "ISTANA\u2060XYZ gacor", "daftar NAGA\ufeffSAKTI sekarang"],
)
def test_a_format_character_inside_a_compound_in_capitals_hides_nothing(body: str) -> None:
    """A zero-width or format character inside the capitals still leaves a compound shape."""
    assert len(shapes(body)) == 1


def test_one_stretch_of_one_category_counts_once() -> None:
    """Overlapping phrases of one category ("cek penerima" + "penerima bansos") are one clue,
    the strongest; phrases of other categories on the same stretch stay claims of their own."""
    bansos = [d for r, d in found("mau cek penerima bansos tahun ini") if r == "lexicon:bansos"]
    assert bansos == ["cek penerima"] or bansos == ["penerima bansos"]
    assert [d for r, d, _ in scored("see my new track") if r == "lexicon:channel"] == ["see my new"]


def test_the_version_covers_the_data_files_shapes_are_read_by(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A changed counting-word, brand-head, unit or namer list changes the lexicon's version."""
    from moderation.filters import spam_lexicon

    shipped = SpamLexicon.shipped()
    read = spam_lexicon._data_words
    for name in spam_lexicon.SHAPE_DATA:
        monkeypatch.setattr(
            spam_lexicon,
            "_data_words",
            lambda n, name=name: read(n) | {"zzq"} if n == name else read(n),
        )
        rebuilt = SpamLexicon([("slot", "judol", 0.2)], shipped.brands).version
        monkeypatch.setattr(spam_lexicon, "_data_words", read)
        assert rebuilt != SpamLexicon([("slot", "judol", 0.2)], shipped.brands).version, name
