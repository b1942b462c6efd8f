"""Abuse beyond listed words: threats, slurs that hold, insults graded, Javanese swearing."""

from __future__ import annotations

import pytest

from moderation.evaluation import Outcome
from moderation.filters import abuse
from moderation.filters.abuse import AbuseFilter
from moderation.filters.normalise import normalise
from moderation.models import FindingKind
from tests.filters.spam_helpers import context
from tests.filters.tricks import FLAGGED, STOPPED, verdict


@pytest.mark.parametrize(
    "body",
    [
        "tak gorok gulumu nek wani mrene",
        "awas lu, kubakar motormu",
        "we will find you and stab you",
        "besok kami habisi kalian semua",
    ],
)
def test_threats_without_swear_words_are_held(body: str) -> None:
    """A harm verb aimed at the reader with intent is a threat and is held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "gudang pupuk di Pare dibakar orang tak dikenal",
        "aku tidak akan menyakitimu, percayalah",
        "the fire will burn for days, firefighters say",
    ],
)
def test_news_of_harm_and_negated_harm_are_not_threats(body: str) -> None:
    """Reported harm (no second person) and negated harm are not threats."""
    assert verdict(body) is Outcome.APPROVED


def test_threat_finding_spans_the_verb_and_its_target() -> None:
    """The threat's evidence is the words from intent to target, in the original."""
    [finding] = AbuseFilter()(normalise("tak obong omahmu"), context("tak obong omahmu"))
    assert finding.rule == "threat:aimed"
    assert finding.spans[0].text == "tak obong omahmu"


