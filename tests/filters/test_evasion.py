"""Evasion undone: each trick family caught, and its innocent look-alikes kept."""

from __future__ import annotations

import pytest

from moderation.evaluation import Outcome
from tests.filters.tricks import FLAGGED, STOPPED, verdict


@pytest.mark.parametrize(
    "body",
    [
        "B O N U S   N E W   M E M B E R tiap hari",
        "m-a-i-n s-l-o-t pasti cuan",
        "a.g.e.n t.o.g.e.l resmi buka 24 jam",
        "🇬 🇦 🇨 🇴 🇷 malam ini bos",
        "D A N A   C E P A T tanpa ribet",
    ],
)
def test_spread_spam_phrases_are_held(body: str) -> None:
    """Spam phrases spelled out with spaces, hyphens, dots or regional indicators are held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "k-o-n-t-o-l semua",
        "b a n g s a t   k a b e h",
        "dasar j.a.n.c.o.k",
    ],
)
def test_spread_swearing_is_flagged(body: str) -> None:
    """Swear words spelled out letter by letter are still found."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "kelas saya X I I I P S 1",
        "a b c d e f g dinyanyikan anak TK",
        "R S U D Gambiran buka poli baru",
    ],
)
def test_spelled_initials_stay_innocent(body: str) -> None:
    """Initials and letter lists joined by the spread rule contain no listed word."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "rumahnya di a ke sana",
        "K H Ahmad Dahlan pendiri Muhammadiyah",
        "kerja bakti R T 05 R W 02 hari Minggu",
        "tp y g d ke sana",
    ],
)
def test_short_words_and_initials_are_not_merged_into_listed_words(body: str) -> None:
    """Only runs of three or more single letters are joined, so short words, two initials
    before a name and neighbourhood numbers stay as written."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize("body", ["dasar gblk lu", "bgsd kowe", "kntl semua", "ajg emang"])
def test_dropped_vowel_abbreviations_are_caught(body: str) -> None:
    """Swear words written without their vowels are spelled out before lookup."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body", ["otw ke pasar, btw gmn kabarnya", "yg penting sehat, tks", "bgt enak sotonya"]
)
def test_everyday_abbreviations_stay_innocent(body: str) -> None:
    """Ordinary chat abbreviations are no swear words."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize("body", ["ngen😈tot lu", "bang🤬sat", "kon💩tol"])
