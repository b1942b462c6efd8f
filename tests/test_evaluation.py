"""evaluation: the reliability curve reads CSV rows and the fitting script's plain pairs alike;
the adversarial suite scores rows that must be held."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_a_masked_row_that_must_hold_is_a_miss() -> None:
    """An abusive row marked ``expect: hold`` is right only when held or rejected."""
    abusive, hold = evaluation.Label.ABUSIVE, evaluation.Expect.HOLD
    assert evaluation.suite_right(abusive, evaluation.Outcome.APPROVED_MASKED)
    assert not evaluation.suite_right(abusive, evaluation.Outcome.APPROVED_MASKED, hold)
    assert evaluation.suite_right(abusive, evaluation.Outcome.HELD, hold)
    assert evaluation.suite_right(abusive, evaluation.Outcome.REJECTED, hold)


def test_read_suite_carries_the_expected_outcome(tmp_path: Path) -> None:
    """A row's ``expect`` field is read; a row without one follows its label's rule."""
    path = tmp_path / "suite.jsonl"
    rows = [
        {"text": "a", "label": "abusive", "category": "slur", "expect": "hold"},
        {"text": "b", "label": "abusive", "category": "spread"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    expects = [row.expect for row in evaluation.read_suite(path)]
    assert expects == [evaluation.Expect.HOLD, evaluation.Expect.ANY]
