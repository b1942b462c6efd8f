"""Gambling wins told without a brand or a link: a stake grown into a payout, a win boasted."""

from __future__ import annotations

import pytest

from moderation.evaluation import Outcome
from moderation.filters import payouts
from moderation.filters.normalise import normalise
from tests.filters.tricks import verdict


def told(body: str) -> list[str]:
    return [what for _, _, what, _ in payouts.payouts(normalise(body))]


@pytest.mark.parametrize(
    "body",
    [
        "modal 30rb doang bisa wd 2,5jt, ga nyangka",
        "kemarin depo 20k eh pagi jadi 1,8jt",
        "put in $20 and cashed out $900 this morning",
        "modal Rp 50.000 wd Rp 3.000.000 lur",
    ],
)
def test_a_small_stake_turned_into_a_big_withdrawal_is_told(body: str) -> None:
    """A sum grown tenfold beside the gambler's words for paying in and out is a stake told."""
    assert told(body) == ["stake to payout"]


@pytest.mark.parametrize(
    "body",
    [
        "alhamdulillah JP 8 juta tadi subuh",
        "iseng spin bentar, langsung cair 6 juta",
        "main semalaman, pecah 12jt bos",
    ],
)
def test_a_big_sum_boasted_as_a_jackpot_is_told(body: str) -> None:
    """A jackpot, a withdrawal, or a payout beside play, with a sum of a million or more."""
    assert told(body) == ["win boasted"]


@pytest.mark.parametrize(
    "body",
    [
        "gaji guru honorer cuma 1,5jt sebulan, kapan naik",
        "panen jagung, modal 8 juta balik 30 juta",
        "BLT cair 600 ribu, total 2,4 juta setahun",
        "nabung 5rb sehari, setahun jadi 1,8jt",
        "modal 2 juta, sekarang omzet warungnya 40 juta sebulan",
        "adik saya depo 200rb tiap hari, sekarang habis 40 juta",
        "rekor pecah, penonton tembus 2 juta orang",
    ],
)
def test_wages_harvests_aid_savings_and_losses_are_no_win(body: str) -> None:
    """Sums in everyday talk, a business grown, aid paid out, or a gambler's loss: no win."""
    assert told(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "modal 50 ewu iso wd 2 juta lur",
        "depo 10rb doang, wd 1,5jt, mantap",
        "Baru JP 9 juta semalam gan",
    ],
)
def test_a_win_told_with_the_gamblers_words_is_held(body: str) -> None:
    """A stake-to-payout or a jackpot told beside "wd", "depo" or "JP" holds with no brand."""
    assert verdict(body) is Outcome.HELD


@pytest.mark.parametrize(
    "body",
    [
        "Polisi gerebek rumah judi online, tersangka mengaku pernah wd 5 juta",
        "tetangga saya depo 500rb tiap hari, total habis 60 juta, rumah dijual",
        "Petani Kediri modal 5 juta bisa panen 30 juta",
    ],
)
def test_news_of_raids_and_angry_readers_are_published(body: str) -> None:
    """A raid retold, a neighbour's loss and a harvest are no win told."""
    assert verdict(body) is Outcome.APPROVED
