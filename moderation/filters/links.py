"""Links in a comment: how many, to where, and whether they hide behind a shortener or lead
into a WhatsApp group. Domains the site allows (``Policy.allowed_domains``) never count."""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderation.filters.text import Text, rewrite
from moderation.models import Action, FilterName, Finding

VERSION = "links-2"
# A URL with a scheme or www., or a bare host name ending in a known top-level domain.
TLDS = frozenset(
    [
        "com",
        "net",
        "org",
        "info",
        "biz",
        "id",
        "co",
        "io",
        "me",
        "ly",
        "gl",
        "gg",
        "cc",
        "to",
        "xyz",
        "top",
        "vip",
        "site",
        "online",
        "live",
        "club",
        "link",
        "app",
        "pro",
        "store",
        "shop",
        "asia",
        "tv",
        "us",
        "uk",
        "in",
        "sg",
        "my",
        "ws",
        "bet",
        "win",
        "games",
    ]
)
# Candidates, in one linear pass: possessive quantifiers never backtrack, and a dotted chain
# starts only where no label character precedes it, so a failed start costs its own run and is
# never retried inside it (``a.a.a.…`` is one candidate, checked once). Whether a chain is a
# host (some label is a known TLD) is decided in Python, not by backtracking.
_CANDIDATE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']++"
    r"|(?<![a-z0-9-])[a-z0-9-]++(?:\.[a-z0-9-]++)++(?:/[^\s<>\"']*+)?"
)
# Cheap first look: most comments have no scheme, no www. and no dot before a known TLD.
_HINT = re.compile(r"://|www\.|[a-z0-9]\.(?:" + "|".join(sorted(TLDS)) + r")\b")
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
# A shortener alone does not hold (sites and readers share official short links); a link
# whose dots are spelled out to slip past filters has no innocent use.
SCORES = {
    "link:whatsapp": 0.7,
    "link:disguised": 0.6,
    "link:shortener": 0.45,
    "link:many": 0.5,
    "link:domain": 0.3,
}
MANY = 3


def host(link: str) -> str:
    found = _HOST.match(link)
    name = found.group(1) if found else link
    return name.removeprefix("www.").rstrip(".")


def allowed(name: str, domains: Iterable[str]) -> bool:
    return any(name == d or name.endswith("." + d) for d in domains)


# A dot spelled out or spaced out between two host labels: "t(dot)me", "situs(.)online",
# "gacor77 [dot] com", "bit . ly". Labels and separators start with disjoint characters and
# "dot"/"titik" as a word needs spaces around it, so the chain is matched in linear time.
_DOT = r"(?:\s*[(\[{]\s*(?:dot|titik|\.)\s*[)\]}]\s*|\s+(?:dot|titik)\s+|\s+\.\s*)"
_SPELLED = re.compile(rf"(?<![a-z0-9-])[a-z0-9-]++(?:{_DOT}[a-z0-9-]++)+(?:\s*/\s*[a-z0-9_-]+)?")
_SPELLED_HINT = re.compile(r"[(\[{]\s*(?:dot|titik|\.)|\s(?:\.|dot|titik)\s?[a-z]")
_PART = re.compile(rf"{_DOT}|\s*/\s*")


def view(normalised: str) -> tuple[str, list[int] | None]:
    """``normalised`` with spelled-out dots and spaced URL parts rejoined where the labels end
    in a known top-level domain (``bit . ly / x`` → ``bit.ly/x``), and each character's source;
    ``None`` when nothing was rejoined."""
    if not _SPELLED_HINT.search(normalised):
        return normalised, None
    pieces = []
    for m in _SPELLED.finditer(normalised):
        labels = _PART.split(m.group())
        if not any(label in TLDS for label in labels[1:]):
            continue  # "jam 10 . 30", "alun-alun . jangan"
        pieces += [
            (m.start() + p.start(), m.start() + p.end(), "." if "/" not in p.group() else "/")
            for p in _PART.finditer(m.group())
        ]
    if not pieces:
        return normalised, None
    return rewrite(normalised, pieces)


def links(text: Text, allowed_domains: Iterable[str]) -> list[Finding]:
    """One finding per kind of suspicious link, with every link of that kind as a span."""
    rejoined, where = view(text.normalised)
    if not _HINT.search(rejoined):
        return []
    spans: dict[str, list[tuple[int, int]]] = {}
    domains = tuple(allowed_domains)
    found = _found(rejoined)
    if where is not None:
        found = [(where[s], where[e - 1] + 1) for s, e in found]
    for start, end in found:
        name = host(rejoined[start:end] if where is None else _rejoin(text.normalised[start:end]))
        if allowed(name, domains):
            continue
        kind = (
            "link:whatsapp"
            if name in WHATSAPP
            else "link:shortener"
            if name in SHORTENERS
            else "link:domain"
        )
        spans.setdefault(kind, []).append((start, end))
        if where is not None and _rejoin(text.normalised[start:end]) != text.normalised[start:end]:
            spans.setdefault("link:disguised", []).append((start, end))
    if len(found) >= MANY:
        spans["link:many"] = found
    return [
        Finding(
            filter=FilterName.SPAM,
            rule=rule,
            action=Action.HOLD,
            score=SCORES[rule],
            spans=tuple(text.span(*s) for s in where),
            version=VERSION,
            detail=f"{len(where)} link(s)",
        )
        for rule, where in spans.items()
    ]


def _rejoin(link: str) -> str:
    return view(link)[0]


def _found(text: str) -> list[tuple[int, int]]:
    """Every link's span: scheme and www. URLs whole, dotted chains cut after their last TLD."""
    found = []
    for m in _CANDIDATE.finditer(text):
        link = m.group()
        if link.startswith(("http://", "https://", "www.")):
            found.append(m.span())
            continue
        name, slash, _ = link.partition("/")
        labels = name.split(".")
        last = next((i for i in range(len(labels) - 1, 0, -1) if labels[i] in TLDS), 0)
        if last:
            cut = len(".".join(labels[: last + 1]))
            end = m.end() if slash and last == len(labels) - 1 else m.start() + cut
            found.append((m.start(), end))
    return found
