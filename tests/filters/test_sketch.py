"""MinHash bands for near-duplicate bursts."""

from __future__ import annotations

from moderation.filters.normalise import normalise
from moderation.filters.sketch import bands

PROMO = "Sungguh luar biasa, situs ini bikin ketagihan berat dan sulit untuk berhenti main {}"


def test_near_duplicates_share_a_band() -> None:
    """The same promo with another brand shares at least one band."""
    first = set(bands(normalise(PROMO.format("PULAUWIN"))))
    second = set(bands(normalise(PROMO.format("DEWADORA"))))
    assert first & second


def test_different_comments_share_no_band() -> None:
    """Two unrelated comments of the same length share no band."""
    first = set(bands(normalise(PROMO.format("sekarang"))))
    other = "Jalan di desa kami rusak parah, mohon segera diperbaiki sebelum musim hujan tiba"
    assert not first & set(bands(normalise(other)))


def test_short_comments_are_not_sketched() -> None:
    """Short comments repeat innocently ("Mantap pak"), so they get no bands."""
    assert bands(normalise("Alhamdulillah maju terus Kab. Kediri")) == []


def test_a_promo_with_another_link_and_number_shares_a_band() -> None:
    """The same promo with its brand, number and bonus changed still shares a band."""
    promo = (
        "Daftar sekarang di {} bonus {} persen untuk member baru, jackpot tiap hari dijamin bayar"
    )
    first = set(bands(normalise(promo.format("PULAUWIN88", 100))))
    assert first & set(bands(normalise(promo.format("DEWADORA77", 200))))


def test_bands_are_the_same_in_every_process() -> None:
    """Band ids are counted across worker processes and releases: they depend on the text
    alone (no per-process hash seed)."""
    assert bands(normalise(PROMO.format("PULAUWIN"))) == [
        "0:b6cf7752",
        "1:acb2be82",
        "2:983b52c0",
        "3:bf9f933d",
    ]


def test_a_short_cheer_repeated_is_not_sketched() -> None:
    """A cheer said many times over ("Hadir bang Hadir bang …") is still a short comment: its
    few different words repeat innocently across readers."""
    assert bands(normalise("Hadir bang😊 " * 12)) == []
    assert bands(normalise("mantap " * 30)) == []
