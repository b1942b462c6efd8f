"""WordPress eXtended RSS (WXR) exports: each ``<item>`` (a post or page) with its
``<wp:comment>`` children, as records.

A post becomes the thread ``wp-<post_id>`` with its link and title. A comment's state:
``comment_approved`` 1 → approved, 0 → held, spam or trash → rejected; pingbacks and
trackbacks are not comments and are skipped. Times are ``comment_date_gmt`` (UTC).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from moderation.models import Status
from moderation.porting import records
from moderation.porting.records import Progress, Record, SourceComment, SourceThread, quiet
from moderation.porting.xmlstream import Element, Malformed, elements

RECORDS = frozenset({("item", 2), ("comment", 3)})
_STATUS = {"1": Status.APPROVED, "0": Status.HELD}
_NOT_COMMENTS = frozenset({"pingback", "trackback"})
_NEVER = "0000-00-00 00:00:00"


def read(stream: IO[bytes], progress: Progress = quiet) -> Iterator[Record]:
    last = ""
    for element in elements(stream, RECORDS, progress):
        if element.name != "comment" or element.get("comment_type") in _NOT_COMMENTS:
            continue
        post = element.outer
        if post is None or not post.get("post_id"):
            raise Malformed(element.line, "<wp:comment> outside a post with a <wp:post_id>")
        if post.get("post_id") != last:
            last = post.get("post_id")
            yield _thread(post)
        yield _comment(element, last)


def _thread(post: Element) -> SourceThread:
    key = post.get("post_id")
    return SourceThread(
        key=key,
        id=f"wp-{key}",
        url=records.url(post.get("link")),
        title=records.clip(post.get("title"), records.MAX_TITLE),
    )


def _comment(element: Element, thread: str) -> SourceComment:
    key = element.get("comment_id")
    if not key:
        raise Malformed(element.line, "<wp:comment> has no <wp:comment_id>")
    approved = element.get("comment_approved")
    status = _STATUS.get(approved, Status.REJECTED)  # spam, trash, post-trashed
    when = element.get("comment_date_gmt")
    if not when or when == _NEVER:
        when = element.get("comment_date")
    parent = element.get("comment_parent")
    return SourceComment(
        key=key,
        thread=thread,
        parent=parent if parent and parent != "0" else None,
        name=records.clip(element.get("comment_author"), records.MAX_NAME) or "Anonim",
        email=records.clip(element.get("comment_author_email"), records.MAX_EMAIL),
        ip=records.clip(element.get("comment_author_IP"), records.MAX_IP),
        body=records.body(
            element, records.plain(element.fields.get("comment_content", "")), status
        ),
        created_at=records.moment(element, when, "comment_date_gmt"),
        status=status,
        line=element.line,
    )
