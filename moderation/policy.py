"""A site's moderation policy: what each kind of finding does, and when humans look first."""

from __future__ import annotations

import enum

import msgspec


class Premoderation(enum.StrEnum):
    NONE = "none"  # publish clean comments and masked ones at once
    FLAGGED = "flagged"  # hold what a filter flags (default)
    ALL = "all"  # hold everything for a human


class Policy(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    premoderation: Premoderation = Premoderation.FLAGGED
    trusted_after: int = 3  # approved comments before a trusted author skips premoderation
    report_hide: int = 3  # distinct readers' reports that hold an approved comment


DEFAULT = Policy()


def decode(raw: bytes | None) -> Policy:
    return DEFAULT if not raw else msgspec.json.decode(raw, type=Policy)
