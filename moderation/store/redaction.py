"""What erasing a reader does to each stored record, as pure functions over the records.

A ``Redactor`` knows the reader's personal data (names, emails, addresses, user agents) and
replaces every occurrence of it in free text; the functions below apply it to a comment,
its decision and audit entries. ``privacy.py`` reads and writes them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

import msgspec

from moderation.models import AuditEntry, Author, Comment, Decision, Finding, Span

PLACEHOLDER = "Pembaca"  # the name an erased reader is shown under
ERASED = "[dihapus]"  # what stands where their data was


@dataclasses.dataclass(frozen=True, slots=True)
class Redactor:
    """Replaces a reader's data in text: names as whole words, the rest wherever it occurs."""

    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, names: Iterable[str], literals: Iterable[str]) -> Redactor:
        words = {n.strip() for n in names if len(n.strip()) > 1 and n.strip() != PLACEHOLDER}
        plain = {v.strip() for v in literals if len(v.strip()) > 1}
        alternatives = [
            *(rf"(?<!\w){re.escape(w)}(?!\w)" for w in sorted(words, key=len, reverse=True)),
            *(re.escape(v) for v in sorted(plain, key=len, reverse=True)),
        ]
        if not alternatives:
            return cls(None)
        return cls(re.compile("|".join(alternatives), re.IGNORECASE))

    def __call__(self, text: str) -> str:
        return self.pattern.sub(ERASED, text) if self.pattern else text


def comment(record: Comment, redact: Redactor, *, remove: bool) -> Comment:
    """The record without the reader: a placeholder name, no email, address or user agent.

    The author keeps their key (as ``id``), so standing and counts still find them.
    """
    return msgspec.structs.replace(
        record,
        author=Author(name=PLACEHOLDER, id=record.author.key),
        body="" if remove else redact(record.body),
        ip=None,
        user_agent=None,
    )


def strip(record: Comment) -> Comment:
    """The record past its retention: no email, address or user agent; name and body stay."""
    return msgspec.structs.replace(
        record,
        author=Author(name=record.author.name, id=record.author.key),
        ip=None,
        user_agent=None,
    )


def decision(found: Decision, redact: Redactor, *, remove: bool) -> Decision:
    """The decision with matched text and the masked body redacted (dropped when removing)."""
    return msgspec.structs.replace(
        found,
        reasons=tuple(_finding(f, redact, remove=remove) for f in found.reasons),
        masked_body=None if remove or found.masked_body is None else redact(found.masked_body),
    )


def _finding(found: Finding, redact: Redactor, *, remove: bool) -> Finding:
    spans = () if remove else tuple(Span(s.start, s.end, redact(s.text)) for s in found.spans)
    return msgspec.structs.replace(found, spans=spans, detail=redact(found.detail))


def entry(found: AuditEntry, redact: Redactor) -> AuditEntry:
    """An audit entry with its free text redacted (who, what and when stay)."""
    return msgspec.structs.replace(found, note=redact(found.note), reason=redact(found.reason))
