"""The first pass of an import: the whole file checked before anything is written.

It keeps only what the second pass needs to write each comment on its own: every thread
(id, url, title) and every comment's id. Comment ids are derived from the site, the source and
the comment's own id (with its time in front, so they sort by time like ours), so a repeated
import names the same comments and writes nothing twice. Memory grows with the number of
threads and comments (about 150 bytes a comment), never with their text.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from moderation import clock, ids
from moderation.models import Status
from moderation.porting.records import Record, SourceComment, SourceThread
from moderation.porting.xmlstream import Malformed


@dataclasses.dataclass(slots=True)
class Plan:
    site: str
    source: str
    threads: dict[str, SourceThread] = dataclasses.field(default_factory=dict)
    comments: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)  # id, thread
    statuses: dict[Status, int] = dataclasses.field(default_factory=dict)

    def comment_id(self, comment: SourceComment) -> str:
        ms = int(clock.parse_rfc3339(comment.created_at).timestamp() * 1000)
        digest = hashlib.sha256(f"{self.site}\0{self.source}\0{comment.key}".encode()).digest()
        return ids.at(ms, int.from_bytes(digest[:10]))


def plan(records: Iterable[Record], site: str, source: str) -> Plan:
    """Read every record; a duplicate, an orphan reply or an unknown thread stops it."""
    found = Plan(site, source)
    parents: list[tuple[int, str, str]] = []  # line, parent key, thread key
    for record in records:
        if isinstance(record, SourceThread):
            found.threads.setdefault(record.key, record)
            continue
        if record.key in found.comments:
            raise Malformed(record.line, f"comment {record.key!r} appears twice")
        found.comments[record.key] = (found.comment_id(record), record.thread)
        found.statuses[record.status] = found.statuses.get(record.status, 0) + 1
        if record.parent:
            parents.append((record.line, record.parent, record.thread))
        elif record.thread not in found.threads:
            parents.append((record.line, "", record.thread))
    for line, parent, thread in parents:
        _check(found, line, parent, thread)
    return found


def _check(found: Plan, line: int, parent: str, thread: str) -> None:
    if thread not in found.threads:
        raise Malformed(line, f"the comment's thread {thread!r} is not in the file")
    if parent and parent not in found.comments:
        raise Malformed(line, f"the comment's parent {parent!r} is not in the file")
    if parent and found.comments[parent][1] != thread:
        raise Malformed(line, f"the comment's parent {parent!r} is in another thread")
