"""Spam clues read in context: self-promotion, negated asks, audience talk, promoted brands."""

from __future__ import annotations

import math

import pytest

from moderation.evaluation import Outcome
from moderation.filters import links, spam_context, spam_moves
from moderation.filters.normalise import normalise
from moderation.filters.spam_lexicon import SpamLexicon
from moderation.models import Action, FilterName, Finding
from tests.filters.tricks import verdict

HOLD = 0.5  # ``Policy().spam_hold``


def adjusted(body: str, classifier: float | None = None) -> list[Finding]:
    """The rule clues of ``body`` (links, lexicon, moves), with a classifier opinion if given,
    read in context."""
    text = normalise(body)
    clues = [*links.links(text, ()), *SpamLexicon.shipped()(text), *spam_moves.moves(text)]
    if classifier is not None:
        clues.append(
            Finding(
                filter=FilterName.SPAM,
                rule="classifier",
                action=Action.HOLD,
                score=classifier,
                version="test",
            )
        )
    return spam_context.adjust(clues, text)


def score(clues: list[Finding]) -> float:
    return 1.0 - math.prod(1.0 - c.score for c in clues)


def rule_score(clues: list[Finding], rule: str) -> float:
    return max(c.score for c in clues if c.rule == rule)


@pytest.mark.parametrize(
    "body",
    [
        "*for 90's rap fans* check out my Big Pun - 'Beware' cover! Likes appreciated!",
        "Beware, this song slaps. Check out my acoustic cover on my channel!",
        "hati hati ketagihan, subscribe to my channel buat cover lagu ini",
    ],
)
def test_self_promotion_is_not_cleared_by_a_warning_word(body: str) -> None:
    """One's own channel or cover is a way to reach the poster: a warning cue beside it (a
    song named "Beware") does not lower it."""
    clues = adjusted(body, classifier=0.3)
    assert rule_score(clues, "lexicon:channel") >= 0.45
    assert score(clues) >= HOLD


@pytest.mark.parametrize(
    "body",
    [
        "Waspada penipuan bansos! Jangan klik link dari nomor tak dikenal",
        "Hati-hati, jangan asal klik link yang dikirim lewat SMS",
        "Beware of scams here: never message me or anyone who offers money",
    ],
)
def test_a_contact_ask_said_in_the_negative_is_a_warning(body: str) -> None:
    """ "jangan klik link", "never message me": the ask is dropped and the warning clears."""
    clues = adjusted(body, classifier=0.6)
    assert not [c for c in clues if c.rule == "lexicon:contact"]
    assert score(clues) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "klik link di bio untuk bonus",
        "langsung klik link berikut ya kak",
        "message me for the details",
    ],
)
def test_a_contact_ask_said_plainly_still_counts(body: str) -> None:
    """The same asks without a negation stay clues."""
    assert [c for c in adjusted(body) if c.rule == "lexicon:contact"]


@pytest.mark.parametrize(
    "body",
    [
        "just came here to check the views :P",
        "Admit it, you came to check the view count",
        "I only come back to see if it hit 2 billion yet",
    ],
)
def test_readers_counting_the_videos_views_lower_the_classifier(body: str) -> None:
    """Talk of the video's own audience shares "check" with channel spam: the classifier's
    opinion is lowered when nothing else sells."""
    clues = adjusted(body, classifier=0.95)
    assert rule_score(clues, "classifier") < HOLD
    assert score(clues) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "check the views and then check out my channel for covers",
        "2 billion views! subscribe to me for daily vines",
        "view count is crazy, visit my page www.mybeats.net/store",
    ],
)
def test_audience_talk_does_not_clear_self_promotion(body: str) -> None:
    """Beside a channel ask or a link the classifier's opinion stands."""
    clues = adjusted(body, classifier=0.95)
    assert rule_score(clues, "classifier") == 0.95
    assert score(clues) >= HOLD


