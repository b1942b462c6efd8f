"""Spam beyond gambling: scam families, promoted brands, offers after praise (both ways)."""

from __future__ import annotations

from importlib import resources

import pytest

from moderation.evaluation import Outcome
from moderation.filters.normalise import normalise
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


# Round 4: each scam family that is not gambling, three ways said and three innocent
# neighbours each (none of them in the adversarial suite).
FAMILY_SCAMS = [
    ("clearing", "nama kena blacklist bank? tim kami bisa putihkan BI checking, proses 2 hari"),
    ("clearing", "jasa perbaiki skor kredit jelek, langsung bisa ajukan kredit motor, wa admin"),
    ("clearing", "riwayat pinjaman macet dihapus permanen dari SLIK, bayar setelah bersih"),
    (
        "bansos",
        "BLT tahap 2 sudah cair, upload foto KK dan e-KTP lewat link di bio untuk pencairan",
    ),
    ("bansos", "Penerima PKH wajib verifikasi ulang, ketik kode OTP yang masuk ke nomor panitia"),
    ("bansos", "bantuan sosial 1,2 juta, isi nomor rekening dan NIK di bansos-cair.site"),
    ("giveaway", "Pak Kapolda bagi-bagi hadiah untuk 20 pemenang, konfirmasi ke nomor panitia"),
    (
        "giveaway",
        "akun resmi Ibu Bupati: giveaway sepeda listrik, cukup follow dan bayar biaya admin",
    ),
    ("giveaway", "Wali kota bagi bagi rezeki 2 juta per orang, chat admin untuk klaim hadiah"),
    ("crypto", "free USDT airdrop for the first 500 wallets, connect wallet now"),
    ("crypto", "Investasi aman profit 5% per hari, withdraw kapan saja, join sekarang"),
    ("crypto", "uang investasi saya hilang, jasa recovery ini bisa kembalikan semua, hubungi kami"),
    (
        "crypto",
        "my bitcoin was stolen, a hacker recovered it in 48 hours, message me for his contact",
    ),
    ("task", "dicari admin tugas, tinggal like follow akun TikTok, upah per tugas 10rb"),
    ("task", "kerja online nonton video dan subscribe, komisi langsung cair tiap hari"),
    ("task", "earn daily by rating hotels, part time online job, message me"),
    ("pesugihan", "penarik rezeki dan uang gaib tanpa tumbal, mahar ringan, hubungi Ki Ageng"),
    ("pesugihan", "Mbah Wiro bisa menggandakan uang, sudah terbukti ribuan pasien"),
    ("pesugihan", "pesugihan tanpa tumbal dijamin berhasil, cukup japri"),
    ("pesugihan", "dukun sakti Ki Lawu: pelet, penglaris, santet, dijamin manjur"),
    ("togel", "syair HK malam ini sudah terbit, angka main 4D dijamin tembus, join grup VIP"),
    ("togel", "minta angka jitu? gabung room prediksi SGP, colok bebas tiap malam"),
    ("togel", "bocoran sidney hari ini 2D 3D, yang mau ikut langsung japri admin"),
    ("english", "work from home and make $200 a day, serious people only, text me"),
    ("english", "you have won a cash prize, send your details to claim"),
    ("english", "bad credit? fast loan approved in minutes, message me"),
    ("english", "Get paid $25 for every app review you write, sign up today"),
]
FAMILY_NEIGHBOURS = [
    ("clearing", "Bank memberi keringanan bagi debitur kredit macet korban banjir"),
    ("clearing", "Pemutihan denda pajak kendaraan di Samsat Kediri diperpanjang sampai Desember"),
    ("clearing", "OJK: cek SLIK gratis lewat iDebku, waspada calo yang menawarkan pemutihan"),
    ("bansos", "Penyaluran BPNT di Kantor Pos Pare, penerima cukup bawa undangan dan KTP asli"),
    ("bansos", "Dinsos: petugas tidak pernah meminta kode OTP, waspada penipuan bansos"),
    ("bansos", "Data penerima bansos sudah diumumkan di balai desa, silakan dicek"),
    ("giveaway", "Pak Bupati membagikan sembako untuk korban banjir di balai desa Ngasem"),
    ("giveaway", "Kapolres menyerahkan hadiah untuk juara lomba tumpeng"),
    ("giveaway", "Ibu Gubernur meresmikan pasar rakyat dan membagikan bibit pohon"),
    ("crypto", "Harga bitcoin naik lagi, investor ritel di Kediri mulai tertarik"),
    ("crypto", "Untung sehari jualan pecel di pasar Pahing lumayan, alhamdulillah"),
    ("crypto", "OJK mengingatkan aset kripto berisiko tinggi, pilih pedagang yang terdaftar"),
    ("crypto", "Korban investasi bodong melapor ke Polres, uang mereka belum kembali"),
    ("task", "Karang taruna mengadakan lomba video TikTok tentang wisata desa"),
    ("task", "Tugas sekolah anak saya membuat poster tentang sampah plastik"),
    ("task", "Relawan desa dibayar dari dana desa untuk membersihkan saluran air"),
    ("pesugihan", "Ritual pesugihan di Gunung Kawi itu musyrik, jangan ditiru"),
    ("pesugihan", "Polisi menangkap dukun penggandaan uang yang menipu warga Kras"),
    ("pesugihan", "Legenda Gunung Kelud diceritakan lagi di pentas seni sekolah"),
    ("togel", "Bandar togel di Gampengrejo ditangkap polisi bersama barang bukti"),
    ("togel", "Prediksi cuaca hari ini hujan sedang di wilayah Kediri"),
    ("togel", "angka kemiskinan di Kabupaten Kediri turun tahun ini"),
    ("english", "great article about the flood in Kediri, thank you"),
    ("english", "My cousin works from home as a teacher, the new rules help"),
    ("english", "Congratulations to the Persik team for the win"),
]


