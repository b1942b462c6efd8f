"""Calibration: scores become probabilities per family, with a band, cheaply and monotonically."""

from __future__ import annotations

import msgspec
import pytest

from moderation.filters.calibration import Calibration, Curve, Table, family
from moderation.filters.pipeline import Pipeline
from moderation.models import Action, Band, Decision, FilterName, Finding
from tests.filters.spam_helpers import context

CURVES = Table(
    version="test",
    curves={
        "spam": Curve((0.0, 1.0), (0.1, 0.9)),
        "spam:link": Curve((0.2, 0.6), (0.3, 0.7)),
    },
)


def finding(rule: str, score: float, name: FilterName = FilterName.SPAM) -> Finding:
    return Finding(filter=name, rule=rule, action=Action.HOLD, score=score)


def test_a_curve_interpolates_between_knots_and_is_flat_beyond_them() -> None:
    """Between two knots the probability is on the line; past the ends it is the end's."""
    curve = Curve((0.2, 0.6), (0.3, 0.7))
    assert curve(0.4) == pytest.approx(0.5)
    assert (curve(0.0), curve(0.9)) == (0.3, 0.7)


def test_a_family_uses_its_own_curve() -> None:
    """``link:whatsapp`` is of family ``spam:link`` and maps through that curve."""
    calibration = Calibration(CURVES)
    assert family(finding("link:whatsapp", 0.4)) == "spam:link"
    assert calibration.probability(finding("link:whatsapp", 0.4)) == pytest.approx(0.5)


def test_a_family_the_data_never_saw_uses_its_filters_curve() -> None:
    """A rule with no curve of its own falls back on its filter's."""
    assert Calibration(CURVES).probability(finding("lexicon:new", 0.5)) == pytest.approx(0.5)


def test_a_finding_of_a_filter_without_a_curve_gets_no_probability() -> None:
    """Policy and standing findings are no model's guess: probability and band stay null."""
    policy = finding("premoderation:all", 1.0, FilterName.POLICY)
    assert Calibration(CURVES)([policy]) == [policy]


@pytest.mark.parametrize(
    ("probability", "band"),
    [(0.0, Band.LOW), (0.49, Band.LOW), (0.5, Band.MEDIUM), (0.8, Band.HIGH), (0.95, Band.CERTAIN)],
)
def test_bands_are_cut_at_half_four_fifths_and_nineteen_twentieths(
    probability: float, band: Band
) -> None:
    """Each band starts at its documented cut-off."""
    assert Band.of(probability) is band


def test_every_shipped_curve_is_monotone_within_zero_and_one() -> None:
    """A higher score never means a lower probability, for every family shipped."""
    table = Calibration.shipped().table
    assert {"spam", "profanity", "abuse", "spam:score"} <= table.curves.keys()
    for curve in table.curves.values():
        assert list(curve.scores) == sorted(curve.scores)
        assert list(curve.probabilities) == sorted(curve.probabilities)
        assert all(0.0 <= p <= 1.0 for p in curve.probabilities)


def test_the_pipeline_gives_every_filter_finding_a_probability_and_band() -> None:
    """A held spam comment's findings each carry a probability and its band."""
    decision = Pipeline.default()(context("slot gacor maxwin wa 0812-3456-7890"), "-")
    assert decision.reasons
    for reason in decision.reasons:
        assert reason.probability is not None
        assert reason.band is Band.of(reason.probability)


def test_a_decision_stored_before_calibration_still_decodes() -> None:
    """Old stored findings have no probability or band: they decode with both null."""
    old = b'{"status":"held","decided_at":"-","reasons":[{"filter":"spam","rule":"x",'
    old += b'"action":"hold"}]}'
    reason = msgspec.json.decode(old, type=Decision).reasons[0]
    assert (reason.probability, reason.band) == (None, None)
