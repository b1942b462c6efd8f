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


def rows() -> list[dict[str, str]]:
    return [
        {"text": text, "label": label, "category": category}
        for table in (ROWS, ROUND3_ABUSE)
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