# Round 5: the families round 4 barely covered, three ways said and their innocent neighbours
# (none of them in the adversarial suite).
ROUND5_SCAMS = [
    ("job", "loker pelayaran: dicari ABK kapal ikan ke Korea, uang jaminan 6 juta dulu"),
    ("job", "Rekrutmen pabrik di Taiwan gaji 30 juta, biaya medical dan visa ditransfer dulu"),
    ("job", "Hiring waiters for a cruise line, send the 200 dollar registration fee to apply"),
    ("diploma", "bisa bantu ijazah D3 tanpa skripsi, legal dan bisa dilacak online"),
    ("diploma", "dijual ijazah SMK lengkap transkrip nilai, harga bersahabat"),
    ("diploma", "TOEFL certificate score 550 without an exam, ready in 3 days"),
    ("accounts", "jual followers TikTok aktif 5k, proses cepat, harga pelajar"),
    ("accounts", "sewa akun Canva Pro dan Netflix murah setahun, langsung aktif"),
    ("accounts", "selling aged Instagram accounts with 20k followers, cheap"),
    ("returns", "setor modal sejuta, bagi hasil dijamin 15% tiap minggu, tanpa risiko"),
    ("returns", "trading kopi berjangka, cuan stabil 4% saben dino, dijamin ora rugi"),
    ("returns", "guaranteed profit of 8% every week on your savings, risk free"),
    ("official", "Staf kecamatan membagikan santunan anak yatim, setor foto KK dan nomor rekening"),
    ("official", "Petugas BPJS: dana bantuan 900rb cair, balas dengan NIK dan kode yang masuk"),
    ("official", "Government officer here: claim a cash grant, reply with your bank PIN"),
]
ROUND5_NEIGHBOURS = [
    ("job", "Disnaker membuka pelatihan kerja gratis untuk pemuda desa, daftar di kantor"),
    ("job", "BP2MI: penempatan ke Jepang tanpa biaya penempatan, awas calo"),
    ("job", "Lowongan guru PPPK diumumkan, pendaftaran lewat portal BKN"),
    ("job", "Lowongan satpam di pabrik gula, tidak ada biaya pendaftaran, bawa lamaran saja"),
    ("diploma", "Wisudawan Universitas Kadiri menerima ijazah di auditorium kampus"),
    ("diploma", "Pemkab menyerahkan sertifikat tanah gratis lewat program PTSL"),
    ("diploma", "Siswa SMA 2 lulus ujian dan menerima sertifikat lomba sains"),
    ("diploma", "Pembuatan ijazah digital oleh Kemendikbud dimulai tahun depan"),
    ("accounts", "Akun Instagram Pemkab Kediri sekarang punya 100 ribu pengikut"),
    ("accounts", "jual beli motor bekas di pasar Pahing makin ramai menjelang lebaran"),
    ("accounts", "Harga BBM premium di SPBU Kediri tidak naik bulan ini"),
    ("accounts", "Langganan Netflix sekarang lebih murah dari tahun lalu"),
    ("accounts", "Jumlah followers akun Pemkab tambah banyak tahun ini"),
    ("returns", "Deposito di bank itu bunga 4% setahun, jelas diawasi OJK"),
    ("returns", "Investasi bodong yang janji untung pasti tiap minggu itu skema ponzi"),
    ("returns", "Pabrik gula Ngadirejo menggiling ribuan ton tebu setiap hari"),
    ("official", "Pak Camat membagikan bantuan beras, warga cukup membawa KTP ke balai desa"),
    ("official", "Dinsos tidak pernah meminta foto KTP lewat WA, waspada penipuan bantuan"),
    ("official", "Tiket konser amal bisa dibeli di situs resmi panitia, jangan beli di calo"),
    ("official", "Pendaftaran PPDB lewat situs resmi Dinas Pendidikan, formulirnya di sana"),
]


