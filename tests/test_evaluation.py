"""evaluation: reading labelled rows, the reliability curve over CSV rows and plain pairs,
and the adversarial suite's rows that must be held."""

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


def test_unescape_restores_newlines_and_emoji() -> None:
    """A byte-string export's ``\\n`` and ``\\xNN`` runs become the newline and emoji written."""
    assert evaluation.unescape("halo\\nanjing \\xf0\\x9f\\x98\\x82") == "halo\nanjing \U0001f602"


def test_unescape_keeps_runs_that_are_no_utf8() -> None:
    """A run of escapes that does not decode stays as it was; plain text is untouched."""
    assert evaluation.unescape("rusak \\xf0\\x9f") == "rusak \\xf0\\x9f"
    assert evaluation.unescape("biasa saja") == "biasa saja"


def test_rows_are_unescaped_only_when_asked(tmp_path: Path) -> None:
    """``read_rows(escaped=True)`` decodes the text column; by default it is read as is."""
    path = tmp_path / "set.csv"
    path.write_text('Tweet,Abusive\n"satu\\ndua",0\n', encoding="utf-8")
    [plain] = evaluation.read_rows(path, "Tweet", "Abusive")
    [decoded] = evaluation.read_rows(path, "Tweet", "Abusive", escaped=True)
    assert (plain.text, decoded.text) == ("satu\\ndua", "satu\ndua")


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
