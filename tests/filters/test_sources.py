"""Sites readers cite as sources, and hosts that borrow their names."""

from __future__ import annotations

import pytest

from moderation.filters.sources import borrowed, community, reputable, shop


@pytest.mark.parametrize(
    "name",
    ["detik.com", "surabaya.kompas.com", "jatim.antaranews.com", "id.wikipedia.org", "apnews.com"],
)
def test_listed_outlets_and_their_page_hosts_are_reputable(name: str) -> None:
    """A listed site or any host under it is a source readers cite."""
    assert reputable(name)


@pytest.mark.parametrize("name", ["unpkediri.ac.id", "sman2pare.sch.id", "lirboyo.ponpes.id"])
def test_universities_schools_and_pesantren_are_reputable(name: str) -> None:
    """Only accredited institutions can register ``.ac.id``, ``.sch.id`` and ``.ponpes.id``."""
    assert reputable(name)


@pytest.mark.parametrize("name", ["detik.com.xyz", "kompasbonus.com", "ac.id.example.com", "x.id"])
def test_other_hosts_are_not_reputable(name: str) -> None:
    """A listed name as a prefix of another domain is not the outlet."""
    assert not reputable(name)


@pytest.mark.parametrize(
    "name",
    [
        "detik-bonus.xyz",  # the name as a part
        "kompas.com.hadiah-pemenang.top",  # the outlet's whole domain as a subdomain
        "tribunnewsviral.com",  # the name at one end of a label
        "hadiahreuters.net",
        "detlk.com",  # look-alike letters: l for i
        "k0mpas.id",  # 0 for o
        "wikipedia-saldo.site",
    ],
)
def test_a_host_borrowing_an_outlets_name_is_borrowed(name: str) -> None:
    """Spam passing for the news borrows its name off its real domain."""
    assert borrowed(name)


@pytest.mark.parametrize(
    "name",
    [
        "detik.com",
        "radarkediri.jawapos.com",
        "tempodulu-kediri.com",  # "tempo" is an everyday word, not guarded
        "suarakediri.com",
        "muhammadiyah-pare.or.id",
        "30detikan.com",  # the name inside a label, not at its end
    ],
)
def test_outlets_and_hosts_sharing_an_everyday_word_borrow_nothing(name: str) -> None:
    """The outlets themselves and local sites named with an ordinary word are not impostors."""
    assert not borrowed(name)


@pytest.mark.parametrize(
    "link",
    [
        "instagram.com/masjidalhikmahpare",
        "https://www.facebook.com/smpn2.kediri/",
        "tiktok.com/@posyandumelati",
        "x.com/ponpes_lirboyo",
    ],
)
def test_a_social_page_named_after_a_mosque_or_a_school_is_a_community_page(link: str) -> None:
    """A handle that starts with a place of worship, a school or a neighbourhood group."""
    assert community(link)


@pytest.mark.parametrize(
    "link",
    [
        "instagram.com/jualakunmurah",
        "instagram.com/p/Cx9abc/",  # a post, whose owner the link does not name
        "shopee.co.id/masjidstore",  # a shop, not a social page
        "facebook.com/pemkabkediri.bansos",  # offices are what phishers pose as
    ],
)
def test_other_pages_are_no_community_page(link: str) -> None:
    """Any other handle, a post, a shop, or an office's page."""
    assert not community(link)


@pytest.mark.parametrize("name", ["shopee.co.id", "www.tokopedia.com", "m.lazada.co.id"])
def test_a_marketplace_host_is_a_shop(name: str) -> None:
    """Marketplaces and their page hosts sell."""
    assert shop(name.removeprefix("www."))


@pytest.mark.parametrize("name", ["kompas.com", "beritajatim.com", "tokopedia-news.com"])
def test_outlets_are_no_shops(name: str) -> None:
    """An outlet, or a host that only names a marketplace, is no shop."""
    assert not shop(name)
