"""Phone numbers, and worse, phone numbers offered for a chat: the WhatsApp solicitation of
loan, gambling and "obat" sellers (``WA 0812-3456-7890``, ``hub +62 812 3456 7890``)."""

from __future__ import annotations

import re

from moderation.filters.text import Text
from moderation.models import Action, FilterName, Finding

VERSION = "phones-1"
# Indonesian mobile numbers (08…, 62 8…, +62 8…) with spaces, dots or dashes between groups.
_PHONE = re.compile(r"(?<!\d)(?:\+?62|0)[\s.-]?8\d(?:[\s.-]?\d){7,11}(?!\d)")
_ASK = re.compile(
    r"\b(?:wa|whatsapp|whatshap|watsap|wasap|hub|hubungi|kontak|contact|call|sms|chat|telegram|"
    r"tele|tlp|telp|telpon|telepon|line|dm|admin|cs|info)\b"
)
SCORES = {"phone:solicit": 0.7, "phone:number": 0.4}
NEAR = 40  # characters between the ask and the number


def phones(text: Text) -> list[Finding]:
    normalised = text.normalised
    numbers = list(_PHONE.finditer(normalised))
    if not numbers:
        return []
    asks = [m.end() for m in _ASK.finditer(normalised)]
    findings = []
    for m in numbers:
        solicit = any(m.start() - NEAR <= at <= m.start() for at in asks)
        rule = "phone:solicit" if solicit else "phone:number"
        findings.append(
            Finding(
                filter=FilterName.SPAM,
                rule=rule,
                action=Action.HOLD,
                score=SCORES[rule],
                spans=(text.span(*m.span()),),
                version=VERSION,
            )
        )
    return findings
