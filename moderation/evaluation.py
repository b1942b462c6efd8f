"""Offline evaluation: the worker's own pipeline over a labelled CSV, scored like a classifier.

A row counts as flagged when it would not be published unmasked (held, rejected, or published
masked). Each filter is also scored alone (a row flagged when that filter acted on it), from the
same run: the spam filter's figures are those of ``flagged_by_filter["spam"]``.

With a hate-speech column (``--hate-column HS``) slurs are scored as what they are: the label
(abusive language) against every finding but slurs, so a row flagged only by a slur counts as
not flagged for it, and the slur findings against the hate-speech column. The decisions are the
same either way; only the scoring of the two kinds of finding is told apart.
``moderation eval`` prints the figures; nothing here touches the store.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import enum
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from moderation.filters import profanity
from moderation.filters.calibration import SUMMARY, family
from moderation.filters.context import Context
from moderation.filters.pipeline import Pipeline
from moderation.models import (
    Action,
    Author,
    Comment,
    Decision,
    FilterName,
    Finding,
    Status,
    Thread,
)
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
    # With a hate-speech column: rows flagged by slurs alone, by label; and (hate label, a slur
    # acted) -> rows.
    by_kind: bool = False
    slur_only: collections.Counter[bool] = dataclasses.field(default_factory=collections.Counter)
    hate: collections.Counter[tuple[bool, bool]] = dataclasses.field(
        default_factory=collections.Counter
    )

    def count(self, positive: bool, flagged: bool) -> int:
        rows = sum(
            n for (p, o), n in self.confusion.items() if p is positive and is_flagged(o) is flagged
        )
        moved = self.slur_only[positive] if self.by_kind else 0
        return rows - moved if flagged else rows + moved

    def hate_scores(self) -> dict[str, float]:
        """The slur findings scored against the hate-speech column."""
        tp, fp, fn = self.hate[(True, True)], self.hate[(False, True)], self.hate[(True, False)]
        return {
            "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
            "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0,
            "slur_rows": tp + fp,
        }

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
            **(self._by_kind() if self.by_kind else {}),
        }

    def _by_kind(self) -> dict[str, Any]:
        return {
            "flagged_only_by_slurs": {
                "positive": self.slur_only[True],
                "negative": self.slur_only[False],
            },
            "hate_speech": self.hate_scores(),
        }


def outcome(decision: Decision) -> Outcome:
    if decision.status is Status.APPROVED:
        return Outcome.APPROVED if decision.masked_body is None else Outcome.APPROVED_MASKED
    return Outcome(decision.status.value)


def is_flagged(outcome: str) -> bool:
    return outcome != Outcome.APPROVED


# Text exported as Python byte-string literals (the Ibrohim set): a newline as ``\n``, an emoji
# as ``\xf0\x9f\x98\x82``. Read as is, "\nanjing" is the token "nanjing" and emoji are letters.
_ESCAPED = re.compile(r"(?:\\x[0-9a-fA-F]{2})+|\\[ntr]")
_CONTROL = {"\\n": "\n", "\\t": "\t", "\\r": "\r"}


def unescape(text: str) -> str:
    """``text`` as written before such an export; a run of escapes that is no UTF-8 stays."""
    return _ESCAPED.sub(_unescaped, text)


def _unescaped(match: re.Match[str]) -> str:
    found = match.group()
    if found in _CONTROL:
        return _CONTROL[found]
    try:
        return bytes.fromhex(found.replace("\\x", "")).decode("utf-8")
    except UnicodeDecodeError:
        return found


class Row(NamedTuple):
    text: str
    label: str
    hate: str = ""  # the hate-speech column's value, if one was named


def read_rows(
    path: Path,
    text_column: str,
    label_column: str,
    *,
    delimiter: str | None = None,
    encoding: str = "utf-8",
    limit: int | None = None,
    hate_column: str | None = None,
    escaped: bool = False,
) -> Iterator[Row]:
    """A ``Row`` per line; tab-separated when the name ends in ``.tsv``; ``escaped``: the text
    column holds byte-string escapes (``unescape``)."""
    csv.field_size_limit(sys.maxsize)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open(newline="", encoding=encoding) as file:
        reader = csv.DictReader(file, delimiter=delimiter)
        wanted = {text_column, label_column, *([hate_column] if hate_column else [])}
        missing = wanted - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: no column {', '.join(sorted(missing))}")
        for n, row in enumerate(reader):
            if limit is not None and n >= limit:
                return
            hate = (row[hate_column] or "").strip() if hate_column else ""
            text = row[text_column] or ""
            yield Row(unescape(text) if escaped else text, (row[label_column] or "").strip(), hate)


def evaluate(
    rows: Iterable[Row],
    positive: str,
    pipeline: Pipeline,
    policy: Policy,
    site: str = "eval",
    by_kind: bool = False,
) -> Report:
    """Score ``rows``; ``by_kind``: slurs against each row's ``hate`` value (see the module)."""
    report = Report(by_kind=by_kind)
    for n, (text, label, hate) in enumerate(rows):
        comment = _comment(n, text, site)
        start = time.perf_counter()
        decision = pipeline(Context(comment=comment, policy=policy), _AT)
        report.seconds += time.perf_counter() - start
        is_positive = label == positive
        report.rows += 1
        report.confusion[(is_positive, outcome(decision))] += 1
        acting = [f for f in decision.reasons if f.action is not Action.APPROVE]
        report.rules.update({f.rule for f in acting})
        report.filters.update({(f.filter, is_positive) for f in acting})
        if by_kind:
            slurs = [f for f in acting if profanity.is_slur(f)]
            report.hate[(hate == positive, bool(slurs))] += 1
            report.slur_only[is_positive] += bool(slurs) and len(slurs) == len(acting)
    return report