def test_emoji_inside_a_word_is_dropped_before_lookup(body: str) -> None:
    """An emoji planted inside a swear word does not hide it."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize("body", ["senang 😊 sekali", "pecel 🍛 enak", "hujan 🌧 lagi"])
def test_emoji_between_words_changes_nothing(body: str) -> None:
    """Emoji between ordinary words leave them ordinary."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body", ["kontoooooolll", "bangsaaaaattt lu", "jancuuuuuk", "kamfreeeet", "udiiiik lu"]
)
def test_repeated_letters_are_collapsed_before_lookup(body: str) -> None:
    """Stretched letters at the end or inside a swear word do not hide it."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize("body", ["semangaaaat pagi", "enaaaak sekali", "makasiiiih pak"])
def test_stretched_ordinary_words_stay_innocent(body: str) -> None:
    """Stretched ordinary words are not mistaken for listed ones."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "pinjaman cair wa 0858 l234 S67B",
        "info: 0️⃣8️⃣5️⃣7️⃣ 1️⃣2️⃣3️⃣4️⃣ 5️⃣6️⃣7️⃣8️⃣ pinjaman tanpa jaminan",
        "hub 08-57-12-34-56-78 dana cair",
        "chat nol delapan lima tujuh 1234 5678 untuk pinjaman cepat",
    ],
)
def test_disguised_phone_numbers_in_offers_are_held(body: str) -> None:
    """Numbers written with letters, keycaps, pairs or words are read as numbers."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "skor 2-1, 3-0 dan 4-2 musim ini",
        "pemadam kebakaran 113 cepat datang",
        "harga gabah 6.500 naik jadi 7.200",
    ],
)
def test_scores_prices_and_short_codes_are_not_numbers(body: str) -> None:
    """Scores, prices and emergency codes never read as mobile numbers."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "daftar cepat di hoki99 (dot) xyz",
        "grup cuan: t . me / rejekiharian",
        "link aman: cutt(.)ly/menang",
    ],
)
def test_spelled_out_dots_are_rejoined(body: str) -> None:
    """Links with spelled-out or spaced dots are found and held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "rapat mulai 09 . 00 tepat",
        "juara . Selamat untuk Persik",
        "dot merah di peta itu lokasi banjir",
    ],
)
def test_spaced_dots_in_ordinary_text_are_not_links(body: str) -> None:
    """A spaced dot before a word that is no top-level domain stays a dot."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "dasar anj=ing",
        "go#blok semua pejabate",
        "kon.tol kabeh sing nulis",
        "j4n-c0k tenan",
        "b+a+j+i+n+g+a+n pejabat iku",
        "ng🤬ntot lu",
    ],
)
def test_a_gap_inside_a_word_is_closed_or_read_as_a_vowel(body: str) -> None:
    """A separator, symbol, emoji or digit inside one word is read as nothing or as a vowel
    when that makes a listed word."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "anak-anak main bola di lapangan Gurah",
        "kirim berkas ke humas@kedirikab.go.id sebelum 08.00",
        "ok,siap pak, dan/atau kirim lewat e-KTP",
        "sip,tanya dong jadwal posyandu",
        "skor akhir 3-2, mantap",
    ],
)
def test_gaps_in_ordinary_words_read_as_nothing_listed(body: str) -> None:
    """Hyphenated, dotted and slashed ordinary words read as no listed word."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "djantjok koen, ngawur ae",
        "ndhasmu kuwi isine opo",
        "guoblok tenan sing nulis",
        "jhancuk arek iki",
        "kiampret kabeh",
    ],
)
def test_javanese_and_old_spellings_of_listed_words_are_caught(body: str) -> None:
    """Aspirated (dh, jh), pre-1972 (dj, tj, oe) and intensified (jia-, guo-) spellings are
    the listed word."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "masakan thai di Kediri enak",
        "panen tuai padi di sawah Plemahan",
        "Djarum Foundation memberi beasiswa",
        "dharma wanita rapat di pendopo",
    ],
)
def test_old_and_regional_spellings_of_ordinary_words_stay_innocent(body: str) -> None:
    """Spelling variants are made of listed words only, and short words get none."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "dasar c.i.n.a pulang sana",
        "c1no kabeh",
        "dasar y4hud1",
        "dasar k@fir",
    ],
)
def test_an_everyday_word_spelt_in_disguise_holds_as_a_slur(body: str) -> None:
    """Disguising "cina" or "kafir" shows the intent: held as a slur."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "Cina dan India negara besar di Asia",
        "produk China membanjiri pasar Pare",
        "EKSPOR KE CINA NAIK TAHUN INI",
        "sejarah orang Yahudi di Eropa",
    ],
)
def test_the_same_words_spelt_plainly_stay_innocent(body: str) -> None:
    """A country or people named plainly is not a slur."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "brngsk emang pejabate",
        "dasar bjngn tengik",
        "mnyt kabeh",
        "kmprt lu",
    ],
)
def test_listed_words_shortened_to_their_consonants_are_caught(body: str) -> None:
    """A listed word with its vowels dropped, SMS style, is the word."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "skrg bnyk yg dtg ke posyandu, trmksh bu",
        "dmpt sy ketinggalan di angkot, tlg dibantu",
        "kmpng sy di Gurah, sblm pasar",
        "kcng rebus sm jgng bakar enak bgt",
        "cing, lama gak ketemu",
    ],
)
def test_shortened_everyday_words_stay_innocent(body: str) -> None:
    """SMS shortenings of everyday words (sekarang, dompet, kampung, kacang) are not listed."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "b=a=n=g=s=a=t=l=u",
        "k^o^n^t^o^l^k^a^b^e^h",
        "a/n/j/i/n/g/k/a/l/i/a/n",
    ],
)
def test_letters_spread_by_any_symbol_across_words_hold_the_listed_word(body: str) -> None:
    """Letters spread one by one with any symbol, across word boundaries, are searched for a
    listed word inside."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "kelas X/I/I/P/A/2 juara",
        "nilai A/B/A/B/C di rapor",
        "S/D/N/1/G/u/r/a/h",
    ],
)
def test_initials_spread_by_symbols_hold_no_listed_word(body: str) -> None:
    """Initials and grades written with slashes contain no listed word."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize("body", ["dasar cina, balik sana", "dasar cino", "dasar yahudi"])
