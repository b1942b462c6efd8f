"""The moderation pipeline: normalise once, run every filter, decide. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Sequence

from moderation.filters import decision
from moderation.filters.abuse import AbuseFilter
from moderation.filters.calibration import Calibration
from moderation.filters.classifier import Model
from moderation.filters.context import Context, Filter
from moderation.filters.normalise import normalise
from moderation.filters.profanity import ProfanityFilter
from moderation.filters.spam import SpamFilter
from moderation.filters.text import Text
from moderation.models import Decision


class Pipeline:
    def __init__(self, filters: Sequence[Filter], calibration: Calibration | None = None) -> None:
        self.filters = tuple(filters)
        self.calibrate = Calibration.shipped() if calibration is None else calibration

    @classmethod
    def default(cls, spam_model: Model | None = None) -> Pipeline:
        """Every shipped filter; ``spam_model`` replaces the shipped classifier (evaluation)."""
        spam = SpamFilter.default() if spam_model is None else SpamFilter.with_model(spam_model)
        return cls([ProfanityFilter.default(), spam, AbuseFilter()])

    def __call__(self, context: Context, decided_at: str, text: Text | None = None) -> Decision:
        """Decide one comment; ``text`` is its body already normalised, if the caller has it."""
        text = normalise(context.comment.body) if text is None else text
        findings = [finding for f in self.filters for finding in f(text, context)]
        return decision.decide(self.calibrate(findings), context, decided_at)