@pytest.mark.parametrize(
    "body", ["tak obong omahmu", "watch your back", "aku tahu alamat rumah dan sekolah anakmu"]
)
def test_threat_findings_are_of_kind_threat(body: str) -> None:
    """Every abuse finding names its kind, so the decision need not read its rule."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.kind is FindingKind.THREAT


@pytest.mark.parametrize(
    "body", ["you're pathetic and stupid", "you filthy lying snake", "go to hell, mayor"]
)
def test_insult_findings_are_of_kind_insult(body: str) -> None:
    """An insult with no listed word, or an imprecation, is named an insult, not a threat."""
    kinds = {f.kind for f in AbuseFilter()(normalise(body), context(body))}
    assert kinds == {FindingKind.INSULT}


def test_generalised_hate_is_of_kind_slur() -> None:
    """A vice laid on a whole group is hate speech, of kind slur."""
    body = "orang madura semua maling"
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.kind is FindingKind.SLUR


@pytest.mark.parametrize("body", ["dasar aseng pelit", "kafir laknat kalian", "fag go away"])
def test_slurs_hold_rather_than_mask(body: str) -> None:
    """Ethnic and religious slurs stop the comment; masking is not enough."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body", ["you moron", "hey loser, read first", "such an imbecile", "dasar bego"]
)
def test_insults_aimed_at_someone_hold(body: str) -> None:
    """An insult aimed at a person is held, not merely masked."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "the loser of the match was Persebaya",
        "I felt like an idiot there",
        "jerk chicken from Jamaica",
    ],
)
def test_mild_english_words_not_aimed_at_anyone_pass(body: str) -> None:
    """Mild English insult words used of no one stay published."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "jamput kowe",
        "dancuk arek iku",
        "gateli pol",
        "dengkulmu, ngomong sembarangan",
        "gendeng arek iki",
        "diamput, telat maneh",
    ],
)
def test_east_javanese_swearing_is_flagged(body: str) -> None:
    """East-Javanese swearing is in the pack."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "jangkrik goreng enak banget",
        "suara jangkrik di sawah",
        "telek pitik dadi pupuk",
        "wedus e pak lurah wis disembelih",
    ],
)
def test_javanese_animal_words_meant_literally_stay_published(body: str) -> None:
    """Crickets, chicken droppings and a slaughtered goat are not curses."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "investor asing masuk Kediri",
        "matanya sipit karena tertawa",
        "pedagang Tionghoa di pasar Pahing",
    ],
)
def test_words_near_slurs_stay_innocent(body: str) -> None:
    """Foreign investors, narrow eyes and a neutral ethnic name are no slurs."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body", ["dasar udik", "sontoloyo tenan", "culun lu", "dasar pengecut", "dasar kacung asing"]
)
def test_everyday_indonesian_put_downs_are_flagged(body: str) -> None:
    """The common put-downs (country bumpkin, coward, lackey) are in the pack."""
    assert verdict(body) in FLAGGED


@pytest.mark.parametrize(
    "body", ["an idiot-proof design", "Loser of the match buys coffee", "a loser's bracket"]
)
def test_english_insult_words_said_of_no_one_pass(body: str) -> None:
    """Graded English words that insult nobody stay published."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body", ["aku tak akan bunuh kamu", "kami tidak akan membakar rumahmu", "I will never hurt you"]
)
def test_negated_intent_is_no_threat(body: str) -> None:
    """ "tak akan", "tidak akan" and "never" before the harm verb negate it."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("awas kowe, tak parani nang omahmu", "threat:pursuit"),
        ("siap-siap aja, gue cari lu sampai dapet", "threat:pursuit"),
        ("hati-hati pulang malam, tak gebuk nang prapatan", "threat:aimed"),
        ("aku wis ngerti alamat lan sekolah anakmu", "threat:doxxing"),
        ("bocorkan alamat sama NIK penulisnya", "threat:doxxing"),
        ("ayo bakar rumah wartawan itu rame-rame", "threat:incitement"),
        ("somebody should smash his car tonight", "threat:incitement"),
        ("you'll regret writing this, trust me", "threat:phrase"),
    ],
)
def test_threats_of_pursuit_doxxing_and_incitement_are_held(body: str, rule: str) -> None:
    """Threats with no harm word aimed at "you" are found by their own kind, and held."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.rule == rule
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "tak enteni nang stasiun Kediri jam 8 yo, ati-ati nang dalan",
        "tolong sebar alamat posko pengungsian banjir Gurah",
        "jangan sebar alamat rumah dan foto KTP di medsos",
        "kita harus membakar semangat anak muda Kediri",
        "petugas harus membakar sampah plastik dengan insinerator",
        "aku tahu anakmu juara lomba, selamat ya",
    ],
)
def test_waiting_warnings_and_calls_to_act_are_not_threats(body: str) -> None:
    """Waiting for a friend, sharing an aid address, warnings and idioms stay innocent."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "asu ku ilang nang tegalan, warnane ireng",
        "celeng mlebu tegal, jagunge entek dipangan",
        "wedhus lan asu angon bareng nang alas",
    ],
)
def test_javanese_farm_words_make_animals_literal(body: str) -> None:
    """A lost dog or a boar in a Javanese farm story is an animal, not an insult."""
    assert verdict(body) not in FLAGGED


@pytest.mark.parametrize(
    "body",
    [
        "ojo nulis maneh, kacamu tak pecahke",
        "nanti kepalamu kupenggal",
        "awas, kaca mobilmu tak lempari watu",
        "I will break your neck",
        "sesuk tak samperi omahmu, gowo golok",
        "kalau masih sayang nyawa, hapus tulisanmu",
    ],
)
def test_threats_by_other_verbs_weapons_and_conditions_on_life_are_held(body: str) -> None:
    """Threats of breaking, beheading, stoning, a visit with a weapon, or a condition on the
    reader's life are held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "sesuk tak samperi omahmu, gowo jajan teko Pare",
        "besok kubakar ikan buat arisan, datang ya",
        "tak pateni lampune, wis awan",
        "jangan lempar sampah ke sungai Brantas",
        "saya masih ingin hidup sehat, jadi berhenti merokok",
    ],
)
def test_visits_cooking_and_everyday_verbs_are_not_threats(body: str) -> None:
    """A friendly visit, a cookout, switching off a lamp or a plea to live well pass."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "you're so useless and clueless",
        "you are a spineless coward",
        "what a brainless muppet",
        "ur hopeless",
        "shut up you pathetic clown",
    ],
)
def test_english_insults_with_no_listed_word_are_held(body: str) -> None:
    """An insult said of the reader, or exclaimed as a noun, holds."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "I felt so stupid after missing the bus",
        "what a stupid decision by the council",
        "thank you, useless info though",
        "you're not stupid for asking",
        "the garbage trucks came late today",
    ],
)
def test_insult_words_said_of_no_one_pass(body: str) -> None:
    """The same words said of oneself, of a thing, negated, or after a comma pass."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "kafir kalian semua",
        "dasar kafir, pergi sana",
        "monyet papua pulang ke hutan",
        "bego kamu, baca dulu beritanya",
    ],
)
def test_religious_and_ethnic_insults_aimed_at_people_hold(body: str) -> None:
    """ "Kafir" aimed at someone, a slur on Papuans, an insult with the pronoun after: held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kafir itu istilah dalam agama",
        "bego banget aku, lupa bawa KTP",
        "Papua punya banyak satwa, monyet ekor panjang salah satunya",
    ],
)
def test_the_same_words_aimed_at_no_one_are_not_held(body: str) -> None:
    """Said of a term, of oneself, or of animals, they are not held."""
    assert verdict(body) not in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "tunggu tanggal mainnya, wartawan sok tahu",
        "siap-siap masuk rumah sakit besok",
        "koen tak gawe mati nek ketemu",
        "get ready to die, snitch",
    ],
)
def test_revenge_idioms_with_no_harm_verb_are_held(body: str) -> None:
    """Idioms of revenge ("wait for the day", "I'll make you dead") are threats."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "tanggal main film baru diumumkan minggu depan",
        "rasakan manfaatnya minum air putih",
        "ibu masuk rumah sakit, mohon doanya",
    ],
)
def test_the_same_words_in_everyday_talk_are_not_threats(body: str) -> None:
    """A film's release date, a health tip, a relative in hospital pass."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "kamu belum tentu bisa pulang selamat malam ini",
        "your kids won't come home safe if you keep writing",
        "kowe ora bakal iso mulih slamet",
    ],
)
def test_safety_denied_to_the_reader_is_a_threat(body: str) -> None:
    """Doubting that the reader or their family gets home safe is a threat with no harm verb."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "jalan licin, belum tentu selamat kalau ngebut",
        "semoga kamu pulang selamat sampai rumah",
        "aku ora iso mulih, ora aman dalane",
    ],
)
def test_safety_wishes_and_road_warnings_are_not_threats(body: str) -> None:
    """A wish for a safe trip, or a road or the weather said to be unsafe, is no threat."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "jaga anakmu baik-baik, kami tahu sekolahnya",
        "careful, something might happen to your wife",
        "ati-ati karo bojomu, aku weruh omahe",
    ],
)
def test_menace_about_the_readers_family_is_a_threat(body: str) -> None:
    """Take care of your family, with someone knowing or something happening, is a threat."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    ["jaga anakmu baik-baik ya, salam buat keluarga", "hati-hati ya, salam buat keluargamu"],
)
def test_greetings_to_the_readers_family_are_not_threats(body: str) -> None:
    """Care and greetings for the reader's family are not menace."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kamu pasti akan menyesal sudah melapor",
        "awakmu bakal nyeseli omonganmu",
        "nek wani balik, kowe kari jeneng",
        "besok kamu tinggal nama",
        "tak jotos raimu nek ketemu",
        "sesuk tak datangi omahmu karo preman",
    ],
)
def test_regret_doom_beatings_and_gangs_are_threats(body: str) -> None:
    """Promised regret, "only your name is left", other beatings and a visit with a gang."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "kamu tidak akan menyesal datang ke festival ini",
        "gedung bioskop lama itu kini tinggal nama",
        "sesuk tak datangi omahmu karo bojoku",
    ],
)
def test_promised_pleasure_old_buildings_and_visits_are_not_threats(body: str) -> None:
    """No regret, a building gone, and a visit with one's wife are innocent."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "you greedy little pig",
        "you're a spineless, arrogant, pathetic coward",
        "shut up you vile worm",
        "go to hell with your project",
        "hope you rot",
    ],
)
def test_contempt_insults_and_imprecations_are_held(body: str) -> None:
    """Contempt words before an animal or a person after "you", far insults, imprecations."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "you are such a cute little dog",
        "you are right, this stupid law is a mess",
        "did you see that dirty dog in the street",
    ],
)
def test_kind_words_and_insults_of_things_are_not_held(body: str) -> None:
    """A pet praised, an insult of a thing, and an animal that is not "you" are innocent."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["orang ambon semua kasar", "dasar arab, pelit semua", "wong madura kabeh maling"],
)
def test_vices_laid_on_a_whole_group_are_held(body: str) -> None:
    """A vice laid on every member of an ethnic group or religion is hate speech."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "orang madura semua pekerja keras",
        "maling asal madura ditangkap, semua barang bukti disita",
        "tidak semua orang batak kasar",
    ],
)
def test_praise_news_and_denials_about_a_group_are_not_held(body: str) -> None:
    """Praise of a group, news naming a thief's origin, and a denial are not hate speech."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kutunggu kau di depan rumahmu",
        "I'll be waiting outside your house",
        "aku ngenteni ning ngarep omahmu saben bengi",
    ],
)
def test_waiting_outside_the_readers_home_is_a_threat(body: str) -> None:
    """The speaker lurking in front of the reader's home, with no plan said, is menace."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.rule == "threat:lurking"


@pytest.mark.parametrize(
    "body",
    [
        "aku tunggu di depan rumahmu jam 7 ya, kita berangkat bareng",
        "I'll wait outside your house to pick you up",
        "aku gak bakal nunggu di depan rumahmu lagi",
        "tak enteni nang ngarep omahe pak RT",
    ],
)
def test_waiting_with_a_plan_or_at_another_home_is_innocent(body: str) -> None:
    """A pick-up, a time, a negation or someone else's house makes waiting no threat."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "besok kami datangi rumahmu bawa warga sekampung",
        "sesuk aku teko omahmu karo arek-arek sak truk",
        "we will come to your house with a truckload of friends",
    ],
)
def test_a_visit_with_a_crowd_is_a_threat(body: str) -> None:
    """Coming to the reader with people by the truckload or the village is menace."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.rule == "threat:pursuit"


@pytest.mark.parametrize(
    "body",
    [
        "sesuk aku teko omahmu nggowo pasir sak truk",
        "besok aku teko omahmu karo konco-konco, garap tugas kelompok",
        "we will come to your party with the whole family",
    ],
)
def test_a_visit_with_goods_or_a_few_friends_is_innocent(body: str) -> None:
    """A truckload of sand or friends coming for homework is no crowd sent at the reader."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "semua orang cina harus diusir dari sini",
        "usir semua kadrun dari kampung ini",
        "muslims all deserve to be expelled",
        "kita harus mengusir semua orang madura",
    ],
)
def test_a_whole_group_called_to_be_expelled_is_hate(body: str) -> None:
    """A call to expel a whole ethnic or religious group is generalised hate, a slur."""
    findings = AbuseFilter()(normalise(body), context(body))
    assert [(f.rule, f.kind) for f in findings] == [("hate:generalised", FindingKind.SLUR)]


