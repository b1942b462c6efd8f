"""The API's own wire formats: query strings, request bodies and answers, one struct each.

Handlers decode with these and encode these; ``openapi.py`` publishes the same structs, so
the document and the code cannot drift. Formats shared with the store or the CLI live
beside their owners (``models.py``, ``policy.py``, ``store/threads.py``).
"""

from __future__ import annotations

import enum
from typing import Annotated, Any

import msgspec

from moderation.models import (
    MAX_COMMENT_CHARS,
    AuditEntry,
    Comment,
    CommentId,
    Decision,
    Finding,
    Reason,
    ReviewQueue,
    Sort,
    Standing,
    StandingChange,
    Status,
    Thread,
    ThreadId,
    Timestamp,
    Verb,
    text,
)
from moderation.store.reports import MAX_TEXT, Report
from moderation.store.tokens import Role
from moderation.validation import FieldError

Note = Annotated[str, msgspec.Meta(max_length=2_000)]
Filter = Annotated[str, msgspec.Meta(max_length=200)]
Search = Annotated[
    str, msgspec.Meta(max_length=200, description="a substring of the body, any case")
]


PageSize = Annotated[int, msgspec.Meta(ge=1, le=100, description="1 to 100")]


# Query strings (unknown parameters are ignored: caches and trackers add their own).


class ThreadQuery(msgspec.Struct, frozen=True):
    sort: Sort = Sort.OLDEST
    limit: PageSize = 50
    cursor: CommentId | None = None
    replies: Annotated[
        int, msgspec.Meta(ge=0, le=100, description="replies shown per comment, 0 to 100")
    ] = 10
    parent: Annotated[CommentId, msgspec.Meta(description="page this comment's replies")] | None = (
        None
    )


class RecentQuery(msgspec.Struct, frozen=True):
    limit: PageSize = 5


class CountsQuery(msgspec.Struct, frozen=True):
    thread: Annotated[list[ThreadId], msgspec.Meta(min_length=1, max_length=100)]


class ReviewQuery(msgspec.Struct, frozen=True):
    queue: ReviewQueue = ReviewQueue.HELD
    thread: ThreadId | None = None
    author: Filter | None = None
    reason: Filter | None = None
    q: Search | None = None
    since: Timestamp | None = None  # received at or after
    before: Timestamp | None = None  # received before
    sort: Sort = Sort.OLDEST
    limit: PageSize = 50
    cursor: CommentId | None = None


AuditCursor = Annotated[  # 19 digits stay below 2**64, as Redis needs
    str, msgspec.Meta(pattern=r"^[0-9]{1,19}-[0-9]{1,19}\Z", description="an audit entry id")
]


class AuditQuery(msgspec.Struct, frozen=True):
    comment: Filter | None = None
    actor: Filter | None = None
    cursor: AuditCursor | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=500, description="1 to 500")] = 100


# Request bodies.


