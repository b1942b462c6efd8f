"""Findings → one decision: the strongest action wins; the site's premoderation mode applies."""

from __future__ import annotations

from collections.abc import Sequence

from moderation.filters import standing
from moderation.filters.base import Context
from moderation.models import Action, Decision, Finding, Status
from moderation.policy import Premoderation

_STATUS = {
    Action.APPROVE: Status.APPROVED,
    Action.MASK: Status.APPROVED,
    Action.HOLD: Status.HELD,
    Action.REJECT: Status.REJECTED,
}


def decide(findings: Sequence[Finding], context: Context, decided_at: str) -> Decision:
    reasons = [*findings, *standing.findings(context)]
    action = max((f.action for f in reasons), key=lambda a: a.rank, default=Action.APPROVE)
    mode = context.policy.premoderation
    trusted = standing.skips_premoderation(context)
    if mode is Premoderation.ALL and action.rank < Action.HOLD.rank and not trusted:
        reasons.append(Finding(filter="policy", rule="premoderation:all", action=Action.HOLD))
        action = Action.HOLD
    masked = mask(context.comment.body, reasons) if action is Action.MASK else None
    return Decision(
        status=_STATUS[action], reasons=tuple(reasons), decided_at=decided_at, masked_body=masked
    )


def mask(body: str, findings: Sequence[Finding]) -> str:
    """Replace the original characters of every masking finding's spans with ``*``."""
    chars = list(body)
    for finding in findings:
        if finding.action is Action.MASK:
            for span in finding.spans:
                for i in range(span.start, min(span.end, len(chars))):
                    if not chars[i].isspace():
                        chars[i] = "*"
    return "".join(chars)