@pytest.mark.parametrize(
    "body",
    [
        "orang Aceh semua mengusir penjajah Belanda dulu",
        "jangan usir semua orang madura, yang salah cuma satu",
        "pedagang kaki lima semua diusir satpol PP dari alun-alun",
        "christians are all welcome here",
    ],
)
def test_a_group_expelling_or_expulsion_denied_is_not_hate(body: str) -> None:
    """A group that expels, an expulsion refused, or no group at all is no hate speech."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "yen wani mrene maneh, mulih kari jeneng",
        "kalau berani muncul lagi di sini, besok tinggal nama",
        "nek wani nulis ngono maneh, kari jeneng",
    ],
)
def test_doom_on_a_dare_is_a_threat(body: str) -> None:
    """ "Only the name is left" after "if you dare" is said to the reader, a threat."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.rule == "threat:doom"


@pytest.mark.parametrize(
    "body",
    [
        "pahlawan itu kini tinggal nama, tapi jasanya abadi",
        "kalau berani mencoba resep ini, dijamin ketagihan",
        "pabrik gula itu sekarang tinggal nama saja",
    ],
)
def test_doom_words_or_a_dare_alone_are_innocent(body: str) -> None:
    """A hero remembered by name, or a dare to try a recipe, threatens no one."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "say that again and watch what happens to you",
        "keep posting and see what happens to your car",
        "you're a waste of skin",
    ],
)
def test_menacing_and_insulting_idioms_are_found(body: str) -> None:
    """ "See what happens to your car" menaces; "a waste of skin" insults, with no listed word."""
    assert AbuseFilter()(normalise(body), context(body)) != []


@pytest.mark.parametrize(
    "body",
    [
        "keep stirring and see what happens with the sauce",
        "that stadium is a waste of space",
        "watch what happens when the tide comes in",
    ],
)
def test_the_same_idioms_of_things_are_innocent(body: str) -> None:
    """What happens to a sauce or the tide, or a building wasted, is no menace or insult."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    ["otakmu kosong, mending diem aja", "kowe ki ra nduwe utek", "you have no brain at all"],
)
def test_no_brain_said_of_the_reader_is_an_insult(body: str) -> None:
    """Saying the reader has an empty head or no brain is an insult."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert (finding.rule, finding.kind) == ("insult:brainless", FindingKind.INSULT)


@pytest.mark.parametrize(
    "body",
    [
        "otakmu encer banget, soal matematika langsung bisa",
        "pasien tidak punya keluhan di otak",
        "perut kosong bikin otakmu susah mikir",
    ],
)
def test_brains_praised_or_of_patients_are_innocent(body: str) -> None:
    """A sharp mind, a patient's brain or a hungry head insults no one."""
    assert AbuseFilter()(normalise(body), context(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "imigran itu kecoak, harus dibasmi",
        "orang madura kayak tikus, di mana-mana ada",
        "wong meduro kuwi kabeh koyok tikus",
        "kaum kafir itu najis",
        "these immigrants are vermin",
        "muslims are a disease",
    ],
)
def test_a_group_likened_to_vermin_or_disease_is_held_as_hate(body: str) -> None:
    """A whole group called vermin, filth or disease is hate speech of kind slur, held."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.rule == "hate:dehumanised"
    assert finding.kind is FindingKind.SLUR
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "hama tikus menyerang sawah petani di Madura",
        "pengungsi rohingya terserang penyakit kulit",
        "tidak semua imigran itu parasit, banyak yang bekerja keras",
        "orang papua juara PON cabang atletik",
        "anak-anak Papua lincah kayak kijang",
    ],
)
def test_pests_beside_a_group_and_denied_likenings_are_not_hate(body: str) -> None:
    """A pest near a group, an illness a group suffers, or a denied likening is no hate."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body", ["dasar kaum pendatang, kembali ke asalmu", "dasar wong cino", "dasar orang ambon"]
)
def test_a_group_hurled_with_dasar_is_held(body: str) -> None:
    """ "Dasar" with a group's name hurls the name as an insult."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "dasar orang Padang, pinter dagang",
        "dasar laut di Papua sangat indah",
        "dasar wong jowo, ramah tenan",
        "dasar orang Bugis, jago berlayar",
    ],
)
def test_dasar_with_praise_or_as_a_noun_is_not_hate(body: str) -> None:
    """Fond "dasar" with praise after, or "dasar" the seabed, is no slur."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "menyebut pengungsi itu parasit adalah rasis",
        "bilang orang madura kayak tikus itu tidak pantas",
        "calling immigrants vermin is racist",
    ],
)
def test_a_dehumanising_likening_named_to_condemn_it_is_published(body: str) -> None:
    """Hate quoted to condemn it, addressing no one, passes."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["dasar budek, ora iso krungu po", "dasar pincang", "dasar mongol", "you retards", "jawir"],
)
def test_disability_and_ethnic_slurs_hold_rather_than_mask(body: str) -> None:
    """Disability words hurled at someone, and ethnic slurs, stop the comment."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "produk cacat harus ditarik dari pasar",
        "kakinya pincang setelah kecelakaan",
        "anak tuli berhak sekolah di sekolah umum",
        "kekaisaran Mongol menyerang Jawa",
        "kecamatan Keling di Jepara banjir",
    ],
)
def test_everyday_disability_words_and_places_are_innocent(body: str) -> None:
    """A defect, a limp, deafness, the Mongols and a district pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "wartawan kayak kamu pantas dihabisi",
        "kantor redaksi ini bakal kami bakar",
        "this newsroom will burn",
        "jurnalis macam kamu harus diberi pelajaran",
        "wartawan iki kudu dikasih pelajaran",
        "redaksi kalian tunggu saja tanggal mainnya",
    ],
)
def test_threats_against_the_press_are_held(body: str) -> None:
    """The newsroom and its journalists are the reader: harm aimed at them is a threat."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "wartawan harus dilindungi, jangan diintimidasi",
        "jurnalis tidak boleh dibunuh karena beritanya",
        "guru akan memberi pelajaran tambahan untuk kamu",
        "kejadian ini memberi pelajaran berharga buat kamu",
        "pelaku pembakaran kantor redaksi sudah ditangkap",
    ],
)
def test_the_press_protected_and_lessons_at_school_are_not_threats(body: str) -> None:
    """Defending journalists, reporting an attack, a lesson at school or from life pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "madura tikus",
        "dasar bangsa kera",
        "orang papua itu bukan manusia",
        "pendatang iku kabeh hama",
    ],
)
def test_a_group_named_beside_vermin_or_denied_humanity_is_hate(body: str) -> None:
    """A group with vermin straight after, "dasar bangsa" with an animal, "bukan manusia"."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "di madura tikus sering masuk rumah",
        "hewan ternak warga Papua mati kena penyakit",
        "orang papua itu manusia biasa, sama seperti kita",
        "bangsa kita bukan bangsa kera, kata dosen biologi",
    ],
)
def test_animals_in_a_place_and_humanity_affirmed_are_not_hate(body: str) -> None:
    """An animal in a place, and humanity affirmed, are no dehumanising."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "someone should teach this journalist a lesson",
        "let's all go to the reporter's house and teach him a lesson",
        "ayo kasih dia pelajaran",
        "sleep with one eye open",
    ],
)
def test_a_lesson_called_for_and_menacing_idioms_are_threats(body: str) -> None:
    """A call to "teach him a lesson" is incitement; fixed menacing idioms count alone."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "someone should teach this journalist how to spell",
        "guru harus memberi pelajaran tambahan ke dia",
        "ayo kita ambil pelajaran dari kejadian ini",
    ],
)
def test_lessons_at_school_or_from_events_are_not_incitement(body: str) -> None:
    """Teaching how to spell, extra lessons, lessons learnt from events pass."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "kalian itu tikus semua",
        "kowe kabeh koyo tikus",
        "they are cockroaches, all of them",
        "you people are vermin",
    ],
)
def test_the_reader_or_they_called_vermin_is_an_insult(body: str) -> None:
    """ "Kalian itu tikus semua", "they are cockroaches": an insult that holds."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.kind is FindingKind.INSULT
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "mereka memelihara tikus putih",
        "they are animals, they need a bigger kandang",
        "mereka itu hewan peliharaan, bukan mainan",
        "kalian semua hebat",
    ],
)
def test_people_keeping_animals_and_animals_themselves_are_not_insulted(body: str) -> None:
    """A verb between, or a comment about animals, is no insult."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize("body", ["dasar PKI", "dasar kaum sodom", "dasar wahabi"])
def test_ideological_and_sectarian_labels_hurled_with_dasar_hold(body: str) -> None:
    """Labels used as slurs, hurled with "dasar", hold."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        '"orang madura kayak tikus" itu ujaran kebencian',
        'komentar "imigran itu kecoak" sudah dilaporkan, itu rasis',
        "'kaum kafir itu najis' adalah kalimat intoleran",
    ],
)
def test_hate_quoted_and_condemned_is_published(body: str) -> None:
    """Dehumanising words inside a quotation, with a condemnation, are reported, not said."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        '"imigran itu kecoak", kata saya, dan itu benar',
        '"orang madura kayak tikus" itu fakta, kalian rasis',
        "katanya rasis, tapi orang madura kayak tikus memang",
    ],
)
def test_hate_quoted_without_condemnation_or_aimed_still_holds(body: str) -> None:
    """A quotation endorsed, or a condemnation aimed back at the reader, clears nothing."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "para kadrun bikin gaduh terus",
        "pendukung cebong ya begitu, asal bela",
        "kadal gurun kalian semua",
        "antek kampret ribut lagi",
        "si onta ceramah lagi",
        "kamu itu kampret, ngaku aja",
    ],
)
def test_camp_and_ethnic_labels_aimed_at_people_hold(body: str) -> None:
    """A camp or ethnic label aimed at someone or labelling a group's members is held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "cebong-cebong di empang mulai tumbuh kaki",
        "kodok bertelur, cebongnya berenang di blumbang",
        "kampret dan codot keluar dari goa saat magrib",
        "kelelawar dan kampret keluar malam hari",
    ],
)
def test_tadpoles_and_bats_in_their_habitat_stay_published(body: str) -> None:
    """A tadpole in a pond or a bat beside bats' words is the animal, not a camp."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body", ["jangkrik koen, ngapusi wae", "jangkrik kalian kabeh", "dasar jangkrik"]
)
def test_javanese_cricket_aimed_at_someone_holds(body: str) -> None:
    """ "Jangkrik" aimed at the reader is an insult and is held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body", ["jangkrik ngerik bengi-bengi ning sawah", "adu jangkrik nang pasar malem minggu"]
)
def test_crickets_chirping_or_fighting_stay_published(body: str) -> None:
    """Crickets in a field or at a fight are crickets."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "you're a total idiot",
        "you are such a complete loser",
        "you are an utter moron",
        "what a loser you are",
    ],
)
def test_english_insults_after_you_and_fillers_hold(body: str) -> None:
    """ "You're a complete X": fillers between "you" and the insult still aim it."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "I'm such an idiot, forgot my keys again",
        "what an idiot I am, I left the stove on",
        "I was such a loser in high school, now look at me",
    ],
)
def test_such_an_insult_said_of_oneself_passes(body: str) -> None:
    """ "Such a"/"what a" with the speaker as its subject is self-deprecation."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "Kamu sudah keterlaluan. Besok kubakar rumahmu.",
        "Ojo kakehan omong. Sesuk omahmu tak obong.",
        "Hati-hati kamu. Besok kuhabisi.",
    ],
)
def test_threats_over_two_sentences_are_held(body: str) -> None:
    """A menace or "you" in one sentence and a first-person harm verb in the next is held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "Makasih ya kamu. Besok kami bakar sate bareng warga.",
        "Kamu benar. Gudang pupuk di Pare dibakar orang semalam.",
        "Semoga kamu sehat. Pelaku pembakaran akan ditangkap polisi.",
    ],
)
def test_you_and_harm_in_separate_sentences_are_no_threat(body: str) -> None:
    """A "you" in one sentence does not aim a harm verb in another."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        'teman saya dikatai "kadrun" oleh tetangganya, ini tidak pantas',
        "anakku diarani 'cino' karo kancane, wis tak laporno gurune",
        'he was called a "moron" by his boss, which is unacceptable',
    ],
)
def test_labels_and_slurs_a_reader_reports_stay_published(body: str) -> None:
    """A label or slur quoted by a reader reporting it is kept."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize("body", ["'dasar kadrun' buat kalian semua", '"cebong" kamu itu'])
def test_labels_quoted_at_the_reader_hold(body: str) -> None:
    """A label in quotes still holds when it is aimed at the reader."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "onta pulang sana ke arab",
        "balik aja ke cina sana, kalian",
        "kalian pulang wae nang arab kono",
        "kamu pulang saja ke negaramu",
    ],
)
def test_labels_sent_home_to_a_groups_land_hold(body: str) -> None:
    """Telling a label or the reader to go "home" to a group's land is hate and is held."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "besok saya pulang ke Madura",
        "TKI asal Kediri pulang ke Arab Saudi bulan depan",
        "kami pulang aja ke arab setelah umroh, capek",
        "Lebaran nanti anakmu pulang aja ke Cina? Salam ya",
    ],
)
def test_trips_home_are_no_hate(body: str) -> None:
    """A trip home, one's own or a relative's, is not an order to leave."""
    assert verdict(body) is Outcome.APPROVED


def test_sent_home_is_of_kind_slur() -> None:
    """Sending a group home is hate speech: its finding is of kind slur."""
    body = "kadrun minggat sana ke yaman"
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.kind is FindingKind.SLUR


@pytest.mark.parametrize(
    "body",
    [
        "Sampeyan kakean omong. Sesuk tak antem.",
        "Kamu keterlaluan. Besok kubakar.",
        "Kowe ngapusi. Tak bacok mengko.",
    ],
)
def test_a_first_person_harm_verb_with_no_object_aims_at_the_sentence_before(body: str) -> None:
    """ "Sesuk tak antem.": a first-person harm verb ending its sentence harms the "you" just
    named."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "Kamu benar. Polisi akan menembak.",
        "Terima kasih kamu. Sampahnya nanti dibakar petugas.",
        "Matur nuwun sampeyan. Sesuk kami bakar jagung bareng.",
    ],
)
def test_harm_with_its_own_object_or_agent_in_the_next_sentence_is_no_threat(body: str) -> None:
    """A harm verb with its own object, or not in the first person, aims at no earlier "you"."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize("body", ["jangkrik sampean, ngapusi wae", "goblok sampeyan"])
def test_javanese_polite_you_aims_an_insult(body: str) -> None:
    """ "Sampeyan"/"sampean" aim an insult like "kowe" does."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    ("tokens", "may"),
    [
        (["kubakar", "motormu"], True),  # a harm verb needs nothing beside it
        (["belum", "tentu", "selamat"], True),  # a safety word with its doubt
        (["aku", "tahu", "alamatmu"], True),  # a doxxing verb with an address
        (["selamat", "pagi", "semua"], False),  # the safety word alone is a greeting
        (["tahu", "bulat", "enak"], False),  # the verb alone is tofu talk
        (["alamat", "kantor", "dinas"], False),  # the second word alone opens nothing
        ([], False),
    ],
)
def test_a_paired_cue_needs_both_words_before_any_rule_is_read(
    tokens: list[str], may: bool
) -> None:
    """``_may`` asks for both words of a pair (either order, anywhere); one alone is nothing."""
    assert abuse._may(tokens) is may


