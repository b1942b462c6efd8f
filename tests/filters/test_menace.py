"""Menace with no harm verb: conditions with veiled consequences, fires foretold, families made
to pay, visits, whereabouts known, short lives, last warnings, peace denied (filters/menace.py)."""

from __future__ import annotations

import pytest

from moderation.evaluation import Outcome
from moderation.filters.abuse import AbuseFilter
from moderation.filters.normalise import normalise
from tests.filters.spam_helpers import context
from tests.filters.tricks import STOPPED, verdict


def _rule(body: str) -> str | None:
    found = AbuseFilter()(normalise(body), context(body))
    return found[0].rule if found else None


@pytest.mark.parametrize(
    "body",
    [
        "kalau masih nulis begitu, siap-siap aja",
        "nek isih nulis ngono, siap-siap wae",
        "sekali lagi kamu nulis begini, lihat saja nanti",
        "keep writing this and see what happens",
        "teruskan saja tulisanmu, nanti kamu tahu sendiri akibatnya",
        "coba tulis lagi, tak jamin kamu aman",
        "yen sik nulis maneh, ngerti dewe akibate",
    ],
)
def test_a_condition_on_the_readers_writing_with_a_veiled_consequence_is_a_threat(
    body: str,
) -> None:
    """ "If you keep writing this, get ready / just wait and see" is a conditional threat."""
    assert _rule(body) == "threat:conditional"
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kalau masih hujan, siap-siap bawa payung",
        "kalau kamu nulis skripsi, siap-siap begadang",
        "kalau masih nulis begitu, lihat saja data BPS",
        "keep talking to your nurse and see what happens with the new diet",
        "kalau kamu nulis lagi, aku pasti baca",
    ],
)
def test_a_condition_with_a_plan_or_advice_is_not_a_threat(body: str) -> None:
    """A plan after "siap-siap", or "see" with an object, is advice, not a threat."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "mobilmu bisa saja terbakar malam ini",
        "omahmu iso kobong sewayah-wayah",
        "your house could burn down tonight",
        "it would be a shame if something happened to your kids",
        "anak istrimu nanti yang nanggung",
        "your family will pay for this",
    ],
)
def test_harm_foretold_for_the_readers_property_or_family_is_a_threat(body: str) -> None:
    """A fire foretold, a pity wished, a family made to pay: threats with no harm verb."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "rumahmu bisa kebakaran kalau kabelnya tidak diganti",
        "mobilmu bisa terbakar kalau isi bensin sambil merokok",
        "sayang kalau terjadi apa-apa sama kamu, jaga kesehatan ya",
        "keluargamu yang akan menanggung biaya kuliahmu",
        "your family will pay the bills, relax",
    ],
)
def test_safety_advice_and_costs_borne_are_not_threats(body: str) -> None:
    """A fire with its cause, a health wish, a cost a family bears are innocent."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "tunggu saja, kami akan datang ke rumahmu",
        "tak parani omahmu mengko bengi",
        "ayo rame-rame datangi rumahnya",
        "ayo kita geruduk kantor redaksinya",
        "arek-arek, ayo parani omahe wartawan iki",
        "everyone go to his house tonight",
        "sebarkan alamatnya biar didatangi warga",
    ],
)
def test_visits_promised_or_called_for_are_threats(body: str) -> None:
    """The speaker coming to the reader's place, or a crowd called to someone's, is menace."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kami akan datang ke rumahmu untuk arisan minggu depan",
        "tak parani omahmu sesuk, tak gawakke oleh-oleh",
        "ayo rame-rame datangi posko donor darah",
        "ayo datangi rumahnya, kita jenguk bareng",
        "polisi mendatangi rumahnya kemarin sore",
        "warga menggeruduk kantor desa menuntut kejelasan",
    ],
)
def test_visits_with_a_purpose_or_reported_are_not_threats(body: str) -> None:
    """A visit for a purpose, to a public place, or in the news is no menace."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "I know what car you drive",
        "i know where your kids go to school",
        "aku ngerti sekolahe anakmu",
        "alamatmu wis tak kantongi",
        "kami tahu jam berapa kamu pulang kerja",
        "plat nomor mobilmu sudah saya catat",
        "kami tahu kantormu, tunggu kedatangan kami",
    ],
)
def test_the_readers_whereabouts_known_or_held_is_a_threat(body: str) -> None:
    """Surveillance said to the reader (their car, their child's school, their hours) holds."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "aku ngerti sekolahe anakmu, cedak omahku to",
        "alamatmu wis tak catet, paket tak kirim sesuk",
        "we know where you work, congrats on the promotion",
        "aku ngerti omahmu, sing cat ijo kae to",
        "I know what car you drive, how is it on fuel?",
    ],
)
def test_a_neighbours_knowledge_is_not_surveillance(body: str) -> None:
    """Knowing the reader's house or school as a neighbour or a sender is innocent."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "umurmu tidak akan lama lagi",
        "kamu tidak akan hidup lama",
        "nikmati hari-hari terakhirmu",
        "enjoy your last days",
        "ojo kaget nek sesuk kowe wis ora ono",
        "we will find you",
        "sebentar lagi kamu akan ditemukan",
    ],
)
def test_veiled_death_threats_and_being_found_are_threats(body: str) -> None:
    """A short life foretold, last days to enjoy, gone tomorrow, being found: threats."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kalau terus merokok, umurmu tidak akan lama",
        "kamu tidak akan hidup lama di Jakarta dengan gaji segitu",
        "nikmati hari-hari terakhirmu di sekolah ya nak",
        "enjoy your last days of freedom before the wedding",
        "sesuk kowe wis ora ono nang kantor yo? pindah ngendi",
        "we will find you the best deal",
    ],
)
def test_a_smoker_warned_a_last_school_day_and_a_deal_found_are_innocent(body: str) -> None:
    """A habit's cost, a place or time after "last days", and an object found pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "hapus beritanya atau kamu tahu sendiri akibatnya",
        "tulis sekali lagi, kamu bakal tahu rasanya",
        "nek kowe isih wani nulis koyo ngene, ati-ati wae",
        "ini peringatan terakhir buat kamu",
        "iki peringatan terakhir gawe koen",
        "delete this article or else",
        "you've been warned",
    ],
)
def test_warnings_and_an_or_else_are_threats(body: str) -> None:
    """A last warning to the reader, "or else", "ati-ati wae" after their writing: threats."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "ini peringatan terakhir untuk pendaftaran beasiswa",
        "you've been warned about the traffic, leave early",
        "kalau kamu masak ini, kamu bakal tahu rasanya enak",
        "kalau nulis sambil nyetir di jalan, hati-hati ya",
        "kopi atau teh, terserah kamu",
    ],
)
def test_deadlines_tastes_and_road_care_are_not_warnings(body: str) -> None:
    """A deadline, a warning with its subject, a taste, care on the road pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "hidupmu gak bakal tenang mulai sekarang",
        "uripmu ora bakal tenang",
        "kamu tidak akan bisa tidur nyenyak lagi",
        "you will never be safe",
        "koen gak bakal selamet",
        "kantor kalian bisa saja terbakar kapan-kapan",
    ],
)
def test_peace_denied_and_a_fire_foretold_for_your_office_are_threats(body: str) -> None:
    """Peace or safety denied from now on, and "kantor kalian" burning, are menace."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "hidupmu gak bakal tenang kalau utang menumpuk",
        "you will never be safe online without 2FA",
        "datamu tidak akan aman di aplikasi itu",
        "kamu tidak akan tenang sebelum bayar pajak",
    ],
)
def test_peace_denied_with_its_condition_is_advice(body: str) -> None:
    """With a condition, a debt, or data and accounts, denied safety is advice."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "aku eruh omahmu nang endi",
        "ojo sampek aku nemokno koen",
        "mari kita datangi kantor media ini beramai-ramai",
        "sebar alamat rumah wartawan ini, biar tahu rasa",
    ],
)
def test_suroboyoan_knowledge_finding_and_a_raided_newsroom_are_threats(body: str) -> None:
    """Suroboyoan "eruh" and "nemokno", a media office raided, a journalist's address spread."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "ayo datangi kantor kecamatan untuk urus KTP",
        "polisi menemukan pelaku yang membakar kantor redaksi",
        "aku eruh omahmu, sing cedak masjid kae to",
    ],
)
def test_offices_visited_for_errands_and_found_culprits_are_innocent(body: str) -> None:
    """An errand at a public office, culprits found, a neighbour's knowledge pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kami pantau terus kamu",
        "we are watching you",
        "tak awasi koen saben dino",
        "awas kalau ketemu",
        "awas nek papasan karo aku",
        "tidurmu ora bakal tenang",
    ],
)
def test_the_reader_watched_a_meeting_promised_and_sleep_denied_are_threats(body: str) -> None:
    """Being watched, "awas kalau ketemu", and sleep denied are menace."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kami pantau terus perkembanganmu",
        "we are watching you on tv every night",
        "awas kalau ketemu ular di sawah",
        "aku mantau kowe nang youtube",
    ],
)
def test_progress_followed_a_show_watched_and_a_snake_met_are_innocent(body: str) -> None:
    """Following the reader's progress or show, or a snake in the field, is no menace."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kalo msh nulis gt, siap2 aj",
        "ayo rame2 datangi rumahnya",
        "nek isih nulis ngono, ati2 wae",
        "tgg aja, kami dtg ke rmhmu",
        "almt rmhmu wis tak kantongi",
    ],
)
def test_threats_in_chat_spelling_are_threats(body: str) -> None:
    """Reduplication with a "2" and chat abbreviations read as the words written out."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kalau hujan, siap2 payung",
        "hati2 di jalan ya",
        "ayo rame2 datang ke TPS",
        "tgg aja, kami dtg ke rmhmu buat arisan",
    ],
)
def test_the_same_spellings_in_innocent_talk_pass(body: str) -> None:
    """The same spellings in advice, care and a visit with a purpose pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "jangan salahkan kami kalau terjadi sesuatu padamu",
        "ojo nyalahke aku nek ono opo-opo karo kowe",
        "jangan salahkan kami kalau keluargamu kenapa-kenapa",
        "kamu bakal dapet balasannya",
        "tunggu saja balasan kami",
        "orang kayak kamu biasanya hilang tanpa jejak",
        "wartawan yang nulis begini biasanya celaka",
        "people like you end up in a ditch",
    ],
)
def test_blame_refused_revenge_promised_and_a_fate_foretold_are_threats(body: str) -> None:
    """ "Don't blame us if something happens to you", revenge, "people like you usually ..."."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "jangan salahkan kami kalau harga naik",
        "tunggu balasan email dari HRD",
        "kamu bakal dapet balasan suratnya minggu depan",
        "wartawan hilang di era orde baru",
        "orang kayak kamu biasanya sukses",
        "wartawan yang nulis begini biasanya dapat penghargaan",
    ],
)
def test_prices_replies_history_and_good_fates_are_innocent(body: str) -> None:
    """Blame refused for prices, a reply awaited, history, a good fate pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kalau kamu mau ikut, siap-siap saja jam 5 pagi",
        "ayo serbu tokonya, diskon 50 persen",
        "rumahmu bisa kebakaran kapan saja kalau musim kemarau",
        "your family will pay for this trip",
        "ini peringatan terakhir buat kamu yang belum bayar iuran",
        "jangan salahkan kami kalau terjadi sesuatu padamu di gunung, bawa perlengkapan",
    ],
)
def test_plans_sales_seasons_trips_notices_and_guides_are_innocent(body: str) -> None:
    """A time after "siap-siap saja", a sale, a dry season, a trip paid for, a notice to
    members and a mountain guide's warning are the innocent neighbours of threats."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kalau berita ini tidak dihapus, siap-siap saja kalian",
        "your family will pay the price",
        "jangan salahkan kami kalau terjadi sesuatu padamu",
    ],
)
def test_the_same_shapes_closing_on_the_reader_are_threats(body: str) -> None:
    """The same shapes with the reader or the consequence closing them hold."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "Ojo kakehan cangkem. Aku ngerti sekolahe anakmu.",
        "Jangan macam-macam ya, kami sudah tahu kantormu di mana.",
    ],
)
def test_jangan_in_an_earlier_clause_does_not_excuse_known_whereabouts(body: str) -> None:
    """ "Jangan" in an earlier clause does not forbid the knowing that follows."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "Jangan sampai orang tahu alamat rumahmu, hati-hati di medsos",
        "Jangan sebar alamat rumah dan sekolah anak orang",
    ],
)
def test_jangan_just_before_knowing_is_advice(body: str) -> None:
    """ "Jangan" just before a knowing or spreading verb forbids it."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "Jangan banyak omong. Aku ngerti sekolah anakmu.",
        "Ojo kemaki. Aku weruh sekolah anakmu.",
        "Jangan sok jago ya. Kami tahu sekolah anakmu.",
    ],
)
def test_the_readers_childs_school_known_after_a_dare_is_a_threat(body: str) -> None:
    """ "Kami tahu sekolah anakmu" after a "jangan" of its own clause is whereabouts known."""
    assert _rule(body) == "threat:watched"
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kami minta jangan kasih tahu alamatmu ke orang asing",
        "Kami tahu sekolah anakmu bagus, pilihan yang tepat.",
        "Jangan sebar alamat rumah korban, kasihan keluarganya.",
    ],
)
def test_jangan_before_the_knowing_or_praise_of_the_school_is_no_threat(body: str) -> None:
    """ "Jangan" with no speaker between it and the knowing forbids it; praise clears it."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "we know which house is yours",
        "I know which school is yours",
        "we know which office is yours, journalist",
    ],
)
def test_knowing_which_place_is_the_readers_is_a_threat(body: str) -> None:
    """ "We know which car is yours": the reader's place picked out by the speaker."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "do you know which car is yours? the parking lot is full",
        "which car is yours, the red one? nice ride",
        "Ask the guard which locker is yours",
    ],
)
def test_asking_which_place_is_the_readers_is_no_threat(body: str) -> None:
    """The same question asked, not known by the speaker, is innocent."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "Omahmu cedhak pasar kan. Enteni wae aku mengko bengi.",
        "Your house is the blue one right. Wait for us tonight.",
        "Kantormu di lantai dua kan. Tunggu kedatangan kami.",
    ],
)
def test_the_reader_told_to_wait_for_us_at_their_place_is_a_threat(body: str) -> None:
    """The reader's place named, then "wait for us", over two sentences, is a threat."""
    assert _rule(body) == "threat:awaited"
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "Rumahmu di gang tiga kan? Tunggu kami, nanti kami mampir bawa kue.",
        "Tunggu kami di rumahmu jam 7 ya",
        "Kantormu yang baru ya? Tunggu kami untuk syukuran.",
    ],
)
def test_waiting_for_us_with_a_time_or_a_purpose_is_no_threat(body: str) -> None:
    """A visit with a time, a purpose or a call in passing is an arrangement."""
    assert verdict(body) is Outcome.APPROVED
