"""evaluation: the reliability curve reads CSV rows and the fitting script's plain pairs alike."""

from __future__ import annotations

from moderation import evaluation
from moderation.filters.pipeline import Pipeline
from moderation.models import FilterName
from moderation.policy import DEFAULT

LABELLED = [
    ("Situs slot gacor hari ini, daftar di wa 0812 3456 7890", "1"),
    ("Alhamdulillah jalan desa sudah diperbaiki, maju terus Kab. Kediri", "0"),
]


def test_calibrate_takes_plain_text_label_pairs_as_it_takes_rows() -> None:
    """scripts/fit_calibration.py passes (text, label) pairs; `moderation eval` passes Rows."""
    pipeline = Pipeline.default()
    rows = [evaluation.Row(text, label) for text, label in LABELLED]
    from_pairs = evaluation.calibrate(LABELLED, "1", pipeline, DEFAULT, FilterName.SPAM)
    from_rows = evaluation.calibrate(rows, "1", pipeline, DEFAULT, FilterName.SPAM)
    assert from_pairs.headline.rows == from_rows.headline.rows == 2
    assert from_pairs.headline.cells == from_rows.headline.cells