@pytest.mark.parametrize(
    "body",
    [
        "kutunggu kau di tikungan",
        "aku akan tunggu kamu di gang depan",
        "tak enteni nang perempatan",
    ],
)
def test_the_speaker_waiting_on_the_readers_way_is_a_threat(body: str) -> None:
    """ "I'll wait for you at the crossroads" is lurking on the reader's way."""
    [finding] = AbuseFilter()(normalise(body), context(body))
    assert finding.rule == "threat:lurking"
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "tadi aku nunggu bus di perempatan lama banget",
        "tak enteni neng prapatan jam 7, budhal bareng",
        "kutunggu di gerbang sekolah, nanti kita berangkat bareng",
    ],
)
def test_waiting_for_a_bus_or_a_ride_at_a_corner_is_no_threat(body: str) -> None:
    """A bus awaited, a time or a ride together makes the wait an arrangement."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "I know where you live, old neighbour, see you at the reunion",
        "we were classmates, I know where you live lol",
        "Tetangga lama! I know where you live, nanti mampir ya",
    ],
)
def test_a_fixed_threat_among_acquaintances_is_a_joke(body: str) -> None:
    """ "I know where you live" among neighbours or classmates, with no menace, is kept."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "I know where you live, neighbour. Watch your back, awas.",
        "we know where you live. Hati-hati, neighbour",
        "I know where you live. See you soon.",
    ],
)
def test_a_fixed_threat_with_menace_still_holds(body: str) -> None:
    """A menace word beside it, or no acquaintance named, keeps the fixed threat."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        "Kamu ngomong apa. Kayunya nanti tak bakar buat api unggun.",
        "Makasih infonya ya kamu. Daun keringnya nanti tak obong.",
        "Kowe ngerti ora. Rumpute sesuk tak babat.",
    ],
)
def test_a_first_person_verb_with_its_object_before_it_aims_at_no_one(body: str) -> None:
    """An object set before the verb ("sampahnya nanti tak obong") is what the verb acts on."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    ["Kowe wani nulis ngono. Sesuk tak obong.", "Kamu keterlaluan. Nanti langsung kubakar!"],
)
def test_an_objectless_first_person_verb_after_you_is_still_a_threat(body: str) -> None:
    """With only time words before it, the verb's object is the "you" just before."""
    assert verdict(body) in STOPPED


@pytest.mark.parametrize(
    "body",
    [
        'he told my son "you worthless clown", we reported him to the school',
        'he said "you worthless clown" to my mum, we reported him to the police',
        'a man yelled "you filthy lying snake" at my sister; it was reported to security',
    ],
)
def test_an_insult_reported_in_quote_marks_is_kept(body: str) -> None:
    """An insult quoted after a naming verb, with a report, is a reader reporting it."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        'I told him "you worthless clown", report me then',
        'she told him "you worthless clown" and laughed',
        "you worthless clown, go report me",
    ],
)
def test_an_insult_said_by_the_speaker_or_unreported_still_holds(body: str) -> None:
    """The speaker saying it, no report, or no quotation: the insult holds."""
    assert verdict(body) in STOPPED
