"""A site's moderation policy: what each kind of finding does, and when humans look first.

Stored inside the site's JSON (``Site.policy``) and read by the worker through the short site
cache, so ``moderation sites policy`` changes apply to the next comment without a restart.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Annotated, Any

import msgspec

from moderation import validation
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

    def __post_init__(self) -> None:
        for severity in Severity:
            if self[severity] not in SEVERITY_ACTIONS:
                raise ValueError(f"{severity}: a severity can only {', '.join(SEVERITY_ACTIONS)}")

    def __getitem__(self, severity: Severity) -> Action:
        action: Action = getattr(self, severity.value)
        return action


SEVERITY_ACTIONS = (Action.MASK, Action.HOLD, Action.REJECT)
Word = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=r"\S")]
Words = Annotated[tuple[Word, ...], msgspec.Meta(max_length=1_000)]
Domain = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9](?:[a-z0-9-]{0,62}\.)*[a-z0-9-]{1,63}\Z",
        max_length=253,
        description="a lowercase domain name",
    ),
]
Phone = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^\+?[0-9]{3,15}\Z",
        description="a phone number in digits, with an optional leading +",
    ),
]
Score = Annotated[float, msgspec.Meta(ge=0, le=1)]


class Policy(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    premoderation: Premoderation = Premoderation.FLAGGED
    severity: SeverityActions = SeverityActions()
    banned: Words = ()  # extra words, treated as severe
    suspect: Words = ()  # extra words that send a comment to a human (hold)
    allowed: Words = ()  # listed words this site never flags
    allowed_domains: Annotated[tuple[Domain, ...], msgspec.Meta(max_length=1_000)] = ()
    # the site's own hotlines: quoting one is not a phone number offered for a chat
    hotlines: Annotated[tuple[Phone, ...], msgspec.Meta(max_length=1_000)] = ()
    spam_hold: Score = 0.5  # spam score at or above which a comment is held
    spam_reject: Score = 0.9  # ... and rejected
    # approved comments before a trusted author skips premoderation
    trusted_after: Annotated[int, msgspec.Meta(ge=0, le=1_000_000)] = 3
    # distinct readers' reports that hold an approved comment
    report_hide: Annotated[int, msgspec.Meta(ge=1, le=1_000)] = 3

    def __post_init__(self) -> None:
        if self.spam_hold > self.spam_reject:
            raise ValueError("spam_hold: must not be above spam_reject")


DEFAULT = Policy()

# The body of ``PATCH …/policy``: any of the policy's fields, each with its own rules
# (derived from ``Policy``, for the OpenAPI document; ``changed`` checks the merged result).
PolicyPatch = msgspec.defstruct(
    "PolicyPatch",
    [(f.name, f.type | msgspec.UnsetType, msgspec.UNSET) for f in msgspec.structs.fields(Policy)],
    forbid_unknown_fields=True,
    frozen=True,
)


def changed(policy: Policy, changes: Any) -> Policy:
    """``policy`` with ``changes`` (field → JSON value) applied and every rule checked.

    The CLI and ``PATCH …/policy`` both come here, so they refuse the same things with the
    same messages (``validation.Invalid``).
    """
    if not isinstance(changes, Mapping):
        raise validation.Invalid([validation.FieldError("", "must be an object")])
    return validation.convert(Policy, {**msgspec.to_builtins(policy), **changes})


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
    allow_phones: Iterable[str] = (),
    spam_hold: float | None = None,
    spam_reject: float | None = None,
) -> Policy:
    """``policy`` with these settings changed; words and domains are added to the lists.

    Raises ``validation.Invalid`` listing every setting the policy refuses.
    """
    changes: dict[str, Any] = {
        "severity": {**msgspec.to_builtins(policy.severity), **{s: a for s, a in severity}},
        "banned": _added(policy.banned, ban),
        "suspect": _added(policy.suspect, suspect),
        "allowed": _added(policy.allowed, allow),
        "allowed_domains": _added(policy.allowed_domains, allow_domains),
        "hotlines": _added(policy.hotlines, (phone_digits(p) for p in allow_phones)),
    }
    for name, value in (
        ("premoderation", premoderation),
        ("spam_hold", spam_hold),
        ("spam_reject", spam_reject),
    ):
        if value is not None:
            changes[name] = value
    return changed(policy, changes)


def _added(current: tuple[str, ...], more: Iterable[str]) -> list[str]:
    words = (w.strip().lower() for w in more)
    return list(dict.fromkeys([*current, *(w for w in words if w)]))


_SEPARATORS = str.maketrans("", "", " .-()/")


def phone_digits(text: str) -> str:
    """``0354-689 901`` → ``0354689901``: a number as ``Policy.hotlines`` keeps it."""
    return text.strip().translate(_SEPARATORS)


def decode(raw: bytes | None) -> Policy:
    return DEFAULT if not raw else msgspec.json.decode(raw, type=Policy)
