"""The pipeline's verdict on one comment, for the trick-family tests (none of their examples
is in the adversarial suite)."""

from __future__ import annotations

from moderation.evaluation import Outcome, outcome
from moderation.filters.pipeline import Pipeline
from tests.filters.spam_helpers import context

_PIPELINE = Pipeline.default()
FLAGGED = (Outcome.HELD, Outcome.REJECTED, Outcome.APPROVED_MASKED)
STOPPED = (Outcome.HELD, Outcome.REJECTED)


def verdict(body: str) -> Outcome:
    return outcome(_PIPELINE(context(body), "2026-12-02T00:00:00Z"))