def _comment(n: int, text: str, site: str) -> Comment:
    return Comment(
        id=f"eval-{n}",
        site=site,
        thread=Thread(id="eval"),
        author=Author(name="eval"),
        body=text,
        created_at=_AT,
        received_at=_AT,
    )


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
    if report.by_kind:
        only, hate = d["flagged_only_by_slurs"], d["hate_speech"]
        lines += [
            "",
            "scored by kind: the label against every finding but slurs (rows flagged only by a "
            f"slur: {only['positive']:,} positive, {only['negative']:,} negative, counted as "
            "not flagged)",
            f"hate speech: slur findings against the hate column on {hate['slur_rows']:,} rows"
            f"   precision {hate['precision']:.3f}   recall {hate['recall']:.3f}"
            f"   F1 {hate['f1']:.3f}",
        ]
    lines += ["", f"{'top rules':<40}{'rows':>10}"]
    lines += [f"{rule:<40}{hits:>10,}" for rule, hits in d["top_rules"].items()]
    lines += ["", f"{d['comments_per_second']:,.0f} comments/s (pipeline only, one core)"]
    return "\n".join(lines)


# The adversarial suite (``benchmarks/data/adversarial``): JSONL rows of text, label and the
# trick family they try. A spam row is caught when held or rejected; an abusive row when it is
# not published as written (masked counts, and is shown apart), unless the row says
# ``"expect": "hold"`` (slurs, threats, insults aimed at someone: a mask is not enough); a clean
# row when published as is.
class Label(enum.StrEnum):
    SPAM = "spam"
    ABUSIVE = "abusive"
    CLEAN = "clean"


class Expect(enum.StrEnum):
    """What a suite row must come to beyond its label's rule (``any``: the label's rule)."""

    ANY = "any"
    HOLD = "hold"  # held or rejected: published masked is a miss


class SuiteRow(NamedTuple):
    text: str
    label: Label
    category: str
    expect: Expect = Expect.ANY


