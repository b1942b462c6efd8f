"""Links in a comment: how many, to where, and whether they hide behind a shortener or lead
into a WhatsApp group. Domains the site allows (``Policy.allowed_domains``) and the state's and
the banks' own domains never count, unless written with look-alike letters."""

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
        "ee",
        "icu",
        "fun",
        "click",
        "bio",
        "cam",
        "buzz",
        "best",
        "one",
        "pw",
        "cfd",
        "sbs",
        "ru",
        "cn",
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
# Cheap first look: most comments have no scheme, no www. and no dot before a known TLD. The
# dot comes first in the pattern (the label character is looked behind), so the regex engine
# skips straight from dot to dot.
_HINT = re.compile(r"\.(?<=[a-z0-9]\.)(?:" + "|".join(sorted(TLDS)) + r")\b")
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
# A video is the link readers share most ("lihat di youtu.be/…"): weaker than another domain,
# so a video link needs a clearer sign of selling beside it before a hold.
VIDEO = frozenset(["youtube.com", "youtu.be", "m.youtube.com", "music.youtube.com"])
# A shortener alone does not hold (sites and readers share official short links); a link
# whose dots are spelled out to slip past filters has no innocent use.
SCORES = {
    "link:whatsapp": 0.7,
    "link:disguised": 0.6,
    "link:shortener": 0.45,
    "link:many": 0.5,
    "link:domain": 0.3,
    "link:video": 0.15,
    "link:impostor": 0.6,
}
# Names of the state, banks and aid programmes, which phishing hosts borrow
# (``kemensos-bantuan.co``, ``bri-promo.xyz``): long ones anywhere in the host, short ones as a
# whole label part. Their real hosts end in ``.go.id`` or are listed in ``OFFICIAL``.
_AUTHORITY_LONG = re.compile(
    r"kemensos|bansos|kemenkeu|kemnaker|kemenkes|kemendikbud|pemkab|kedirikab|pemprov|jatimprov|"
    r"dukcapil|kominfo|prakerja|polres|mandiri|pertamina|bantuan|subsidi"
)
_AUTHORITY_SHORT = frozenset(
    [
        "bri",
        "bni",
        "bca",
        "btn",
        "pln",
        "ojk",
        "bpjs",
        "pkh",
        "blt",
        "bpnt",
        "djp",
        "polri",
        "gov",
        "pajak",
    ]
)
OFFICIAL = frozenset(
    [
        "bri.co.id",
        "bni.co.id",
        "bca.co.id",
        "bankmandiri.co.id",
        "pln.co.id",
        "pertamina.com",
        "btn.co.id",
    ]
)
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
_DOT = (
    r"(?:\s*[(\[{]\s*(?:dot|titik|\.)\s*[)\]}]\s*|\s+(?:dot|titik)\s+|\s+\.\s*|\s*[•·]\s*|\s+,\s*)"
)
_SPELLED = re.compile(rf"(?<![a-z0-9-])[a-z0-9-]++(?:{_DOT}[a-z0-9-]++)+(?:\s*/\s*[a-z0-9_-]+)?")
# A bracketed, spaced or bulleted dot, or a comma after a space; each pattern starts with a
# literal or a bracket (the space is looked behind), so the regex engine skips to candidates.
_SPELLED_HINTS = (
    re.compile(r"\.(?<=\s\.)\s?[a-z]|,(?<=\s,)"),
    re.compile(r"[(\[{]\s*(?:dot|titik|\.)"),
    re.compile(r"dot(?<=\sdot)\s?[a-z]|titik(?<=\stitik)\s?[a-z]"),
)
# A comma or bullet for a dot is read only before a TLD no Indonesian word spells ("rajabet77
# , net"): "beli , online" and "kerja , me" stay words.
_ODD_DOT = re.compile(r"\s*[•·]\s*|\s+,\s*")
_ODD_TLDS = frozenset(
    ["com", "net", "xyz", "vip", "top", "bet", "win", "cc", "ly", "org", "biz", "icu"]
)
_PART = re.compile(rf"{_DOT}|\s*/\s*")


