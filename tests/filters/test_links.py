"""Suspicious links: shorteners, WhatsApp groups, unknown domains, many links."""

from __future__ import annotations

import pytest

from moderation.filters.links import SCORES, links
from moderation.filters.normalise import normalise


def rules(body: str, allowed: tuple[str, ...] = ()) -> set[str]:
    return {f.rule for f in links(normalise(body), allowed)}


def test_shortener_is_flagged_with_its_span() -> None:
    """A bit.ly link is a shortener finding whose span is the link in the original."""
    [finding] = links(normalise("Info lengkap di bit.ly/gacor88 ya"), ())
    assert finding.rule == "link:shortener"
    assert finding.spans[0].text == "bit.ly/gacor88"


def test_whatsapp_group_invite_is_flagged() -> None:
    """An invitation into a WhatsApp group is its own, stronger rule."""
    assert rules("Gabung https://chat.whatsapp.com/AbCdEf123") == {"link:whatsapp"}


def test_unknown_domain_is_flagged_and_allowed_domain_is_not() -> None:
    """A link to the site's own (allowed) domain or its subdomains is never a clue."""
    assert rules("Baca di https://pulauwin.xyz/daftar") == {"link:domain"}
    assert rules("Baca di https://berita.kedirikab.go.id/a", ("kedirikab.go.id",)) == set()


def test_three_links_are_many() -> None:
    """Three links in one comment add the many-links rule."""
    body = "a.com b.net c.org"
    assert "link:many" in rules(body)


def test_prices_and_sentences_are_not_links() -> None:
    """``Rp 600.000`` and a sentence break without a space are not domains."""
    assert rules("Harganya Rp 600.000.jika 1 desa ada ratusan bidang") == set()


def test_host_is_cut_after_its_last_known_top_level_domain() -> None:
    """``example.com.au`` is read as ``example.com``; a path stays with a whole host."""
    [short] = links(normalise("lihat example.com.au sekarang"), ())
    assert short.spans[0].text == "example.com"
    [whole] = links(normalise("daftar slot88.vip/daftar sekarang"), ())
    assert whole.spans[0].text == "slot88.vip/daftar"


def test_a_long_dotted_chain_is_one_candidate_and_the_real_link_is_still_found() -> None:
    """``a.a.a.…`` (the input that once made the scan quadratic) is not a link; the link after
    it is found with its own span."""
    found = links(normalise("a." * 20_000 + "a lalu s.id/promo"), ())
    [finding] = [f for f in found if f.rule == "link:shortener"]
    assert finding.spans[0].text == "s.id/promo"


def test_a_bullet_for_a_dot_is_a_disguised_link() -> None:
    """``menangterus•xyz`` is a host with its dot swapped for a bullet."""
    assert "link:disguised" in rules("daftar di menangterus•xyz sekarang")


def test_a_spaced_comma_before_a_gambling_tld_is_a_disguised_link() -> None:
    """``hokibet , com``: a comma for a dot, before a TLD no Indonesian word spells."""
    assert "link:disguised" in rules("main di hokibet , com saja")


def test_a_comma_before_a_word_that_is_also_a_tld_is_punctuation() -> None:
    """``belanja , online`` and ``kerja , me`` stay words."""
    assert rules("saya belanja , online lebih murah, kerja , me time") == set()


def test_spaced_linktree_is_a_shortener() -> None:
    """``linktr . ee / x`` is the link-in-bio shortener with its parts spaced."""
    assert "link:shortener" in rules("semua di linktr . ee / rezeki_kilat")


def test_an_authority_name_off_its_real_domain_is_an_impostor() -> None:
    """A host borrowing a ministry's or a bank's name on another domain poses as official."""
    assert "link:impostor" in rules("cek di bansos-kemensos.online sekarang")
    assert "link:impostor" in rules("promo https://bri-undian.xyz/klaim")


def test_look_alike_letters_in_the_site_domain_are_an_impostor() -> None:
    """A Cyrillic look-alike letter in the site's own domain is not the site's domain."""
    allowed = ("kedirikab.go.id",)
    assert "link:impostor" in rules("info di kеdirikab.go.id/bantuan", allowed)


def test_real_official_domains_are_not_impostors() -> None:
    """``.go.id`` hosts and the banks' own domains keep their names."""
    assert "link:impostor" not in rules("lihat cekbansos.kemensos.go.id dan bri.co.id")


def test_the_sites_own_domain_named_after_an_office_is_trusted() -> None:
    """An allowed domain holding an authority's name ("bantuan", "pkh") is the site's own."""
    assert rules("daftar di bantuan-kediri.org/pkh", ("bantuan-kediri.org",)) == set()
    assert rules("info di https://pkh-kedirikab.org/cek", ("pkh-kedirikab.org",)) == set()
    assert rules("cek bansos.kedirikab.go.id", ("kedirikab.go.id",)) == set()


