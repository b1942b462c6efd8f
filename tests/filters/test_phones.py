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
