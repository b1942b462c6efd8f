"""Findings into one decision, in particular what premoderation ``none`` may relax."""

from __future__ import annotations

import pytest

from moderation.filters import decision
from moderation.filters.pipeline import Pipeline
from moderation.models import Action, FilterName, Finding, FindingKind, Span, Status
from moderation.policy import Policy, Premoderation
from tests.filters.spam_helpers import context

_PIPELINE = Pipeline.default()
_NONE = Policy(premoderation=Premoderation.NONE)


def _decide(body: str, policy: Policy = _NONE) -> tuple[Status, str | None]:
    decision = _PIPELINE(context(body, policy=policy), "2026-12-03T00:00:00Z")
    return decision.status, decision.masked_body


@pytest.mark.parametrize(
    "body", ["dasar sipit pelit", "indon tak tahu diri", "otak onta semua", "pribumi bodoh kalian"]
)
def test_slurs_hold_even_without_premoderation(body: str) -> None:
    """A strong slur waits for a human even on a site where nothing else does."""
    assert _decide(body)[0] is Status.HELD


@pytest.mark.parametrize("body", ["dasar kadrun", "kalian cebong semua", "para kampret ribut"])
def test_aimed_camp_labels_hold_even_without_premoderation(body: str) -> None:
    """An aimed camp label is a slur: it waits for a human rather than being masked."""
    assert _decide(body)[0] is Status.HELD


@pytest.mark.parametrize("body", ["banyak cebong di kolam", "kampret, hujan lagi"])
def test_labels_said_of_no_one_are_masked_without_premoderation(body: str) -> None:
    """A label said of no one is a plain listed word: published masked."""
    assert _decide(body)[0] is Status.APPROVED


@pytest.mark.parametrize(
    "body", ["awas lu, kubakar omahmu", "we will find you and stab you", "tak gorok gulumu"]
)
def test_threats_hold_even_without_premoderation(body: str) -> None:
    """A threat is not hidden by masking its words: it waits for a human."""
    assert _decide(body)[0] is Status.HELD


@pytest.mark.parametrize(
    ("body", "masked"),
    [
        ("dasar kontol kau", "dasar ****** kau"),
        ("bangsat, telat lagi busnya", "*******, telat lagi busnya"),
        ("you moron", "you *****"),
    ],
)
def test_plain_words_are_masked_without_premoderation(body: str, masked: str) -> None:
    """A plain listed word (aimed at someone or not) is published masked when nothing waits."""
    assert _decide(body) == (Status.APPROVED, masked)


@pytest.mark.parametrize(
    ("body", "masked"),
    [
        ("you worthless clown", "*** ********* *****"),
        ("what a clueless fool, sir", "**** * ******** ****, sir"),
    ],
)
def test_insults_are_masked_without_premoderation(body: str, masked: str) -> None:
    """An insult with no listed word is published masked, like a listed one, when nothing waits."""
    assert _decide(body) == (Status.APPROVED, masked)


@pytest.mark.parametrize("body", ["you worthless clown", "go rot in hell, councillor"])
def test_insults_hold_under_default_premoderation(body: str) -> None:
    """With no listed severity to go by, an insult waits for a human where findings decide."""
    assert _decide(body, Policy())[0] is Status.HELD


def test_threat_beside_an_insult_still_holds() -> None:
    """An insult's masking does not hide a threat beside it: the comment waits."""
    assert _decide("you worthless clown, watch your back")[0] is Status.HELD


def test_slur_beside_a_plain_word_still_holds() -> None:
    """One slur among masked words is enough to hold the comment."""
    assert _decide("bangsat, dasar sipit")[0] is Status.HELD


def test_severe_slurs_are_rejected_by_default() -> None:
    """A severe slur is rejected under the default severities, whatever the premoderation."""
    assert _decide("dasar aseng pelit", Policy())[0] is Status.REJECTED
    assert _decide("dasar aseng pelit")[0] is Status.REJECTED


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (FindingKind.WORD, Status.APPROVED),
        (FindingKind.INSULT, Status.APPROVED),
        (FindingKind.SLUR, Status.HELD),
        (FindingKind.THREAT, Status.HELD),
        (FindingKind.OTHER, Status.HELD),
    ],
)
def test_only_word_holds_are_relaxed_to_masks(kind: FindingKind, status: Status) -> None:
    """Premoderation ``none`` masks a held finding by its kind, not by its filter or detail."""
    held = Finding(
        filter=FilterName.PROFANITY,
        rule="id:x",
        action=Action.HOLD,
        spans=(Span(0, 4, "abcd"),),
        kind=kind,
    )
    decided = decision.decide([held], context("abcd efg", policy=_NONE), "2026-12-03T00:00:00Z")
    assert decided.status is status