@dataclasses.dataclass
class SuiteReport:
    # (category, label) -> outcome -> rows
    outcomes: dict[tuple[str, str], collections.Counter[str]] = dataclasses.field(
        default_factory=dict
    )
    correct: collections.Counter[tuple[str, str]] = dataclasses.field(
        default_factory=collections.Counter
    )
    misses: list[tuple[str, str, str, str]] = dataclasses.field(default_factory=list)

    def add(self, row: SuiteRow, outcome: Outcome) -> None:
        key = (row.category, str(row.label))
        self.outcomes.setdefault(key, collections.Counter())[outcome] += 1
        if suite_right(row.label, outcome, row.expect):
            self.correct[key] += 1
        else:
            self.misses.append((row.category, row.label, outcome, row.text))

    def right(self, key: tuple[str, str]) -> int:
        return self.correct[key]

    def totals(self) -> dict[str, tuple[int, int]]:
        """label -> (right, rows) over every category."""
        out: dict[str, tuple[int, int]] = {}
        for label in Label:
            keys = [k for k in self.outcomes if k[1] == label]
            out[label] = (
                sum(self.right(k) for k in keys),
                sum(sum(self.outcomes[k].values()) for k in keys),
            )
        return out


def suite_right(label: Label, outcome: Outcome, expect: Expect = Expect.ANY) -> bool:
    if label is Label.CLEAN:
        return outcome is Outcome.APPROVED
    if label is Label.SPAM or expect is Expect.HOLD:
        return outcome in (Outcome.HELD, Outcome.REJECTED)
    return outcome is not Outcome.APPROVED