def view(normalised: str) -> tuple[str, list[int] | None]:
    """``normalised`` with spelled-out dots and spaced URL parts rejoined where the labels end
    in a known top-level domain (``bit . ly / x`` → ``bit.ly/x``), and each character's source;
    ``None`` when nothing was rejoined."""
    if not _spelled_hint(normalised):
        return normalised, None
    pieces = []
    for m in _SPELLED.finditer(normalised):
        labels = _PART.split(m.group())
        if not any(label in TLDS for label in labels[1:]):
            continue  # "jam 10 . 30", "alun-alun . jangan"
        odd = [p.end() for p in _ODD_DOT.finditer(m.group())]
        if odd and not all(_label_at(m.group(), at) in _ODD_TLDS for at in odd):
            continue
        pieces += [
            (m.start() + p.start(), m.start() + p.end(), "." if "/" not in p.group() else "/")
            for p in _PART.finditer(m.group())
        ]
    if not pieces:
        return normalised, None
    return rewrite(normalised, pieces)


def _spelled_hint(text: str) -> bool:
    """Whether ``text`` may spell a dot out (a cheap first look for ``view``)."""
    return "•" in text or "·" in text or any(hint.search(text) for hint in _SPELLED_HINTS)


def links(text: Text, allowed_domains: Iterable[str]) -> list[Finding]:
    """One finding per kind of suspicious link, with every link of that kind as a span."""
    rejoined, where = view(text.normalised)
    if not ("://" in rejoined or "www." in rejoined or _HINT.search(rejoined)):
        return []
    spans: dict[str, list[tuple[int, int]]] = {}
    domains = tuple(allowed_domains)
    found = _found(rejoined)
    if where is not None:
        found = [(where[s], where[e - 1] + 1) for s, e in found]
    counted = []
    for start, end in found:
        name = host(rejoined[start:end] if where is None else _rejoin(text.normalised[start:end]))
        original = text.span(start, end).text
        if (allowed(name, domains) or official(name)) and not _look_alike(original):
            continue  # the site's own domain, even one named after an office ("bansos-kediri"),
            # and the state's and the banks' own: a reader quoting them sells nothing
        counted.append((start, end))
        if impostor(name, original):
            spans.setdefault("link:impostor", []).append((start, end))
        kind = (
            "link:whatsapp"
            if name in WHATSAPP
            else "link:shortener"
            if name in SHORTENERS
            else "link:video"
            if name in VIDEO
            else "link:domain"
        )
        spans.setdefault(kind, []).append((start, end))
        if where is not None and _rejoin(text.normalised[start:end]) != text.normalised[start:end]:
            spans.setdefault("link:disguised", []).append((start, end))
    if len(counted) >= MANY:
        spans["link:many"] = counted
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


def impostor(name: str, original: str) -> bool:
    """Whether host ``name`` passes for an official one: written with look-alike letters
    (``original`` is not ASCII), or borrowing an authority's name off its real domain."""
    if not original.isascii():
        return True
    if official(name):
        return False
    parts = re.split(r"[.-]", name)[:-1]  # the TLD aside
    return bool(_AUTHORITY_LONG.search(name)) or not _AUTHORITY_SHORT.isdisjoint(parts)


def official(name: str) -> bool:
    """Whether host ``name`` is the state's (``.go.id``, which only its offices can register)
    or a bank's or a state company's own domain (``OFFICIAL``)."""
    return name.endswith(".go.id") or allowed(name, OFFICIAL)


def _look_alike(original: str) -> bool:
    """Whether a link is written with a non-ASCII letter or digit (a Cyrillic or fullwidth
    look-alike); a bullet spelled for a dot is no such letter."""
    return any(not c.isascii() and c.isalnum() for c in original)


def _label_at(chain: str, at: int) -> str:
    """The host label of ``chain`` that starts at ``at``."""
    return re.split(r"[^a-z0-9-]", chain[at:], maxsplit=1)[0]


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
