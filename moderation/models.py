"""Wire and stored records: typed structs decoded once at the edge, immutable inside."""

from __future__ import annotations

import enum
import functools
import hashlib
import re
from typing import Annotated

import msgspec

# Identifiers in paths, cursors and bodies; always used with ``fullmatch`` (``$`` would
# accept a trailing newline).
_COMMENT_ID = "[0-9A-HJKMNP-TV-Z]{26}"
_THREAD_ID = "[A-Za-z0-9._~:@!$'()*+,;=-]{1,200}"
_SITE_ID = "[a-z0-9][a-z0-9_-]{0,62}"
COMMENT_ID = re.compile(_COMMENT_ID)
SITE_ID = re.compile(_SITE_ID)
THREAD_ID = re.compile(_THREAD_ID)


def _whole(pattern: str) -> str:
    # msgspec searches: anchor both ends, and end with ``\Z`` because ``$`` also matches
    # before a final newline (the OpenAPI document spells it ``$``, as JSON Schema means it).
    return f"^(?:{pattern})\\Z"


CommentId = Annotated[str, msgspec.Meta(pattern=_whole(_COMMENT_ID), description="a comment id")]
ThreadId = Annotated[
    str,
    msgspec.Meta(pattern=_whole(_THREAD_ID), description="1-200 URL-safe characters"),
]
SiteId = Annotated[
    str,
    msgspec.Meta(
        pattern=_whole(_SITE_ID),
        description="1-63 lowercase letters, digits, '-' or '_'",
    ),
]
AuthorKey = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Url = Annotated[
    str, msgspec.Meta(pattern=_whole(r"https?://[^\s]{1,2040}"), description="an http(s) URL")
]


def text(max_length: int, description: str = "") -> msgspec.Meta:
    """A constrained string field that must hold more than whitespace."""
    return msgspec.Meta(
        min_length=1, max_length=max_length, pattern=r"\S", description=description or None
    )


class Timestamp(str):
    """An RFC 3339 timestamp with an offset (decoded by ``validation.dec_hook``)."""


class Status(enum.StrEnum):
    QUEUED = "queued"
    APPROVED = "approved"
    HELD = "held"
    REJECTED = "rejected"
    DELETED = "deleted"  # by the host (``DELETE .../comments/{id}``): gone from every widget


class Standing(enum.StrEnum):
    """An author's standing on a site, set by an admin (see ``authors.py``)."""

    NORMAL = "normal"
    BANNED = "banned"  # every new comment rejected (``author_banned``)
    PREMODERATED = "premoderated"  # every new comment held
    TRUSTED = "trusted"  # skips site-wide premoderation once past the site's threshold


class Action(enum.StrEnum):
    """What a finding asks for; the strongest action of all findings wins (see ``rank``)."""

    APPROVE = "approve"
    MASK = "mask"  # publish with the matched words masked; moderators keep the original
    HOLD = "hold"
    REJECT = "reject"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Action.APPROVE: 0, Action.MASK: 1, Action.HOLD: 2, Action.REJECT: 3}


class Reason(enum.StrEnum):
    """Why a moderator decided, or a reader reported."""

    SPAM = "spam"
    ABUSE = "abuse"
    OFF_TOPIC = "off_topic"
    PERSONAL_DATA = "personal_data"
    ILLEGAL = "illegal"
    OTHER = "other"


class Verb(enum.StrEnum):
    """What a moderator does to a comment."""

    APPROVE = "approve"  # publish (or keep published and close the reports)
    REJECT = "reject"  # hide for good
    RESTORE = "restore"  # back to the held queue for another look

    @property
    def target(self) -> Status:
        return _TARGET[self]


_TARGET = {Verb.APPROVE: Status.APPROVED, Verb.REJECT: Status.REJECTED, Verb.RESTORE: Status.HELD}


class ReviewQueue(enum.StrEnum):
    """The moderators' queues: one per status, plus published comments readers reported."""

    HELD = "held"
    REPORTED = "reported"
    APPROVED = "approved"
    REJECTED = "rejected"
    QUEUED = "queued"
    ALL = "all"  # every comment, whatever its status


class Sort(enum.StrEnum):
    OLDEST = "oldest"
    NEWEST = "newest"
    TOP = "top"  # most published replies first


