"""Context that clears: literal animals, songbirds, criticism of gambling, names, styled notes."""

from __future__ import annotations

import pytest

from moderation.evaluation import Outcome, outcome
from moderation.filters.pipeline import Pipeline
from moderation.policy import Policy
from tests.filters.spam_helpers import context
from tests.filters.tricks import FLAGGED, STOPPED, verdict

_PIPELINE = Pipeline.default()


@pytest.mark.parametrize(
    "body",
    [
        "puskeswan memeriksa anjing yang diduga rabies di Kandat",
        "petani memasang jaring karena babi hutan masuk sawah",
        "kotoran kelelawar dan tai kambing dijual sebagai pupuk",
        "kirik e wis divaksin dokter hewan",
    ],
)
def test_animal_words_in_farm_and_health_news_stay_published(body: str) -> None:
    """Animal words near a health or farming cue are read literally."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["dasar anjing lu, vaksin aja sana", "babi kau, pulang ke kandang", "asu kowe"],
)
def test_animal_words_aimed_at_someone_still_count(body: str) -> None:
    """A literal cue does not clear an animal word aimed at a person."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "sing sabar mbah, matamu mari operasi katarak",
        "matamu wis ditambani katarak durung mbah",
        "operasi katarak gratis, matamu dadi padhang",
        "mripat lan matamu diperiksa dokter mata",
    ],
)
def test_your_eyes_in_a_cataract_story_is_not_an_insult(body: str) -> None:
    """Javanese "matamu" (your eyes) beside cataract surgery or an eye doctor is literal."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "Pak Dick Simanjuntak meresmikan pasar",
        "Bapak Dick hadir di rapat RT",
        "selamat untuk Dick Pranata, juara catur",
        "pak haji bolot sedih lihat candaan ini",
    ],
)
def test_a_name_that_is_an_english_swear_word_is_a_name(body: str) -> None:
    """A capitalised listed word after a title or before a surname is a personal name."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "situs slot dan togel harus diblokir, banyak korban",
        "waspada, judi online bikin kecanduan dan utang",
        "jangan tergiur maxwin, itu cuma jebakan",
    ],
)
def test_criticism_of_gambling_is_not_gambling_spam(body: str) -> None:
    """Readers warning against gambling may name its terms."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "stop judol! main di sini saja bit.ly/jp777",
        "jangan percaya situs lain, daftar GACORWIN88 wa 0812-3456-7890",
    ],
)
def test_a_warning_with_a_way_to_reach_the_spammer_still_holds(body: str) -> None:
    """Warning words do not clear a comment that carries a link, number or brand."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kenari saya mulai gacor setelah ganti pakan",
        "murai batu gacor di gantangan tadi pagi",
        "lovebird paud gacor banget suaranya",
    ],
)
def test_gacor_of_a_songbird_is_praise(body: str) -> None:
    """ "gacor" beside songbird words is a bird's praise, not gambling."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "𝐒𝐞𝐥𝐚𝐦𝐚𝐭 𝐩𝐚𝐠𝐢 warga Kediri",
        "𝑻𝒆𝒓𝒊𝒎𝒂𝒌𝒂𝒔𝒊𝒉 relawan",
        "Ｍａｎｔａｐ pak kades",
        "𝐓𝐞𝐫𝐢𝐦𝐚 𝐤𝐚𝐬𝐢𝐡 𝐛𝐚𝐧𝐲𝐚𝐤 𝐁𝐮 𝐁𝐢𝐝𝐚𝐧 𝐝𝐚𝐧 𝐏𝐮𝐬𝐤𝐞𝐬𝐦𝐚𝐬 𝐊𝐚𝐧𝐝𝐚𝐭",
        "𝓜𝓪𝓽𝓾𝓻 𝓷𝓾𝔀𝓾𝓷 𝓹𝓪𝓴 𝓫𝓾𝓹𝓪𝓽𝓲",
        "Ⓣⓔⓡⓘⓜⓐ ⓚⓐⓢⓘⓗ",
        "𝙎𝙚𝙢𝙖𝙣𝙜𝙖𝙩 𝙩𝙚𝙧𝙪𝙨 𝙥𝙖𝙠 𝙠𝙖𝙙𝙚𝙨 🙏🙏",
    ],
)
def test_styled_letters_alone_never_hold(body: str) -> None:
    """A thank-you note in styled letters (bold, script, circled, full-width) is published."""
    assert verdict(body) is Outcome.APPROVED


def test_a_site_domain_is_trusted() -> None:
    """A site's own domain in a reader's comment is no spam clue."""
    from moderation.filters.links import links
    from moderation.filters.normalise import normalise

    text = normalise("info lengkap di kedirikab.go.id/vaksin")
    assert links(text, ["kedirikab.go.id"]) == []


_HOTLINES = Policy(hotlines=("081234567890", "+6281130001120"))


@pytest.mark.parametrize(
    "body",
    [
        "Pendaftaran vaksin hubungi WA Dinkes 0812-3456-7890 ya",
        "aduan banjir: hubungi call center BPBD 0811 3000 1120",
        "lapor ke wa resmi pemkab +62 812 3456 7890",
    ],
)
def test_a_site_hotline_quoted_by_a_reader_is_published(body: str) -> None:
    """The site's own hotline, however it is written, is no number offered for a chat."""
    assert stopped_on(body, Policy()) and not stopped_on(body, _HOTLINES)


