"""Gambling wins told without a brand or a link: a small stake turned into a big withdrawal
("modal 50k bisa wd 2jt", "depo 25rb jadi 3,5jt", "$10 … cashed out $500") and a big sum
boasted as a jackpot or a payout ("JP 7 juta", "iseng main semalam, pagi cair 4 juta").

Sums alone are everyday talk (wages, prices, harvests, aid, savings): a stake grows tenfold
only beside the gambler's own words for paying in and out, and a comment that tells of a loss
("habis 50 juta", "kalah terus") tells the other side of the story, which readers do.
"""

from __future__ import annotations

import itertools
import re

from moderation.filters.text import Text

RULE = "lexicon:judol"
SCORE = 0.45  # below a hold alone; with the word it is told in ("wd", "depo") it holds
PLAYED = 0.5  # a payout told beside the play itself ("iseng main … cair 4 juta") holds alone
RATIO = 10  # a stake grown this many times over: a harvest or a business grows less, or slower
GAP = 48  # characters from the stake to the payout
BOAST = 1_000_000  # the least sum boasted as won
UNITS = {
    "k": 1e3,
    "rb": 1e3,
    "ribu": 1e3,
    "rebu": 1e3,
    "ewu": 1e3,
    "jt": 1e6,
    "juta": 1e6,
    "jeti": 1e6,
    "m": 1e9,
    "miliar": 1e9,
    "milyar": 1e9,
}
# A sum with its unit or currency: "50k", "3,5jt", "Rp 2.000.000", "$500" (the normalised view
# keeps numbers as written).
_AMOUNT = re.compile(
    r"(?:\brp\.?\s?|\$)(\d+(?:[.,]\d+)*)(?:\s?(k|rb|ribu|rebu|ewu|jt|juta|jeti|m|miliar|milyar))?\b"
    r"|\b(\d+(?:[.,]\d+)?)\s?(k|rb|ribu|rebu|ewu|jt|juta|jeti|m|miliar|milyar)\b",
    re.ASCII,
)
_DIGIT = re.compile(r"[0-9]")
# Paying in and out, as gamblers say it.
_CASHING = re.compile(
    r"\b(?:depo|deposit|deposited|wd|wede|withdraw|withdrew|cair|cashout|cash out|cashed out|"
    r"jp|jepe|maxwin)\b",
    re.ASCII,
)
# A payout boasted with its sum right after it ("jp 7 juta", "wd 2jt", "cair 4 juta").
_BOASTED = re.compile(
    r"\b(jp|jepe|maxwin|wd|withdraw|withdrew|cashout|cashed out|cair|pecah|tembus)\s"
    r"(?:lagi\s|sebesar\s)?$",
    re.ASCII,
)
# "cair", "pecah", "tembus" are said of aid, of records and of targets too: a win only beside
# play. "main" is any play (a child's football, a visit): it finds the win, but only the
# gambler's own play ("spin", "depo", "slot") makes it hold alone.
_OF_PLAY = frozenset(["cair", "pecah", "tembus"])
_PLAY = re.compile(r"\b(?:main|maen)\b", re.ASCII)
_GAMBLED = re.compile(
    r"\b(?:spin|slot|gacor|depo|deposit|deposited|scatter|maxwin|rtp)\b", re.ASCII
)
_LOSS = re.compile(
    r"\b(?:habis|kalah|hilang|rugi|ludes|amblas|boncos|tekor|bangkrut|lost|lose|losing|"
    r"terjerat|kecanduan|korban)\b",
    re.ASCII,
)


def payouts(text: Text) -> list[tuple[int, int, str, float]]:
    """The stake-to-payout or the boasted win of ``text``, as normalised ``(start, end, what,
    score)``: at most one, the first found."""
    view = text.normalised
    if not _DIGIT.search(view):
        return []  # most comments: no number, no sum
    amounts = [(m.start(), m.end(), _value(m)) for m in _AMOUNT.finditer(view)]
    if not amounts or _LOSS.search(view):
        return []
    for (s1, e1, v1), (s2, e2, v2) in itertools.pairwise(amounts):
        if s2 - e1 <= GAP and v2 >= RATIO * v1 > 0 and _CASHING.search(view, max(0, s1 - 24), e2):
            return [(s1, e2, "stake to payout", _score(view))]
    for start, end, value in amounts:
        boast = _BOASTED.search(view, max(0, start - 24), start)
        played = _PLAY.search(view) or _GAMBLED.search(view)
        if boast and value >= BOAST and (boast.group(1) not in _OF_PLAY or played):
            return [(boast.start(), end, "win boasted", _score(view))]
    return []


def _score(view: str) -> float:
    return PLAYED if _GAMBLED.search(view) else SCORE


def _value(match: re.Match[str]) -> float:
    number = match.group(1) or match.group(3)
    unit = match.group(2) or match.group(4)
    if unit is None:  # "Rp 2.000.000", "$1,500": separators group thousands
        number = re.sub(r"[.,](?=\d{3}\b)", "", number).replace(",", ".")
    else:  # "3,5jt", "2.5 juta"
        number = number.replace(",", ".")
    try:
        value = float(number)
    except ValueError:  # "1.2.3jt": no sum
        return 0.0
    return value * UNITS.get(unit or "", 1.0)
