"""The author's standing as findings: banned authors are rejected, premoderated ones held.

Trust only lifts the site-wide premoderation hold (``decision.py``), and only after the
site's ``trusted_after`` approved comments; it never silences another filter's finding.
"""

from __future__ import annotations

from moderation.filters.context import Context
from moderation.models import Action, FilterName, Finding, Standing

VERSION = "standing-1"
_FINDINGS = {
    Standing.BANNED: Finding(
        filter=FilterName.AUTHOR, rule="author_banned", action=Action.REJECT, version=VERSION
    ),
    Standing.PREMODERATED: Finding(
        filter=FilterName.AUTHOR, rule="author_premoderated", action=Action.HOLD, version=VERSION
    ),
}


def findings(context: Context) -> list[Finding]:
    found = _FINDINGS.get(context.signals.standing)
    return [found] if found else []


def skips_premoderation(context: Context) -> bool:
    signals = context.signals
    return signals.standing is Standing.TRUSTED and signals.approved >= context.policy.trusted_after