def test_the_sites_own_office_domain_in_look_alike_letters_is_an_impostor() -> None:
    """The same allowed domain written with a Cyrillic or fullwidth letter is not trusted."""
    allowed = ("bantuan-kediri.org",)
    assert "link:impostor" in rules("daftar di bаntuan-kediri.org/pkh", allowed)
    assert "link:impostor" in rules("daftar di bantuan-kedirｉ.org/pkh", allowed)


def test_an_office_domain_the_site_does_not_allow_is_still_an_impostor() -> None:
    """Allowing one office-named domain trusts no other that borrows the same name."""
    allowed = ("bantuan-kediri.org",)
    assert "link:impostor" in rules("daftar di bantuan-kediri.online/pkh", allowed)


def test_the_states_and_the_banks_own_domains_are_no_clue() -> None:
    """A reader quoting a ``.go.id`` site or a bank's own domain points to no seller."""
    assert rules("info di situs resmi kedirikab.go.id") == set()
    assert rules("daftar di https://sscasn.bkn.go.id/login") == set()
    assert rules("cek kemensos.go.id, dukcapil.kemendagri.go.id dan bri.co.id") == set()


def test_an_official_domain_in_look_alike_letters_still_counts() -> None:
    """A Cyrillic letter in a ``.go.id`` host makes it an impostor, not the state's."""
    assert "link:impostor" in rules("cek bansos di kеmensos.go.id/daftar")


def test_a_video_link_is_a_weaker_clue_than_another_domain() -> None:
    """A YouTube link, the one readers share most, is its own rule and weighs less."""
    assert rules("lihat videonya https://youtu.be/nxXqh_kVxR8") == {"link:video"}
    assert SCORES["link:video"] < SCORES["link:domain"]


def test_a_link_to_a_page_and_little_else_is_promoted() -> None:
    """A comment that is a page link and at most a word sells that page."""
    assert "link:promoted" in rules("gofundme.com/helpmytrip")
    assert "link:promoted" in rules("www.mygamesite.com/play/lordviper thanks")
    assert "link:promoted" in rules("https://shop.example.net/item?ref=ab12")


def test_a_shortener_with_little_else_is_promoted() -> None:
    """A shortener hides its page, even with the slash spaced off: it counts as one."""
    assert "link:promoted" in rules("adf.ly /KlD3Y")
    assert "link:promoted" in rules("ouo.io/abcd")
    assert "link:promoted" in rules("klik bit.ly/promo99")


def test_a_request_just_before_a_page_link_promotes_it() -> None:
    """ "check out", "visit", "kunjungi" right before a link ask readers to follow it."""
    assert "link:promoted" in rules("Hey everyone check out www.beatsbyme.com/store for my mixtape")
    assert "link:promoted" in rules("please visit my.example.org/profile/jo when you can guys")
    assert "link:promoted" in rules("Yuk kunjungi ke tokoku.shop/produk ada diskon lebaran semua")


def test_a_reader_quoting_an_article_or_a_home_page_promotes_nothing() -> None:
    """A dated path, a title slug or a bare site name is a source, not an offer."""
    assert "link:promoted" not in rules("https://www.kompas.com/read/2026/11/28/123/warga-desa")
    assert "link:promoted" not in rules(
        "check https://news.example.com/world/floods-hit-the-east-coast again"
    )
    assert "link:promoted" not in rules("Sumber: detik.com")


def test_a_page_link_inside_a_comment_that_says_why_is_not_promoted() -> None:
    """A reader who writes about a link (no request, a few words) is not selling it."""
    assert "link:promoted" not in rules("Baca juga https://beritaku.xyz/a")
    body = "the lyrics on genius.example.com/x9 are wrong about the second verse i think"
    assert "link:promoted" not in rules(body)
    assert "link:promoted" not in rules("ini videonya https://youtu.be/nxXqh_kVxR8")


def test_punctuation_after_a_link_is_not_part_of_its_host() -> None:
    """ "https://kemensos.go.id," and "(… https://x.go.id)" are the state's own hosts."""
    assert rules("info resmi hanya di https://kemensos.go.id, jangan yang lain") == set()
    assert rules("(lihat https://kemensos.go.id) dulu") == set()
    assert rules("cek https://www.polri.go.id/! jangan percaya calo") == set()


def test_state_portals_off_go_id_and_village_domains_are_official() -> None:
    """The state's report portals and ``.desa.id`` village sites count as the state's own."""
    assert rules("laporkan situs judi ke aduankonten.id ya") == set()
    assert rules("cek rekening penipu di https://cekrekening.id/home dulu") == set()
    assert rules("info bansos di sukamaju.desa.id/pengumuman") == set()