class Thread(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: ThreadId
    url: Url | None = None
    title: Annotated[str, text(500)] | None = None


class Author(msgspec.Struct, frozen=True, forbid_unknown_fields=True, dict=True):
    # ``dict=True`` gives ``key`` somewhere to cache: signals, the rate keys, the decision and
    # its audit entry each read it, and it costs a SHA-256 when the host sent no id.
    name: Annotated[str, text(100, "Shown to readers")]
    id: Annotated[str, text(200, "The host's own id of this reader")] | None = None
    email: Annotated[str, text(320, "Never shown to readers")] | None = None

    @functools.cached_property
    def key(self) -> str:
        """Who this is on a site: the host's id, else a hash of the email, else of the name."""
        if self.id:
            return self.id
        if self.email:
            digest = hashlib.sha256(self.email.strip().lower().encode()).hexdigest()
            return f"email-{digest[:32]}"
        return f"name-{hashlib.sha256(self.name.strip().encode()).hexdigest()[:32]}"


MAX_COMMENT_CHARS = 10_000  # the most ``MODERATION_MAX_COMMENT_CHARS`` may allow


class CommentIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The intake body a host backend signs and sends."""

    thread: Thread
    author: Author
    body: Annotated[str, text(MAX_COMMENT_CHARS)]
    parent_id: CommentId | None = None
    external_id: Annotated[str, text(200, "The host's own id of this comment")] | None = None
    ip: Annotated[str, text(64, "The reader's address; never shown to readers")] | None = None
    user_agent: Annotated[str, msgspec.Meta(max_length=1000)] | None = None
    created_at: Timestamp | None = None


class Comment(msgspec.Struct, frozen=True):
    """A comment as stored: the intake body plus what we assigned on receipt."""

    id: str
    site: str
    thread: Thread
    author: Author
    body: str
    created_at: str
    received_at: str
    parent_id: str | None = None
    external_id: str | None = None
    ip: str | None = None
    user_agent: str | None = None


class FilterName(enum.StrEnum):
    """Who a finding comes from: a filter of the pipeline, the site's policy, the author's
    standing, a moderator, or readers' reports."""

    PROFANITY = "profanity"
    SPAM = "spam"
    ABUSE = "abuse"  # threats and other abuse beyond listed words (filters/abuse.py)
    POLICY = "policy"
    AUTHOR = "author"
    MODERATOR = "moderator"
    REPORTS = "reports"


class System(enum.StrEnum):
    """Deciders that are not a person (a person is ``token:<name>``)."""

    PIPELINE = "pipeline"
    REPORTS = "reports"
    HOST = "host_backend"  # the host backend, with the site's API key


class AuditAction(enum.StrEnum):
    """What an audit entry records: the pipeline's decision, a hold by readers' reports,
    a standing change, a moderator's action, or an erasure."""

    AUTO = "auto"
    HOLD = "hold"
    STANDING = "standing"
    APPROVE = "approve"
    REJECT = "reject"
    RESTORE = "restore"
    DELETE = "delete"  # the host deleted the comment
    ERASURE = "erasure"  # a reader's personal data was erased (``store/erasure.py``)
    IMPORT = "import"  # comments were imported from another system (``store/imports.py``)
    POLICY = "policy"  # an admin changed the site's policy
    TOKEN_CREATE = "token_create"  # noqa: S105 (an audit action, not a secret): a moderator token covering the site was created
    TOKEN_REVOKE = "token_revoke"  # noqa: S105 (as above) ... or revoked


class Span(msgspec.Struct, frozen=True):
    """Where a finding matched, in the original text (character offsets)."""

    start: int
    end: int
    text: str


class Band(enum.StrEnum):
    """How sure a finding is, in words a moderator reads at a glance: its calibrated
    ``probability`` cut at 0.5, 0.8 and 0.95 (see ``of``)."""

    LOW = "low"  # below 0.5: more often wrong than right; look before acting
    MEDIUM = "medium"  # 0.5 to 0.8
    HIGH = "high"  # 0.8 to 0.95
    CERTAIN = "certain"  # 0.95 and above: wrong fewer than one time in twenty

    @classmethod
    def of(cls, probability: float) -> Band:
        if probability >= 0.95:
            return cls.CERTAIN
        if probability >= 0.8:
            return cls.HIGH
        return cls.MEDIUM if probability >= 0.5 else cls.LOW


Probability = Annotated[
    float,
    msgspec.Meta(
        ge=0.0,
        le=1.0,
        description="How often a comment with this finding truly is spam (spam filter) or"
        " abusive (profanity, abuse): calibrated on labelled data; null when no model guessed"
        " (policy, author standing)",
    ),
]


class FindingKind(enum.StrEnum):
    """What sort of harm a finding names, for the code that treats kinds apart (the decision,
    the evaluation); ``detail`` says it in words for people."""

    OTHER = "other"  # spam, policy, standing, moderators, reports; findings stored before kinds
    WORD = "word"  # a listed swear word or insult: masking it hides the harm
    SLUR = "slur"  # a listed ethnic or religious slur: hate speech, held even where words mask
    THREAT = "threat"  # a threat, doxxing or incitement (``filters/abuse.py``)
    INSULT = "insult"  # an insult with no listed word, or an imprecation (``filters/abuse.py``)


class Finding(msgspec.Struct, frozen=True):
    """One reason: which filter and rule fired, on what, how strongly, asking for what, and
    how often such a finding is right (``probability``, ``band``: ``filters/calibration.py``)."""

    filter: FilterName
    rule: str
    action: Action
    score: float = 1.0
    spans: tuple[Span, ...] = ()
    version: str = ""
    detail: str = ""
    probability: Probability | None = None
    band: Band | None = None
    kind: FindingKind = FindingKind.OTHER


class Decision(msgspec.Struct, frozen=True):
    status: Status
    reasons: tuple[Finding, ...]
    decided_at: str
    decided_by: str = System.PIPELINE  # or "token:<name>" of a moderator
    masked_body: str | None = None


class PublicComment(msgspec.Struct, frozen=True):
    """What readers may see: never email, IP or user agent."""

    id: str
    thread: str
    author: str
    body: str
    created_at: str
    parent_id: str | None = None


class QueueMessage(msgspec.Struct, frozen=True, array_like=True):
    site: str
    id: str


class AuditEntry(msgspec.Struct, frozen=True, omit_defaults=True):
    """Who did what, when, to which comment or author, from which state, and why."""

    at: str
    actor: str  # a ``System`` decider, or "token:<name>"
    action: AuditAction
    comment: str = ""
    author: str = ""
    from_status: str = msgspec.field(default="", name="from")
    to: str = ""
    reason: str = ""
    note: str = ""
    rules: tuple[str, ...] = ()
    id: str = ""  # the audit stream id, filled in when read
    version: int = 0  # the comment's version after the change


class StandingChange(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An admin's change to an author's standing; ``until`` lets it lapse on its own."""

    standing: Standing
    until: Timestamp | None = None
    note: Annotated[str, msgspec.Meta(max_length=2_000)] = ""