@pytest.mark.parametrize(
    "body",
    [
        "makasih ZEUS88 udah bikin saya untung",
        "daftar di kopi777 sekarang, profit tiap hari",
        "alhamdulillah dapat untung di garuda189",
        "hoki lagi di rajaspin99, jackpot dua kali",
    ],
)
def test_a_brand_shape_with_profit_or_a_place_to_play_is_promoted(body: str) -> None:
    """Profit said of a brand, or the brand named as the place to play, holds it."""
    clues = adjusted(body)
    assert "brand:promoted" in {c.rule for c in clues}
    assert score(clues) >= HOLD


@pytest.mark.parametrize(
    "body",
    [
        "kopi777 mantap jos",
        "ZEUS88 keren banget",
        "makasih naga189",
        "dewa99 the best",
        "sultan88 terbaik",
    ],
)
def test_a_praised_brand_shape_is_a_weaker_clue(body: str) -> None:
    """Praise beside a brand shape is a clue that holds only with another one."""
    clues = adjusted(body)
    assert "brand:praised" in {c.rule for c in clues}
    assert score(clues) < HOLD
    assert score(adjusted(body, classifier=0.3)) >= HOLD


@pytest.mark.parametrize(
    "body",
    [
        "@budi88 makasih ya, menang lomba kemarin mantap",
        "warga RT 05 untung banyak panennya, makasih pak",
        "korban Covid19 dan COVID-19 menang melawan penyakit",
        "KTT G20 dan pesawat A380 mantap, pariwisata untung banyak",
        "plat AG 1234 XY dapat untung parkir",
        "untung saja tidak ada korban di tol km88",
    ],
)
def test_handles_codes_and_plates_beside_profit_are_no_brands(body: str) -> None:
    """A handle in a reply, "RT 05", a plate, "Covid19", "G20", "A380" are not brand shapes."""
    clues = adjusted(body)
    assert not [c for c in clues if c.rule.startswith("brand:")]
    assert score(clues) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "Freeport789 meraup keuntungan besar dari tambang",
        "laporan keuangan Tbk123 menunjukkan keuntungan naik",
        "the airline sold the jet as model aero320 at a profit",
    ],
)
def test_a_companys_profit_in_the_news_does_not_promote_a_brand_shape(body: str) -> None:
    """ "keuntungan", "profit" said of a company is news: a code beside it stays a weak clue."""
    clues = adjusted(body)
    assert "brand:promoted" not in {c.rule for c in clues}
    assert score(clues) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "Hati-hati ada situs palsu kemensos-bansos.com, yang asli cekbansos.kemensos.go.id",
        "Waspada link penipuan: bri-undian.xyz/klaim jangan diklik",
        "Beware the fake site paypa1-login.com/secure asking for your password",
    ],
)
def test_a_warning_that_names_a_fake_link_drops_it(body: str) -> None:
    """A reader exposing a phisher's host ("situs palsu X") points no one to it."""
    clues = adjusted(body, classifier=0.6)
    assert not [c for c in clues if c.rule.startswith("link:")]
    assert score(clues) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "Situs ini bukan penipuan, daftar di gacor88.com sekarang",
        "Bukan situs palsu: gacor88.vip/daftar gas sekarang",
        "Hati hati, not a scam site: hokiwin.xyz/daftar",
    ],
)
def test_a_link_said_not_to_be_fake_still_counts(body: str) -> None:
    """ "bukan palsu", "not a scam": the spammer's own denial keeps the link a clue."""
    assert [c for c in adjusted(body) if c.rule.startswith("link:")]


@pytest.mark.parametrize(
    "body",
    [
        "Waspada penipuan bansos! Info resmi di https://kemensos.go.id, jangan klik link lain",
        "Hati-hati penipuan! Website resmi Pemkab Kediri hanya www.kedirikab.go.id.",
        "Awas judol! Laporkan situs judi ke aduankonten.id atau https://www.kominfo.go.id.",
        "Waspada pinjol ilegal (cek legalitasnya di https://www.ojk.go.id) dan jangan hubungi WA",
    ],
)
def test_a_warning_quoting_official_links_is_published(body: str) -> None:
    """The state's own hosts, with the sentence's punctuation after them, are no vehicle, so
    the warning clears the comment."""
    assert verdict(body) is Outcome.APPROVED


