"""Sites readers cite as sources (``data/cited-sites.tsv``: news outlets and wires, reference
works, fact-checkers, civil society; and the schools' and universities' own second-level
domains), community pages on social media (``data/community-names.tsv``: a mosque's or a
school's handle), marketplaces (``data/marketplaces.txt``: selling, never cited), and hosts
that borrow a listed outlet's name to pass for it
(``detik-bonus.xyz``, ``detlk.com``): ``links`` counts the latter as impostors."""

from __future__ import annotations

import functools
import re
from importlib import resources

from moderation.filters import topics

# Second-level domains only accredited universities, schools and pesantren can register.
INSTITUTIONS = (".ac.id", ".sch.id", ".ponpes.id")
# ASCII look-alikes folded to the letter they pass for: "detlk" is "detik", "k0mpas" "kompas".
_LOOKS = str.maketrans("01l345", "oiieas")
_DOUBLES = (("rn", "m"), ("vv", "w"))
AFFIX = 5  # a name this long is borrowed also at either end of a label ("detikbonus.xyz")
# TLDs outlets are registered under: a label ending in a guarded name there may be a local
# outlet's own ("beritakompas"-like); on another TLD it poses as the outlet.
OUTLET_TLDS = frozenset(["com", "id", "net", "org", "tv", "co", "news", "media"])
HEAD = 3  # letters a label's head needs before a guarded name to be a word of its own
_PARTS = re.compile(r"[.-]")
SOCIAL = frozenset(
    ["instagram.com", "facebook.com", "fb.com", "tiktok.com", "x.com", "twitter.com", "threads.net"]
)
_HANDLE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)*([a-z0-9-]+\.[a-z]+)/@?([a-z0-9._]+)")


@functools.cache
def _shipped() -> tuple[frozenset[str], frozenset[str]]:
    """The listed domains, and the guarded names folded (``_folded``)."""
    source = (resources.files("moderation.filters") / "data" / "cited-sites.tsv").read_text(
        encoding="utf-8"
    )
    rows = [line.split("\t") for line in source.splitlines() if line and line[0] != "#"]
    domains = frozenset(row[0].strip() for row in rows)
    names = frozenset(_folded(row[2].strip()) for row in rows if len(row) > 2 and row[2].strip())
    return domains, names


def reputable(name: str) -> bool:
    """Whether host ``name`` is a listed site, a page host under one (``jatim.antaranews.com``),
    or a university's, school's or pesantren's own."""
    if name.endswith(INSTITUTIONS):
        return True
    domains, labels = _shipped()[0], name.split(".")
    return any(".".join(labels[i:]) in domains for i in range(len(labels) - 1))


def shop(name: str) -> bool:
    """Whether host ``name`` is a marketplace's (``data/marketplaces.txt``) or a page host under
    one: a link there sells a product, it cites nothing."""
    labels = name.split(".")
    return any(".".join(labels[i:]) in _shops() for i in range(len(labels) - 1))


@functools.cache
def _shops() -> frozenset[str]:
    source = (resources.files("moderation.filters") / "data" / "marketplaces.txt").read_text(
        encoding="utf-8"
    )
    return frozenset(line.strip() for line in source.splitlines() if line and line[0] != "#")


def community(link: str) -> bool:
    """Whether ``link`` (lower case) is a social page whose handle starts with a listed name
    ("instagram.com/masjidagungkediri", "facebook.com/smpn1.pare")."""
    found = _HANDLE.match(link)
    if found is None or found.group(1) not in SOCIAL:
        return False
    return found.group(2).replace(".", "").replace("_", "").startswith(_names())


@functools.cache
def _names() -> tuple[str, ...]:
    source = (resources.files("moderation.filters") / "data" / "community-names.tsv").read_text(
        encoding="utf-8"
    )
    return tuple(line.strip() for line in source.splitlines() if line and line[0] != "#")


def borrowed(name: str) -> bool:
    """Whether host ``name``, itself no listed site, passes for one: a guarded name as a part
    of it ("detik-bonus.xyz", "kompas.com.hadiah.top"), at either end of a part when long
    ("detikbonus.xyz"), or spelled with look-alike letters ("detlk.com", "k0mpas.id")."""
    if reputable(name):
        return False
    names, long = _shipped()[1], _long_names()
    parts = _PARTS.split(name)
    for part in map(_folded, parts[:-1]):  # the TLD aside
        if part in names or part.startswith(long):
            return True
        if part.endswith(long) and _posing(part, parts[-1]):
            return True
    return False


def _posing(part: str, tld: str) -> bool:
    """Whether a label ending in a guarded name poses as the outlet: its head no word of its
    own ("88detik", "xdetik"), a lure ("hadiahreuters"), or on a TLD no outlet uses. A local
    outlet's own name may end in one as a word part ("kabarsore30detik.com")."""
    head = part[: -max(len(n) for n in _long_names() if part.endswith(n))]
    if tld not in OUTLET_TLDS or sum(c.isalpha() for c in head) < HEAD:
        return True
    return topics.inside(head, (topics.Topic.SALE, topics.Topic.PROMO))


@functools.cache
def _long_names() -> tuple[str, ...]:
    """The guarded names borrowed also at either end of a label, as one tuple: ``startswith``
    and ``endswith`` try them all in C (a Python loop over them cost ~40 µs a link)."""
    return tuple(sorted(n for n in _shipped()[1] if len(n) >= AFFIX))


def _folded(label: str) -> str:
    folded = label.translate(_LOOKS)
    for pair, letter in _DOUBLES:
        folded = folded.replace(pair, letter)
    return folded