def test_reference_pages_and_underscored_titles_are_sources() -> None:
    """A Wikipedia page or a title slug joined by underscores is cited, not sold."""
    assert "link:promoted" not in rules("see https://en.wikipedia.org/wiki/Gangnam_Style")
    assert "link:promoted" not in rules("https://news.example.com/world/floods_hit_the_coast")
    assert "link:promoted" not in rules("lihat id.wikipedia.org/wiki/Kediri")
    assert "link:promoted" in rules("see www.mystore.example.com/items/B00ECVF93G")


def test_a_channel_page_is_not_a_video_link() -> None:
    """A YouTube channel, user or handle page is self-promotion, weighed as any domain."""
    assert rules("Check out youtube.com/user/36loseweight now") >= {"link:domain"}
    assert "link:promoted" in rules("https://www.youtube.com/channel/UC1234abcd")
    assert "link:promoted" in rules("https://m.youtube.com/@myvlogs/featured")


def test_a_video_with_a_time_or_a_share_code_stays_a_video_link() -> None:
    """Watch links, short links and shorts keep the weaker video rule."""
    assert rules("2:19 https://www.youtube.com/watch?v=KQ6zr6kCPj8&t=2m19s") == {"link:video"}
    assert rules("https://youtu.be/98apX-HU-QY?si=NTvxwEBkUKe5JJhX") == {"link:video"}
    assert rules("https://youtube.com/shorts/elJcFUIrrqA?si=vLgl") == {"link:video"}


def test_a_flood_of_page_links_is_read_whole() -> None:
    """A 20,000-character comment of page links is promoted and many (its time is measured,
    not asserted: ``benchmarks/pipeline_speed.py``, "page links")."""
    body = ("a.com/x " * 3000)[:20_000]
    found = rules(body)
    assert {"link:promoted", "link:many"} <= found


def test_a_news_outlets_name_off_its_real_domain_is_an_impostor() -> None:
    """ "detik-bonus.xyz", "detlk.com", "kompas.com.hadiah.top" pass for the news."""
    assert "link:impostor" in rules("Sumber: detik-bonus.xyz klaim sekarang")
    assert "link:impostor" in rules("baca di https://detlk.com/promo")
    assert "link:impostor" in rules("info kompas.com.hadiah-undian.top")


def test_real_news_domains_are_not_impostors() -> None:
    """The outlets' own hosts and their regional editions keep their names."""
    assert "link:impostor" not in rules("Sumber: detik.com, radarkediri.jawapos.com")
    assert "link:impostor" not in rules("baca di https://surabaya.kompas.com/read/2026/12/01/x")
    assert "link:impostor" not in rules("via tribunnews.com")


def test_a_news_article_alone_is_not_promoted() -> None:
    """A listed outlet's article whose path names no title is cited, not sold."""
    assert "link:promoted" not in rules("https://www.bbc.com/indonesia/articles/c4ngq9xyz")
    assert "link:promoted" not in rules("Sumber: https://news.detik.com/d-7012345")
    assert "link:promoted" not in rules("reuters.com/markets/ABC123X")
    assert "link:promoted" in rules("https://mybeats.example.com/store")


@pytest.mark.parametrize(
    "body",
    [
        "sudah sampai rumah . me time dulu",
        "acaranya seru . in the end semua senang",
        "pulang kerja capek cok . gg bro",
        "mantap . top banget pokoknya",
    ],
)
def test_a_spaced_full_stop_between_words_is_no_disguised_link(body: str) -> None:
    """A sentence's full stop before a word that is also a TLD ("me", "in", "gg") is prose."""
    assert rules(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "gabung t . me / gacorvip",
        "pakai s . id / hoki",
        "daftar di gacor77 . top sekarang",
        "kunjungi slotgacor . xyz",
    ],
)
def test_a_spaced_full_stop_before_a_hosts_tld_is_a_disguised_link(body: str) -> None:
    """A chat host or shortener, a label with digits, or a TLD no word spells: a host."""
    assert "link:disguised" in rules(body)


@pytest.mark.parametrize(
    "body",
    [
        "berita banjir di kabar30detik.com lengkap",
        "info dari kabarsore30detik.co.id",
        "baca radarkompas.id tadi pagi",
    ],
)
def test_a_local_outlet_ending_in_a_national_name_is_no_impostor(body: str) -> None:
    """A word of its own before the outlet's name, on an outlet's TLD: a local outlet."""
    assert "link:impostor" not in rules(body)


@pytest.mark.parametrize(
    "body",
    ["klaim di 88detik.com", "info gacorkompas.com", "promo bonusdetik.id", "kabar30detik.xyz"],
)
def test_a_lure_digits_or_a_cheap_tld_before_an_outlets_name_is_an_impostor(body: str) -> None:
    """No word of its own before the name, a lure, or a TLD no outlet uses: it poses."""
    assert "link:impostor" in rules(body)