def test_audience_talk_is_read_across_double_spaces() -> None:
    """ "check the  views" (a line break turned into spaces) is still talk of the views."""
    for body in (
        "i just wanted to check the  views...",
        "came here for the  view count",
        "how  many views  now",
    ):
        assert rule_score(adjusted(body, classifier=0.9), "classifier") < HOLD, body


@pytest.mark.parametrize(
    "body",
    ["hp note13 the best", "pakai iphone13 terbaik", "@andi99 the best jawabannya"],
)
def test_a_praised_product_code_or_handle_alone_is_published(body: str) -> None:
    """Praise beside a product code stays below a hold; beside a handle it is no clue."""
    assert score(adjusted(body)) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "tukang las langganan saya bagus, cek di facebook.com/laspakbudi",
        "bengkel langganan saya di Pare, kunjungi instagram.com/bengkelmaju",
        "toko kue langganan saya enak, cek di tokopedia.com/kuebuani",
    ],
)
def test_a_local_referral_may_ask_readers_to_follow_its_link(body: str) -> None:
    """A reader pointing to a local trade says "cek di" before its page: lowered as the
    link is."""
    assert score(adjusted(body)) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "tukang langganan saya, daftar di gacor88.vip/daftar",
        "toko langganan saya jual obat kuat, cek di tokoobat.xyz/promo",
        "langganan saya, klik bit.ly/promo99 dan hubungi admin",
    ],
)
def test_a_local_cue_does_not_clear_a_promoted_link_that_sells(body: str) -> None:
    """Beside a brand, a listed phrase or a shortener the referral cue clears nothing."""
    assert score(adjusted(body)) >= HOLD


@pytest.mark.parametrize(
    "body",
    [
        "Artikelnya bagus, tapi jangan cek profil orang yang menawarkan pinjaman",
        "Mantap, ingat jangan hubungi WA yang mengaku dari bank",
        "Great article. Don't message me or anyone claiming to be staff",
    ],
)
def test_praise_then_a_warning_against_a_private_channel_is_no_offer(body: str) -> None:
    """ "jangan cek profil" after praise warns readers off the channel."""
    assert score(adjusted(body)) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "Artikelnya bagus, cek profil aku ya",
        "Mantap infonya, dm aku untuk info pinjaman",
        "Great article, message me for the details",
    ],
)
def test_praise_then_a_private_channel_is_still_an_offer(body: str) -> None:
    """Without the negation the offer after praise holds."""
    assert "offer:after-praise" in {c.rule for c in adjusted(body)}


@pytest.mark.parametrize(
    "body",
    [
        "Artikelnya bagus, jangan lupa cek profil aku ya",
        "Mantap, jangan lupa klik link di bio",
        "Great article, don't forget to message me",
    ],
)
def test_dont_forget_is_an_ask_not_a_negation(body: str) -> None:
    """ "jangan lupa", "don't forget to" urge the ask on: it still counts."""
    clues = adjusted(body)
    assert {"lexicon:contact", "offer:after-praise"} & {c.rule for c in clues}
    assert score(clues) >= HOLD


@pytest.mark.parametrize(
    "body",
    [
        "sudah coba di iphone13 hasilnya bagus",
        "fotonya diambil pakai note13, mantap",
        "main ke rumah nenek naik bus, makasih",
    ],
)
def test_trying_a_product_is_no_place_to_play(body: str) -> None:
    """A phone model tried and praised is not a gambling site named as the place to play."""
    clues = adjusted(body)
    assert "brand:promoted" not in {c.rule for c in clues}
    assert score(clues) < HOLD


@pytest.mark.parametrize(
    "body",
    [
        "Menurut beritajatim.com jalan tol ditutup sebagian besok",
        "Sudah ada beritanya, suarasurabaya.net dan jatim.antaranews.com",
        "foto aslinya di commons.wikimedia.org/wiki/File:Kelud_1990.jpg",
        "pengumuman PPDB ada di sman3kediri.sch.id, cek tanggalnya",
    ],
)
def test_a_link_to_a_site_readers_cite_is_lowered(body: str) -> None:
    """A listed outlet, a reference work or a school's own site is a source, wherever it stands
    in the comment: its link clue is lowered."""
    clues = adjusted(body)
    assert all(c.score < 0.1 for c in clues if c.rule.startswith("link:"))


