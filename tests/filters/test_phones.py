"""Phone numbers, and phone numbers offered for a chat."""

from __future__ import annotations

import pytest

from moderation.filters.normalise import normalise
from moderation.filters.phones import phones


def test_whatsapp_number_is_solicitation() -> None:
    """``WA 0812-3456-7890`` asks readers to chat: solicitation, with the number as span."""
    [finding] = phones(normalise("Butuh dana cepat? WA 0812-3456-7890"))
    assert finding.rule == "phone:solicit"
    assert finding.spans[0].text == "0812-3456-7890"


def test_international_format_is_recognised() -> None:
    """``+62 812 3456 7890`` is an Indonesian mobile number too."""
    assert [f.rule for f in phones(normalise("hubungi +62 812 3456 7890"))] == ["phone:solicit"]


def test_bare_number_is_a_weaker_rule() -> None:
    """A number without an ask is only the number rule."""
    assert [f.rule for f in phones(normalise("nomor 081234567890 hilang"))] == ["phone:number"]


def test_money_and_dates_are_not_phone_numbers() -> None:
    """Prices and years never look like mobile numbers."""
    assert phones(normalise("Rp 600.000 tahun 2024, NIK 3506 1234")) == []


def test_groups_split_by_a_spaced_dash_are_one_number() -> None:
    """``0813 - 4455 - 6677`` (three separator characters between groups) is one number."""
    [finding] = phones(normalise("nomerku 0813 - 4455 - 6677"))
    assert finding.spans[0].text == "0813 - 4455 - 6677"


def test_spelled_digits_with_spaced_dashes_are_a_number() -> None:
    """Digits spelled as words, grouped with `` - ``, still read as a mobile number."""
    body = "kosong delapan satu tiga - empat empat lima lima - enam enam tujuh"
    assert len(phones(normalise(body))) == 1


def test_an_ask_after_the_number_is_solicitation() -> None:
    """``0857… hubungi`` asks as much as ``hubungi 0857…``."""
    rules = [f.rule for f in phones(normalise("0857 1122 3344 hubungi ya, amanah"))]
    assert rules == ["phone:solicit"]


def test_scores_and_minutes_with_dashes_are_not_numbers() -> None:
    """A match score and minutes separated by spaced dashes never make a mobile number."""
    assert phones(normalise("skor 3 - 1, menit 08 - 45 - 90, babak kedua")) == []


@pytest.mark.parametrize(
    "body",
    [
        "+44 7935 454150 talk to me",
        "lonely? +1 (555) 010-9999 text me",
        "WhatsApp me on +234 803 123 4567 for the deal",
        "call me +971 50 123 4567 anytime",
    ],
)
def test_a_foreign_number_offered_for_a_chat_is_solicitation(body: str) -> None:
    """Another country's number beside a chat ask or a call to oneself is offered to readers."""
    assert [f.rule for f in phones(normalise(body))] == ["phone:solicit"]


@pytest.mark.parametrize(
    "body",
    [
        "Hubungi KBRI Tokyo di +81 3 3441 4201 kalau darurat",
        "Menurut detik, KBRI London bisa dihubungi di +44 20 7499 7661",
        "kantor pusatnya di +62 21 3456 7890, buka jam 8",
        "call center maskapai +1 800 123 4567 katanya sibuk terus",
    ],
)
def test_embassy_and_office_lines_quoted_are_no_clue(body: str) -> None:
    """A foreign line not offered for a chat and a ``+62 21`` office line are no phone clue."""
    assert phones(normalise(body)) == []


def test_a_foreign_number_is_read_from_plain_digits_only() -> None:
    """Letters standing for digits make a disguised Indonesian number, never a foreign one."""
    assert phones(normalise("text me +44 79ЗS 454l50")) == []
    assert phones(normalise("chat +1 five five five")) == []
    assert [f.rule for f in phones(normalise("WA +62 812 3456 7890"))] == ["phone:solicit"]


def test_a_flood_of_numbers_and_asks_is_read_without_pairing_each() -> None:
    """A 20,000-character comment of asked numbers: every number is solicitation (its time is
    measured, not asserted: ``benchmarks/pipeline_speed.py``, "asked numbers")."""
    body = ("WA 0812 3456 7890 talk +44 7935 454150 " * 600)[:20_000]
    found = phones(normalise(body))
    assert len(found) > 500 and {f.rule for f in found} == {"phone:solicit"}


@pytest.mark.parametrize(
    "body",
    [
        "aduan pinjol ilegal lewat WA OJK 081157157157",
        "Kemensos buka pengaduan bansos di WA 0811-1022-210",
        "tanya kepesertaan JKN ke PANDAWA WA +62 811 8165 165",
    ],
)
def test_a_national_offices_published_number_is_no_clue(body: str) -> None:
    """The WhatsApp lines OJK, Kemensos and BPJS Kesehatan publish are quoted, not offered."""
    assert phones(normalise(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "WA 08 satu dua 3 empat 5678 90",
        "wa 0812 tiga empat 56 tujuh 890",
        "hub nol lapan 1 tiga 44 lima 5 enam 67",
        "WA nol wolu siji loro telu papat limo enem pitu wolu",
    ],
)
def test_mixed_digits_and_number_words_are_a_number(body: str) -> None:
    """Digits mixed with spelled ones, colloquial or Javanese, still read as a mobile."""
    assert [f.rule for f in phones(normalise(body))] == ["phone:solicit"]


@pytest.mark.parametrize(
    "body",
    ["WA OJK 081157157158", "WA Kemensos 0811-1022-211", "WA BPJS 0811 8165 166"],
)
def test_a_number_off_by_one_digit_from_an_offices_is_still_a_clue(body: str) -> None:
    """Only the published number itself is trusted: a phisher's near copy is still solicitation."""
    assert [f.rule for f in phones(normalise(body))] == ["phone:solicit"]


@pytest.mark.parametrize(
    "body",
    [
        "juara satu dua kali, tahun 2023 dan 2024",
        "skor 3 dua 1 untuk Persik",
        "loro telu dina 12 13 14 Desember",
    ],
)
def test_number_words_beside_numbers_are_no_phone(body: str) -> None:
    """Number words among scores and dates make no mobile number."""
    assert phones(normalise(body)) == []
