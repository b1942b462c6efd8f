"""Stored records: what old records decode to as the structs grow."""

from __future__ import annotations

import msgspec

from moderation.models import Decision, FindingKind


def test_decisions_stored_before_kinds_decode_as_other() -> None:
    """A finding stored without ``kind`` still decodes, as kind ``other``."""
    raw = (
        b'{"status": "held", "decided_at": "2026-12-01T00:00:00Z", "reasons": [{"filter":'
        b' "profanity", "rule": "id:sipit", "action": "hold", "detail": "strong, slur"}]}'
    )
    [finding] = msgspec.json.decode(raw, type=Decision).reasons
    assert finding.kind is FindingKind.OTHER


def test_kind_is_encoded_with_every_finding() -> None:
    """What is stored names the kind, so a record read back decides the same."""
    raw = (
        b'{"status": "held", "decided_at": "2026-12-01T00:00:00Z", "reasons": [{"filter":'
        b' "abuse", "rule": "threat:aimed", "action": "hold", "kind": "threat"}]}'
    )
    decision = msgspec.json.decode(raw, type=Decision)
    again = msgspec.json.decode(msgspec.json.encode(decision), type=Decision)
    assert again.reasons[0].kind is FindingKind.THREAT