@pytest.mark.parametrize(
    "body",
    [
        "Sumber: https://kediripost.example.com/2026/12/03/jembatan-semampir-diperbaiki",
        "baca selengkapnya di portalpare.com/berita/pasar-hewan-dipindah-ke-utara",
        "dikutip dari https://warta-desa.net/2026/11/30/panen-raya",
    ],
)
def test_an_article_named_after_a_citation_cue_is_lowered(body: str) -> None:
    """ "Sumber:", "baca selengkapnya di", "dikutip dari" just before an article (a dated path,
    a title's slug) of a site not listed cite it."""
    clues = adjusted(body)
    assert rule_score(clues, "link:domain") < 0.1


@pytest.mark.parametrize(
    "body",
    [
        "Sumber: rezekiharian.xyz",
        "lihat di instagram.com/akunbaruku",
        "Sumber video: youtube.com/@kontenkreator99",
        "baca selengkapnya di tokobaju.com/produk/B00X1",
    ],
)
def test_a_home_page_a_channel_or_a_shop_after_a_cue_is_not_cited(body: str) -> None:
    """A cue before an unknown site's home page, a channel or a shop page cites nothing: those
    are what spam points to."""
    assert rule_score(adjusted(body), "link:domain") == links.SCORES["link:domain"]


@pytest.mark.parametrize(
    "body",
    [
        "Sumber: detik.com, klik sekarang untuk hadiah",
        "menurut kompas.com, daftar sekarang dapat bonus",
        "via tribunnews.com, saldo gratis buat yang komen",
    ],
)
def test_a_lure_beside_a_cited_link_voids_the_citation(body: str) -> None:
    """ "klik", "daftar", "bonus", "saldo gratis" are no reader's words about a source."""
    assert rule_score(adjusted(body), "link:domain") == links.SCORES["link:domain"]


@pytest.mark.parametrize(
    "body",
    [
        "Sumber: detik.com. Modal usaha cair cepat hubungi WA 0857 1234 5678",
        "sumber: liputan6.com, situs slot gacor gampang maxwin rajazeus.com",
        "Baca selengkapnya di bit.ly/beritaviral",
        "baca selengkapnya di kompas.com, mampir juga tokoku.shop/diskon",
    ],
)
def test_another_clue_or_an_uncited_link_voids_the_citation(body: str) -> None:
    """A phone, a lexicon phrase, a shortener or a second link not cited still sell."""
    clues = adjusted(body)
    assert max(c.score for c in clues if c.rule.startswith("link:")) >= 0.3


@pytest.mark.parametrize(
    "body",
    [
        "Sumber: detik-bonus.xyz",
        "baca selengkapnya di detlk.com/berita/2026/12/01/x",
        "menurut kompas.com.hadiah-undian.top",
    ],
)
def test_a_host_passing_for_the_news_is_not_cited(body: str) -> None:
    """An impostor of a news outlet holds, whatever cue stands before it."""
    clues = adjusted(body)
    assert rule_score(clues, "link:impostor") == links.SCORES["link:impostor"]
    assert score(clues) >= HOLD


@pytest.mark.parametrize(
    "body",
    [
        "Kajian subuh diumumkan di instagram.com/masjidalfalahngadiluwih",
        "Info lengkap lomba 17-an lihat di facebook.com/karangtarunasumberejo",
        "jadwal imunisasi lihat di tiktok.com/@posyandukenanga",
    ],
)
def test_a_mosques_or_a_schools_page_after_a_cue_is_cited(body: str) -> None:
    """A community's own social page named after a cue is its notice board: lowered."""
    assert rule_score(adjusted(body), "link:domain") < 0.1


@pytest.mark.parametrize(
    "body",
    [
        "Kajian subuh diumumkan di instagram.com/masjidalfalahngadiluwih, daftar umroh murah",
        "lihat di instagram.com/sekolahbisnisonline klik link di bio",
        "info lengkap di facebook.com/pondokcuan88 bonus tiap hari",
    ],
)
def test_a_community_page_beside_a_lure_is_not_cited(body: str) -> None:
    """ "daftar umroh murah", "klik link", "bonus" beside the page still sell."""
    assert rule_score(adjusted(body), "link:domain") == links.SCORES["link:domain"]


