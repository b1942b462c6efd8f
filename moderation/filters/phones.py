"""Phone numbers, and worse, phone numbers offered for a chat: the WhatsApp solicitation of
loan, gambling and "obat" sellers (``WA 0812-3456-7890``, ``hub +62 812 3456 7890``). A foreign
number with its country code (``+44 7935 454150 talk to me``) counts only where it is offered:
an embassy's line quoted from the news is no clue, and office lines (``+62 21 …``) never are.

Numbers are read from a digits view that undoes the usual disguises: keycap and circled digits
(folded by ``normalise``), spelled-out digits, also among digit groups and in colloquial or
Javanese words (``nol delapan satu dua``, ``08 satu dua 3``, ``kosong lapan``, ``nol wolu``),
letters for digits inside a number-like run (``O8l2``, ``S`` for 5), and bullets or spaces
between digit groups (``08•12•34``, ``0 8 5 7``). The numbers national offices publish
(``data/official-numbers.tsv``: OJK's, Kemensos', BPJS Kesehatan's WhatsApp lines) are never
clues, like the site's hotlines."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from importlib import resources

from moderation.filters.text import Text, rewrite
from moderation.models import Action, FilterName, Finding

VERSION = "phones-5"
_SPELLED = {
    "nol": "0",
    "kosong": "0",
    "satu": "1",
    "dua": "2",
    "tiga": "3",
    "empat": "4",
    "lima": "5",
    "enam": "6",
    "tujuh": "7",
    "delapan": "8",
    "sembilan": "9",
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    # colloquial and Javanese digits ("kosong lapan", "nol wolu siji loro")
    "lapan": "8",
    "dlapan": "8",
    "siji": "1",
    "loro": "2",
    "telu": "3",
    "papat": "4",
    "limo": "5",
    "enem": "6",
    "pitu": "7",
    "wolu": "8",
    "songo": "9",
    "sanga": "9",
}
# Three or more spelled digits or digit groups in a row ("08 satu dua 3 empat"), of which the
# spelled ones are rewritten; items and separators are disjoint classes: linear.
_ITEM = r"(?:" + "|".join(sorted(_SPELLED, key=len, reverse=True)) + r"|[0-9]+)"
_WORDS = re.compile(rf"\b{_ITEM}(?:[\s,.-]+{_ITEM}){{2,}}\b")
_LETTERS = re.compile(r"[a-z]+")
_DIGITISH = "0-9ol|isbz+"
# A run of digit-like characters with at most three separators between any two of them
# ("0857 - 2211"). The two classes are disjoint, so the match is linear.
_RUN = re.compile(rf"(?<![a-z0-9])[{_DIGITISH}](?:[\s.\-–—•·*_/()]{{0,3}}[{_DIGITISH}]){{8,18}}")
_GROUP = re.compile(rf"[{_DIGITISH}]+")
_AS_DIGIT = str.maketrans("olisbz|", "0115821")
_MOBILE = re.compile(r"(?:\+?62|0)8\d{7,12}")
# Another country's number, written with its code and in plain digits (E.164: at most 15).
_FOREIGN = re.compile(r"\+(?!62)[1-9]\d{7,14}")
MIN_DIGITS = 6  # real digits a disguised number still has (so words are never numbers)
_DIGITS = "0123456789"
_ASCII_LETTERS = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_SPELLED_BYTES = frozenset(w.encode() for w in _SPELLED)
_ASK = re.compile(
    r"\b(?:wa|whatsapp|whatshap|watsap|wasap|hub|hubungi|kontak|contact|call|sms|chat|telegram|"
    r"tele|tlp|telp|telpon|telepon|line|dm|admin|cs|info)\b"
)
# A foreign number is offered by a chat ask or a call to oneself ("text me", "talk to me",
# "call me"); "hubungi KBRI di +44 …" quotes an office's line.
_OFFERED = re.compile(
    r"\b(?:wa|whatsapp|watsap|wasap|telegram|sms|chat|dm|text|talk|message|msg|viber|signal)\b"
    r"|\b(?:call|contact|reach|ring|hubungi|kontak|telpon|telepon)\s+(?:me|us|saya|aku|kami)\b"
)
SCORES = {"phone:solicit": 0.7, "phone:number": 0.4}
NEAR = 40  # characters between the ask and the number
AFTER = 20  # ... or between the number and an ask after it ("0812… hubungi segera")


def numbers(normalised: str) -> list[tuple[int, int]]:
    """Spans (in ``normalised``) of Indonesian mobile numbers, however disguised."""
    return [(start, end) for start, end, _ in _numbers(normalised)]


def _numbers(normalised: str) -> list[tuple[int, int, str]]:
    """Each number's span and its digits in the local form (``+62 812…`` → ``0812…``)."""
    if sum(map(normalised.count, _DIGITS)) < MIN_DIGITS and _SPELLED_BYTES.isdisjoint(
        _ascii_words(normalised)
    ):
        return []  # most comments: too few digits for any number and none spelled, in C
    view, where = _spelled_out(normalised)
    found = []
    for m in _RUN.finditer(view):
        groups = [g for g in _GROUP.finditer(m.group()) if any(c.isdigit() for c in g.group())]
        if not groups:
            continue
        run = m.group()[groups[0].start() : groups[-1].end()]  # words at either end stay words
        digits = "".join(c for c in run.translate(_AS_DIGIT) if c.isdigit() or c == "+")
        if sum(c.isdigit() for c in run) >= MIN_DIGITS and _dialled(run, digits):
            start, end = m.start() + groups[0].start(), m.start() + groups[-1].end()
            last = where[end - 1] + 1
            while (
                last < len(normalised)
                and normalised[last - 1].isalpha()
                and (normalised[last].isalpha())
            ):
                last += 1  # to the end of a spelled-out last digit
            found.append((where[start], last, local(digits)))
    return found


