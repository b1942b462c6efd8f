"""Links in a comment: how many, to where, and whether they hide behind a shortener or lead
into a WhatsApp group. Domains the site allows (``Policy.allowed_domains``) and the state's and
the banks' own domains never count, unless written with look-alike letters; a host that borrows
an office's, a bank's or a news outlet's name (``sources``) off its real domain is an impostor."""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderation.filters import sources
from moderation.filters.text import Text, rewrite
from moderation.models import Action, FilterName, Finding

VERSION = "links-3"
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
        # Ad-paid shorteners and link-lockers: the poster earns on every click.
        "adf.ly",
        "ouo.io",
        "shorte.st",
        "sh.st",
        "bc.vc",
        "linkvertise.com",
        "bit.do",
        "j.mp",
        "binbox.io",
    ]
)
WHATSAPP = frozenset(["chat.whatsapp.com", "wa.me", "api.whatsapp.com", "wa.link", "t.me"])
# A video is the link readers share most ("lihat di youtu.be/…"): weaker than another domain,
# so a video link needs a clearer sign of selling beside it before a hold.
VIDEO = frozenset(["youtube.com", "youtu.be", "m.youtube.com", "music.youtube.com"])
# ... but a channel's page is the poster's own shop window: it counts as any other domain.
_CHANNEL = re.compile(r"youtube\.com/(?:channel/|user/|c/|@)")
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
    "link:promoted": 0.3,
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
        # The state's own portals off ``.go.id``: where readers report scams and gambling.
        "aduankonten.id",
        "cekrekening.id",
        "patrolisiber.id",
        "indonesiabaik.id",
    ]
)
# Second-level domains only the state's offices, the army and villages can register.
STATE_SUFFIXES = (".go.id", ".mil.id", ".desa.id")
MANY = 3
_TRAILING = frozenset(".,;:!?)]}")
# What readers quote and what they sell: an article or a site's home page, or one's own
# channel, shop, referral or ad. A link to a page is promoted when it is nearly the whole
# comment (a reader quoting news says why) or comes just after a request to follow it. A
# shortener hides where it leads, so it counts as such a page wherever it leads.
BARE = 1  # words besides the links, at most ("thanks", "here")
_TOKEN = re.compile(r"[^\W_]+")
_WORDLIKE = re.compile(r"[^\W\d_]{2}")
_SLUG = re.compile(r"(?:^|/)(?:[a-z]{2,}[-_]){2,}[a-z]{2,}|(?:^|/)(?:19|20)[0-9]{2}/[01]?[0-9]/")
_REQUEST = re.compile(
    r"\b(?:check(?: it)? out|check|visit|go to|click|watch|see|look at|search|subscribe|"
    r"cek|cekidot|kunjungi|mampir(?: ke)?|klik|buka|kepoin|follow)"
    r"(?:\s+(?:on|at|to|here|this|my|our|di|ke|sini|ya|aja|link))*\s*[:\W]*$"
)


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
# A full stop with a space before it ends many a sentence ("datang . terima kasih", "cok . gg
# reza"): it is read as a host's dot only before a TLD that spells no everyday word, after a
# label with a digit in it ("gacor77 . top"), or where the rejoined host is a shortener or a
# chat link ("bit . ly", "t . me"), which no sentence spells.
_SPACED_TLDS = _ODD_TLDS | {"id", "io", "gl", "xyz", "site", "online", "info", "pw", "cfd", "sbs"}
_SPACED_TLDS -= {"top", "win", "bet"}
_CHAT_HOSTS = SHORTENERS | WHATSAPP


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
        if not _hostlike(m.group()):
            continue
        pieces += [
            (m.start() + p.start(), m.start() + p.end(), _joint(p))
            for p in _PART.finditer(m.group())
        ]
    if not pieces:
        return normalised, None
    return rewrite(normalised, pieces)


def _hostlike(chain: str) -> bool:
    """Whether every spaced full stop of ``chain`` stands where a host has a dot (see
    ``_SPACED_TLDS``); a bracketed or spelled-out dot is a host's wherever it stands."""
    spaced = [p for p in _PART.finditer(chain) if p.group().strip() == "."]
    if not spaced:
        return True
    if host(_PART.sub(_joint, chain)) in _CHAT_HOSTS:
        return True
    return all(
        _label_at(chain, p.end()) in _SPACED_TLDS
        or any(c.isdigit() for c in _label_before(chain, p.start()))
        for p in spaced
    )