@pytest.mark.parametrize(
    "body",
    [
        "only 200 subscribers left to my goal, please help, source: bbc.com",
        "new rapper here, support me and share, via reuters.com",
        "aku butuh 1000 followers, bantu ya kak, sumber: kompas.com",
    ],
)
def test_a_channel_beggar_appending_a_news_link_is_not_cited(body: str) -> None:
    """Subscribers, followers, "support me": the beggar's ask voids the citation."""
    assert rule_score(adjusted(body), "link:domain") == links.SCORES["link:domain"]


@pytest.mark.parametrize(
    "body",
    [
        "menurut kompas.com penonton konser di Kediri sampai 20 ribu",
        "source: apnews.com/article/flood-java-2026, the dam broke at night",
        "via detik.com, jembatan Semampir ditutup sementara",
    ],
)
def test_a_citation_without_a_beggars_ask_is_still_cited(body: str) -> None:
    """The same sources cited about the news are lowered."""
    assert rule_score(adjusted(body), "link:domain") < 0.1


@pytest.mark.parametrize(
    "body",
    [
        "Resep jamu: campur kunyit, madu, jangan pakai obat kuat ya",
        "BPOM sita ribuan cialis palsu di gudang Surabaya",
        "akun instagram bupati dijual? hati-hati diretas, ganti password",
        "Katanya akun YouTube pak lurah dijual ke orang lain ya?",
    ],
)
def test_a_lone_product_name_with_nothing_that_sells_it_is_published(body: str) -> None:
    """A recipe or a health story naming a medicine, a story of an account sold: no sale."""
    assert verdict(body) == Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "artikelnya bagus banget, cek profil aku ya",
        "mantap infonya min, dm aku buat info",
        "keren videonya, cek  profil  saya ya kak",
    ],
)
def test_praise_then_a_private_channel_is_a_clue_with_no_other_clue(body: str) -> None:
    """With no other clue to read, the offer-after-praise is still found from the cues alone."""
    rules = [c.rule for c in spam_context.adjust([], normalise(body))]
    assert rules == ["offer:after-praise"]


@pytest.mark.parametrize(
    "body",
    [
        "jual akun FF sultan 200rb",
        "obat kuat herbal asli, dijamin ampuh, pesan sekarang",
        "viagra original cod seluruh indonesia",
        "Buy 1000 Instagram followers cheap and fast",
    ],
)
def test_a_product_name_with_a_price_a_pledge_or_an_order_still_holds(body: str) -> None:
    """A price, a pledge, cash on delivery or "buy": the name is for sale."""
    assert verdict(body) in (Outcome.HELD, Outcome.REJECTED)


@pytest.mark.parametrize(
    "body",
    [
        "read more at apnews.com",
        "read more: reuters.com",
        "Read more at bbc.com/news/world-asia-123",
    ],
)
def test_a_citation_formula_is_weighed_with_its_cited_link(body: str) -> None:
    """ "read more at" names the source: the classifier weighs the comment without both."""
    assert verdict(body) == Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "read more at slotgacor88.com",
        "Baca selengkapnya di kompas.com klik daftar bonus",
        "more info at bit.ly/hoki88",
    ],
)
def test_a_citation_formula_before_an_uncited_link_or_a_lure_still_holds(body: str) -> None:
    """The formula clears nothing when the link is not a source or a lure stands by."""
    assert verdict(body) in (Outcome.HELD, Outcome.REJECTED)


@pytest.mark.parametrize(
    "body",
    [
        "Sumber: tokopedia.com/tokojaya/kaos-polos-hitam",
        "lihat di shopee.co.id/sepatu-lari-pria-ori-i.123.456",
        "info di lazada.co.id/products/jaket-kulit-asli-i123.html",
    ],
)
def test_a_marketplace_product_page_is_never_cited(body: str) -> None:
    """A product's slug after a citation cue sells: its link keeps its score."""
    assert rule_score(adjusted(body), "link:domain") == links.SCORES["link:domain"]


