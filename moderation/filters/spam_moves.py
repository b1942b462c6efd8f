"""Scam moves told by their parts standing together (``data/spam-moves.tsv``), whatever the
words: clearing a credit record ("bersihkan" … "riwayat kredit"), handing over identity or
bank data ("kirim foto" … "KTP"), an agent getting lost money back ("dana hilang" … "tim" …
"tarik kembali"), a prize that costs a fee, clicks paid for, a return by the day or pledged,
a contact ask, a job that costs a fee first, a diploma without study or for sale, an account
or its followers for sale. Each part is a family of words by meaning; a move is found when a
word of each of its parts stands within a few tokens of the others (``SPAN``, or the move's
own span), in any order unless the move says. One automaton pass over the letters view; the
token positions are looked up only when a part was found.
"""

from __future__ import annotations

import bisect
import functools
from typing import NamedTuple

from moderation.filters import automaton
from moderation.filters.automaton import Automaton
from moderation.filters.text import Text
from moderation.models import Action, FilterName, Finding

VERSION = "spam-moves-3"
SPAN = 14  # tokens from the first part's word to the last's


class Move(NamedTuple):
    rule: str  # a lexicon category's rule, so context reads it as that category
    parts: tuple[str, ...]
    score: float
    span: int = SPAN
    ordered: bool = False  # the parts must come in this order


# Below the hold alone (a contact, a link or a listed phrase beside one holds), but for the
# two that have no innocent reading: a recovery offer and a prize that costs a fee.
MOVES = (
    Move("lexicon:clearing", ("clear", "record"), 0.45),
    Move("lexicon:bansos", ("send", "document"), 0.45),
    # The victim ("money", "lost") courted by someone who gets it back: a recovery offer.
    Move("lexicon:recovery", ("money", "lost", "recover", "agent"), 0.5),
    # A prize or a handout that costs a fee first ("hadiah motor … biaya ongkir").
    Move("lexicon:giveaway", ("gift", "fee"), 0.5),
    # Clicks paid for ("kasih rating … komisi", "like video … dibayar").
    Move("lexicon:task", ("task", "pay"), 0.35),
    # A return promised by the day or the week ("profit 5% per hari", "200% returns weekly").
    Move("lexicon:crypto", ("yield", "period"), 0.45, span=4),
    # A return pledged on money put in ("bagi hasil tetap", "guaranteed ... returns").
    Move("lexicon:crypto", ("yield", "guarantee"), 0.4, span=4),
    # Cash handed out beside identity data ("santunan ... data KTP"): the fake official's bait,
    # below a hold alone; with the ask to send the papers it holds.
    Move("lexicon:bansos", ("handout", "document"), 0.3),
    # A handout or a prize to be claimed ("bagi-bagi hadiah … klaim di …"), or aid applied
    # for through an online form ("bantuan … daftar lewat form ini"): below a hold alone, as
    # news says both; with a link, a contact or a listed phrase beside it, it holds.
    Move("lexicon:giveaway", ("gift", "claim"), 0.4),
    Move("lexicon:bansos", ("handout", "claim"), 0.4),
    Move("lexicon:bansos", ("handout", "form"), 0.35),
    # A job that costs a fee before it starts ("lowongan ABK ... biaya medical"), a diploma
    # without the study or for sale, an account or its followers for sale: no innocent reading.
    Move("lexicon:job", ("job", "upfront"), 0.5),
    Move("lexicon:diploma", ("certificate", "nostudy"), 0.5),
    Move("lexicon:diploma", ("sale", "diploma"), 0.5, span=3),
    Move("lexicon:accounts", ("sale", "account"), 0.5, span=3),
    # A way to reach the seller, said as verb and party side by side ("hubungi konsultan kami").
    Move("lexicon:contact", ("reach", "party"), 0.3, span=1, ordered=True),
)
FEWEST_PARTS = min(len(set(move.parts)) for move in MOVES)  # distinct parts of the shortest move
CANCEL = "-"  # a part of that name cancels the parts it touches ("gratis ongkir", "tanpa biaya")


@functools.cache
def _parts() -> Automaton[str]:
    return automaton.shared(automaton.shipped("spam-moves.tsv"))


def moves(text: Text) -> list[Finding]:
    """One finding per move whose parts all stand within its span of each other."""
    view = text.words
    found = [(s, e, part) for s, e, _, parts in _parts().words(view.normalised) for part in parts]
    cancelled = [(s, e) for s, e, part in found if part == CANCEL]
    if cancelled:
        touched = automaton.overlapping(cancelled)
        found = [(s, e, part) for s, e, part in found if part != CANCEL and not touched(s, e)]
    wanted = {part for _, _, part in found}
    if len(wanted) < FEWEST_PARTS:
        return []  # most comments: no move's parts all there, whichever move
    out = []
    for move in MOVES:
        if not wanted.issuperset(move.parts):
            continue
        starts = view.bounds[0]
        hits = sorted(
            (bisect.bisect_right(starts, s) - 1, s, e, part)
            for s, e, part in found
            if part in move.parts
        )
        window = _window(hits, move)
        if window:
            out.append(
                Finding(
                    filter=FilterName.SPAM,
                    rule=move.rule,
                    action=Action.HOLD,
                    score=move.score,
                    spans=tuple(view.span(s, e) for _, s, e, _ in window),
                    version=VERSION,
                    detail="move: " + " + ".join(move.parts),
                )
            )
    return out


def _window(
    hits: list[tuple[int, int, int, str]], move: Move
) -> list[tuple[int, int, int, str]] | None:
    """The first run of ``hits`` (sorted by token) that holds every part of ``move`` within its
    span (in its order if it is ``ordered``), one hit per part (the latest seen); ``None`` if
    there is none."""
    latest: dict[str, tuple[int, int, int, str]] = {}
    for hit in hits:
        latest[hit[3]] = hit
        near = sorted(h for h in latest.values() if hit[0] - h[0] <= move.span)
        if len(near) == len(move.parts) and (
            not move.ordered or tuple(h[3] for h in near) == move.parts
        ):
            return near
    return None