def _dialled(run: str, digits: str) -> bool:
    """Whether ``digits`` (read from ``run``) are an Indonesian mobile or a foreign number."""
    if _MOBILE.fullmatch(digits):
        return True
    return bool(_FOREIGN.fullmatch(digits)) and not any(c.isalpha() for c in run)


def local(digits: str) -> str:
    """A number as dialled inside Indonesia: ``+62``/``62`` becomes ``0``."""
    digits = digits.lstrip("+")
    return "0" + digits[2:] if digits.startswith("62") else digits


def _ascii_words(text: str) -> set[bytes]:
    """The ASCII letter runs of ``text``: a spelled digit (``\\b`` on both sides) is one."""
    return set(text.encode("ascii", "replace").translate(_ASCII_LETTERS).split())


def _spelled_out(text: str) -> tuple[str, Sequence[int]]:
    """``text`` with runs of spelled digits written as digits, and each character's source."""
    if _SPELLED_BYTES.isdisjoint(_ascii_words(text)) or not _WORDS.search(text):
        return text, range(len(text))
    return rewrite(
        text,
        (
            (m.start() + w.start(), m.start() + w.end(), _SPELLED[w.group()])
            for m in _WORDS.finditer(text)
            for w in _LETTERS.finditer(m.group())
        ),
    )


@functools.cache
def official() -> frozenset[str]:
    """The national offices' published numbers (``data/official-numbers.tsv``), dialled locally."""
    source = (resources.files("moderation.filters") / "data" / "official-numbers.tsv").read_text(
        encoding="utf-8"
    )
    rows = (line.split("\t")[0] for line in source.splitlines() if line and line[0] != "#")
    return frozenset(local(number.strip()) for number in rows)


def phones(text: Text, hotlines: Iterable[str] = ()) -> list[Finding]:
    """Numbers found in ``text``, except the site's own ``hotlines`` (``Policy.hotlines``) and
    the national offices' published numbers (``official``)."""
    normalised = text.normalised
    found = _numbers(normalised)
    if found:
        trusted = official().union(map(local, hotlines))
        found = [n for n in found if n[2] not in trusted]
    if not found:
        return []
    asks = [m.span() for m in _ASK.finditer(normalised)]
    offers = [m.span() for m in _OFFERED.finditer(normalised)]
    findings = []
    for start, end, number in found:
        foreign = not number.startswith("0")
        solicit = _asked(offers if foreign else asks, start, end)
        if foreign and not solicit:
            continue  # a foreign number not offered: a quoted embassy's or office's line
        rule = "phone:solicit" if solicit else "phone:number"
        findings.append(
            Finding(
                filter=FilterName.SPAM,
                rule=rule,
                action=Action.HOLD,
                score=SCORES[rule],
                spans=(text.span(start, end),),
                version=VERSION,
            )
        )
    return findings


def _asked(asks: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``asks`` (in text order, so their ends ascend too) stands just before the
    number at ``[start, end)`` or just after it: two bisections, however many asks."""
    i = bisect.bisect_left(asks, start - NEAR, key=lambda a: a[1])
    if i < len(asks) and asks[i][1] <= start:
        return True
    j = bisect.bisect_left(asks, end, key=lambda a: a[0])
    return j < len(asks) and asks[j][0] <= end + AFTER
