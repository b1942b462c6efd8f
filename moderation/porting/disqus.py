"""Disqus XML exports (``<disqus>`` with ``<thread>`` and ``<post>`` children) as records.

A thread's ``<id>`` is the identifier the host's embed code used; it becomes our thread id when
it is one (else ``disqus-<dsq:id>``). A post's state: ``isSpam`` or ``isDeleted`` → rejected,
``isApproved`` false → held, else approved. Messages are HTML; we keep their text.
``Writer`` writes the same shape back out, so a host can leave for anything that imports it.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import IO
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesNSImpl

from moderation.models import Comment, Status, Thread
from moderation.porting import records
from moderation.porting.records import Progress, Record, SourceComment, SourceThread, quiet
from moderation.porting.xmlstream import Element, Malformed, elements

RECORDS = frozenset({("thread", 1), ("post", 1)})
NS, DSQ = "http://disqus.com", "http://disqus.com/disqus-internals"
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


class Writer:
    """Disqus XML, written as it goes: call ``thread`` for every thread, then ``post``."""

    def __init__(self, out: IO[bytes]) -> None:
        self._xml = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)
        self._xml.startDocument()
        self._xml.startPrefixMapping(None, NS)
        self._xml.startPrefixMapping("dsq", DSQ)
        self._open("disqus")

    def _element(self, name: str, text: str) -> None:
        self._open(name)
        self._xml.characters(text)
        self._close(name)

    def _open(self, name: str, dsq_id: str | None = None) -> None:
        key: tuple[str | None, str] = (DSQ, "id")
        attrs = {key: dsq_id} if dsq_id is not None else {}
        qnames = {key: "dsq:id"} if dsq_id is not None else {}
        self._xml.startElementNS((NS, name), name, AttributesNSImpl(attrs, qnames))

    def _close(self, name: str) -> None:
        self._xml.endElementNS((NS, name), name)

    def thread(self, thread: Thread, created_at: str) -> None:
        self._open("thread", thread.id)
        self._element("id", thread.id)
        self._element("link", thread.url or "")
        self._element("title", thread.title or "")
        self._element("createdAt", created_at)
        self._close("thread")

    def post(self, comment: Comment, status: Status, spam: bool) -> None:
        rejected = status is Status.REJECTED
        self._open("post", comment.id)
        self._element("id", comment.external_id or "")
        self._element("message", html_of(comment.body))
        self._element("createdAt", comment.created_at)
        self._element("isDeleted", _flag(rejected and not spam))
        self._element("isSpam", _flag(rejected and spam))
        self._element("isApproved", _flag(status is Status.APPROVED or rejected))
        self._open("author")
        if comment.author.email:
            self._element("email", comment.author.email)
        self._element("name", comment.author.name)
        self._element("isAnonymous", _flag(not comment.author.email))
        self._close("author")
        if comment.ip:
            self._element("ipAddress", comment.ip)
        self._open("thread", comment.thread.id)
        self._close("thread")
        if comment.parent_id:
            self._open("parent", comment.parent_id)
            self._close("parent")
        self._close("post")

    def end(self) -> None:
        self._close("disqus")
        self._xml.endDocument()


def _flag(value: bool) -> str:
    return "true" if value else "false"


def html_of(body: str) -> str:
    """A plain-text body as the HTML a Disqus message holds (read back by ``plain``)."""
    return "<p>" + "<br>".join(html.escape(line) for line in body.split("\n")) + "</p>"
