"""The author's standing as pure findings, and when trust lifts site-wide premoderation."""

from __future__ import annotations

from moderation.filters import author, decision
from moderation.filters.context import Context, Signals
from moderation.models import Action, Author, Comment, FilterName, Finding, Standing, Status, Thread
from moderation.policy import Policy, Premoderation

COMMENT = Comment(
    id="01ARZ3NDEKTSV4RRFFQ69G5FAV",
    site="kediri",
    thread=Thread(id="t"),
    author=Author(name="Siti", id="host-42"),
    body="Terima kasih atas informasinya",
    created_at="2026-11-28T00:00:00.000Z",
    received_at="2026-11-28T00:00:00.000Z",
)
ALL = Policy(premoderation=Premoderation.ALL, trusted_after=2)


def context(status: Standing, approved: int = 0, policy: Policy = ALL) -> Context:
    return Context(COMMENT, policy, Signals(standing=status, approved=approved))


def test_banned_author_gets_a_reject_finding() -> None:
    """A banned author's comment carries author_banned, which rejects."""
    [finding] = author.findings(context(Standing.BANNED))
    assert (finding.rule, finding.action) == ("author_banned", Action.REJECT)


def test_premoderated_author_is_held_even_without_site_premoderation() -> None:
    """author_premoderated holds a clean comment on a site that publishes at once."""
    result = decision.decide([], context(Standing.PREMODERATED, policy=Policy()), "now")
    assert result.status is Status.HELD


def test_trusted_author_skips_premoderation_only_past_the_threshold() -> None:
    """Below trusted_after the site-wide hold applies; at it, the comment is approved."""
    assert decision.decide([], context(Standing.TRUSTED, 1), "now").status is Status.HELD
    assert decision.decide([], context(Standing.TRUSTED, 2), "now").status is Status.APPROVED


def test_trust_does_not_silence_other_findings() -> None:
    """A trusted author's comment that a filter holds stays held."""
    held = Finding(filter=FilterName.SPAM, rule="spam:score", action=Action.HOLD)
    assert decision.decide([held], context(Standing.TRUSTED, 9), "now").status is Status.HELD