@pytest.mark.parametrize(
    "body",
    [
        "Sumber: beritajatim.com/banjir-kediri-meluas-ke-tiga-desa",
        "baca di radarkediri.id/2026/12/01/pasar-pahing-dibuka",
        "dikutip dari kabarpare.com/warga-gotong-royong-bersihkan-sungai",
    ],
)
def test_an_article_slug_on_a_site_that_is_no_shop_is_still_cited(body: str) -> None:
    """The same cue before a local outlet's article is a citation."""
    assert rule_score(adjusted(body), "link:domain") < 0.1


def test_a_hashtag_after_dari_signs_nothing() -> None:
    """A brand-shaped hashtag after "dari" tags a topic: no promoted brand."""
    assert "brand:promoted" not in [f.rule for f in adjusted("Liputan warga dari #Kediri45")]
    assert "brand:promoted" in [f.rule for f in adjusted("Liputan warga dari KEDIRI45")]


@pytest.mark.parametrize(
    "body",
    [
        "artikelnya bagus, terima kasih",
        "cek profil caleg sebelum milih",
        "banjir di kecamatan sudah surut",
    ],
)
def test_a_comment_without_both_praise_and_an_offer_adds_nothing(body: str) -> None:
    """Praise alone, an ask alone, or neither: no clue in, no clue out."""
    assert spam_context.adjust([], normalise(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "PERSEBAYA 27 menang 3-0, Bonek pesta di Gelora Bung Tomo",
        "Kandidat nomor urut 2 menang, relawan JAYA 45 syukuran",
        "CV MAKMUR 99 menang tender jalan desa, warga protes",
    ],
)
def test_a_name_and_number_beside_news_of_winning_is_not_promoted(body: str) -> None:
    """A club, a team of volunteers or a firm "menang": winning as news says it promotes no
    name-and-number shape."""
    assert "brand:promoted" not in {c.rule for c in adjusted(body)}


@pytest.mark.parametrize(
    "body",
    [
        "MERAPI 77 menang terus, gas bos",
        "hoki banget di KENCANA 29 semalam",
        "berkat SAKURA 88 utang lunas",
        "mahjong 4 d menang lagi",
    ],
)
def test_a_gamblers_talk_of_winning_still_promotes_the_shape(body: str) -> None:
    """ "menang terus", luck and thanks are the testimonial's; a shape with a gambling ending
    is promoted by any talk of winning."""
    assert "brand:promoted" in {c.rule for c in adjusted(body)}


@pytest.mark.parametrize(
    "body",
    [
        "berita dari RADAR 99: jembatan putus",
        "Foto dari METRO 24, banjir setinggi lutut",
        "dilansir dari WARTA 17, harga cabai naik",
    ],
)
def test_an_outlet_credited_after_dari_is_no_sign_off(body: str) -> None:
    """ "berita dari", "foto dari", "dilansir dari" credit an outlet: no sender signing."""
    assert "brand:promoted" not in {c.rule for c in adjusted(body)}


@pytest.mark.parametrize(
    "body",
    [
        "Read the full story at https://kabarkediri.com/2026/12/08/jembatan-putus-di-ngadiluwih",
        "Simak di https://kabarblitar.id/2026/12/08/harga-cabai-naik-lagi",
        "The full story at https://eastjavanews.org/2026/12/08/flood-in-kediri",
    ],
)
def test_more_citation_cues_cite_an_article(body: str) -> None:
    """ "Read the full story at", "simak di" name an article's link as the story's source."""
    assert verdict(body) is Outcome.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "Simak di https://gacor-hoki.net daftar dapat bonus",
        "Read the full story at https://win-big.top/daftar and claim your bonus",
        "simak di https://kabarhoki.xyz langsung klik daftar",
    ],
)
def test_a_citation_cue_beside_a_lure_cites_nothing(body: str) -> None:
    """A citation cue before a home page with a lure beside it is still the spammer's link."""
    assert verdict(body) is not Outcome.APPROVED
