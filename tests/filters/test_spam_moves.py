"""Scam moves: families of words by meaning found together, whatever the wording."""

from __future__ import annotations

import pytest

from moderation.filters.normalise import normalise
from moderation.filters.spam import SpamFilter
from moderation.filters.spam_moves import moves
from tests.filters.spam_helpers import context


def rules(body: str) -> list[tuple[str, str]]:
    return [(f.rule, f.detail) for f in moves(normalise(body))]


@pytest.mark.parametrize(
    ("body", "move"),
    [
        ("skor kredit jelek kami normalkan", "clearing"),
        ("we remove your bad credit", "clearing"),
        ("nama di daftar hitam bisa dikeluarkan", "clearing"),
        ("upload swafoto dengan e-KTP", "bansos"),
        ("ketikkan kode verifikasi", "bansos"),
        ("send your bank details", "bansos"),
        ("hadiah sepeda, cukup bayar biaya pengiriman", "giveaway"),
        ("claim the prize, small processing fee", "giveaway"),
        ("tonton video lalu dapat komisi", "task"),
        ("silakan hubungi konsultan kami", "contact"),
        ("profit 5% per hari dijamin", "crypto"),
        ("our recovery experts got the lost funds back", "recovery"),
        ("loker ABK kapal, uang jaminan ditransfer", "job"),
        ("ijazah sarjana tanpa skripsi", "diploma"),
        ("jual akun dengan 10k followers", "accounts"),
        ("bagi hasil dijamin aman", "crypto"),
    ],
)
def test_each_move_is_found_in_words_of_its_own(body: str, move: str) -> None:
    """An erasing verb near a credit record, a sending verb near an identity paper, a prize
    that costs a fee, clicks that are paid: each scam's move, however phrased."""
    assert {rule for rule, _ in rules(body)} == {f"lexicon:{move}"}


def test_recovery_needs_money_a_loss_a_return_and_an_agent() -> None:
    """Lost money got back by someone who offers it is a recovery offer; a lost wallet
    returned, or victims whose money is not back, is not."""
    assert rules("dana yang hilang ditarik kembali oleh tim ahli")[0][0] == "lexicon:recovery"
    assert rules("dompet saya hilang, uangnya dikembalikan utuh") == []
    assert rules("uang kami hilang dan belum kembali") == []


def test_parts_far_apart_are_no_move() -> None:
    """The parts must stand within a few tokens of each other."""
    filler = " ".join(["dan", "lalu"] * 10)
    assert rules(f"kirim salam untuk keluarga {filler} KTP baru sudah jadi") == []


def test_everyday_words_of_one_part_are_no_move() -> None:
    """One part alone says nothing: "hapus", "kirim", "hilang" are everyday words."""
    assert rules("hapus foto lama, kirim pesan ke ibu, kunci hilang") == []


@pytest.mark.parametrize(
    "body",
    [
        "hapus, hapuskan, dihapus, bersihkan semua",
        "membersihkan dan pembersihan selokan desa",
        "menghapus file lama lalu dihapus lagi",
    ],
)
def test_one_part_said_many_ways_is_still_no_move(body: str) -> None:
    """Words of a single part, however many, complete no move (each needs two parts)."""
    assert rules(body) == []


def test_a_move_said_by_a_listed_phrase_is_one_clue() -> None:
    """ "kirim KTP" is a listed phrase and a move: it counts once."""
    clues = SpamFilter.default().clues(normalise("kirim KTP"), context("kirim KTP"))
    assert [c.rule for c in clues].count("lexicon:bansos") == 1


def test_free_shipping_is_no_fee() -> None:
    """ "gratis ongkir" cancels the fee inside it: a shop's free delivery is no advance fee."""
    assert rules("hadiah untuk pembeli pertama, gratis ongkir") == []


def test_a_fee_said_to_be_waived_is_no_fee() -> None:
    """ "tidak ada biaya" cancels the "biaya pendaftaran" it runs into: no advance fee."""
    assert rules("lowongan perawat dibuka, tidak ada biaya pendaftaran") == []
    assert rules("lowongan perawat dibuka, biaya pendaftaran ditransfer") != []


def test_a_way_to_reach_someone_must_come_right_before_the_party() -> None:
    """ "wa kami" asks to be reached; "saya wa anak saya" is a reader messaging a child."""
    assert rules("butuh dana? wa kami") == [("lexicon:contact", "move: reach + party")]
    assert rules("saya wa anak saya tiap hari") == []
