"""Phone numbers, and phone numbers offered for a chat."""

from __future__ import annotations

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
