"""What an import reads from any source: threads and comments as plain, checked values."""

from __future__ import annotations

import html.parser
from collections.abc import Callable

import msgspec

from moderation import clock
from moderation.models import MAX_COMMENT_CHARS, THREAD_ID, Status
from moderation.porting.xmlstream import Element, Malformed

MAX_NAME, MAX_EMAIL, MAX_TITLE, MAX_URL, MAX_IP = 100, 320, 500, 2040, 64


class SourceThread(msgspec.Struct, frozen=True):
    key: str  # the source's own id of the thread
    id: str  # our thread id (what the host's widget asks for)
    url: str | None
    title: str | None


class SourceComment(msgspec.Struct, frozen=True):
    key: str  # the source's own id of the comment (kept as ``external_id``)
    thread: str  # the source's key of its thread
    parent: str | None
    name: str
    email: str | None
    ip: str | None
    body: str
    created_at: str  # RFC 3339 UTC
    status: Status
    line: int


Record = SourceThread | SourceComment
Progress = Callable[[int], None]  # told the bytes read so far


def quiet(done: int) -> None:
    """A ``Progress`` that says nothing."""


def thread_id(identifier: str, fallback: str) -> str:
    return identifier if THREAD_ID.fullmatch(identifier) else fallback


def url(value: str) -> str | None:
    ok = value.startswith(("http://", "https://")) and len(value) <= MAX_URL
    return value if ok and not any(c.isspace() for c in value) else None


def clip(value: str, limit: int) -> str | None:
    value = " ".join(value.split())
    return value[:limit] if value else None


def moment(element: Element, value: str, what: str) -> str:
    """An RFC 3339 (or WordPress's ``YYYY-MM-DD HH:MM:SS``, UTC) time, as RFC 3339 UTC."""
    try:
        if len(value) == 19 and value[10] == " ":
            value = value.replace(" ", "T") + "Z"
        return clock.rfc3339(clock.parse_rfc3339(value))
    except ValueError:
        raise Malformed(element.line, f"{what} {value!r} is not a date") from None


def body(element: Element, text: str, status: Status) -> str:
    if not text and status is not Status.REJECTED:
        raise Malformed(element.line, "the comment has no text")
    if len(text) > MAX_COMMENT_CHARS:
        raise Malformed(element.line, f"the comment is over {MAX_COMMENT_CHARS} characters")
    return text


class _Text(html.parser.HTMLParser):
    """The text of a comment's HTML: tags dropped, breaks and paragraphs as new lines."""

    BREAKS = frozenset({"br", "p", "div", "li", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = ("".join(parser.parts)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip("\n").strip()