def test_an_everyday_ethnic_word_hurled_at_someone_holds_as_a_slur(body: str) -> None:
    """Hurled at someone ("dasar X"), the plain word is a slur too."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body", ["kamu orang cina? aku juga", "dasar negara Cina itu luas", "hp cina lu awet juga"]
)
def test_the_same_word_said_of_a_country_or_asked_is_innocent(body: str) -> None:
    """A question of origin or a country named after "dasar" (basis) is not hurled."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "Main\u2800slot\u2800online\u2800pasti\u2800cuan\u2800bos",
        "Pinjaman\u3164cepat\u3164cair\u3164tanpa\u3164jaminan",
        "t\u2060o\u2060g\u2060e\u2060l online bayar lunas, daftar sekarang",
    ],
)
def test_spam_split_by_fillers_is_held(body: str) -> None:
    """Spam with blank fillers for spaces or format characters inside words is held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "Jalan\u2800desa\u2800sudah\u2800diperbaiki,\u2800terima\u2800kasih",
        "Semoga\u3164cepat\u3164sembuh\u3164pak\u3164lurah",
        "Mantap\u200d\u2060 beritanya, lanjutkan",
    ],
)
def test_innocent_comments_with_fillers_are_approved(body: str) -> None:
    """Fillers in an ordinary comment make nothing of it."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "KENCANA-29 bikin saya menang terus",
        "mahjong 4 d rejeki lancar",
        "Semoga sehat selalu, salam sukses dari SULTANMERAH",
        "Sukses terus untuk kita semua by RAJAPETIR",
    ],
)
def test_disguised_or_unknown_brands_promoted_are_held(body: str) -> None:
    """A brand written apart or compounded from a brand head, with talk of winning or signing
    the comment, is held though no gambling word is said."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "KELAS 8 menang lomba cerdas cermat",
        "Persik 1950 menang tipis malam ini",
        "Salam dari AREMANIA, Arema menang!",
        "Sumbangan dari PT Sumber Jaya 88 untuk korban banjir",
        "Covid-19 mereda, warga RT 05 menang lomba 17an",
    ],
)
def test_names_and_numbers_in_ordinary_comments_are_approved(body: str) -> None:
    """Clubs, grades, neighbourhoods and firms with numbers, beside winning, are no brand."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "ᴛᴇʀɪᴍᴀ ᴋᴀsɪʜ ᴘᴀᴋ ʙᴜᴘᴀᴛɪ ᴀᴛᴀs ᴊᴀʟᴀɴɴʏᴀ",
        "ᵀᵉʳⁱᵐᵃ ᵏᵃˢⁱʰ ᵇᵘ ᵍᵘʳᵘ",
        "ɢᴀᴄᴏʀ ʙᴀɴɢᴇᴛ ᴍᴜʀᴀɪ ʙᴀᴛᴜ sᴀʏᴀ",
    ],
)
def test_small_capitals_alone_hold_no_thanks(body: str) -> None:
    """Small capitals and superscript letters in a thank-you note or bird talk pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["ᴅᴇᴘᴏ 10ʀʙ ʟᴀɴɢsᴜɴɢ ᴊᴘ", "ꜱʟᴏᴛ ɢᴀᴄᴏʀ ᴍᴀxᴡɪɴ ʜᴀʀɪ ɪɴɪ", "ᴘɪɴᴊᴀᴍᴀɴ ᴄᴇᴘᴀᴛ ᴄᴀɪʀ ᴛᴀɴᴘᴀ ᴊᴀᴍɪɴᴀɴ"],
)
def test_spam_in_small_capitals_is_held(body: str) -> None:
    """Spam written in small capitals reads as its words and is held."""
    assert verdict(body) in STOPPED