@pytest.mark.parametrize(("family", "body"), [*FAMILY_SCAMS, *ROUND5_SCAMS])
def test_every_scam_family_is_held_however_it_is_worded(family: str, body: str) -> None:
    """Record clearing, aid phishing, officials' giveaways, crypto, tasks, occult, togel rooms,
    English offers, jobs for a fee, bought diplomas, accounts for sale, pledged returns and
    officials paying cash for identity data hold in wordings of their own."""
    assert verdict(body) in STOPPED, family


@pytest.mark.parametrize(("family", "body"), [*FAMILY_NEIGHBOURS, *ROUND5_NEIGHBOURS])
def test_every_scam_familys_innocent_neighbours_are_published(family: str, body: str) -> None:
    """News, official notices and ordinary talk beside each scam family (job fairs,
    graduations, bank rates, official websites for tickets and forms) are published."""
    assert verdict(body) is Outcome.APPROVED, family


@pytest.mark.parametrize(
    "body",
    [
        "jajal PELANGI88 lur, wis kebukti gampang tembus",
        "nang SURYA77 mesti metu, aku wingi entuk sak yuta",
        "golek rejeki nang MAKMUR303 wae, menang terus",
        "wis tak buktikno dhewe nang RAME4D, saben dino metu",
        "pokoke nang BOLO88 ae, wis akeh sing sugih",
    ],
)
def test_a_new_brand_praised_in_javanese_is_held(body: str) -> None:
    """A bare brand with Javanese talk of winning ("wis kebukti", "mesti metu") is held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "bis Harapan Jaya jurusan Kediri Surabaya mangkat jam 7",
        "aku wingi jajal soto Mbok Giyem, enak tenan",
        "Persik menang terus, mugo-mugo juara musim iki",
    ],
)
def test_javanese_talk_of_trying_and_winning_without_a_brand_is_published(body: str) -> None:
    """ "jajal", "menang terus" of a soto stall, a bus or a football club are ordinary."""
    assert verdict(body) is Outcome.APPROVED


# Round 8: each scam kind in new wordings, and the readers who warn about it, quote the
# official channel or the scammer's number, retell it as news or ask whether it is a scam
# (none of them in the adversarial suite).
ROUND8_SCAMS = [
    ("clearing", "Jasa pelunasan galbay pinjol, nama langsung bersih di SLIK, chat aja"),
    ("clearing", "Catatan kredit macet bisa dihapus dari sistem OJK, bayar setelah berhasil"),
    ("clearing", "Your credit score can be fixed in 7 days, message me for the service"),
    ("form", "Warga yang belum dapat bantuan silakan daftar lewat form ini: forms.gle/abc123"),
    ("form", "Bansos lansia cair, daftarkan KTP kamu di link ini sebelum ditutup"),
    ("form", "Pendaftaran bansos PKH 2026 sudah dibuka, isi data lewat link berikut"),
    ("official", "Pak Bupati bagi sembako dan uang tunai, klaim jatahmu di link profil"),
    ("official", "Bupati bagi-bagi hadiah motor untuk 50 warga, klaim di wa.me/6281234567890"),
    ("official", "Bu Camat bagi hadiah sepeda, ambil jatahmu sekarang, chat admin"),
    ("task", "Kerja santai dibayar 50rb per like, cukup like video youtube, minat wa"),
    ("task", "Tugas subscribe channel dibayar per subscribe 5rb, langsung cair ke DANA"),
    ("task", "Cuma like video dapat 10rb per like, ayo gabung grup telegram"),
    ("occult", "Ritual penarik kekayaan dijamin kaya dalam 7 hari, mahar terjangkau"),
    ("occult", "Ilmu kekayaan dari Ki Ageng, rezeki lancar dijamin kaya, mahar ringan"),
    ("occult", "Sugih tanpa kerja, ritual kekayaan Gunung Srandil, japri wae"),
    ("togel", "Info angka keluar nanti malam, join telegram prediksi, 100% akurat"),
    ("togel", "Prediksi angka 4D malam ini, gabung telegram prediksi gratis"),
    ("togel", "Room prediksi togel HK SGP SDY, angka keluar nanti malam pasti tembus"),
    ("job", "Dibutuhkan karyawan pabrik di Batam, biaya pelatihan 750rb ditransfer dulu"),
    ("job", "Lowongan kerjo nang pabrik, bayar pendaftaran 300 ewu disik"),
    ("job", "Dicari karyawan toko, gaji 4 juta, bayar pendaftaran 150rb dulu via DANA"),
]
# A decoy warning then the seller's own testimony: the warning clears nothing.
DECOY_WARNINGS = [
    "Saya sering tertipu dukun palsu, akhirnya ketemu Mbah Joyo, pesugihan tanpa tumbal",
    "Jangan mau ditipu dukun abal-abal, Ki Sabdo asli, dana gaib cair dalam 3 hari",
    "Awas banyak dukun palsu. Saya dibantu Mbah Suro, uang gaib 100 juta cair, mahar ringan",
    "Dulu aku korban penipuan, berkat bantuan Ki Ageng usaha lancar, penglaris ampuh",
    "Waspada pinjol ilegal! pinjaman resmi cair cepat tanpa jaminan, chat aja",
]
ROUND8_READERS = [
    ("exposed", "Awas, WA 0857-1234-9876 ngaku dari pemkab minta uang, itu penipuan"),
    ("exposed", "Saya ditelepon 0813 9999 8888 katanya menang undian, langsung saya blokir"),
    ("exposed", "Dapat WA dari 0812 0000 1111 katanya saya dapat hadiah mobil, itu modus"),
    ("exposed", "Nomor penipu 0819-8765-4321, udah saya laporkan ke polisi"),
    ("news", "Modusnya pelaku mengaku pegawai bank dan menawarkan pemutihan data BI checking"),
    ("news", "Tersangka menawarkan kerja like video dibayar per like, korban rugi jutaan"),
    ("news", "Polisi mengungkap sindikat pesugihan yang menipu warga dengan penggandaan uang"),
    ("doubt", "Ada yang tahu link bansos-kemensos.online ini asli atau palsu?"),
    ("doubt", "Kok ada yang nawarin hapus data SLIK, emang bisa ya?"),
    ("doubt", "Saya dapat tawaran kerja like video dibayar per like, itu scam bukan sih?"),
    (
        "official",
        "Cek penerima bansos resmi di cekbansos.kemensos.go.id, jangan isi data di link lain",
    ),
    ("official", "Hati-hati hadiah atas nama bupati, info resmi hanya di kedirikab.go.id"),
    ("official", "Pengaduan penipuan pinjol ke Kontak OJK 157 atau WA 081157157157"),
    ("venue", "Warga diminta datang ke balai desa mengisi formulir bantuan, bawa KK"),
    ("venue", "Pemenang lomba bisa klaim hadiahnya di kantor kecamatan besok"),
    ("javanese", "Ojo percoyo lowongan sing kon mbayar disik, mesti apus-apus"),
    ("javanese", "Ati-ati lur, ono sing ngaku bupati bagi-bagi hadiah, iku apus-apus"),
    ("plain", "Bupati kemarin bagi-bagi hadiah untuk juara lomba 17an di alun-alun"),
    ("plain", "Dukun di desa kami biasanya cuma pijat bayi, bukan pesugihan"),
    ("plain", "Lowongan kerja di pabrik gula, tidak dipungut biaya apa pun"),
]


@pytest.mark.parametrize(("kind", "body"), ROUND8_SCAMS)
def test_round_eight_scams_hold(kind: str, body: str) -> None:
    """Records cleared for a fee paid once "clean", aid through an online form, an official's
    handout to claim, clicks paid by the unit, wealth rituals, togel numbers, job fees."""
    assert verdict(body) in STOPPED, kind


@pytest.mark.parametrize("body", DECOY_WARNINGS)
def test_a_warning_followed_by_the_sellers_testimony_still_holds(body: str) -> None:
    """ "Tertipu dukun palsu, akhirnya ketemu Mbah …": a testimony undoes the warning."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(("kind", "body"), ROUND8_READERS)
