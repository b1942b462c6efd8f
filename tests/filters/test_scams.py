"""Spam beyond gambling: scam families, promoted brands, offers after praise (both ways)."""

from __future__ import annotations

import pytest

from moderation.evaluation import Outcome
from tests.filters.tricks import STOPPED, verdict


@pytest.mark.parametrize(
    "body",
    [
        "jasa pemutihan BI checking 100% berhasil, hubungi admin",
        "selamat anda terpilih dapat BLT, klaim sekarang",
        "connect your wallet to receive the free crypto",
        "tugas like dan follow, dibayar per tugas 20rb",
        "pesugihan putih tanpa tumbal, hubungi mbah Karto",
        "bocoran angka jitu HK malam ini, gabung grup",
        "recovery agents can get your bitcoin back fast",
    ],
)
def test_scam_families_are_held(body: str) -> None:
    """Loan-record clearing, aid phishing, crypto, task, occult and lottery scams are held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "penipuan berkedok bansos makin marak, waspada",
        "tetangga saya tertipu pesugihan, lapor polisi",
        "beware: crypto recovery agents are a scam",
        "bandar togel di Ngasem ditangkap polisi",
    ],
)
def test_news_and_warnings_about_scams_stay_published(body: str) -> None:
    """Readers discussing a scam are not running it."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "berkat SULTAN88 aku bisa bayar utang",
        "main di RATU303 menang terus",
        "coba KERTAS77 pasti ketagihan",
    ],
)
def test_a_new_brand_with_talk_of_winning_is_held(body: str) -> None:
    """A name-plus-digits brand praised as a way to win is held with no gambling word."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    ["vaksin covid19 dosis ketiga", "bus Harapan Jaya jurusan Surabaya", "Persik menang 2-0"],
)
def test_brand_shapes_without_promotion_stay_published(body: str) -> None:
    """Name-plus-digits tokens alone, or winning talk alone, do not hold."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "informatif sekali. yang mau kerja online dari rumah cek profil",
        "mantap min! butuh dana cepat? DM aku",
        "great news! looking for extra income, check my profile",
    ],
)
def test_offer_after_praise_is_held(body: str) -> None:
    """Praise of the article followed by a private-channel ask is held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "bagus beritanya, profil kepala desa juga perlu diulas",
        "terima kasih, saya sudah DM redaksi soal salah ketik",
        "keren, semoga jadi contoh desa lain",
    ],
)
def test_praise_without_an_offer_is_published(body: str) -> None:
    """Praise alone, or a mention of messaging the newsroom, is ordinary."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "rekening diblokir karena kolektibilitas 5? kami bantu hapus, hubungi kami",
        "kirim KTP dan KK untuk verifikasi data penerima PKH, sebelum hangus",
        "anda menang undian mobil, bayar pajak hadiah dulu ke nomor panitia",
        "dana nyangkut di investasi bodong? pemulihan dana fee setelah berhasil",
        "prediksi hk jitu malam ini, colok bebas pasti tembus, join room",
        "kerja ke Taiwan tanpa paspor, biaya proses 4jt langsung berangkat",
        "keris bertuah penarik rezeki, mahar terjangkau, hubungi mbah",
        "serious people only: part time online job, message me to learn how",
    ],
)
def test_round_three_scam_families_hold(body: str) -> None:
    """Record clearing, aid phishing, prize fees, recovery, togel, job fees, occult, English."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "penipu minta biaya pencairan hadiah ke tetangga saya, jangan percaya",
        "kerja ke Taiwan lewat BP2MI resmi, jangan lewat calo",
        "prediksi cuaca BMKG hari ini hujan deras di Pare",
    ],
)
def test_news_of_the_same_scams_stays_published(body: str) -> None:
    """Readers naming a scam's wording to warn, or the plain news sense, are published."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "artikel yang informatif. sing butuh kerjaan sampingan wa aku wae",
        "mantap tulisannya min! yang mau penghasilan tambahan japri ya",
        "good job reporter. earn from home daily, text me",
    ],
)
def test_a_contact_ask_after_praise_holds(body: str) -> None:
    """Praise of the article, then "wa aku", "japri", "text me", in any of three languages."""
    assert verdict(body) in STOPPED
