"""A site's moderation policy: what each kind of finding does, and when humans look first.

Stored inside the site's JSON (``Site.policy``) and read by the worker through the short site
cache, so ``moderation sites policy`` changes apply to the next comment without a restart.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import msgspec

from moderation.models import Action


class Premoderation(enum.StrEnum):
    NONE = "none"  # nothing waits for a human: flagged words are masked, only rejects stop
    FLAGGED = "flagged"  # each finding does what the policy says (default)
    ALL = "all"  # hold everything for a human


class Severity(enum.StrEnum):
    """How bad a listed word is; the policy maps each severity to an action."""

    MILD = "mild"  # everyday swearing: "damn", "bego", "anjir"
    STRONG = "strong"  # obscenities and insults: "fuck", "kontol", "bangsat", "jancok"
    SEVERE = "severe"  # slurs and site-banned words


class SeverityActions(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    mild: Action = Action.MASK
    strong: Action = Action.HOLD
    severe: Action = Action.REJECT

    def __getitem__(self, severity: Severity) -> Action:
        action: Action = getattr(self, severity.value)
        return action


class Policy(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    premoderation: Premoderation = Premoderation.FLAGGED
    severity: SeverityActions = SeverityActions()
    banned: tuple[str, ...] = ()  # extra words, treated as severe
    suspect: tuple[str, ...] = ()  # extra words that send a comment to a human (hold)
    allowed: tuple[str, ...] = ()  # listed words this site never flags
    allowed_domains: tuple[str, ...] = ()  # link domains the spam filters accept
    spam_hold: float = 0.5  # spam score at or above which a comment is held
    spam_reject: float = 0.9  # ... and rejected
    trusted_after: int = 3  # approved comments before a trusted author skips premoderation
    report_hide: int = 3  # distinct readers' reports that hold an approved comment


DEFAULT = Policy()
SEVERITY_ACTIONS = (Action.MASK, Action.HOLD, Action.REJECT)


def severity_setting(text: str) -> tuple[Severity, Action]:
    """``mild=mask`` → what one severity should do (``ValueError`` if it names neither)."""
    name, _, action = text.partition("=")
    if Action(action) not in SEVERITY_ACTIONS:
        raise ValueError(f"a severity can only {', '.join(SEVERITY_ACTIONS)}")
    return Severity(name), Action(action)


def updated(
    policy: Policy,
    *,
    premoderation: Premoderation | None = None,
    severity: Iterable[tuple[Severity, Action]] = (),
    ban: Iterable[str] = (),
    suspect: Iterable[str] = (),
    allow: Iterable[str] = (),
    allow_domains: Iterable[str] = (),
    spam_hold: float | None = None,
    spam_reject: float | None = None,
) -> Policy:
    """``policy`` with these settings changed; words and domains are added to the lists."""
    actions = msgspec.structs.replace(policy.severity, **{s.value: a for s, a in severity})
    changed = msgspec.structs.replace(
        policy,
        severity=actions,
        banned=_added(policy.banned, ban),
        suspect=_added(policy.suspect, suspect),
        allowed=_added(policy.allowed, allow),
        allowed_domains=_added(policy.allowed_domains, allow_domains),
    )
    if premoderation is not None:
        changed = msgspec.structs.replace(changed, premoderation=premoderation)
    if spam_hold is not None:
        changed = msgspec.structs.replace(changed, spam_hold=spam_hold)
    if spam_reject is not None:
        changed = msgspec.structs.replace(changed, spam_reject=spam_reject)
    if not 0 <= changed.spam_hold <= changed.spam_reject <= 1:
        raise ValueError("spam thresholds need 0 <= spam_hold <= spam_reject <= 1")
    return changed


def _added(current: tuple[str, ...], more: Iterable[str]) -> tuple[str, ...]:
    words = (w.strip().lower() for w in more)
    return tuple(dict.fromkeys([*current, *(w for w in words if w)]))


def decode(raw: bytes | None) -> Policy:
    return DEFAULT if not raw else msgspec.json.decode(raw, type=Policy)