def read_suite(path: Path) -> Iterator[SuiteRow]:
    """A ``SuiteRow`` per JSONL line."""
    with path.open(encoding="utf-8") as file:
        for n, line in enumerate(file, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("label") not in set(Label):
                raise ValueError(f"{path}:{n}: label must be one of {', '.join(Label)}")
            if row.get("expect", Expect.ANY) not in set(Expect):
                raise ValueError(f"{path}:{n}: expect must be one of {', '.join(Expect)}")
            yield SuiteRow(
                str(row["text"]),
                Label(row["label"]),
                str(row.get("category", "-")),
                Expect(row.get("expect", Expect.ANY)),
            )


def evaluate_suite(rows: Iterable[SuiteRow], pipeline: Pipeline, policy: Policy) -> SuiteReport:
    report = SuiteReport()
    for n, row in enumerate(rows):
        decision = pipeline(Context(comment=_comment(n, row.text, "eval"), policy=policy), _AT)
        report.add(row, outcome(decision))
    return report


def render_suite(report: SuiteReport, misses: bool = False) -> str:
    lines = [f"{'category':<22}{'label':<9}{'rows':>6}{'right':>7}{'masked':>8}"]
    for key in sorted(report.outcomes):
        counts = report.outcomes[key]
        lines.append(
            f"{key[0]:<22}{key[1]:<9}{sum(counts.values()):>6}{report.right(key):>7}"
            f"{counts[Outcome.APPROVED_MASKED]:>8}"
        )
    lines.append("")
    for label, (right, rows) in report.totals().items():
        word = "kept" if label is Label.CLEAN else "caught"
        lines.append(f"{label:<9}{word} {right} of {rows}")
    if misses:
        lines += ["", *(f"{c}/{lab} -> {o}: {t}" for c, lab, o, t in report.misses)]
    return "\n".join(lines)


# Calibration: is a probability of 0.7 right seven times in ten? Every row is decided with the
# spam hold at 0 (so the spam filter reports on every comment). A row's headline probability is
# the spam filter's combined ``spam:score`` finding's, or the profanity/abuse filter's surest
# finding's (rows with no such finding are counted apart: nothing was claimed about them); each
# family's surest finding also counts in that family's own curve. Rows fall into equal-width
# bins; each bin prints its mean probability beside the share of rows that really were
# positive. ECE (expected calibration error): the rows-weighted mean gap.
@dataclasses.dataclass
class Bins:
    bins: int = 10
    # bin -> [rows, sum of probabilities, positives]
    cells: dict[int, list[float]] = dataclasses.field(default_factory=dict)

    def add(self, probability: float, positive: bool) -> None:
        cell = self.cells.setdefault(min(int(probability * self.bins), self.bins - 1), [0, 0.0, 0])
        cell[0] += 1
        cell[1] += probability
        cell[2] += positive

    @property
    def rows(self) -> int:
        return int(sum(c[0] for c in self.cells.values()))

    @property
    def mean(self) -> float:
        return sum(c[1] for c in self.cells.values()) / (self.rows or 1)

    @property
    def observed(self) -> float:
        return sum(c[2] for c in self.cells.values()) / (self.rows or 1)

    @property
    def error(self) -> float:
        """Expected calibration error."""
        return sum(abs(c[1] - c[2]) for c in self.cells.values()) / (self.rows or 1)


@dataclasses.dataclass
class Reliability:
    headline: Bins = dataclasses.field(default_factory=Bins)
    families: dict[str, Bins] = dataclasses.field(default_factory=dict)
    # rows the filter claimed nothing about: [rows, positives]
    unclaimed: list[int] = dataclasses.field(default_factory=lambda: [0, 0])

    def add(self, reasons: Iterable[Finding], name: FilterName, positive: bool) -> None:
        surest = strongest(reasons, name)
        for key, finding in surest.items():
            if finding.probability is not None:
                self.families.setdefault(key, Bins()).add(finding.probability, positive)
        claims = [
            f.probability
            for key, f in surest.items()
            if f.probability is not None and (name is not FilterName.SPAM or key == SUMMARY)
        ]
        if claims:
            self.headline.add(max(claims), positive)
        else:
            self.unclaimed[0] += 1
            self.unclaimed[1] += positive


def strongest(reasons: Iterable[Finding], name: FilterName) -> dict[str, Finding]:
    """Filter ``name``'s highest-scored finding of each family (``filters/calibration.py``)."""
    out: dict[str, Finding] = {}
    for f in reasons:
        if f.filter is name:
            key = family(f)
            if key not in out or f.score > out[key].score:
                out[key] = f
    return out


def calibrate(
    rows: Iterable[Row] | Iterable[tuple[str, str]],
    positive: str,
    pipeline: Pipeline,
    policy: Policy,
    name: FilterName = FilterName.SPAM,
    into: Reliability | None = None,
) -> Reliability:
    """The reliability of filter ``name``'s finding probabilities over labelled rows."""
    curve = Reliability() if into is None else into
    pairs = ((row[0], row[1]) for row in rows)  # a Row or a (text, label) pair
    for label, decision in scoring(pairs, pipeline, policy):
        curve.add(decision.reasons, name, label == positive)
    return curve


def scoring(
    rows: Iterable[tuple[str, str]], pipeline: Pipeline, policy: Policy
) -> Iterator[tuple[str, Decision]]:
    """``(label, decision)`` per row, decided with the spam hold at 0 (every score reported)."""
    everything = msgspec.structs.replace(policy, spam_hold=0.0, spam_reject=1.0)
    for n, (text, label) in enumerate(rows):
        yield label, pipeline(Context(comment=_comment(n, text, "eval"), policy=everything), _AT)


def render_calibration(curve: Reliability) -> str:
    head = curve.headline
    lines = [f"{'probability':<13}{'rows':>8}{'predicted':>11}{'observed':>10}"]
    for b in sorted(head.cells):
        count, total, hits = head.cells[b]
        lines.append(
            f"{b / head.bins:.1f}-{(b + 1) / head.bins:.1f}{'':<6}{int(count):>8,}"
            f"{total / count:>11.3f}{hits / count:>10.3f}"
        )
    lines += ["", f"rows {head.rows:,}   expected calibration error {head.error:.3f}"]
    if curve.unclaimed[0]:
        lines.append(
            f"rows with no finding {curve.unclaimed[0]:,} (positive {curve.unclaimed[1]:,})"
        )
    lines += ["", f"{'family':<22}{'rows':>8}{'predicted':>11}{'observed':>10}{'ECE':>8}"]
    for key in sorted(curve.families):
        fam = curve.families[key]
        lines.append(
            f"{key:<22}{fam.rows:>8,}{fam.mean:>11.3f}{fam.observed:>10.3f}{fam.error:>8.3f}"
        )
    return "\n".join(lines)
