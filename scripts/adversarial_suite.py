# ruff: noqa: RUF001  (the styled and fullwidth letters are the point of the suite)
"""Write the adversarial suite (``benchmarks/data/adversarial/{tune,holdout}.jsonl``).

Every comment below was written for this suite by the filters' maintainers, in the way Kediri
readers and spammers write; none is copied from a data set. Each row is one trick family
(``category``) in one direction (``label``: spam, abusive or clean). A stable hash of the text
sends about a third of the rows to ``holdout.jsonl``, which is never looked at while tuning.

    python scripts/adversarial_suite.py
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "adversarial"
HOLDOUT = 3  # of every 10 rows, by hash

ROWS: dict[str, dict[str, list[str]]] = {
    "spread": {
        "spam": [
            "S L O T   G A C O R malam ini gampang menang",
            "j-u-d-i o-n-l-i-n-e paling aman cuma di sini",
            "M A X W I N   tiap hari bosku, daftar sekarang",
            "d.e.p.o.s.i.t 10rb langsung main, w.d cepat",
            "yang mau s l o t   g a c o r cek bio aku",
            "T O G E L   O N L I N E hadiah terbesar",
            "p-o-l-a g-a-c-o-r hari ini dijamin jp",
            "s_l_o_t  t_e_r_p_e_r_c_a_y_a  bonus new member",
            "J U D I   B O L A terpercaya, deposit pulsa",
            "m.a.x.w.i.n gampang banget di sini kak",
        ],
        "abusive": [
            "dasar a n j i n g kau",
            "k o n t o l  lu semua",
            "b-a-n-g-s-a-t pejabat korup",
            "g.o.b.l.o.k banget sih lu",
            "mbok yo mikir, j a n c o k",
            "t o l o l  kabeh",
            "b a j i n g a n tenan wong iki",
            "k-a-m-p-r-e-t emang itu orang",
        ],
        "clean": [
            "R I P pak camat, semoga husnul khotimah",
            "nilai anak saya A B A B di rapor, alhamdulillah",
            "jalan di R T 05 R W 03 sudah diperbaiki",
            "Presiden B J Habibie lahir di Parepare",
            "kode kelasnya X I P A 2, bukan X I I",
            "P T K A I menambah jadwal kereta ke Kediri",
            "huruf a i u e o dipelajari di TK",
            "golongan darah saya O, suami A B",
        ],
    },
    "emoji_inside": {
        "abusive": [
            "dasar anj🐶ing lu",
            "bangs😡at emang pejabatnya",
            "kont🍆ol semua kalian",
            "gob🤪lok kok dipelihara",
            "jan🔥cok tenan",
            "bab🐷i lu semua",
            "tol🙄ol amat komentarnya",
            "fu🖕ck you admin",
        ],
        "clean": [
            "mantap 👍 pak bupati",
            "anjing 🐶 saya hilang di Mojoroto, mohon infonya",
            "semoga cepat sembuh 🙏🙏",
            "kopi ☕ pagi di alun-alun enak",
            "selamat 🎉 buat juara lomba",
            "hujan 🌧️ deras di Pare sore ini",
        ],
    },
    "repeats": {
        "abusive": [
            "dasar anjiiiiing",
            "bangsaaaaat kalian",
            "gooooblok banget",
            "asuuuuu tenan",
            "kontoooool",
            "jancooooook",
            "tolooooool kabeh",
            "bajingaaaaan",
            "anjoooooog lu",
        ],
        "clean": [
            "mantaaaap pak",
            "kereeeeen banget acaranya",
            "assalamualaikuuuum warga Kediri",
            "wkwkwkwkwk lucu",
            "siaaaap laksanakan",
            "horeeee sekolah libur",
        ],
    },
    "abbreviation": {
        "abusive": [
            "bgst lu",
            "anjg emang",
            "kntl semua",
            "jnck tenan",
            "tlol amat",
            "gblk pejabatnya",
            "bngst kalian",
            "ajg lu",
        ],
        "clean": [
            "yg penting sehat",
            "tdk ada yg tau",
            "mksh infonya min",
            "sy setuju dgn bpk",
            "otw ke Pare",
            "btw jalannya sdh bagus",
        ],
    },
    "enclosed": {
        "spam": [
            "🇸 🇱 🇴 🇹 🇬 🇦 🇨 🇴 🇷 daftar sekarang",
            "ＳＬＯＴ ＧＡＣＯＲ bonus 100%",
            "Ⓢⓛⓞⓣ Ⓖⓐⓒⓞⓡ hari ini",
            "🅂🄻🄾🅃 maxwin terpercaya",
            "𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 𝐌𝐀𝐗𝐖𝐈𝐍 cek bio",
            "🅹🆄🅳🅸 🅾🅽🅻🅸🅽🅴 aman",
            "ｄｅｐｏｓｉｔ pulsa tanpa potongan, ｓｌｏｔ",
            "🇯 🇺 🇩 🇮 online terpercaya",
        ],
        "clean": [
            "bangga jadi warga 🇮🇩",
            "1️⃣ jalan rusak 2️⃣ lampu mati, tolong diperbaiki",
            "𝐓𝐞𝐫𝐢𝐦𝐚 𝐤𝐚𝐬𝐢𝐡 pak bupati atas bantuannya",
            "𝓢𝓮𝓵𝓪𝓶𝓪𝓽 𝓱𝓪𝓻𝓲 𝓲𝓫𝓾",
            "Ｔｅｒｉｍａ ｋａｓｉｈ infonya",
            "🇯🇵 vs 🇮🇩 nanti malam",
        ],
    },
    "phone": {
        "spam": [
            "butuh dana cepat WA O8l2-3456-789O",
            "hubungi 0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣ untuk pinjaman",
            "info lebih lanjut wa 08•12•34•56•78•90",
            "admin siap bantu: 08 12 34 56 78 91",
            "pesan sekarang wa nol delapan satu dua 3456 7890",
            "chat aku ya O813 S678 9O12 dijamin cair",
            "kontak kami 0 8 5 7 1 2 3 4 5 6 7 8",
            "wa: ⓪⑧①②③④⑤⑥⑦⑧⑨ pinjaman tanpa jaminan",
        ],
        "clean": [
            "kalau darurat telepon 112 saja",
            "ambulans gratis hubungi 119",
            "call center PLN 123 sudah bisa dihubungi",
            "tahun 2024 jalan ini dibangun, 2025 rusak lagi",
            "harga cabai Rp 45.000 per kilo di pasar Setonobetek",
            "skor akhir 3-1 untuk Persik",
        ],
    },
    "link": {
        "spam": [
            "daftar di bit . ly / gacor88",
            "gabung grup t(dot)me/cuanharian",
            "main di situs(.)online sekarang",
            "klik www . menang88 . com",
            "link: s . id / bansos2026",
            "cek wa(dot)me/6281234567890 untuk info",
            "kunjungi gacor77 [dot] com bosku",
            "akses cepat bit(.)ly/slotviral",
        ],
        "clean": [
            "jam 10 . 30 acaranya dimulai",
            "titik kumpul di alun-alun . Jangan telat",
            "nilai ujian 8 . 5 rata-rata",
            "dot kecil di kulit itu tahi lalat kata dokter",
            "pemkab membuka pendaftaran di kedirikab.go.id",
            "versi 2.0 aplikasinya lebih cepat",
        ],
    },
    "brand": {
        "spam": [
            "main di GARUDA88 langsung cuan, terbukti",
            "SEGO4D gampang menang lur",
            "cuma di KEDIRIWIN aku bisa beli motor",
            "alhamdulillah dari MAWAR77 bisa bayar utang",
            "coba BOLANG99 pasti ketagihan menangnya",
            "rejeki nomplok dari JAGO303 hari ini",
            "ndelok nang PECELWIN, hasile mantep",
            "kalau mau untung besar ya di NAGA189",
        ],
        "clean": [
            "vaksin covid19 sudah sampai puskesmas",
            "Persik 1950 tetap di hati",
            "pesawat B737 mendarat di Dhoho",
            "timnas U23 menang lagi",
            "pakai HP A54 foto jadi bagus",
            "jalan tol KM 105 macet",
        ],
    },
    "offer_after_praise": {
        "spam": [
            "artikelnya bagus sekali min. yang butuh pinjaman cepat cek profil aku ya",
            "beritanya mantap, btw ada kerja dari rumah gaji 5jt, DM ya",
            "tulisan yang bermanfaat. kalau mau penghasilan tambahan cek profil",
            "terima kasih infonya, butuh modal usaha? hubungi WA di bio",
            "keren beritanya. lowongan kerja online, minat chat aku",
            "nice article! looking for extra income? check my profile",
            "sangat informatif. yang mau cuan tiap hari DM saya",
            "setuju pak. kerja sambilan cuma modal HP, info klik profil",
        ],
        "clean": [
            "artikelnya bagus, cek juga profil desa di situs pemkab",
            "mantap beritanya, semoga dibaca pejabat",
            "terima kasih infonya, saya share ke grup RT",
            "tulisan bagus, saya DM wartawannya untuk koreksi nama",
            "keren, profil atlet ini menginspirasi",
            "great article, thanks for sharing",
        ],
    },
    "scam": {
        "spam": [
            "data BI checking jelek? kami bantu pemutihan SLIK OJK, dijamin bersih",
            "hapus data pinjol galbay dalam 3 hari, hubungi kami",
            "selamat anda terpilih penerima bansos Rp 3.500.000, klaim di link berikut",
            "cek penerima BLT 2026 isi data KTP di sini sebelum ditutup",
            "pak bupati bagi-bagi hadiah 10 juta untuk 100 komentar pertama, WA admin",
            "giveaway resmi dari gubernur, kirim nama dan nomor rekening",
            "airdrop token gratis, connect wallet sekarang",
            "lost your crypto? our recovery agents get your bitcoin back, message me",
            "kerja like dan follow dibayar 50rb per tugas, langsung cair",
            "tugas like video youtube dapat komisi harian, gabung grup telegram",
            "pesugihan tanpa tumbal, kaya mendadak, hubungi mbah",
            "dana gaib cair hari ini, syarat mudah, hubungi ki joko",
            "bocoran angka togel hari ini, room prediksi gratis",
            "prediksi togel sgp hk jitu, join grup sekarang",
            "claim your free crypto airdrop before it ends",
            "I made $5000 a week working from home, ask me how",
        ],
        "clean": [
            "warga diminta waspada penipuan bansos lewat link WA",
            "polisi menangkap pelaku penipuan pemutihan BI checking",
            "pesugihan itu musyrik, jangan percaya",
            "hati-hati modus giveaway atas nama bupati, itu hoaks",
            "OJK mengingatkan tidak ada jasa hapus data pinjol",
            "pemain togel di Kediri diamankan polisi",
            "beware of crypto recovery scams, they steal twice",
            "kerja dari rumah sekarang makin umum sejak pandemi",
        ],
    },
    "threat": {
        "abusive": [
            "tak bakar omahmu mengko bengi",
            "awas kamu, besok tak bacok",
            "watch your back, we know where you live",
            "I will burn your house down",
            "kubunuh kau kalau ketemu",
            "rumahmu bakal tak obong",
            "tunggu aja, kau akan kami habisi",
            "I'm going to hurt you and your family",
            "siap-siap kupatahkan lehermu",
            "tak antem raimu nek ketemu",
        ],
        "clean": [
            "rumah warga di Ngadiluwih terbakar tadi malam",
            "pelaku pembacokan sudah ditangkap polisi",
            "hati-hati di jalan, banyak lubang",
            "watch your step, the floor is wet",
            "api membakar gudang tebu",
            "kami akan membangun jembatan baru tahun depan",
        ],
    },
    "east_javanese": {
        "abusive": [
            "jancuk arek iki",
            "dancok kon iku",
            "jamput pejabate",
            "matamu picek ta",
            "ndasmu kuwi",
            "gateli tenan wong iki",
            "cangkemmu njaluk dihajar",
            "raimu koyok silit",
            "diancuk, ngapusi thok",
        ],
        "clean": [
            "operasi katarak gratis, semoga matamu cepat pulih mbah",
            "kirik e tonggoku lucu-lucu",
            "monggo pinarak mas",
            "suwun infone lur",
            "wes ta lah ojok tukaran",
            "enak tenan pecel Kediri",
        ],
    },
    "slur": {
        "abusive": [
            "dasar cina babi pulang sana",
            "kafir laknat semua",
            "dasar aseng tukang tipu",
            "dasar kadrun otak onta",
            "nigger go home",
            "you are a faggot",
            "indon miskin semua",
        ],
        "clean": [
            "warga keturunan Tionghoa merayakan Imlek di klenteng",
            "umat Kristen dan Islam bergotong royong",
            "komunitas Arab di Kediri membuka bazar",
            "orang Madura terkenal pekerja keras",
        ],
    },
    "english_insult": {
        "abusive": [
            "you are an idiot",
            "shut up, moron",
            "what a stupid loser",
            "you dumbass",
            "this writer is a retard",
            "go to hell you piece of shit",
            "get lost, scumbag",
        ],
        "clean": [
            "Dick Hutapea memimpin rapat warga",
            "Mr. Dick Sitompul terpilih lagi",
            "that was a stupid mistake by the referee",
            "I am not an idiot about football, trust me",
            "Pak Dick menyerahkan bantuan ke sekolah",
            "the cocktail bar in town is nice",
        ],
    },
    "animal_literal": {
        "abusive": [
            "dasar anjing kau",
            "babi lu semua",
            "monyet kau pejabat",
            "dasar celeng",
            "asu kowe",
            "kirik koen",
        ],
        "clean": [
            "dinkes vaksinasi anjing untuk cegah rabies di Gurah",
            "babi hutan merusak ladang jagung warga",
            "guano kelelawar bagus untuk pupuk kebun",
            "tai sapi diolah jadi pupuk organik oleh petani",
            "anjing yang menggigit warga sudah diobservasi dokter hewan",
            "peternak babi di desa itu terdampak demam babi afrika",
            "monyet turun ke permukiman karena hutan gundul",
            "kotoran kambing dan tahi ayam dijadikan kompos",
        ],
    },
    "anti_gambling": {
        "spam": [
            "slot gacor hari ini maxwin terus",
            "judi online aman bonus new member 100%",
            "togel online pasti tembus, deposit 10rb",
        ],
        "clean": [
            "judi online merusak keluarga, berantas situs slot",
            "stop judol, banyak warga terjerat utang karena slot",
            "polisi menutup ratusan situs judi slot gacor",
            "anak muda jangan main slot, tidak ada yang namanya maxwin",
            "bahaya judi online: deposit habis, rumah tangga hancur",
            "pemerintah harus blokir semua link alternatif judi",
        ],
    },
    "birds": {
        "spam": [
            "slot gacor pasti maxwin malam ini",
            "situs gacor hari ini, depo 5rb",
        ],
        "clean": [
            "murai batu saya gacor tiap pagi",
            "kenari gacor juara lomba kicau mania Kediri",
            "lovebird gacor dijual harga teman",
            "tips agar cucak ijo cepat gacor: embun pagi",
            "kacer gacor juara satu di lapangan Joyoboyo",
            "burung pleci gacor kalau dimandikan rutin",
        ],
    },
    "hotline": {
        "clean": [
            "aduan jalan rusak bisa lewat Lapor Bupati 0354-689901",
            "Call center Dinkes 0354-123456 siap 24 jam",
            "info vaksin di s.id/vaksinkediri dari pemkab",
            "hubungi 110 kalau ada kejahatan",
            "layanan pengaduan pajak 1500200",
            "link resmi pendaftaran: kedirikab.go.id/pendaftaran",
        ],
        "spam": [
            "hubungi wa 0812-9988-7766 untuk pinjaman tanpa jaminan",
            "info slot gacor wa 0857-1122-3344",
        ],
    },
    # ---- round 3 (spam side): written for the blind round, never tuned on holdout ----
    "r3_spread_phrase": {
        "spam": [
            "B A N D A R   T O G E L   T E R B E S A R   se-Jatim, wd berapapun dibayar",
            "mampir k a s i n o   o n l i n e kami, bonus harian 20%",
            "r-t-p  l-i-v-e  hari ini tinggi, buruan login",
            "d_e_p_o  p_u_l_s_a  t_a_n_p_a  p_o_t_o_n_g_a_n gaes",
            "s.i.t.u.s  r.e.s.m.i slot88 anti rungkad",
            "Pinj\u200bam\u200ban da\u200bna cair 5 me\u200bnit tanpa BI checking, wa admin",
            "🇵 🇮 🇳 🇯 🇴 🇱   cair tanpa survey, chat aku",
            "lur, j·a·c·k·p·o·t  t·e·r·u·s nang kene, ojo nang liyane",
            "S-C-A-T-T-E-R  H-I-T-A-M muncul terus, modal receh",
            "b o n u s   n e w   m e m b e r   100% langsung klaim",
            "P I N J A M A N   O N L I N E   limit 10jt cair hari ini",
            "l.i.n.k  a.l.t.e.r.n.a.t.i.f  kalau situs diblokir, cek profil",
            "m a i n   c a s i n o   live, wd lancar jaya",
            "Z E U S   O L Y M P U S   lagi murah hati, jp 12jt tadi malam",
        ],
        "clean": [
            "S E M A N G A T  terus buat adik-adik atlet Kediri",
            "T E R I M A   K A S I H   pak dokter puskesmas Gurah",
            "D I R G A H A Y U  R I  ke-81, merdeka!",
            "huruf K-E-D-I-R-I ditulis besar di bundaran Gumul",
            "namanya ditulis A.N.D.I di papan, bukan Andy",
            "S E L A M A T   J A L A N  mbah, sugeng tindak",
        ],
    },
    "r3_link_disguised": {
        "spam": [
            "info lengkap di bit . ly / cuan-harian , dijamin profit",
            "gabung grup t(dot)me/rezekinomplok sekarang juga",
            "kunjungi jpwin88 [.] com untuk bonus pertama",
            "login lewat situs kami: gacorkan titik xyz",
            "daftar di hokijaya dot com, bonus 50rb tanpa deposit",
            "klik w w w . menang-terus . site ya bos",
            "cuma di linktr . ee / dana_kilat cair tanpa ribet",
            "cek s(.)id/bansos2026 buat daftar BLT tahap 2",
            "hxxps :// airdrop-usdt [dot] top klaim sebelum habis",
            "join wa.me / 6281234567890 buat ikut arisan online untung 30%",
            "situs resmi: maxwinkediri•vip, anti nawala",
            "buka tinyurl (titik) com/kerja-online, gaji harian",
            "link di kolom ini kena blok, pakai rajabet77 , net ya",
            "daftar bansos lewat kemensos-bantuan.co, bukan yg lain",
        ],
        "clean": [
            "berita lengkapnya ada di kedirikab.go.id ya lur",
            "pendaftaran PPDB lewat s.id/ppdbkedirikab resmi dari dinas",
            "mohon cek juga website BPBD di bpbd.kedirikab.go.id",
            "titik kumpul evakuasi di lapangan desa, bukan di balai",
            "jam 10.30 tadi listrik di Pare padam",
            "info lowongan resmi cuma di kemnaker.go.id, hati-hati tipuan",
        ],
    },
    "r3_phone_disguised": {
        "spam": [
            "pinjaman cepat cair hubungi 0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣",
            "wa aku ya O8l2 8877 66S5 buat info kerja online",
            "chat admin 08•13•22•44•55•66 dijamin amanah",
            "minat? wa 62 857 3344 1122 ya kak",
            "nol delapan satu dua tiga empat lima enam tujuh delapan, hubungi segera",
            "hub +62 8I2 OO9 B876 cair hari ini",
            "WA: 08 12 33 44 55 66 (admin slot)",
            "info dana darurat: kosong delapan lima tujuh - dua dua satu satu - tiga tiga",
            "wasap wae 0856—7788—9900 mas, pasti jp",
            "kontak whatsapp: 0 8 1 3 5 5 6 6 7 7 8 8",
            "nomer e 08l9.8877.6655 nek butuh dana cepet",
            "hubungi kami di ⓪⑧①②⑤⑤⑥⑥⑦⑦⑧⑧ untuk pendaftaran",
            "📞 0812_4455_6677 buka 24 jam, pinjaman tanpa agunan",
            "wa aja ke nomor ini 0 8 5 7 · 1 2 3 4 · 5 6 7 8 biar cepat",
        ],
        "clean": [
            "kalau darurat telepon 112, gratis dari hp mana saja",
            "ambulans gratis pemkab bisa dihubungi di 119",
            "pengaduan PLN di 123, laporan saya cepat ditanggapi",
            "call center BPJS 165, antre sebentar tapi dijawab",
            "skor akhir 2-1, gol di menit 08 dan 81",
            "harga gabah naik jadi Rp 6.800 per kilo di Ngadiluwih",
        ],
    },
    "r3_brand_bare": {
        "spam": [
            "alhamdulillah berkat MEGAHOKI77 utang lunas semua",
            "terima kasih dewaraja88, kemarin dapat 15jt langsung cair",
            "NAGASAKTI303 memang beda, sekali putar langsung hoki",
            "coba main di KEDIRI4D lur, aku wes ping telu narik",
            "Sultanmenang99 mantap, modal 20rb jadi 3jt",
            "matur suwun JOYOBOYOBET, sawah iso tak tebus maneh",
            "rejeki nomplok tiap hari di GARUDAWIN138",
            "bojoku ra ngamuk maneh sejak kenal SINGAJITU",
            "ora usah kerja keras, PANENCUAN69 wae",
            "mau hoki? ROYALSPIN777 jawabannya",
            "wis tak buktikno dhewe, JAGADHOKI pancen gampang narik",
            "lapak baru MANTRA4D bayar lunas tanpa potongan",
            "thanks to LUCKYBOS88, cicilan motor lunas",
            "modal kopi sachet, pulang bawa 2jt dari SAKTIPLAY",
        ],
        "clean": [
            "tim PERSIK Kediri main lagi di stadion Brawijaya",
            "beli pupuk di toko Tani Makmur 2 Kandangan, murah",
            "SMPN 2 Pare juara lomba pidato tingkat kabupaten",
            "bus Harapan Jaya jurusan Kediri-Surabaya tambah armada",
            "Warung Bu Sri 88 di Gurah buka sampai malam",
        ],
    },
    "r3_praise_offer": {
        "spam": [
            "beritanya bagus sekali min, btw yang butuh dana cepat cek profil aku ya",
            "informatif, terima kasih. buat ibu rumah tangga yang mau penghasilan tambahan dm ya",
            "setuju pak bupati! oh iya yg mau kerja dari rumah klik bio",
            "mantap liputannya. sing butuh utangan cepet wa aku wae",
            "artikel yang bermanfaat. lowongan part time admin olshop, minat japri",
            "keren tulisannya kak, aku juga lagi buka reseller tanpa modal, intip profilku",
            "sangat membantu. ada yang mau gaji 300rb/hari cukup dari hp? chat ya",
            "semoga Kediri makin maju 🙏 yang cari pinjaman limit besar langsung inbox",
            "wah infonya lengkap. by the way aku bisa bantu cairkan dana 50jt, hubungi aku",
            "nice article! earn $50 daily from home, DM me for details",
            "apik tenan beritane. sing kepingin kerja sampingan mung modal hp, mampir profilku",
            "terima kasih infonya. bagi yang terlilit hutang ada solusi, cek bio",
            "bermanfaat sekali. mau penghasilan jutaan tiap minggu? klik link di profil",
            "good job pemkab. yang mau jadi agen pulsa untung besar dm aja",
        ],
        "clean": [
            "beritanya bagus sekali min, semoga sering diliput",
            "terima kasih infonya, sudah saya share ke grup RT",
            "mantap liputannya, kapan bahas jalan Kandangan?",
            "informatif, cek profil pejabatnya di situs resmi DPRD juga ada",
            "tulisan bagus. dm ke akun resmi pemkab juga dibalas cepat kok",
        ],
    },
    "r3_scam_records": {
        "spam": [
            "BI checking jelek? kami bantu bersihkan SLIK OJK 3 hari beres",
            "jasa hapus data kolektibilitas 5, langsung bisa KPR lagi",
            "nama masuk daftar hitam bank? bisa dipulihkan, wa admin",
            "pemutihan data pinjol galbay, dijamin tidak ditagih DC lagi",
            "lunasi pinjol cukup bayar 20%, sisanya kami hapus dari sistem",
            "skor kredit merah bisa hijau lagi, proses cepat hubungi kami",
        ],
    },
    "r3_scam_bansos": {
        "spam": [
            "selamat anda terpilih penerima BLT 2026 Rp 600.000, isi data di link",
            "cek nama penerima PKH tahap 3 disini, isi NIK dan nomor rekening",
            "bansos sembako cair hari ini, klaim via link sebelum hangus",
            "pendaftaran bantuan UMKM 2,4jt dibuka, kirim KTP dan KK ke wa ini",
            "KPM yang belum terima BPNT segera verifikasi data lewat link kemensos-cek",
            "dana bantuan subsidi upah masuk rekening, tapi aktifkan dulu lewat link ini",
        ],
    },
    "r3_scam_giveaway": {
        "spam": [
            "GIVEAWAY dari pak bupati 100 hp gratis, syarat follow dan isi data",
            "bagi-bagi rezeki dari Baim Wong, 50 orang terpilih dapat 5jt, wa admin",
            "saya Raffi Ahmad bagi hadiah ulang tahun, hubungi manajer saya",
            "selamat akun anda menang undian motor dari bank, bayar pajak hadiah dulu",
            "program berbagi pak gubernur, transfer biaya admin 150rb untuk pencairan",
            "hadiah umroh gratis dari yayasan, konfirmasi ke nomor panitia",
        ],
    },
    "r3_scam_crypto": {
        "spam": [
            "airdrop token gratis senilai 1000 USDT, connect wallet sekarang",
            "investasi bitcoin profit 10% per hari, dibimbing mentor",
            "uang anda hilang karena penipuan trading? kami bisa recover, fee setelah berhasil",
            "robot trading anti loss, modal 1jt jadi 10jt sebulan",
            "claim free ETH airdrop now before it ends, link in bio",
            "dana nyangkut di aplikasi investasi bodong? tim pemulihan dana kami siap bantu",
        ],
    },
    "r3_scam_task": {
        "spam": [
            "tugas like video youtube dibayar 15rb per like, gabung grup telegram",
            "kerja santai cuma follow akun tiktok, sehari dapat 200rb",
            "dicari 20 orang untuk tugas review produk shopee, komisi langsung cair",
            "kasih bintang 5 di google maps dibayar 10rb, minat ketik MAU",
            "cuma nonton dan subscribe, gaji harian lewat dana",
            "freelance like and share postingan, upah per tugas 25rb",
        ],
    },
    "r3_scam_occult": {
        "spam": [
            "pesugihan tanpa tumbal, hasil nyata dalam 7 hari, hubungi mbah",
            "ki joko sakti bisa menggandakan uang, sudah terbukti ribuan pasien",
            "uang gaib dan pesugihan putih, mahar terjangkau wa 0813xxxx",
            "dukun pelet ampuh jarak jauh, mantan balik dalam 3 hari",
            "pusaka penarik rezeki dan keris bertuah, sudah banyak yang kaya",
            "mbah kyai bisa bantu angka ghoib dan tarik dana hibah, hubungi segera",
        ],
    },
    "r3_togel_room": {
        "spam": [
            "angka jitu HK malam ini 4D 7281, sudah tembus 3x",
            "bocoran sgp hari ini masuk grup vip, dijamin tembus",
            "prediksi sidney jitu 2D 45 87, join room kami",
            "rumus colok bebas paling akurat, tembus terus bosku",
            "syair hk hari ini sudah keluar, minta angka japri",
            "ramalan angka keramat dari mbah, pasang malam ini pasti tembus",
        ],
    },
    "r3_scam_job": {
        "spam": [
            "lowongan kerja ke Jepang tanpa bahasa, gaji 25jt, bayar biaya proses 5jt",
            "dibutuhkan karyawan BUMN tanpa tes, transfer biaya seragam dulu",
            "visa kerja Korea cepat jadi, jalur khusus tanpa antre",
            "rekrutmen PNS jalur orang dalam, kuota terbatas hubungi bapak",
            "job kapal pesiar gaji dolar, DP pendaftaran 3jt langsung berangkat",
            "kerja di Malaysia gaji 10jt tanpa paspor, berangkat minggu depan",
        ],
    },
    "r3_scam_english": {
        "spam": [
            "I made $3,000 this week working from home, message me to learn how",
            "Lost money to a scam? Our recovery agents got back my funds, contact them",
            "congrats you have been selected for a cash prize, send your details",
            "Looking for serious people for a part time online job, 2 hours a day, DM",
            "Guaranteed returns on forex signals, join my telegram channel",
            "Need a loan fast with bad credit? Approved in minutes, text me",
        ],
    },
    "r3_anti_gambling": {
        "clean": [
            "judol itu bikin tetangga saya jual sawah, jangan coba-coba",
            "polres Kediri gerebek rumah yang dipakai jadi markas slot online",
            "anak muda jangan main slot, maxwin itu cuma ilusi",
            "stop pinjol! bunganya mencekik, teman saya sampai stres",
            "hati-hati ada yang nawari BI checking bisa dihapus, itu penipuan",
            "kemarin ada sms BLT 600rb suruh klik link, jangan dipercaya, itu phising",
            "pesugihan itu musyrik dan ujungnya penipuan, lapor polisi saja",
            "awas penipuan tugas like youtube, adik saya rugi 2 juta",
            "togel itu haram, mending duitnya buat sekolah anak",
            "kalau ada yang ngaku dari kemensos minta transfer, abaikan",
        ],
    },
    "r3_birds": {
        "clean": [
            "cucak rowo saya gacor pol habis dijemur, mau ikut lomba minggu depan",
            "latber kicau di Pare kemarin ramai, murai saya juara 2",
            "manuk e gacor nek isuk, wis siap nggo lomba",
            "lomba burung piala bupati, kelas kenari gacor diikuti 80 peserta",
            "jual jangkrik dan kroto buat pakan agar gacor, lokasi Ngadiluwih",
            "kacer saya ngetril terus, gacor banget pas di gantangan",
        ],
    },
    "r3_hotline": {
        "clean": [
            "kalau lihat kebakaran langsung telepon damkar 113",
            "laporan KDRT bisa ke hotline SAPA 129, gratis",
            "cek info bansos resmi di cekbansos.kemensos.go.id, jangan lewat link lain",
            "halo kemenkes 1500-567 bisa ditanya soal vaksin",
            "pengaduan OJK di 157, laporkan pinjol ilegal",
            "jadwal donor darah PMI lihat bit.ly/pmikedirikab yang dibagikan dinas",
            "WA center pemkab 0811-3500-112 katanya resmi, tertera di kedirikab.go.id",
            "Lapor! bisa lewat lapor.go.id, sudah saya coba",
        ],
    },
    "r3_styled_thanks": {
        "clean": [
            "𝐓𝐞𝐫𝐢𝐦𝐚 𝐤𝐚𝐬𝐢𝐡 𝐩𝐚𝐤 𝐛𝐮𝐩𝐚𝐭𝐢, jalannya sudah mulus",
            "𝘔𝘢𝘵𝘶𝘳 𝘯𝘶𝘸𝘶𝘯 𝘱𝘢𝘯𝘪𝘵𝘪𝘢 𝘭𝘰𝘮𝘣𝘢 𝘥𝘦𝘴𝘢 🙏",
            "𝑺𝒆𝒎𝒐𝒈𝒂 𝒔𝒖𝒌𝒔𝒆𝒔 𝒕𝒆𝒓𝒖𝒔 𝒖𝒏𝒕𝒖𝒌 𝑲𝒆𝒅𝒊𝒓𝒊",
            "𝐓𝐞𝐫𝐢𝐦а 𝐤а𝐬𝐢𝐡 tenaga kesehatan Рuskesmas Kandangan",
            "𝕊𝕖𝕝𝕒𝕞𝕒𝕥 𝕒𝕟𝕒𝕜𝕜𝕦 𝕝𝕦𝕝𝕦𝕤 𝕊𝕄𝔸",
            "Ⓜⓐⓝⓣⓐⓟ 𝐩𝐞𝐦𝐤𝐚𝐛, 𝘴𝘦𝘮𝘢𝘯𝘨𝘢𝘵 𝘵𝘦𝘳𝘶𝘴",
        ],
    },
    "r3_shop_phone": {
        "clean": [
            "yang tanya servis pompa air di Gurah, pak Yanto 0857-3311-2200, orangnya jujur",
            "@bu_rini itu toko kue di Pare nomornya 0354 391234, pesan H-2",
            "tukang las langganan saya di Kandangan WA 0813 3456 7890, bilang dari saya",
            "mas, bengkel yang dimaksud nomornya 0822-4455-1199, dekat pasar Ngadiluwih",
            "katering nikahan kemarin dari bu Siti, kontaknya 081 234 567 891",
        ],
    },
    "r3_prices_dates": {
        "clean": [
            "tarif parkir naik jadi Rp 3.000 mulai 1 Januari 2026",
            "pasar murah dibuka 08.00 WIB sampai 12.00 WIB di alun-alun",
            "harga cabai rawit Rp 45.000/kg, naik dari minggu lalu",
            "UMK Kediri 2026 katanya Rp 2.400.000, semoga benar",
            "vaksinasi tanggal 12-14 Maret 2026 di puskesmas Pare",
            "bantuan Rp 600.000 itu resmi dari dinsos, diambil di kantor pos tanggal 5",
        ],
    },
}


# Round 3, abuse side (issue 14): new surface forms of the same kinds, plus the innocents that
# sit close to them. Merged into ROWS by category in ``rows()``. A friendly "jancuk" among
# friends is still profanity under the portal's policy, so it is labelled abusive (a mask is
# enough there; slurs and threats must hold).
ROUND3_ABUSE: dict[str, dict[str, list[str]]] = {
    "spread": {
        "abusive": [
            "dasar a.n.j.i.n.g lu, ngomong sembarangan",
            "k_o_n_t_o_l kabeh sing komen nang kene",
            "b a n g s a t   l u   s e m u a",
            "a-s-u  k-o-w-e, ora usah melu-melu",
            "j.a.n.c.u.k arek Pare iki",
            "pejabat Kandangan g o b l o g kabeh",
            "t-0-l-0-l semua komentator di sini",
            "n.d.a.s.m.u kuwi isine opo",
            "b*a*j*i*n*g*a*n tengik",
            "m o n y e t   k a u   a d m i n",
            "c-a-n-g-k-e-m-m-u ojok ngawur",
            "k.a.m.p.r.e.t. lu, hapus komenku terus",
            "F U C K   Y O U   admin",
            "you s.t.u.p.i.d i.d.i.o.t",
            "b a b i   l o   semua",
            "dasar g~o~b~l~o~k",
        ],
        "clean": [
            "nomor antrean saya A 1 2, masih lama",
            "S D N 2 Gurah juara lomba pramuka",
            "ukuran kaos M L X L masih ada kak",
            "jadwal U T B K sudah keluar, semangat adik-adik",
            "P K K desa Ngadiluwih mengadakan senam",
        ],
    },
    "emoji_inside": {
        "abusive": [
            "a🐶njing kabeh pejabat e",
            "b*ngs*t lu semua",
            "k0nt*l emang yang bikin berita",
            "j@nc0k tenan arek iki",
            "ng3nt0t lu",
            "g😤blok banget admine",
            "as🐕u kowe",
            "b@jing@n pejabat korup",
            "t💀lol kok dipilih",
            "an*jing lu",
            "ba.ng.sat emang",
            "sh!t head, go away",
            "b!tch ur so dumb",
            "m0ny3t lu",
        ],
    },
    "repeats": {
        "abusive": [
            "anjiiiing lu semua",
            "asuuuuu koen",
            "goblooooog pejabat e",
            "jancuuuuuk",
            "kampreeeeet",
            "bbbbangsat",
            "tollllol",
            "konttttol",
            "ndasmuuuuu",
            "bajjjjingan",
            "idiooooot",
            "fuuuuck youuu",
            "celeeeeng koen",
            "anjjjjir goblokkkk",
        ],
    },
    "abbreviation": {
        "abusive": [
            "bgst emang admin",
            "ajg kalian semua",
            "kntl lah",
            "jnck, ngawur ae",
            "gblk bgt",
            "cok, ngomong opo koen",
            "ngntd lu",
            "asw lu",
            "bgsd emang",
            "kontl kabeh",
            "gblg pejabate",
            "bacot lu, diem",
            "tai lu",
            "stfu",
            "wtf is wrong with u, u r dumb af",
        ],
        "clean": [
            "sblm ke Pare mampir dl ke Gurah",
            "bsk ada kerja bakti jam 7",
            "gmn caranya daftar BPJS?",
            "tlg infokan jadwal posyandu",
            "dr Kediri ke Kandangan brp km?",
        ],
    },
    "east_javanese": {
        "abusive": [
            "jancok koen, ngomong ae gak iso",
            "diancok tenan pejabat iki",
            "cuk, matamu a! wes dikandani ngeyel",
            "matamu! ngapusi wong cilik terus",
            "raimu elek koyok celeng",
            "ndasmu iku isine opo se",
            "cangkemmu ojok ngawur",
            "asu tenan koen",
            "asu buntung",
            "celeng koen",
            "dasar bajingan tengik",
            "kirik koen, pergi sana",
            "kakekane pejabat iku",
            "gatelii koen",
            "telek kucing koen",
            "jiancuk arek-arek Pare iki",
            "dhiancuk tenan",
            "jancukan kabeh",
            "matamu suwek",
            "jancuk, suwe gak ketemu rek! piye kabare?",
            "utekmu nang dengkul ta, goblok",
        ],
        "clean": [
            "rek, ayo ngopi nang Pare sesuk",
            "wes mangan durung lur?",
            "matur suwun sanget bu lurah",
            "kendel tenan arek iki, salut",
            "sego pecel Ngadiluwih paling enak",
        ],
    },
    "threat": {
        "abusive": [
            "awas kamu, aku tahu rumahmu di Gurah",
            "tunggu saja, rumahmu akan kubakar",
            "besok kutunggu di depan rumahmu, jangan lari",
            "kupastikan kamu tidak selamat pulang kerja besok",
            "kami sudah tahu alamat dan sekolah anakmu",
            "kalau masih nulis begini, tanganmu kupatahkan",
            "kutusuk kau di pasar Pare",
            "nyawamu tinggal hitungan hari",
            "kita sebar alamat rumah dan nomor KTP-nya biar digeruduk",
            "tak enteni nang ngarep omahmu",
            "awas koen, tak goleki sampek ketemu",
            "omahmu tak obong sesuk bengi",
            "tak sabet celurit nek ketemu",
            "tak pateni koen",
            "ati-ati nek mulih, tak cegat nang dalan Kandangan",
            "I know where you live",
            "watch your back when you leave the office",
            "we will find you and your kids",
            "you'll regret this, I'm coming for you",
            "someone should burn this reporter's house",
            "I'm going to post your address and phone number for everyone",
        ],
        "clean": [
            "awas kamu jatuh, lantainya licin",
            "tak enteni nang ngarep omah, ayo budal bareng jalan sehat",
            "aku tahu rumahmu, nanti undangannya kuantar",
            "kebakaran menghanguskan tiga rumah di Pare",
            "warga diimbau waspada pencurian motor",
            "I'll be waiting for you at the station, see you",
        ],
    },
    "slur": {
        "abusive": [
            "dasar c1na lu, balik sana",
            "ch1n4 pulang ke negaramu",
            "kafir semua pantas diusir",
            "dasar a.s.e.n.g",
            "n1gga please",
            "n i g g e r",
            "f4ggot",
            "bencong lu, jijik",
            "yahudi laknat",
            "sipit pulang ke cina",
            "dasar kadal gurun",
            "dasar kaffir",
        ],
        "clean": [
            "jangan panggil warga Tionghoa dengan sebutan cina, itu menyakitkan",
            "kata kafir tidak pantas dilontarkan ke tetangga beda agama",
            "stop bilang kadrun dan cebong, kita semua saudara",
            "menyebut orang Papua monyet itu rasis dan harus dihukum",
            "the n-word should never be used, period",
            "guru harus menegur murid yang mengejek temannya banci",
        ],
    },
    "english_insult": {
        "abusive": [
            "you absolute moron",
            "stfu nobody asked",
            "what a piece of shit article",
            "ur a retard lol",
            "dumb bitch",
            "asshole admin deleting my comments",
            "this author is a complete imbecile",
            "shut the fuck up",
            "you're pathetic and stupid",
            "dickhead",
            "eat shit",
        ],
        "clean": [
            "Dick Cheney was US vice president",
            "film Fanny Ardant diputar di festival",
            "Willy Wonka tayang di bioskop Kediri",
            "Titus Bramble pernah main di Newcastle",
            "Dominic Cummings mundur dari jabatannya",
            "Bu Fanny guru SD kami pensiun tahun ini",
            "coach Dick Advocaat melatih timnas",
            "I felt like an idiot when I forgot my KTP",
            "anak anjing shih tzu siap adopsi",
            "Scunthorpe United menang tadi malam",
        ],
    },
    "animal_literal": {
        "clean": [
            "Dinas Peternakan vaksin rabies gratis, bawa anjing dan kucing ke balai desa",
            "ada anjing gila menggigit tiga warga Kandangan, segera ke puskesmas",
            "celeng mudhun teko alas, sawahe wong Kepung rusak kabeh",
            "babi hutan merusak tanaman ubi di Plosoklaten",
            "pupuk guano kelelawar dari gua laris dibeli petani",
            "asu ku ilang, warnane coklat, sopo weruh?",
            "asu gembala njogo wedhus nang tegalan",
            "harga sapi dan kambing naik jelang Idul Adha",
            "kirik umur rong sasi diadopsi gratis",
            "peternak babi di Kediri waspada ASF",
            "tahi kelelawar dipakai pupuk di kebun jeruk",
            "kampret akeh nang gua Selomangleng, tlethonge dadi rabuk",
        ],
    },
    "eye_health": {
        "clean": [
            "mbah, matamu wis dioperasi katarak durung? ning RSUD gratis",
            "nek matamu kabur, periksa nang puskesmas Pare",
            "le, matamu abang, ojo kesuwen dolanan HP",
            "matamu minus piro saiki nduk?",
            "katarak iku nggawe matamu burem, ayo skrining",
            "raimu kok pucet, loro ta? ndang periksa",
        ],
    },
    "near_words": {
        "clean": [
            "asuransi BPJS Ketenagakerjaan wajib buat pekerja",
            "asupan gizi balita di Posyandu Gurah perlu ditambah",
            "panti asuhan di Ngadiluwih butuh donatur",
            "Babinsa dan Bhabinkamtibmas patroli bersama",
            "antre di anjungan tunai mandiri dekat pasar",
            "santai di pantai sambil makan petai",
            "asumsi saya harga cabai turun minggu depan",
            "laptop Asus saya rusak, servis di mana?",
            "kontrol gula darah rutin di puskesmas",
            "jangkrik ngerik bengi-bengi nang sawah",
        ],
    },
    "medical": {
        "clean": [
            "skrining kanker payudara gratis di RSUD Pare",
            "isi kolom jenis kelamin di formulir KTP",
            "penyakit kelamin bisa dicegah, periksa ke puskesmas",
            "pemeriksaan IVA untuk kanker serviks dan payudara",
            "ibu menyusui perlu asupan bergizi dan susu",
            "dokter: benjolan di payudara harus segera diperiksa",
            "penyuluhan kesehatan reproduksi dan alat kelamin remaja",
        ],
    },
}


# Round 4, abuse side (issue 14): written blind (before the fixes it measures), in surface forms
# rounds 1-3 do not use: other in-word separators, old and Madurese-style Javanese spellings,
# threats by verbs outside the harm list, English insults with no listed swear word; and the
# innocents beside them (animals in other news, names, condemnation, health, friendly visits).
ROUND4_ABUSE: dict[str, dict[str, list[str]]] = {
    "r4_separator": {
        "abusive": [
            "dasar kon/tol lu, ngomong sak enake",
            "b=a=n=g=s=a=t kalian semua",
            "anj#ng kabeh pejabate",
            "go^blok banget admin iki",
            "ba-ngs-at semua anggota dewan",
            "tol.ol banget yang nulis berita",
            "bang💩sat kabeh",
            "kon~tol emang lu",
            "m3m3k lu semua",
        ],
    },
    "r4_east_javanese": {
        "abusive": [
            "jhancok koen, ngomong ngawur ae",
            "djantjoek tenan arek iki",
            "jiamput, pejabat iki ngapusi terus",
            "dhancuk tenan sing nulis",
            "tlembuk kabeh sing nang kono",
            "ndlogok tenan sing nulis berita",
            "raimu koyok silit",
            "cocotmu ojok ngawur",
        ],
        "clean": [
            "asu tanggaku nggonggong terus bengi, mungkin ana maling",
            "matamu kok abang, kelilipan ta? dikompres banyu anget",
            "ndasmu isih ngelu le? ngombe obat disik terus turu",
        ],
    },
    "r4_threat": {
        "abusive": [
            "sesuk tak sambangi omahmu, gowo arit",
            "awas, ban motormu tak kempesi",
            "nanti malam rumahmu kami lempari batu",
            "ojo metu omah bengi iki yen isih pengen urip",
            "nek sek nulis maneh, sirahmu tak pecah",
            "kupenggal kepalamu kalau ketemu",
            "I'm going to break your legs",
        ],
        "clean": [
            "sesuk tak sambangi omahmu, gowo oleh-oleh teko Blitar",
            "tak enteni nang ngarep sekolah, ojo telat yo le",
            "besok kubakar sate buat acara RT, datang ya",
        ],
    },
    "r4_english_insult": {
        "abusive": [
            "you are a worthless clown",
            "what an ignorant fool",
            "shut your mouth, loser",
            "go to hell, you scumbag",
            "nobody cares, you clueless halfwit",
        ],
        "clean": [
            "novel Philip K. Dick difilmkan lagi",
            "Mbak Fanny dari kelurahan Bandar ramah sekali",
        ],
    },
    "r4_slur": {
        "abusive": [
            "dasar c!na, pulang sana",
            "ch!nk go home",
            "dasar k4f1r",
        ],
        "clean": [
            "tolong jangan panggil anak disabilitas idiot, itu menyakitkan",
            "memanggil teman sekelas bencong itu perundungan, guru wajib menegur",
            "don't call people retarded, it hurts families like mine",
            "stop calling Papuans monkeys, that is racism",
            "ustadz bilang mengkafirkan sesama muslim itu dosa",
        ],
    },
    "r4_names": {
        "clean": [
            "Cok Sawitri menulis novel tentang Bali kuno",
            "pelatih Pak Cuk Harsono bawa tim voli Kediri juara",
        ],
    },
    "r4_animal_literal": {
        "clean": [
            "monyet ekor panjang masuk kebun warga Kepung, pisang habis dimakan",
            "peternak jangkrik di Wates panen tiap tiga minggu, dijual ke toko burung",
            "wabah flu babi belum ditemukan di Kediri kata dinas",
            "celeng masuk kampung Besowo, warga ronda bergantian",
            "anjing liar menggigit dua anak di Kras, warga minta dinas bertindak",
        ],
    },
}


# Round 5, abuse side (issue 14): written blind before the round-5 fixes, in forms rounds 1-4 do
# not use: menace with no harm verb (the reader's or their family's safety, regret, not coming
# home safe, a visit with a gang), Javanese beatings in other verbs, English insults with the
# listed word far from "you" or with no listed word, imprecations, and generalisations about an
# ethnic group or religion with no slur; and the innocents beside them.
ROUND5_ABUSE: dict[str, dict[str, list[str]]] = {
    "r5_threat": {
        "abusive": [
            "hati-hati sama keluargamu, kami sudah tahu jam pulang sekolah anakmu",
            "jaga baik-baik istri dan anakmu, jangan sampai terjadi apa-apa sama mereka",
            "lihat saja nanti, seumur hidup kamu bakal menyesali tulisan ini",
            "pulang kerja nanti belum tentu kamu selamat sampai rumah",
            "ojo ngarep iso mulih slamet yen ketemu aku nang dalan",
            "mengko bengi aku teko omahmu karo konco-konco sak truk",
            "besok kami datangi rumahmu bawa massa satu kampung",
            "your family won't be safe after what you wrote",
            "you won't make it home in one piece tonight",
            "sleep with one eye open from now on, reporter",
            "tak kepruk ndasmu nganggo watu nek ketemu",
            "nek ketemu neng pasar, tak jotosi nganti semaput",
            "yen kowe wani mrene maneh, baline mung kari jeneng",
            "sekali lagi nulis begitu, besok tinggal nama kamu",
        ],
        "clean": [
            "hati-hati di jalan Kandangan, banyak lubang dan licin kalau hujan",
            "jaga anak-anak baik-baik, musim hujan begini banyak demam berdarah",
            "pak tani nggowo arit lan pacul menyang sawah esuk-esuk",
            "jual golok dan parang tempa asli untuk kebun, harga grosir",
            "warga melapor ke polisi setelah diancam rumahnya akan dibakar tetangga",
            "semoga semua pemudik pulang selamat sampai rumah",
        ],
    },
    "r5_english_insult": {
        "abusive": [
            "you are such an arrogant, entitled, pathetic little man",
            "shut up, you miserable little rat",
            "you filthy lying snake",
            "you're nothing but a brainless sheep",
            "go rot in hell",
            "burn in hell, you and your whole party",
            "go jump off a cliff, nobody would miss you",
            "you sad excuse for a mayor",
        ],
        "clean": [
            "that band absolutely killed it last night",
            "you killed it with that speech, so proud of you",
            "you are such a kind and patient little teacher",
        ],
    },
    "r5_slur": {
        "abusive": [
            "orang madura semua maling, usir saja dari sini",
            "dasar batak, kasar dan penipu semua",
            "wong cino kabeh podo lintah darat, ojo dituku dagangane",
            "semua orang padang itu pelit dan licik",
            "orang kristen semuanya munafik, jangan dipercaya",
            "dasar jawa, pemalas semua",
        ],
        "clean": [
            "orang Madura itu pekerja keras dan ulet, salut",
            "orang Batak yang saya kenal semua jujur dan setia kawan",
            "wong Padang pancen jago masak, rendange enak kabeh",
        ],
    },
}


# Round 6, abuse side (issue 14): written before the round-6 fixes beyond the tune misses, in
# Indonesian, Javanese and English: threats and insults in forms rounds 1-5 do not use, and the
# innocents that share their words (a wait with a plan, a crowd at a feast, a group praised).
ROUND6_ABUSE: dict[str, dict[str, list[str]]] = {
    "r6_threat": {
        "abusive": [
            "tiap malam aku nongkrong di depan rumahmu, tunggu saja",
            "ati-ati, aku wis ngerti sekolahe anakmu",
            "kalau berani lewat gang ini lagi, pulang tinggal nama",
            "sesuk isuk tak parani omahmu karo bolo sak kampung",
            "kami sudah siapkan massa, tunggu di depan kantormu",
            "sekali lagi kamu upload video itu, kuhajar sampai babak belur",
            "I know what car you drive and when you leave work",
            "keep talking and see what happens to your shop",
            "nek ora mbok busak, omahmu tak obong bengi iki",
            "aku tahu kamu tiap pagi lewat pasar, hati-hati saja",
        ],
        "clean": [
            "tunggu di depan rumahmu ya, nanti aku jemput jam delapan",
            "sesuk bolo sak kampung teko omahmu kanggo kenduren",
            "polisi berjaga di depan rumah korban sepanjang malam",
            "I know what car you drive, is it good on fuel?",
            "keep talking to your doctor and see what happens with the new dose",
            "aku tahu kamu tiap pagi lewat pasar, titip beli cabe ya",
            "rame-rame ke rumahmu besok buat syukuran ya",
            "warga sekampung gotong royong membangun rumah Pak Darto",
            "tak enteni nang ngarep omahmu, engko budal bareng nang pengajian",
            "kamu bakal menyesal kalau tidak coba soto di sini",
        ],
    },
    "r6_insult": {
        "abusive": [
            "you're a complete waste of oxygen",
            "what a spineless little worm you are",
            "nobody asked for your opinion, you brainless parasite",
            "otakmu kosong, mending diem aja",
            "raimu koyo gombal, ora usah komentar",
            "mulutmu kayak comberan, pantas nggak ada yang suka",
            "kowe ki ra nduwe utek, meneng wae",
            "go crawl back under your rock, you pathetic troll",
        ],
        "clean": [
            "what a lovely little garden you have",
            "you're a complete natural at this, well done",
            "the worm composting workshop was brilliant",
            "otakmu encer banget, soal matematika langsung bisa",
            "raimu sumringah, mesti lagi seneng",
            "the troll in that film was hilarious",
            "kowe ki pinter tenan, ngerti kabeh",
            "mulutmu manis, pantas banyak yang suka",
        ],
    },
    "r6_slur": {
        "abusive": [
            "orang jawa semua harus diusir dari pulau ini",
            "semua orang cina pantas dibasmi",
        ],
        "clean": [
            "orang jawa semua diundang ke acara budaya di pendopo",
            "semua orang cina di pasar ikut kerja bakti",
        ],
    },
}


# Round 4, spam side (issue 14): a fresh blind round written after round 3 was tuned, in new
# surface forms of every spam family (new separators, brands, word orders, Javanese and English)
# and the innocents that sit close to them. Merged into ROWS by category in ``rows()``.
ROUND4_SPAM: dict[str, dict[str, list[str]]] = {
    "r4_spread": {
        "spam": [
            "S~L~O~T  G~A~C~O~R lagi pecah, buruan merapat",
            "J • U • D • I  B • O • L • A  odds tertinggi malam ini",
            "🇸 🇱 🇴 🇹  🇬 🇦 🇨 🇴 🇷 modal receh hasil jutaan",
            "t|o|g|e|l  h|k  s|g|p  bayar lunas berapapun",
            "mau J*A*C*K*P*O*T? depo 5k aja langsung main",
        ],
    },
    "r4_link": {
        "spam": [
            "mampir ke gacorjaya [dot] vip, bonus harian nunggu",
            "link alternatif: hokiwin88 titik com garis miring daftar",
            "cek t . me / cuanharian_id buat info lengkap",
            "s(.)id(/)bonusmember daftar pakai kode KDR",
            "ketik di browser: w w w . raja4d . org",
        ],
    },
    "r4_phone": {
        "spam": [
            "hub 0️⃣8️⃣5️⃣7️⃣ 4️⃣4️⃣1️⃣2️⃣ 9️⃣0️⃣3️⃣3️⃣ buat dana cair hari ini",
            "WA nol delapan satu tiga dua dua empat lima lima enam tujuh delapan, pinjaman cepat"
            " cair",
            "kontak: O8l5-77S4-3Z1O (admin cuan)",
            "chat aja 08 · 21 · 44 · 90 · 17 · 63 slot terpercaya",
            "+62 812 ▪ 3456 ▪ 7788 admin paling amanah, depo wd 24 jam",
        ],
    },
    "r4_brand": {
        "spam": [
            "coba main di MERPATI77, kemarin modal 20rb pulang bawa 2 juta",
            "KEDIRIJP aja lur, wis kebukti metu terus",
            "sopo sing durung jajal JAGOWIN303? gampang tembus tenan",
            "gabung BINTANG88 sekarang, rezeki nomplok tiap hari",
        ],
    },
    "r4_praise_offer": {
        "spam": [
            "Terima kasih beritanya min, sangat bermanfaat. Oh iya yang lagi butuh modal usaha bisa"
            " cek profil saya ya",
            "liputan yang keren pak wartawan 👍 sambil nunggu berita lain, saya punya kerja"
            " sampingan dari HP, minat DM",
            "apik tenan artikele. Sing pengen penghasilan tambahan saka omah, inbox aku wae",
            "Informasinya lengkap sekali, salut. Btw ada yang mau dana cepat cair tanpa BI"
            " checking? japri",
        ],
    },
    "r4_scam_records": {
        "spam": [
            "Data SLIK OJK kamu merah? Kami bisa bersihkan riwayat kredit macet dalam 3 hari kerja",
            "skor kredit jelek gara-gara pinjol? jasa pemutihan data, langsung bisa ajukan KPR"
            " lagi, wa admin",
            "nama masuk blacklist BI? tenang, kami hapus kolektibilitas 5 jadi lancar, garansi uang"
            " kembali",
        ],
    },
    "r4_scam_bansos": {
        "spam": [
            "Selamat! NIK anda lolos penerima BLT Rp 3.000.000, segera verifikasi di"
            " blt-kemensos-2026.online",
            "pendaftaran bansos PKH tahap akhir dibuka, kirim foto KTP dan KK ke nomor admin"
            " sebelum kuota habis",
            "Bantuan Subsidi Upah cair hari ini, klaim lewat link di bio, cukup isi nomor rekening"
            " dan kode OTP",
            "dapat SMS bansos sembako 600rb? klik bit . ly/bansos-cair dan isi data",
        ],
    },
    "r4_scam_giveaway": {
        "spam": [
            "Assalamualaikum warga Kediri, saya Bupati membagikan bantuan tunai 5 juta bagi 50"
            " orang pertama, follow akun ini lalu DM nomor rekening",
            "akun resmi Kapolres bagi-bagi hadiah motor, syarat transfer biaya pengiriman 250rb"
            " dulu",
            "Giveaway Pak Gubernur: sembako dan uang saku, cukup komen 'AMIN' lalu chat admin untuk"
            " klaim hadiah",
        ],
    },
    "r4_scam_crypto": {
        "spam": [
            "Airdrop token KDRI gratis 1000 koin, hubungkan dompet kripto kamu di situs resmi kami"
            " sekarang",
            "aset kripto hilang kena scam? tim pemulihan kami bisa tarik kembali dana anda 100%",
            "I lost 3 BTC to a fake exchange until a recovery expert got it all back, message him"
            " on Telegram",
            "Trading robot forex profit 10% per hari, modal minimal 1 juta, pasti cuan tanpa rugi",
        ],
    },
    "r4_scam_task": {
        "spam": [
            "Kerja santai cuma like dan follow akun Instagram, dibayar 20rb per tugas, langsung"
            " cair ke DANA",
            "cari member buat tugas subscribe channel, komisi harian 300rb, gabung grup telegram"
            " admin",
            "tugas kasih bintang 5 ke hotel di Google Maps, sehari bisa dapat 500 ribu, modal HP"
            " saja",
        ],
    },
    "r4_scam_occult": {
        "spam": [
            "Pesugihan putih tanpa tumbal, hasilnya uang ghaib langsung masuk rekening, hubungi Ki"
            " Joyo",
            "Penggandaan uang asli bukan tipu, mahar terjangkau, sudah ribuan pasien sukses",
            "butuh dana gaib untuk lunasi utang? Mbah Sastro bantu ritual, pasti berhasil",
        ],
    },
    "r4_togel_room": {
        "spam": [
            "Bocoran angka jitu SGP malam ini, 4D 2D colok bebas dijamin tembus, gabung room VIP",
            "prediksi HK hari ini sudah keluar di grup, yang mau ikut main angka langsung merapat",
            "Room Shio Jitu: angka main 8 3 5 1, pasang 10rb bisa dapat jutaan",
        ],
    },
    "r4_scam_english": {
        "spam": [
            "Earn $300 a day from your phone, no experience needed, DM me for details",
            "Congratulations, you have been selected to receive a free iPhone 16, claim at"
            " prize-winner-claim dot site",
            "Need fast loan without collateral? Approved in 10 minutes, message our agent now",
        ],
    },
    "r4_raid_news": {
        "clean": [
            "Polres Kediri menggerebek arena judi sabung ayam di Kandangan, 12 orang diamankan",
            "Kominfo sudah memblokir ribuan situs slot, tapi iklannya masih muncul di mana-mana,"
            " tolong ditindak",
            "Tetangga saya habis-habisan gara-gara judi online, jual motor sampai sawah. Jangan"
            " pernah coba deposit sekalipun",
            "bandar togel di Ngasem akhirnya ditangkap, semoga dihukum berat",
            "Slot gacor itu cuma jebakan, yang menang ya bandarnya. Stop judol!",
        ],
    },
    "r4_bank_loans": {
        "clean": [
            "KUR BRI unit Pare bunganya 6 persen setahun, syaratnya cuma NIB dan KTP",
            "Koperasi simpan pinjam desa kami membuka pinjaman untuk anggota dengan bunga ringan",
            "Kalau mau pinjam online pastikan terdaftar di OJK, jangan tergiur pinjol ilegal",
            "Cek SLIK bisa gratis lewat layanan iDebku di situs resmi OJK, tidak perlu calo",
            "Pegadaian Kediri punya program cicilan emas, lumayan buat tabungan",
        ],
    },
    "r4_bansos_official": {
        "clean": [
            "Cek penerima bansos cukup di cekbansos.kemensos.go.id, selain itu pasti penipuan",
            "Pencairan PKH tahap 3 lewat Kantor Pos mulai Senin, bawa KTP dan undangan",
            "Dinsos mengingatkan petugas tidak pernah minta kode OTP atau biaya apa pun",
            "Alhamdulillah BLT desa sudah cair di balai desa, terima kasih Pak Kades",
        ],
    },
    "r4_birds": {
        "clean": [
            "Kontes kicau di Taman Sekartaji ramai, murai batu Pak Darto gacor sampai juara 1",
            "Kenari saya baru gacor lagi setelah ganti voer dan rajin dijemur",
            "Juri lomba lovebird menilai durasi ngekek, yang paling gacor menang",
            "manuk cucak ijoku saiki wis gacor, mbok menawa iso melu lomba minggu ngarep",
        ],
    },
    "r4_village_lottery": {
        "clean": [
            "Undian doorprize jalan sehat HUT RI hadiah utamanya sepeda motor, selamat buat warga"
            " Banjaran",
            "arisan RT kami diundi tiap malam Jumat, bulan ini Bu Siti yang dapat",
            "Pemenang undian kupon belanja Pasar Setono Betek diumumkan Sabtu depan",
            "Panitia tujuhbelasan: nomor kupon 045 menang kulkas, silakan ambil di balai RW",
        ],
    },
    "r4_wfh_asn": {
        "clean": [
            "ASN Pemkab Kediri boleh kerja dari rumah tiap Jumat sesuai surat edaran Bupati",
            "Aturan WFH PNS ada di PermenPANRB, absensinya tetap lewat aplikasi",
            "Pendaftaran CPNS hanya lewat sscasn.bkn.go.id, jangan percaya yang menawarkan jalur"
            " belakang",
            "Guru honorer sekarang bisa daftar PPPK, info resmi dari BKPSDM",
        ],
    },
    "r4_hotline_quote": {
        "clean": [
            "Kalau ketemu penipuan keuangan lapor ke kontak OJK 157 atau polisi 110",
            "Listrik padam di Gurah, kata petugas hubungi PLN 123 saja",
            "Info dari Dukcapil: aktivasi IKD bisa ditanyakan ke call center 1500537",
            "Ambulans gratis Pemkab bisa dipanggil lewat 112, sudah saya coba dan cepat",
        ],
    },
    "r4_money_talk": {
        "clean": [
            "Harga bitcoin turun lagi minggu ini, untung saya belum beli",
            "OJK sekarang mengawasi aset kripto, jadi pilih exchange yang berizin",
            "Anak muda di Kediri banyak yang belajar investasi reksa dana, bagus asal paham"
            " risikonya",
        ],
    },
    "r4_styled_thanks": {
        "clean": [
            "𝐓𝐞𝐫𝐢𝐦𝐚 𝐤𝐚𝐬𝐢𝐡 𝐏𝐚𝐤 𝐁𝐮𝐩𝐚𝐭𝐢 jalannya sudah mulus",
            "𝑴𝒂𝒕𝒖𝒓 𝒏𝒖𝒘𝒖𝒏 pak dokter Puskesmas Wates",
            "𝕊𝕖𝕞𝕒𝕟𝕘𝕒𝕥 buat tim voli putri Kediri 💪",
        ],
    },
    "r4_occult_talk": {
        "clean": [
            "Film horor tentang pesugihan Gunung Kawi tayang di bioskop, seram tapi bagus",
            "Penggandaan uang itu penipuan, korbannya di Kediri sudah banyak, jangan percaya dukun",
            "Cerita tumbal pesugihan itu mitos, kerja keras tetap jalan terbaik",
        ],
    },
}


# Round 5, spam side (issue 14): scams that are not gambling, in families round 4 barely
# covered (jobs abroad for a fee, bought diplomas, accounts and followers for sale, trading
# with a daily profit, fixed guaranteed returns, fake officials handing out cash for identity
# data), and the ordinary comments that sit close to them. Merged into ROWS in ``rows()``.
ROUND5_SPAM: dict[str, dict[str, list[str]]] = {
    "r5_job_fee": {
        "spam": [
            "Lowongan kerja di kapal pesiar Eropa gaji 2000 USD, cukup transfer uang administrasi"
            " 3,5 juta untuk proses visa",
            "Dibutuhkan tenaga kerja ke Jepang dan Korea, berangkat bulan depan, biaya"
            " keberangkatan 7 juta bisa dicicil",
            "Ana lowongan dadi ABK kapal Taiwan, bayaran 25 juta sesasi, mung kudu mbayar dhisik"
            " kanggo medical lan paspor",
            "Hiring now: hotel staff in Dubai, free flight, just pay a 150 dollar processing"
            " deposit to secure your slot",
            "Penyaluran kerja ke Malaysia, uang jaminan 5 juta dikembalikan setelah kontrak,"
            " kuota tinggal 10 orang",
        ],
    },
    "r5_diploma": {
        "spam": [
            "Terima pembuatan ijazah S1 asli terdaftar PDDikti, tanpa kuliah, 2 minggu jadi",
            "Jual ijasah SMA dan SMK, nilai bisa request, pengiriman ke seluruh Indonesia",
            "Degree certificate from a UK university without attending classes, verifiable"
            " online, fast delivery",
            "Gawe ijazah sarjana ora perlu kuliah, cepet dadi, iso dicek online",
        ],
    },
    "r5_accounts": {
        "spam": [
            "Jual akun Netflix premium 1 bulan cuma 15rb, garansi full, order via DM",
            "Jasa tambah followers Instagram 10rb real aktif, harga murah, proses 1 jam",
            "Buy 5000 TikTok followers and likes instantly, cheapest price, no password needed",
            "Spotify premium lan YouTube premium murah, sewulan limang ewu wae, sing minat inbox",
        ],
    },
    "r5_trading": {
        "spam": [
            "Investasi emas digital bersama mentor, cuan 3% setiap hari, tinggal duduk manis",
            "Gabung trading komoditas kopi dan sawit, keuntungan harian stabil 2 persen, modal"
            " mulai 500rb",
            "Forex autopilot EA kami menghasilkan 50 pip tiap hari, akun dikelola, bagi hasil"
            " 70:30",
            "Gold trading signals with 5% profit every day, join our premium group before slots"
            " run out",
        ],
    },
    "r5_fixed_return": {
        "spam": [
            "Titip dana 10 juta, tiap minggu dapat bagi hasil tetap 500rb, modal aman dijamin"
            " kembali",
            "Arisan investasi untung pasti 30% dalam sebulan, sudah terbukti ratusan member",
            "Duitmu tak puterke, saben minggu oleh bathi 10 persen, dijamin ora rugi",
            "Fixed 20% weekly return on your deposit, risk-free and guaranteed by our company",
        ],
    },
    "r5_official_cash": {
        "spam": [
            "Saya staf Kemensos ditugaskan membagikan uang tunai 2 juta untuk warga, kirimkan foto"
            " KTP dan nomor HP ke WA saya",
            "Info dari kelurahan: dana bantuan lansia 1,5 juta siap diserahkan, cukup setor NIK,"
            " nama ibu kandung dan kode yang masuk ke HP",
            "Pak Camat mbagekke duwit 500 ewu kanggo warga, kirim foto KTP karo KK neng nomer iki",
            "This is an officer from the Ministry: you qualify for a cash grant, reply with your"
            " ID number and bank PIN",
            "Selamat, Bapak/Ibu tercatat penerima santunan dari Polres, silakan balas dengan data"
            " KTP dan rekening",
        ],
    },
    "r5_job_fair": {
        "clean": [
            "Job fair Disnaker Kota Kediri di GOR Jayabaya besok, ada 40 perusahaan dan gratis,"
            " bawa CV saja",
            "Info dari BP2MI: kerja ke luar negeri lewat jalur resmi tidak dipungut biaya"
            " penempatan",
            "Anak saya berangkat kerja ke Jepang lewat LPK resmi, pelatihannya setahun di Pare",
        ],
    },
    "r5_official_site": {
        "clean": [
            "Tiket konser di Stadion Brawijaya hanya dijual di situs resmi panitia, jangan beli"
            " dari calo",
            "Pendaftaran PPDB SMP negeri lewat situs resmi Dinas Pendidikan mulai Senin",
            "Formulir beasiswa bisa diunduh di situs resmi kampus, batasnya akhir bulan",
        ],
    },
    "r5_graduation": {
        "clean": [
            "Wisuda dan penyerahan ijazah SMKN 1 Kediri berlangsung haru, selamat untuk para"
            " lulusan",
            "Peserta pelatihan barista di BLK menerima sertifikat kompetensi setelah lulus uji",
            "Proud of our school: every student received a certificate of completion today",
        ],
    },
    "r5_used_sale": {
        "clean": [
            "Kalau ada tetangga Mojoroto yang butuh motor, Supra saya dijual, surat lengkap, lihat"
            " di rumah saja",
        ],
    },
    "r5_bodong_warning": {
        "clean": [
            "Hati-hati investasi bodong yang janji profit harian tetap dan bagi hasil tiap minggu,"
            " itu ciri skema ponzi",
            "Kalau ada yang nawari ijazah tanpa kuliah, itu palsu dan bisa dipidana, jangan mau",
            "Modus lowongan kapal pesiar: disuruh bayar biaya medical dulu, lalu agennya hilang."
            " Waspada",
        ],
    },
    "r5_ojk_list": {
        "clean": [
            "Daftar entitas investasi ilegal sudah dirilis Satgas PASTI OJK, cek dulu sebelum"
            " menanam uang",
            "Pinjol dan investasi yang legal bisa dicek di daftar resmi OJK atau kontak 157",
        ],
    },
}


# Abusive rows of these kinds must be held: a slur, a threat or an English insult aimed at
# someone is not made acceptable by a mask. A round's prefix ("r4_") is not part of the kind.
MUST_HOLD = frozenset(["slur", "threat", "english_insult"])


def _expect(category: str, label: str) -> dict[str, str]:
    kind = (
        category.split("_", 1)[1] if category[:1] == "r" and category[1:2].isdigit() else category
    )
    return {"expect": "hold"} if label == "abusive" and kind in MUST_HOLD else {}


def rows() -> list[dict[str, str]]:
    return [
        {"text": text, "label": label, "category": category, **_expect(category, label)}
        for table in (
            ROWS,
            ROUND3_ABUSE,
            ROUND4_ABUSE,
            ROUND5_ABUSE,
            ROUND6_ABUSE,
            ROUND4_SPAM,
            ROUND5_SPAM,
        )
        for category, labels in table.items()
        for label, texts in labels.items()
        for text in texts
    ]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    parts: dict[str, list[str]] = {"tune": [], "holdout": []}
    for row in rows():
        part = "holdout" if zlib.crc32(row["text"].encode()) % 10 < HOLDOUT else "tune"
        parts[part].append(json.dumps(row, ensure_ascii=False))
    for part, lines in parts.items():
        (OUT / f"{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{part}: {len(lines)} rows")


if __name__ == "__main__":
    main()
