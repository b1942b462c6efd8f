"""Spam: every signal gives a scored clue, and the clues combine into one score that the site's
policy turns into hold (``spam_hold``) or reject (``spam_reject``).

Clues combine as independent evidence (noisy-OR: ``1 - Π(1 - score)``), so two middling signals
(a bare link and an unknown brand shape) make a hold, and no single weak one does. Below the
hold threshold the filter says nothing; above it, every clue is a finding with its evidence.
"""

from __future__ import annotations

import itertools
import math
import operator

import msgspec

from moderation.filters import links, phones, spam_context, spam_moves, styled
from moderation.filters.classifier import Model
from moderation.filters.context import Context, Signals
from moderation.filters.features import word_bucket
from moderation.filters.spam_lexicon import SpamLexicon
from moderation.filters.text import Text
from moderation.models import Action, FilterName, Finding

VERSION = "spam-2"
# (at least this many, score): copies of one text across the site in an hour; one author's
# and one IP's comments in ten minutes. Speed alone never holds (below ``spam_hold``): busy
# readers type fast and mobile carriers put many readers behind one IP; it tips doubtful ones.
COPIES = ((10, 0.9), (5, 0.7), (3, 0.5))
AUTHOR_RATE = ((20, 0.4), (10, 0.3), (6, 0.15))
IP_RATE = ((60, 0.4), (30, 0.25), (15, 0.1))
CLASSIFIER = "classifier"
CLASSIFIER_FLOOR = 0.2  # below this the classifier's opinion is not a clue
WEIGHTS_CACHED = 1 << 16


class SpamFilter:
    name = FilterName.SPAM

    def __init__(self, model: Model, lexicon: SpamLexicon) -> None:
        self.model = model
        self.lexicon = lexicon
        self.version = f"{VERSION}/{model.version}/{lexicon.version}"
        self._weights: dict[str, float] = {}

    @classmethod
    def default(cls) -> SpamFilter:
        return cls.with_model(Model.shipped())

    @classmethod
    def with_model(cls, model: Model) -> SpamFilter:
        return cls(model, SpamLexicon.shipped())

    def __call__(self, text: Text, context: Context) -> list[Finding]:
        clues = self.clues(text, context)
        score = 1.0 - math.prod(1.0 - c.score for c in clues)
        policy = context.policy
        if score < policy.spam_hold:
            return []
        action = Action.REJECT if score >= policy.spam_reject else Action.HOLD
        summary = Finding(
            filter=self.name,
            rule="spam:score",
            action=action,
            score=round(score, 4),
            version=self.version,
            detail=" ".join(sorted({c.rule for c in clues})),
        )
        evidence = [self._with_words(c, text, context.signals) for c in clues]
        return [summary, *(msgspec.structs.replace(c, action=action) for c in evidence)]

    def clues(self, text: Text, context: Context) -> list[Finding]:
        listed = _once(self.lexicon(text))
        found = [
            *links.links(text, context.policy.allowed_domains),
            *phones.phones(text, context.policy.hotlines),
            *styled.styled(text),
            *listed,
            *_unlisted(spam_moves.moves(text), listed),
            *_signals(context.signals),
        ]
        # A link cited as a source is weighed apart: the model learnt that links are spam.
        cited = spam_context.cited(found, text)
        weighed = spam_context.uncited(text, cited) if cited else text
        probability = self.model.probability(weighed.buckets, context.signals.learned)
        if probability >= CLASSIFIER_FLOOR:
            found.append(
                Finding(
                    filter=self.name,
                    rule=CLASSIFIER,
                    action=Action.HOLD,
                    score=round(probability, 4),
                    version=self.model.version,
                    detail="weighed without the cited link(s)" if cited else "",
                )
            )
        return spam_context.adjust(found, text)

    def _with_words(self, clue: Finding, text: Text, signals: Signals) -> Finding:
        """The classifier's clue gets as spans the words that weighed most towards spam."""
        if clue.rule != CLASSIFIER:
            return clue
        view = text.words
        learned = signals.learned
        words = list(dict.fromkeys(view.tokens))  # first seen first
        if learned.counts:
            weights = [self.model.word_weight(word_bucket(word), learned) for word in words]
        else:
            weights = self._weights_of(words)
        # Heaviest first; equal weights keep their order (a stable sort, reversed).
        weighed = sorted(
            itertools.compress(zip(weights, words, strict=True), map((0.0).__lt__, weights)),
            key=operator.itemgetter(0),
            reverse=True,
        )
        # Each top word's first occurrence: its index among the tokens, found in C.
        at = sorted(map(view.tokens.index, map(operator.itemgetter(1), weighed[:3])))
        starts, ends = view.bounds if at else ([], [])
        spans = tuple(view.span(starts[i], ends[i]) for i in at)
        return msgspec.structs.replace(clue, spans=spans)

    def _weights_of(self, words: list[str]) -> list[float]:
        """The words' weights in the shipped model alone (no site verdicts), cached per word."""
        cache = self._weights
        missing = [word for word in words if word not in cache]
        if missing:
            if len(cache) + len(missing) > WEIGHTS_CACHED:
                cache.clear()  # bounded memory whatever the input
                missing = words
            # With no site verdicts a word's weight is its bucket's (``Model.word_weight``).
            weights = map(self.model.weights.get, map(word_bucket, missing), itertools.repeat(0.0))
            cache.update(zip(missing, weights, strict=True))
        return list(map(cache.__getitem__, words))


def _once(findings: list[Finding]) -> list[Finding]:
    """One clue per rule and phrase: "slot slot slot" is one word said loudly, not three."""
    seen: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        seen.setdefault((finding.rule, finding.detail), finding)
    return list(seen.values())


def _unlisted(moves: list[Finding], listed: list[Finding]) -> list[Finding]:
    """The moves not wholly said by a listed phrase of their category: "kirim KTP" is one
    clue, not two; "bersihkan" beside a listed "SLIK OJK" adds the act to the noun."""
    said: dict[str, list[tuple[int, int]]] = {}
    for finding in listed:
        said.setdefault(finding.rule, []).extend((s.start, s.end) for s in finding.spans)
    return [
        move
        for move in moves
        if not all(
            any(a <= s.start and s.end <= b for a, b in said.get(move.rule, ())) for s in move.spans
        )
    ]


def _signals(signals: Signals) -> list[Finding]:
    """Burst and velocity clues; author and IP speed are one clue (the stronger), not two."""
    if (
        signals.copies < COPIES[-1][0]
        and signals.author_rate < AUTHOR_RATE[-1][0]
        and signals.ip_rate < IP_RATE[-1][0]
    ):
        return []  # most comments: below every table's lowest count
    found = []
    for rule, count, table in (
        ("burst:copies", signals.copies, COPIES),
        *sorted(
            (
                ("velocity:author", signals.author_rate, AUTHOR_RATE),
                ("velocity:ip", signals.ip_rate, IP_RATE),
            ),
            key=lambda v: -_score(v[1], v[2]),
        )[:1],
    ):
        score = _score(count, table)
        if score:
            found.append(
                Finding(
                    filter=FilterName.SPAM,
                    rule=rule,
                    action=Action.HOLD,
                    score=score,
                    version=VERSION,
                    detail=f"{count} in the window",
                )
            )
    return found


def _score(count: int, table: tuple[tuple[int, float], ...]) -> float:
    return next((score for at_least, score in table if count >= at_least), 0.0)