def _joint(part: re.Match[str]) -> str:
    return "/" if "/" in part.group() else "."


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
    counted: list[tuple[int, int]] = []
    promotable: list[tuple[int, int]] = []
    for start, end in found:
        name = host(rejoined_link(text, start, end, where))
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
            if name in VIDEO and not is_channel(rejoined_link(text, start, end, where))
            else "link:domain"
        )
        spans.setdefault(kind, []).append((start, end))
        if kind == "link:shortener" or (
            kind == "link:domain"
            and not sources.reputable(name)  # "wiki/Gangnam_Style", "bbc.com/…/articles/c123"
            and page(rejoined_link(text, start, end, where))
        ):
            promotable.append((start, end))
        if where is not None and _rejoin(text.normalised[start:end]) != text.normalised[start:end]:
            spans.setdefault("link:disguised", []).append((start, end))
    if len(counted) >= MANY:
        spans["link:many"] = counted
    if promotable and _promoting(text.normalised, counted, promotable):
        spans["link:promoted"] = promotable
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
    """Whether host ``name`` passes for an official one or a news outlet: written with
    look-alike letters (``original`` is not ASCII), or borrowing an authority's or an outlet's
    name off its real domain."""
    if not original.isascii():
        return True
    if official(name):
        return False
    parts = re.split(r"[.-]", name)[:-1]  # the TLD aside
    if _AUTHORITY_LONG.search(name) or not _AUTHORITY_SHORT.isdisjoint(parts):
        return True
    return sources.borrowed(name)


def is_channel(link: str) -> bool:
    """Whether a YouTube ``link`` leads to a channel's page, not to a video."""
    return bool(_CHANNEL.search(link))


def official(name: str) -> bool:
    """Whether host ``name`` is the state's (``.go.id``, ``.desa.id``: only its offices can
    register them) or a bank's or a state company's own domain (``OFFICIAL``)."""
    return name.endswith(STATE_SUFFIXES) or allowed(name, OFFICIAL)


def _look_alike(original: str) -> bool:
    """Whether a link is written with a non-ASCII letter or digit (a Cyrillic or fullwidth
    look-alike); a bullet spelled for a dot is no such letter."""
    return any(not c.isascii() and c.isalnum() for c in original)


def _label_before(chain: str, at: int) -> str:
    """The host label of ``chain`` that ends at ``at``."""
    return re.split(r"[^a-z0-9-]", chain[:at])[-1]


def _label_at(chain: str, at: int) -> str:
    """The host label of ``chain`` that starts at ``at``."""
    return re.split(r"[^a-z0-9-]", chain[at:], maxsplit=1)[0]


def rejoined_link(text: Text, start: int, end: int, where: list[int] | None) -> str:
    """The link at ``text.normalised[start:end]`` with its spelled-out dots rejoined."""
    link = text.normalised[start:end]
    return link if where is None else _rejoin(link)


def page(link: str) -> bool:
    """Whether ``link`` leads to a page that is not an article: a path past the host (a
    channel, a shop, a referral code, a file) but neither a dated path nor a slug of a title
    (``/2026/11/28/…``, ``/warga-desa-gotong-royong``), which readers quote as a source."""
    path = path_of(link)
    return bool(path.strip("/")) and not _SLUG.search(path.partition("?")[0])


def path_of(link: str) -> str:
    """What follows ``link``'s host: ``x.com/a/b?c`` → ``a/b?c`` ('' for a bare host)."""
    return (link.partition("//")[2] if "//" in link else link).partition("/")[2]


def _promoting(
    normalised: str, counted: list[tuple[int, int]], links: list[tuple[int, int]]
) -> bool:
    """Whether the comment promotes its ``links`` (pages, ``page``): a link and little else
    (``BARE`` words), or a request to follow it just before it ("check out www…",
    "kunjungi …")."""
    if _words_outside(normalised, sorted(counted)) <= BARE:
        return True
    return any(_REQUEST.search(normalised, max(0, start - 40), start) for start, _ in links)


def _words_outside(normalised: str, spans: list[tuple[int, int]]) -> int:
    """How many words stand outside ``spans`` (sorted, not overlapping), counted up to one
    past ``BARE``: one sweep, however many links."""
    count = i = 0
    for m in _TOKEN.finditer(normalised):
        start, end = m.span()
        while i < len(spans) and spans[i][1] <= start:
            i += 1
        if i < len(spans) and spans[i][0] <= start and end <= spans[i][1]:
            continue
        if _WORDLIKE.search(m.group()):
            count += 1
            if count > BARE:
                break
    return count


def _trimmed(link: str) -> str:
    """``link`` without the sentence's punctuation after it ("di https://kemensos.go.id, ...",
    "(lihat https://x.go.id)"); a closing bracket the link opened stays."""
    while link and link[-1] in _TRAILING:
        if link[-1] == ")" and link.count("(") >= link.count(")"):
            break
        link = link[:-1]
    return link


def _rejoin(link: str) -> str:
    return view(link)[0]


def _found(text: str) -> list[tuple[int, int]]:
    """Every link's span: scheme and www. URLs whole, dotted chains cut after their last TLD."""
    found = []
    for m in _CANDIDATE.finditer(text):
        link = m.group()
        if link.startswith(("http://", "https://", "www.")):
            found.append((m.start(), m.start() + len(_trimmed(link))))
            continue
        name, slash, _ = link.partition("/")
        labels = name.split(".")
        last = next((i for i in range(len(labels) - 1, 0, -1) if labels[i] in TLDS), 0)
        if last:
            cut = len(".".join(labels[: last + 1]))
            end = m.end() if slash and last == len(labels) - 1 else m.start() + cut
            found.append((m.start(), end))
    return found
