"""Findings → one decision: the strongest action wins; the site's premoderation mode applies."""

from __future__ import annotations

from collections.abc import Sequence

from moderation.filters import author
from moderation.filters.context import Context
from moderation.models import Action, Decision, FilterName, Finding, FindingKind, Status
from moderation.policy import Premoderation

_STATUS = {
    Action.APPROVE: Status.APPROVED,
    Action.MASK: Status.APPROVED,
    Action.HOLD: Status.HELD,
    Action.REJECT: Status.REJECTED,
}


def decide(findings: Sequence[Finding], context: Context, decided_at: str) -> Decision:
    reasons = [*findings, *author.findings(context)]
    action = max((f.action for f in reasons), key=lambda a: a.rank, default=Action.APPROVE)
    mode = context.policy.premoderation
    trusted = author.skips_premoderation(context)
    if mode is Premoderation.ALL and action.rank < Action.HOLD.rank and not trusted:
        reasons.append(
            Finding(filter=FilterName.POLICY, rule="premoderation:all", action=Action.HOLD)
        )
        action = Action.HOLD
    if mode is Premoderation.NONE and action is Action.HOLD and _only_words(reasons):
        action = Action.MASK  # nothing waits for a human: publish with the held words masked
    masked = mask(context.comment.body, reasons) if action is Action.MASK else None
    return Decision(
        status=_STATUS[action], reasons=tuple(reasons), decided_at=decided_at, masked_body=masked
    )


def _only_words(findings: Sequence[Finding]) -> bool:
    """Every hold comes from words whose masking hides the harm, a plain listed word or an
    insult ("you worthless clown", as "you moron" is masked): none from a slur or a threat
    (which hold wherever they are published), nor from spam or standing."""
    return all(f.kind in _MASKABLE and f.spans for f in findings if f.action is Action.HOLD)


_MASKABLE = frozenset({FindingKind.WORD, FindingKind.INSULT})


# A decision that ends in MASK holds no HOLD finding unless premoderation "none" relaxed it.
_MASKING = frozenset({Action.MASK, Action.HOLD})


def mask(body: str, findings: Sequence[Finding]) -> str:
    """Replace the original characters of every masking finding's spans with ``*``."""
    chars = list(body)
    for finding in findings:
        if finding.action in _MASKING:
            for span in finding.spans:
                for i in range(span.start, min(span.end, len(chars))):
                    if not chars[i].isspace():
                        chars[i] = "*"
    return "".join(chars)
