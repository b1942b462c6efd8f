"""Scores → calibrated probabilities: the pipeline's last step before the decision.

A filter's ``score`` ranks comments; it does not say how often it is right. Each finding's
*family* (filter plus the rule's first word: ``spam:link``, ``profanity:id``, ``abuse:threat``;
the spam filter's combined ``spam:score`` is its own) maps its score to the share of such
comments that truly were spam (spam filter) or abusive (profanity, abuse) in labelled data,
through a monotone curve of knots fitted by ``scripts/fit_calibration.py`` into
``data/calibration.json``. A family the data never saw uses its filter's curve; a filter with
no curve (policy, author standing) gets no probability. Run time: one bisect and one linear
interpolation per finding.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from importlib import resources

import msgspec

from moderation.models import Band, Finding

SUMMARY = "spam:score"  # the spam filter's combined score (``filters/spam.py``)
MEMO = 4096  # (filter, rule) pairs whose curve is remembered


class Curve(msgspec.Struct, frozen=True):
    """Knots of a monotone map from score to probability; flat beyond the ends."""

    scores: tuple[float, ...]
    probabilities: tuple[float, ...]
    rows: int = 0  # labelled rows it was fitted on (0: the prior alone)

    def __call__(self, score: float) -> float:
        xs, ys = self.scores, self.probabilities
        i = bisect.bisect_right(xs, score)
        if i == 0:
            return ys[0]
        if i == len(xs):
            return ys[-1]
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0)


class Table(msgspec.Struct, frozen=True):
    """The shipped file: one curve per family and per filter (the fallback)."""

    version: str
    curves: dict[str, Curve]
    model: str = ""  # the spam model's version the spam curves were fitted against


def family(finding: Finding) -> str:
    if finding.rule == SUMMARY:
        return SUMMARY
    return f"{finding.filter}:{finding.rule.partition(':')[0]}"


class Calibration:
    def __init__(self, table: Table) -> None:
        self.table = table
        self.version = table.version
        self._curves = table.curves
        self._memo: dict[tuple[str, str], Curve | None] = {}  # (filter, rule) -> curve

    @classmethod
    def shipped(cls) -> Calibration:
        return _shipped()

    @classmethod
    def empty(cls) -> Calibration:
        """No curves: findings keep only their scores (what ``scripts/fit_calibration.py`` fits)."""
        return cls(Table(version="none", curves={}))

    @classmethod
    def from_bytes(cls, raw: bytes) -> Calibration:
        return cls(msgspec.json.decode(raw, type=Table))

    def curve(self, finding: Finding) -> Curve | None:
        key = (finding.filter, finding.rule)
        if key not in self._memo:
            if len(self._memo) > MEMO:  # a site's own words make rules without end
                self._memo.clear()
            curves = self._curves
            self._memo[key] = curves.get(family(finding)) or curves.get(finding.filter)
        return self._memo[key]

    def probability(self, finding: Finding) -> float | None:
        curve = self.curve(finding)
        return None if curve is None else round(curve(finding.score), 4)

    def __call__(self, findings: Sequence[Finding]) -> list[Finding]:
        """Every finding with its ``probability`` and ``band`` filled in (where a curve is)."""
        out = []
        for finding in findings:
            p = self.probability(finding)
            if p is not None:
                finding = msgspec.structs.replace(finding, probability=p, band=Band.of(p))
            out.append(finding)
        return out


@functools.cache
def _shipped() -> Calibration:
    raw = (resources.files("moderation.filters") / "data" / "calibration.json").read_bytes()
    return Calibration.from_bytes(raw)
