"""A streaming, safe reader of record-shaped XML: a file becomes flat ``Element`` records.

Hosts' exports are untrusted input: ``defusedxml`` refuses DTDs, entity declarations and
external references (no billion laughs, no XXE), and the file is fed in chunks, so memory
holds one record at a time whatever the file's size. A record is an element at a given depth
(Disqus: ``<thread>``, ``<post>`` under the root); its descendants' text and attributes are
flattened into ``fields`` by path (``author/name``, ``thread@id``), and a record inside a record
(WXR's ``<wp:comment>`` in its ``<item>``) points to the one around it.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterator
from typing import IO, Any
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatLocator
from xml.sax.handler import ContentHandler, feature_namespaces

import defusedxml.sax
from defusedxml import DefusedXmlException

CHUNK = 64 * 1024
MAX_FIELD = 1 << 20  # characters of one field; a comment is at most 10,000


class Malformed(ValueError):
    """The file cannot be imported: where (line) and why."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line, self.reason = line, reason


@dataclasses.dataclass(slots=True)
class Element:
    name: str
    line: int
    fields: dict[str, str]
    outer: Element | None = None

    def get(self, path: str) -> str:
        return self.fields.get(path, "").strip()


class _Collector(ContentHandler):
    def __init__(self, records: frozenset[tuple[str, int]], out: deque[Element]) -> None:
        super().__init__()
        self._records, self._out = records, out
        self._path: list[str] = []  # local names from the root
        self._open: list[tuple[Element, int]] = []  # records being read, with their depth
        self._text: list[str] = []
        self._where: Any = None

    def setDocumentLocator(self, locator: Any) -> None:
        self._where = locator

    @property
    def line(self) -> int:
        return int(self._where.getLineNumber()) if self._where else 0

    def startElementNS(self, name: tuple[str | None, str], qname: Any, attrs: Any) -> None:
        local, depth = name[1], len(self._path)
        self._path.append(local)
        self._text = []
        if (local, depth) in self._records:
            outer = self._open[-1][0] if self._open else None
            self._open.append((Element(local, self.line, {}, outer), depth))
        if self._open:
            for (_, attr), value in attrs.items():
                self._open[-1][0].fields[f"{self._relative()}@{attr}"] = value

    def characters(self, content: str) -> None:
        if self._open:
            self._text.append(content)
            if len(self._text) > 1 and sum(map(len, self._text)) > MAX_FIELD:
                raise Malformed(self.line, f"<{self._path[-1]}> is too long")

    def endElementNS(self, name: tuple[str | None, str], qname: Any) -> None:
        if self._open and self._open[-1][1] == len(self._path) - 1:
            self._out.append(self._open.pop()[0])
        elif self._open:
            record = self._open[-1][0]
            path = self._relative()
            record.fields[path] = record.fields.get(path, "") + "".join(self._text)
        self._text = []
        self._path.pop()

    def _relative(self) -> str:
        return "/".join(self._path[self._open[-1][1] + 1 :])


def elements(
    stream: IO[bytes],
    records: frozenset[tuple[str, int]],
    progress: Callable[[int], None] = lambda done: None,
) -> Iterator[Element]:
    """Each record of ``stream`` as soon as it ends; ``progress`` gets the bytes read so far."""
    out: deque[Element] = deque()
    collector = _Collector(records, out)
    parser = defusedxml.sax.make_parser()
    parser.forbid_dtd = True  # an export never needs one
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(collector)
    collector.setDocumentLocator(ExpatLocator(parser))  # ``parse`` would; ``feed`` does not
    done = 0
    try:
        while chunk := stream.read(CHUNK):
            parser.feed(chunk)  # expat's reader is incremental
            done += len(chunk)
            progress(done)
            while out:
                yield out.popleft()
        parser.close()
    except SAXParseException as exc:
        raise Malformed(exc.getLineNumber() or 0, exc.getMessage()) from None
    except DefusedXmlException as exc:
        raise Malformed(collector.line, f"not allowed in an import: {exc}") from None
    yield from out