@pytest.mark.parametrize(
    "body",
    [
        "pinjol cepat cair hubungi wa 0812-3456-7891",
        "slot gacor wd lancar chat 0857 1122 3344",
        "bantuan bansos cair, wa admin 0813-2222-1111",
    ],
)
def test_other_numbers_on_a_site_with_hotlines_still_hold(body: str) -> None:
    """Trusting the site's hotlines trusts no other number."""
    assert stopped_on(body, _HOTLINES)


def stopped_on(body: str, policy: Policy) -> bool:
    return outcome(_PIPELINE(context(body, policy=policy), "2026-12-03T00:00:00Z")) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "yang cari penjahit kebaya di Pare, bu Tin WA 0857 1234 9876, rapi orangnya",
        "bengkel las langganan saya nomornya 0821-3344-5566, dekat pasar Gurah",
        "servis kulkas yang tanya kemarin: pak Darto 0812 3000 4000, Ngadiluwih",
    ],
)
def test_a_reader_pointing_to_a_local_shop_is_published(body: str) -> None:
    """A number shared to point readers to a shop or a tradesman is not a hold."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "toko kami buka pinjaman tanpa agunan, WA 0857 1234 9876",
        "warung slot gacor maxwin, hubungi 0821-3344-5566",
    ],
)
def test_a_local_cue_does_not_clear_a_number_that_sells(body: str) -> None:
    """A shop word beside a listed spam phrase leaves the number's clue as it was."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "menyebut tetangga beda agama kafir itu tidak pantas",
        "jangan panggil orang Madura dengan sebutan monyet, itu rasis",
        "stop calling disabled kids retarded, it is hurtful",
        "memanggil murid bencong itu perundungan",
    ],
)
def test_a_word_quoted_to_condemn_it_is_published(body: str) -> None:
    """A slur or insult named as a word next to a condemnation, addressing no one, passes."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "jangan bilang-bilang, dasar monyet",
        "kamu itu bencong, jangan protes",
        "stop calling me, you retard",
        "kata kafir pantas buat kalian",
    ],
)
def test_a_condemnation_cue_does_not_clear_abuse_aimed_at_someone(body: str) -> None:
    """With someone addressed, a quote or condemnation cue clears nothing."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "raimu kok pucat, ayo nang puskesmas",
        "ndasmu ngelu terus ta? ojo kakean begadang",
        "novel karya Philip K. Dick diterjemahkan",
        "ketua panitia Pak Haji Cuk Santoso",
        "Cok Ace wakil gubernur Bali",
    ],
)
def test_body_words_in_health_talk_and_names_are_innocent(body: str) -> None:
    """ "Your face/head" in health talk, and names after an initial or a title, pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "raimu elek, ora usah komen",
        "ndasmu kuwi isine opo",
        "cok, ngawur ae koen",
        "COK PEJABAT NGAPUSI",
    ],
)
def test_the_same_words_as_insults_still_count(body: str) -> None:
    """Without a health cue or a name's capitals (shouting in capitals is no name) they are
    still swearing."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "mantap infonya, cek profil bupati di web pemkab",
        "bagus, cek profil caleg sebelum milih",
        "terima kasih, cek profil sekolah di situs dinas",
    ],
)
def test_a_third_partys_profile_after_praise_is_no_offer(body: str) -> None:
    """ "Check the official's profile" after praise points to someone else, not a channel."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "artikel bagus, cek profil aku ya kak",
        "mantap min, cek profilku buat info cuan",
    ],
)
def test_the_writers_own_profile_after_praise_is_still_an_offer(body: str) -> None:
    """Praise then the writer's own profile is the spammer's move, held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "asu tonggo mlebu pekarangan maneh",
        "anjing tetangga masuk rumah, kucing saya kabur",
        "sarang kampret di atap sekolah dibersihkan",
        "kotoran kampret laku dijual buat pupuk",
    ],
)
def test_a_neighbours_dog_and_bats_nests_are_animals(body: str) -> None:
    """A neighbour's dog, bats' nests and droppings are animals."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["kampret lu, hapus komenku", "asu koen, tonggo ora ngerti isin", "dasar kampret kowe"],
)
def test_the_same_animals_as_insults_still_count(body: str) -> None:
    """Aimed at someone, the same words are still insults."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "judol merusak, tapi kalau mau aman main di GACOR77 saja",
        "stop judi online! kecuali di situs resmi kami, link di bio",
        "hati-hati situs palsu, yang asli cuma di t.me/slotjujur",
    ],
)
def test_a_warning_that_points_to_its_own_site_still_holds(body: str) -> None:
    """ "Stop judol, except at ours": the warning words clear nothing beside a brand or link."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kicau mania merapat, slot gacor maxwin di bit.ly/kicau88",
        "murai gacor kalah sama situs GACORJP99, daftar sekarang",
        "lomba burung sepi, mending main slot gacor wa 0812 5555 1234",
    ],
)
def test_songbird_words_do_not_clear_a_gambling_offer(body: str) -> None:
    """A bird-keeping cue beside a gambling link, brand or number leaves the offer held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "formulir vaksin anak ada di s.id/vaksinkdr, kata bidan desa",
        "jadwal SIM keliling bisa dilihat di bit.ly/simkeliling-kdr",
        "pendaftaran lomba 17an lewat linktr.ee/karangtarunangasem",
    ],
)
def test_a_short_link_to_a_notice_is_published(body: str) -> None:
    """Offices and village groups share short links: a shortener alone does not hold."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "bonus new member 100% daftar di s.id/gacorhoki",
        "pinjaman cair tanpa jaminan, ajukan di bit.ly/danacepat",
        "slot gacor malam ini cutt.ly/maxwin88",
    ],
)
def test_a_short_link_beside_an_offer_holds(body: str) -> None:
    """The same shorteners with a gambling or loan offer hold."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 malam ini pasti maxwin",
        "𝗣𝗜𝗡𝗝𝗔𝗠𝗔𝗡 cair cepat wa 0812 3456 7000",
        "Ⓜⓐⓧⓦⓘⓝ tiap hari di hoki77.vip",
    ],
)
def test_styled_letters_with_an_offer_hold(body: str) -> None:
    """Bold, sans-serif bold or circled letters with a gambling word, number or link hold."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "utang numpuk? pesugihan tanpa tumbal pasti berhasil",
        "terjerat utang pinjol? ritual dana gaib dijamin berhasil",
        "korban penipuan? Ki Joko bantu uang gaib kembali, garansi",
    ],
)
def test_a_pledge_of_success_undoes_the_warnings_clearing(body: str) -> None:
    """Words of debt or fraud next to a pledge that the ritual works are the offer's bait."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "utang numpuk gara-gara judol, pesugihan itu musyrik",
        "korban penipuan dana gaib melapor ke polisi",
        "waspada, tidak ada uang gaib, yang ada penipuan",
    ],
)
def test_warnings_about_occult_wealth_stay_published(body: str) -> None:
    """Readers naming the occult scam to warn against it are published."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "My cousin works from home as a teacher, the new rules help",
        "Surat edaran baru: ASN boleh kerja dari rumah tiap Jumat",
        "karyawan pabrik tidak bisa work from home, harus datang",
    ],
)
def test_working_from_home_said_of_employees_is_published(body: str) -> None:
    """Working from home beside an employer or its rules is the office arrangement."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kerja dari rumah tanpa ke kantor, penghasilan jutaan",
        "ASN dan karyawan bisa kerja dari rumah, cek bio",
        "teachers: extra income working from home, message me",
    ],
)
def test_an_employer_word_does_not_clear_a_work_from_home_offer(body: str) -> None:
    """Beside earnings talk or a contact ask, working from home stays an offer."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "mantul artikelnya, sing pengen cuan saben dino takon aku",
        "good info. anyone need a quick loan? pm me",
        "makasih infonya min, yang mau kerja sampingan hubungi saya",
    ],
)
def test_slang_praise_then_an_ask_is_an_offer_after_praise(body: str) -> None:
    """ "mantul", "good info", "makasih infonya", then "takon aku", "pm me", "hubungi saya"."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "mantul artikelnya, semoga jalan desa segera diaspal",
        "good info, I will tell my neighbours about the clinic",
        "makasih infonya min, besok saya ke kantor desa",
    ],
)
def test_slang_praise_alone_is_published(body: str) -> None:
    """Praise in slang or English with no private channel after it is ordinary."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "informatif sekali, cek profil pejabatnya di laman DPRD",
        "mantap, lihat profil desanya di web kabupaten",
        "bagus, intip profil calonnya sebelum nyoblos",
    ],
)
def test_praise_then_someone_elses_profile_is_no_offer(body: str) -> None:
    """ "cek profil pejabatnya": a profile owned by whom it names is not the commenter's."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "bagus beritanya, cek profil aku ya",
        "mantap, cek profil kami untuk info kerja",
        "keren, lihat profil ya kak, ada promo",
    ],
)
def test_praise_then_ones_own_profile_is_an_offer(body: str) -> None:
    """ "cek profil aku", "cek profil kami", "lihat profil ya kak" invite to the commenter's."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kampret akeh nang wit pelem, buahe entek",
        "populasi kampret di goa Jatijajar menurun",
        "bajingan jaman biyen iku kusir cikar",
        "pak bajingan ngeterke gabah nganggo cikar",
        "celeng hasil buruan dibagi warga",
    ],
)
def test_insults_that_are_animals_or_trades_are_innocent_beside_a_wild_cue(body: str) -> None:
    """Bats in caves and fruit trees, the old ox-cart driver, a hunted boar are meant literally."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kampret lu, komen ngawur terus",
        "bajingan kowe, ngapusi rakyat",
        "dasar kampret, panen gagal kok diem wae",
    ],
)
def test_the_same_words_aimed_at_someone_beside_a_wild_cue_still_count(body: str) -> None:
    """A wild cue does not clear the word when it is hurled at someone."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "kampret ngawur, sembuh wae ora",
        "bajingan, rumah sakit kok ngono",
        "kampret, hilang terus listrike",
    ],
)
def test_generic_literal_cues_do_not_clear_a_wild_word(body: str) -> None:
    """Health or loss words are no bat's cave: the wild words keep their insult there."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "matamu minus berapa? ganti kacamata",
        "ndasmu kudu nganggo helm nek numpak motor",
        "ndasmu isih mumet? ngombe obat",
        "jangkrik buat umpan mancing lele",
        "celeng ngrusak kebon jagung wingi bengi",
        "asuku lara, kudu digawa nang dokter kewan",
    ],
)
def test_eyes_heads_crickets_boars_and_dogs_in_literal_talk_are_innocent(body: str) -> None:
    """Glasses, helmets, dizziness, fishing bait, maize fields and a vet are literal cues."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "matamu picek, ganti kacamata kono",
        "ndasmu koen, helm wae ora mudeng",
        "jangkrik koen, mancing keributan wae",
    ],
)
def test_eyes_heads_and_crickets_aimed_at_someone_still_count(body: str) -> None:
    """Beside the same cues, aimed at someone they are still swearing."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        'he called me a "faggot" at work and HR did nothing',
        "saya dikatai \u201cmonyet\u201d oleh suporter lawan, mohon diusut",
        "aku diarani 'asu' karo koncoku, wis tak laporno guru",
        'tetangga menyebut kami "babi" dan sudah dilaporkan ke polisi',
        "sebutan 'indon' untuk orang Indonesia itu menghina",
    ],
)
def test_a_slur_a_reader_reports_being_called_is_published(body: str) -> None:
    """A word quoted after "called me", "dikatai", "diarani", or reported as an insult, passes."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        'dasar "monyet" kamu',
        'orang papua itu pantas disebut "monyet"',
        "memang cocok dipanggil 'babi' orang kayak gitu",
        'dikatai "bencong" pun kamu pantas',
    ],
)
def test_quote_marks_clear_nothing_when_aimed_or_endorsed(body: str) -> None:
    """Quote marks beside a naming word do not clear a slur hurled at someone or endorsed."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        '"monyet" itu ejekan rasis untuk orang Papua, stop!',
        "'cino' kuwi ejekan, ora sopan",
        '"retard" is a slur and it is hurtful',
    ],
)
def test_a_quoted_word_named_as_an_insult_after_it_is_published(body: str) -> None:
    """A quoted word, then "itu ejekan rasis" / "is a slur": named and condemned, it passes."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "asu galak nang gang iku nyokot bocah",
        "kirik anyar lair telu",
        "kotorane kampret dadi pupuk",
        "matamu abang, kakehan main hp",
        "ndasmu benjut kejedot lawang",
        "adu jangkrik dilarang nang desa",
        "wedhus gembel metu saka Merapi",
    ],
)
def test_javanese_animals_doings_and_injuries_are_literal(body: str) -> None:
    """A dog biting, puppies born, bats' dung, red eyes, a bumped head, cricket fights pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["asu galak kowe", "kirik koen, lair ora dikarepke", "gembel lu, ngemis terus"],
)
def test_the_same_descriptions_hurled_at_someone_still_count(body: str) -> None:
    """Aimed at someone, the animal and body words are still insults."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        'Judul artikelnya "Warga Ngamuk, Teriak Bangsat ke Petugas" terlalu provokatif min',
        "Lagu 'Asu Tenan' ciptaane grup dangdut koplo Nganjuk lagi rame neng Tiktok",
        'Di pagar sekolah ada coretan "guru goblok", kepala sekolah sudah lapor polsek',
        'Film berjudul "Bajingan Terakhir" tayang perdana di Kediri minggu depan',
        "The sign read 'No bullshit parking' and the council took it down",
    ],
)
def test_words_inside_a_quoted_title_or_sign_are_published(body: str) -> None:
    """A headline, song, film or sign quoted after the word that names it is not said."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        'Judul lagune "Bangsat" pancen cocok kanggo kowe',
        "Lagu 'Anjing' iku kanggo kalian kabeh",
        'Tulisan "goblok" layak buat pejabat desa',
        "Judulnya bangsat, penulisnya juga bangsat",
    ],
)
def test_a_quoted_title_aimed_or_endorsed_still_counts(body: str) -> None:
    """A title turned on the reader or endorsed for someone, or no quotation at all, counts."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "Sakwise operasi katarak neng RSUD, matane bapak wis cetha maneh",
        "Cangkem anakku sariawan telung dina, wis tak gawa neng dokter gigi",
        "Raimu ganteng tenan mas neng foto wisudane",
        "Untune mbah dicabut, cangkeme isih bengkak sithik",
    ],
)
def test_javanese_eyes_mouths_and_faces_meant_literally_are_published(body: str) -> None:
    """Eyes after a cataract operation, a mouth at the dentist, a face praised pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["matane kowe picek ta, dalan gedhe ora weruh", "cangkem kowe mambu", "raimu elek, ngaca"],
)
def test_javanese_eyes_mouths_and_faces_aimed_still_count(body: str) -> None:
    """Aimed at the reader, the same body words are insults."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "BPOM Surabaya menyita obat kuat berlabel viagra tanpa izin edar",
        "Psikolog menjelaskan kecanduan pornography bisa diterapi, orang tua jangan panik",
        "Kata dokter, masturbation tidak bikin mandul, itu mitos lama",
        "Men with heart disease should ask their doctor before any viagra",
    ],
)
def test_medical_words_in_health_stories_are_published(body: str) -> None:
    """A medical or sexual-health word beside a health cue is the subject of the story."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["kamu perlu viagra biar ga loyo", "you should watch less porno, loser", "viagra lu habis?"],
)
def test_medical_words_aimed_or_without_a_health_cue_still_count(body: str) -> None:
    """Aimed at someone, or with no health cue, the word still counts."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "Pengaduan PDAM 0812-3300-4400 tercantum di laman pdam.kedirikab.go.id, sudah saya cek",
        "Nomer WA posko 0813-5566-7788 iku tertera nang website dinsos.kedirikab.go.id",
        "The village hotline 0857-2200-1100 is listed on tawang.desa.id, it is genuine",
    ],
)
def test_a_number_listed_on_a_state_page_is_official(body: str) -> None:
    """A number said to be listed on a .go.id or .desa.id page is the office's."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "WA admin 0812-1234-9876 tertera di kemensos.go.id, klik daftar bonus 300rb",
        "Pencairan BLT hubungi WA 0813-7777-1212, resmi cek kedirikab.go.id",
        "WA 0857-3030-4040 buat pinjol cepat cair, terdaftar di ojk.go.id",
    ],
)
def test_a_number_vouched_by_a_state_page_beside_a_lure_still_holds(body: str) -> None:
    """A lure, a sales phrase, or "resmi" alone leave the number a clue."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "𝐓𝐞𝐫𝐢𝐦𝐚 𝐤𝐚𝐬𝐢𝐡 𝐏𝐨𝐥𝐬𝐞𝐤 𝐏𝐚𝐫𝐞 𝐬𝐮𝐝𝐚𝐡 𝐛𝐞𝐫𝐚𝐧𝐭𝐚𝐬 𝐣𝐮𝐝𝐢 𝐬𝐚𝐛𝐮𝐧𝐠 𝐚𝐲𝐚𝐦",
        "𝓜𝓪𝓴𝓪𝓼𝓲𝓱 𝓞𝓙𝓚, 𝓹𝓲𝓷𝓳𝓸𝓵 𝓲𝓵𝓮𝓰𝓪𝓵 𝓭𝓲 𝓚𝓮𝓭𝓲𝓻𝓲 𝓭𝓲𝓽𝓾𝓽𝓾𝓹",
        "𝗧𝗵𝗮𝗻𝗸𝘀 𝗽𝗼𝗹𝗶𝗰𝗲 𝗳𝗼𝗿 𝘀𝘁𝗼𝗽𝗽𝗶𝗻𝗴 𝘁𝗵𝗲 𝗷𝘂𝗱𝗶 𝗿𝗶𝗻𝗴",
    ],
)
def test_a_styled_thank_you_naming_a_scam_is_published(body: str) -> None:
    """Styled letters count once: not again as a disguised listed word."""
    assert verdict(body) is Outcome.APPROVED
