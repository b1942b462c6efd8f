"""Links in a comment: how many, to where, and whether they hide behind a shortener or lead
into a WhatsApp group. Domains the site allows (``Policy.allowed_domains``) never count."""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderation.filters.base import Text
from moderation.models import Action, Finding

VERSION = "links-1"
# A URL with a scheme or www., or a bare host name with a known top-level domain.
_TLD = (
    r"(?:com|net|org|info|biz|id|co|io|me|ly|gl|gg|cc|to|xyz|top|vip|site|online|live|club|"
    r"link|app|pro|store|shop|asia|tv|us|uk|in|sg|my|ws|bet|win|games)\b"
)
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+" + _TLD + r"(?:/[^\s<>\"']*)?"
)
# Cheap first look: most comments have no scheme, no www. and no dot before a known TLD.
_HINT = re.compile(r"://|www\.|[a-z0-9]\." + _TLD)
_HOST = re.compile(r"^(?:https?://)?([^/?#:\s]+)")
SHORTENERS = frozenset(
    [
        "bit.ly",
        "s.id",
        "tinyurl.com",
        "cutt.ly",
        "t.co",
        "goo.gl",
        "rb.gy",
        "shorturl.at",
        "linktr.ee",
        "is.gd",
        "ow.ly",
        "tiny.cc",
        "rebrand.ly",
        "t.ly",
        "v.gd",
        "lnk.bio",
        "heylink.me",
        "bio.link",
        "s.uid.co",
    ]
)
WHATSAPP = frozenset(["chat.whatsapp.com", "wa.me", "api.whatsapp.com", "wa.link", "t.me"])
SCORES = {"link:whatsapp": 0.7, "link:shortener": 0.6, "link:many": 0.5, "link:domain": 0.3}
MANY = 3


def host(link: str) -> str:
    found = _HOST.match(link)
    name = found.group(1) if found else link
    return name.removeprefix("www.").rstrip(".")


def allowed(name: str, domains: Iterable[str]) -> bool:
    return any(name == d or name.endswith("." + d) for d in domains)


def links(text: Text, allowed_domains: Iterable[str]) -> list[Finding]:
    """One finding per kind of suspicious link, with every link of that kind as a span."""
    if not _HINT.search(text.normalised):
        return []
    spans: dict[str, list[tuple[int, int]]] = {}
    domains = tuple(allowed_domains)
    matches = list(_LINK.finditer(text.normalised))
    for m in matches:
        name = host(m.group())
        if allowed(name, domains):
            continue
        kind = (
            "link:whatsapp"
            if name in WHATSAPP
            else "link:shortener"
            if name in SHORTENERS
            else "link:domain"
        )
        spans.setdefault(kind, []).append(m.span())
    if len(matches) >= MANY:
        spans["link:many"] = [m.span() for m in matches]
    return [
        Finding(
            filter="spam",
            rule=rule,
            action=Action.HOLD,
            score=SCORES[rule],
            spans=tuple(text.span(*s) for s in where),
            version=VERSION,
            detail=f"{len(where)} link(s)",
        )
        for rule, where in spans.items()
    ]
