"""Wire and stored records: typed structs decoded once at the edge, immutable inside."""

from __future__ import annotations

import enum
import hashlib
import re

import msgspec

# Identifiers in paths, cursors and bodies; always used with ``fullmatch`` (``$`` would
# accept a trailing newline).
COMMENT_ID = re.compile(r"[0-9A-HJKMNP-TV-Z]{26}")
THREAD_ID = re.compile(r"[A-Za-z0-9._~:@!$'()*+,;=-]{1,200}")


class Status(enum.StrEnum):
    QUEUED = "queued"
    APPROVED = "approved"
    HELD = "held"
    REJECTED = "rejected"


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


class Thread(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    url: str | None = None
    title: str | None = None


class Author(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    id: str | None = None
    email: str | None = None

    @property
    def key(self) -> str:
        """Who this is on a site: the host's id, else a hash of the email, else of the name."""
        if self.id:
            return self.id
        if self.email:
            digest = hashlib.sha256(self.email.strip().lower().encode()).hexdigest()
            return f"email-{digest[:32]}"
        return f"name-{hashlib.sha256(self.name.strip().encode()).hexdigest()[:32]}"


class CommentIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The intake body a host backend signs and sends."""

    thread: Thread
    author: Author
    body: str
    parent_id: str | None = None
    external_id: str | None = None
    ip: str | None = None
    user_agent: str | None = None
    created_at: str | None = None


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


class Span(msgspec.Struct, frozen=True):
    """Where a finding matched, in the original text (character offsets)."""

    start: int
    end: int
    text: str


class Finding(msgspec.Struct, frozen=True):
    """One reason: which filter and rule fired, on what, how strongly, asking for what."""

    filter: str
    rule: str
    action: Action
    score: float = 1.0
    spans: tuple[Span, ...] = ()
    version: str = ""
    detail: str = ""


class Decision(msgspec.Struct, frozen=True):
    status: Status
    reasons: tuple[Finding, ...]
    decided_at: str
    decided_by: str = "pipeline"
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


HUMAN_ACTIONS = frozenset({"approve", "reject", "restore"})


class AuditEntry(msgspec.Struct, frozen=True, omit_defaults=True):
    """Who did what, when, to which comment or author, from which state, and why."""

    at: str
    actor: str  # "pipeline", "reports", or "token:<name>"
    action: str  # "auto", "hold" (reports), approve/reject/restore, "standing"
    comment: str = ""
    author: str = ""
    from_status: str = msgspec.field(default="", name="from")
    to: str = ""
    reason: str = ""
    note: str = ""
    rules: tuple[str, ...] = ()
    id: str = ""  # the audit stream id, filled in when read
    version: int = 0  # the comment's version after the change