class Verdict(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A moderator's decision on one comment (sent with ``If-Match: <version>``)."""

    action: Verb
    reason: Reason | None = None
    note: Note = ""


class BulkFilter(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Which queue items a bulk decision takes (the held queue unless ``queue`` says)."""

    queue: ReviewQueue | msgspec.UnsetType = msgspec.UNSET
    thread: ThreadId | None = None
    author: Filter | None = None
    reason: Filter | None = None
    q: Search | None = None
    since: Timestamp | None = None
    before: Timestamp | None = None

    def __post_init__(self) -> None:
        # An empty filter would silently mean "the whole held queue": it must say so.
        narrowed = self.thread or self.author or self.reason or self.q
        if self.queue is msgspec.UNSET and not (narrowed or self.since or self.before):
            raise ValueError("name at least a queue, thread, author, reason, q or dates")


MAX_BULK = 500


class BulkVerdict(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One decision for many comments: named by ``ids``, or the first 500 a ``filter`` finds."""

    action: Verb
    reason: Reason | None = None
    note: Note = ""
    ids: Annotated[list[CommentId], msgspec.Meta(min_length=1, max_length=MAX_BULK)] | None = None
    filter: BulkFilter | None = None
    dry_run: bool = False  # answer what would change, change nothing
    # The versions the moderator previewed: any other version is skipped, not decided.
    versions: Annotated[dict[CommentId, int], msgspec.Meta(max_length=MAX_BULK)] | None = None
    # The preview's time: comments received or decided after it are skipped, not decided.
    as_of: Timestamp | None = None

    def __post_init__(self) -> None:
        if (self.ids is None) == (self.filter is None):
            raise ValueError("ids: give either ids or filter")

    @property
    def verdict(self) -> Verdict:
        return Verdict(self.action, self.reason, self.note)


class PreviewIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A comment to try against the site's policy, or against it with ``policy`` changes."""

    body: Annotated[str, text(MAX_COMMENT_CHARS)]
    author: Annotated[str, text(100)] = "Pratinjau"
    policy: dict[str, Any] | None = None  # fields to change, as ``PATCH …/policy`` takes them


class ReportIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A reader's report on a published comment."""

    reason: Reason
    text: Annotated[str, msgspec.Meta(max_length=MAX_TEXT)] = ""


# Answers.


class Queued(msgspec.Struct, frozen=True):
    """The intake answer; ``view_token`` lets the widget show the writer their held comment."""

    id: str
    status: Status
    view_token: str | None = None


class CommentRecord(Comment, frozen=True):
    """A comment's full record for its host: what was sent, its status and every reason."""

    status: Status = Status.QUEUED
    version: int = 0
    decision: Decision | None = None


class StandingView(msgspec.Struct, frozen=True):
    standing: Standing
    until: str | None
    note: str
    approved: int
    rejected: int
    banned: bool
    trusted: bool


class AuthorView(StandingView, frozen=True):
    key: str = ""
    history: list[AuditEntry] = []


class StandingRequest(StandingChange, frozen=True, forbid_unknown_fields=True):
    """A standing change; ``reject_comments`` also rejects the author's held and published
    comments in the same call (a moderator's "ban and reject")."""

    reject_comments: bool = False
    reason: Reason = Reason.SPAM  # of those rejections


class ReviewAuthor(msgspec.Struct, frozen=True):
    name: str
    key: str
    standing: StandingView
    id: str | None = None
    email: str | None = None


class Reports(msgspec.Struct, frozen=True):
    count: int
    reasons: dict[str, int]
    items: list[Report]


class Parent(msgspec.Struct, frozen=True):
    """The comment a reply answers, as much as a moderator needs for context."""

    id: str
    author: str
    body: str
    status: Status


class ReviewItem(msgspec.Struct, frozen=True):
    """A comment in a review queue with everything a moderator needs to decide."""

    id: str
    site: str
    thread: Thread
    author: ReviewAuthor
    body: str
    created_at: str
    received_at: str
    parent_id: str | None
    external_id: str | None
    ip: str | None
    user_agent: str | None
    status: Status
    version: int
    masked_body: str | None
    reasons: list[Finding]
    decided_by: str | None
    decided_at: str | None
    reports: Reports
    history: list[AuditEntry]
    parent: Parent | None = None  # the comment this one replies to


class ReviewPage(msgspec.Struct, frozen=True):
    items: list[ReviewItem]
    next_cursor: str | None
    counts: dict[str, int]


class Preview(msgspec.Struct, frozen=True):
    """What the pipeline would decide, with every finding (spans in code points)."""

    status: Status
    reasons: list[Finding]
    masked_body: str | None


class Decided(msgspec.Struct, frozen=True):
    id: str
    status: Status
    version: int


class Outcome(enum.StrEnum):
    """What a bulk decision did to one comment."""

    OK = "ok"  # decided as asked
    UNCHANGED = "unchanged"  # already there (a retried bulk call is not redone)
    CONFLICT = "conflict"  # changed meanwhile; ``status`` and ``version`` say how it is now
    NOT_FOUND = "not_found"
    WOULD_CHANGE = "would_change"  # a dry run: this one would be decided
    SKIPPED = "skipped"  # received, decided or at another version since the preview


class BulkOutcome(msgspec.Struct, frozen=True, omit_defaults=True):
    id: str
    outcome: Outcome
    status: Status | None = None
    version: int | None = None


class BulkAnswer(msgspec.Struct, frozen=True):
    """Per id what the bulk decision did (or, in a dry run, would do), and how many changed."""

    results: list[BulkOutcome]
    changed: int = 0  # decided (or, in a dry run, would be)
    skipped: int = 0  # left alone as changed since the preview
    dry_run: bool = False


class AuthorChanged(AuthorView, frozen=True):
    """The author's standing after the change, and what happened to each rejected comment."""

    results: list[BulkOutcome] = []


class SiteRef(msgspec.Struct, frozen=True):
    id: str
    name: str


class Me(msgspec.Struct, frozen=True):
    """The token's holder, role and sites (those that still exist)."""

    name: str
    role: Role
    sites: list[SiteRef]


class AuditPage(msgspec.Struct, frozen=True):
    entries: list[AuditEntry]
    next_cursor: str | None


class Alive(msgspec.Struct, frozen=True):
    ok: bool


class Readiness(msgspec.Struct, frozen=True):
    ok: list[str]
    failing: dict[str, str]


class Problem(msgspec.Struct, frozen=True, omit_defaults=True):
    """RFC 9457 problem details, with every bad field of a 400 or 422 in ``errors``."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] | None = None
    comment_id: str | None = None
    current: dict[str, Any] | None = None
    decided_by: str | None = None  # a 409 on a decision: who decided first
