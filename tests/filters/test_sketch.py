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
