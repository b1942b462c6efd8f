"""Disqus XML exports (``<disqus>`` with ``<thread>`` and ``<post>`` children) as records.

A thread's ``<id>`` is the identifier the host's embed code used; it becomes our thread id when
it is one (else ``disqus-<dsq:id>``). A post's state: ``isSpam`` or ``isDeleted`` → rejected,
``isApproved`` false → held, else approved. Messages are HTML; we keep their text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from moderation.models import Status
from moderation.porting import records
from moderation.porting.records import Progress, Record, SourceComment, SourceThread, quiet
from moderation.porting.xmlstream import Element, Malformed, elements

RECORDS = frozenset({("thread", 1), ("post", 1)})
ANONYMOUS = "Anonim"


def read(stream: IO[bytes], progress: Progress = quiet) -> Iterator[Record]:
    for element in elements(stream, RECORDS, progress):
        yield _thread(element) if element.name == "thread" else _post(element)


def _key(element: Element, path: str, what: str) -> str:
    key = element.get(path)
    if not key:
        raise Malformed(element.line, f"{what} has no dsq:id")
    return key


def _thread(element: Element) -> SourceThread:
    key = _key(element, "@id", "<thread>")
    return SourceThread(
        key=key,
        id=records.thread_id(element.get("id"), f"disqus-{key}"),
        url=records.url(element.get("link")),
        title=records.clip(element.get("title"), records.MAX_TITLE),
    )


def _status(element: Element) -> Status:
    if "true" in (element.get("isSpam"), element.get("isDeleted")):
        return Status.REJECTED
    return Status.HELD if element.get("isApproved") == "false" else Status.APPROVED


def _post(element: Element) -> SourceComment:
    status = _status(element)
    name = records.clip(element.get("author/name"), records.MAX_NAME) or records.clip(
        element.get("author/username"), 100
    )
    return SourceComment(
        key=_key(element, "@id", "<post>"),
        thread=_key(element, "thread@id", "<post>'s <thread>"),
        parent=element.get("parent@id") or None,
        name=name or ANONYMOUS,
        email=records.clip(element.get("author/email"), records.MAX_EMAIL),
        ip=records.clip(element.get("ipAddress"), records.MAX_IP),
        body=records.body(element, records.plain(element.fields.get("message", "")), status),
        created_at=records.moment(element, element.get("createdAt"), "createdAt"),
        status=status,
        line=element.line,
    )