def test_readers_exposing_retelling_or_asking_about_a_scam_are_published(
    kind: str, body: str
) -> None:
    """The scammer's number exposed, a scam retold as news, a doubt asked, the official site or
    number quoted, aid handed out in person, a Javanese warning, and plain talk."""
    assert verdict(body) is Outcome.APPROVED, kind


@pytest.mark.parametrize(
    "body",
    [
        "Hati-hati penipuan! Pinjaman resmi hubungi WA 0812 3456 7890 sekarang",
        "Awas kehabisan, klaim bansos lewat WA 0813 2222 4444",
        "Bansos cair, asli bukan tipuan, daftar di bansos-cair.site",
    ],
)
def test_a_number_or_link_offered_beside_warning_words_still_holds(body: str) -> None:
    """Warning words do not clear a number or link offered, nor "asli bukan tipuan"."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize("name", ["spam-lexicon.tsv", "spam-moves.tsv", "topic-cues.tsv"])
def test_every_listed_phrase_is_written_as_the_letters_view_reads_it(name: str) -> None:
    """A phrase the letters view rewrites ("wa aja" → "wa saja") would never match."""
    source = (resources.files("moderation.filters") / "data" / name).read_text(encoding="utf-8")
    phrases = [line.split("\t")[0] for line in source.splitlines() if line and line[0] != "#"]
    unread = [p for p in phrases if " ".join(normalise(p).words.normalised.split()) != p]
    assert not unread
