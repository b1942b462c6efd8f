"""Offline evaluation: the worker's own pipeline over a labelled CSV, scored like a classifier.

A row counts as flagged when it would not be published unmasked (held, rejected, or published
masked). Each filter is also scored alone (a row flagged when that filter acted on it), from the
same run: the spam filter's figures are those of ``flagged_by_filter["spam"]``.
``moderation eval`` prints the figures; nothing here touches the store.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import enum
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from moderation.filters.context import Context
from moderation.filters.pipeline import Pipeline
from moderation.models import Action, Author, Comment, Decision, Status, Thread
from moderation.policy import Policy


class Outcome(enum.StrEnum):
    """What a row came to: a decision's status, with masked publication told apart."""

    APPROVED = Status.APPROVED.value
    APPROVED_MASKED = "approved_masked"
    HELD = Status.HELD.value
    REJECTED = Status.REJECTED.value


OUTCOMES = tuple(Outcome)
_AT = "2026-01-01T00:00:00.000Z"


@dataclasses.dataclass
class Report:
    rows: int = 0
    seconds: float = 0.0
    # (label is positive, outcome) -> rows
    confusion: collections.Counter[tuple[bool, str]] = dataclasses.field(
        default_factory=collections.Counter
    )
    rules: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    # filter -> rows it flagged, split by label
    filters: collections.Counter[tuple[str, bool]] = dataclasses.field(
        default_factory=collections.Counter
    )

    def count(self, positive: bool, flagged: bool) -> int:
        return sum(
            n for (p, o), n in self.confusion.items() if p is positive and is_flagged(o) is flagged
        )

    @property
    def precision(self) -> float:
        tp, fp = self.count(True, True), self.count(False, True)
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, fn = self.count(True, True), self.count(True, False)
        return tp / (tp + fn) if tp + fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_positive_rate(self) -> float:
        fp, tn = self.count(False, True), self.count(False, False)
        return fp / (fp + tn) if fp + tn else 0.0

    def filter_scores(self, name: str) -> dict[str, float]:
        """Scores as if only ``name`` flagged: a row is flagged when that filter acted on it
        (the spam figures: one pipeline run, counted for the spam filter alone)."""
        tp, fp = self.filters[(name, True)], self.filters[(name, False)]
        positives = sum(n for (positive, _), n in self.confusion.items() if positive)
        negatives = self.rows - positives
        fn = positives - tp
        return {
            "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
            "recall": round(tp / positives, 4) if positives else 0.0,
            "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0,
            "false_positive_rate": round(fp / negatives, 4) if negatives else 0.0,
        }

    @property
    def per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def as_dict(self, top: int = 10) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "false_positive_rate": round(self.false_positive_rate, 4),
            "confusion": {
                label: {o: self.confusion[(positive, o)] for o in OUTCOMES}
                for label, positive in (("positive", True), ("negative", False))
            },
            "flagged_by_filter": {
                name: {
                    "positive": self.filters[(name, True)],
                    "negative": self.filters[(name, False)],
                    **self.filter_scores(name),
                }
                for name in sorted({name for name, _ in self.filters})
            },
            "top_rules": dict(self.rules.most_common(top)),
            "comments_per_second": round(self.per_second, 1),
        }


def outcome(decision: Decision) -> Outcome:
    if decision.status is Status.APPROVED:
        return Outcome.APPROVED if decision.masked_body is None else Outcome.APPROVED_MASKED
    return Outcome(decision.status.value)


def is_flagged(outcome: str) -> bool:
    return outcome != Outcome.APPROVED


def read_rows(
    path: Path,
    text_column: str,
    label_column: str,
    *,
    delimiter: str | None = None,
    encoding: str = "utf-8",
    limit: int | None = None,
) -> Iterator[tuple[str, str]]:
    """``(text, label)`` per row; tab-separated when the name ends in ``.tsv``."""
    csv.field_size_limit(sys.maxsize)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open(newline="", encoding=encoding) as file:
        reader = csv.DictReader(file, delimiter=delimiter)
        missing = {text_column, label_column} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: no column {', '.join(sorted(missing))}")
        for n, row in enumerate(reader):
            if limit is not None and n >= limit:
                return
            yield row[text_column] or "", (row[label_column] or "").strip()


def evaluate(
    rows: Iterable[tuple[str, str]],
    positive: str,
    pipeline: Pipeline,
    policy: Policy,
    site: str = "eval",
) -> Report:
    report = Report()
    thread, author = Thread(id="eval"), Author(name="eval")
    for n, (text, label) in enumerate(rows):
        comment = Comment(
            id=f"eval-{n}",
            site=site,
            thread=thread,
            author=author,
            body=text,
            created_at=_AT,
            received_at=_AT,
        )
        start = time.perf_counter()
        decision = pipeline(Context(comment=comment, policy=policy), _AT)
        report.seconds += time.perf_counter() - start
        is_positive = label == positive
        report.rows += 1
        report.confusion[(is_positive, outcome(decision))] += 1
        acting = [f for f in decision.reasons if f.action is not Action.APPROVE]
        report.rules.update({f.rule for f in acting})
        report.filters.update({(f.filter, is_positive) for f in acting})
    return report


def render(report: Report, top: int = 10) -> str:
    d = report.as_dict(top)
    lines = [
        f"rows {d['rows']}   precision {d['precision']:.3f}   recall {d['recall']:.3f}   "
        f"F1 {d['f1']:.3f}   false-positive rate {d['false_positive_rate']:.3f}",
        "",
        f"{'label':<10}" + "".join(f"{o:>17}" for o in OUTCOMES),
    ]
    for label, counts in d["confusion"].items():
        lines.append(f"{label:<10}" + "".join(f"{counts[o]:>17,}" for o in OUTCOMES))
    lines += [
        "",
        f"{'rows flagged by filter':<24}{'positive':>10}{'negative':>10}"
        f"{'precision':>11}{'recall':>8}{'F1':>8}{'FPR':>8}",
    ]
    for name, c in d["flagged_by_filter"].items():
        lines.append(
            f"{name:<24}{c['positive']:>10,}{c['negative']:>10,}{c['precision']:>11.3f}"
            f"{c['recall']:>8.3f}{c['f1']:>8.3f}{c['false_positive_rate']:>8.4f}"
        )
    lines += ["", f"{'top rules':<40}{'rows':>10}"]
    lines += [f"{rule:<40}{hits:>10,}" for rule, hits in d["top_rules"].items()]
    lines += ["", f"{d['comments_per_second']:,.0f} comments/s (pipeline only, one core)"]
    return "\n".join(lines)
