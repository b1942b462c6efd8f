"""Readers' actions in Chromium: reporting (and a polite 429), the writer's own pending notice
by view token, and a moderator's approval arriving on the next If-None-Match refresh."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Page, Response

from moderation.settings import Settings
from tests.browser.newsroom import Newsroom, Watched, watch

pytestmark = pytest.mark.anyio
THREAD = "[data-moderation-thread]"
PENDING = "Komentar Anda menunggu moderasi"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """One report per reader per minute, so the second one is a 429."""
    return settings.replace(reports_per_minute=1)


async def opened(browser: Browser, url: str) -> tuple[Page, Watched]:
    page = await browser.new_page()
    seen = watch(page)
    await page.goto(url)
    await page.wait_for_selector(f"{THREAD} .count")
    return page, seen


async def report(page: Page, author: str, reason: str) -> str:
    await page.get_by_role("button", name=f"Laporkan komentar {author}").click()
    await page.get_by_label("Alasan").select_option(label=reason)
    await page.get_by_role("button", name="Kirim laporan").press("Enter")
    status = page.locator(f"{THREAD} li:has(.name:text-is('{author}')) [role=status]")
    await status.filter(has_text=".").wait_for()
    return str(await status.text_content())


async def test_report_flow_thanks_then_a_polite_429(browser: Browser, newsroom: Newsroom) -> None:
    """A report is acknowledged in words; the next one over the limit is a polite refusal."""
    first = await newsroom.published("Komentar pertama", author="Jojo")
    await newsroom.published("Komentar kedua", author="Nash")
    page, seen = await opened(browser, newsroom.article())
    assert await report(page, "Jojo", "Spam") == "Terima kasih, laporan Anda sudah kami terima."
    assert await report(page, "Nash", "Di luar topik") == (
        "Terlalu banyak laporan dari Anda. Silakan coba lagi nanti."
    )
    assert await newsroom.redis.hlen(newsroom.keys.reports(first)) == 1
    # Chromium logs the refused request itself; nothing else may be on the console.
    assert all("429" in error for error in seen.errors) and len(seen.errors) == 1


async def test_pending_notice_only_with_the_writers_view_token(
    browser: Browser, newsroom: Newsroom
) -> None:
    """The writer's page (with the intake answer's view token) shows the held comment marked
    pending; a page without it, or with a token for another comment, shows nothing held."""
    await newsroom.published("Sudah terbit")
    mine = await newsroom.post("Komentar saya yang ditahan", author="Ani")
    other = await newsroom.post("Komentar orang lain", author="Budi")
    token = mine["view_token"]
    writer = newsroom.article("/a.html", thread_attrs=f'data-moderation-view-token="{token}"')
    page, seen = await opened(browser, writer)
    held = page.locator(f"{THREAD} li.pending")
    await held.wait_for()
    assert await held.locator(".notice").text_content() == PENDING
    assert await held.locator(".body").text_content() == "Komentar saya yang ditahan"
    assert await page.locator(f"{THREAD} li.pending").count() == 1
    assert other["status"] == "queued"
    assert "Komentar orang lain" not in await page.locator(f"{THREAD} section").inner_text()
    forged = token.rsplit(".", 1)[0] + ".AAAA"
    for attrs in ("", f'data-moderation-view-token="{forged}"'):
        stranger, _ = await opened(browser, newsroom.article("/b.html", thread_attrs=attrs))
        await stranger.locator(f"{THREAD} li.comment").first.wait_for()
        shown = await stranger.locator(f"{THREAD} section").inner_text()
        assert "Sudah terbit" in shown and PENDING not in shown and "ditahan" not in shown
    assert seen.errors == []


async def test_an_approval_appears_on_the_next_refresh(
    browser: Browser, newsroom: Newsroom
) -> None:
    """With data-refresh the thread revalidates (304s) and shows a newly approved comment,
    announced in the live region, without a reload; the writer's pending copy goes."""
    await newsroom.published("Pertama")
    held = await newsroom.post("Menunggu persetujuan", author="Ani")
    attrs = f'data-refresh="1" data-moderation-view-token="{held["view_token"]}"'
    page = await browser.new_page()
    seen = watch(page)
    statuses: list[int] = []

    def on_response(response: Response) -> None:
        if "/threads/" in response.url and "/comments" in response.url:
            statuses.append(response.status)

    page.on("response", on_response)
    await page.goto(newsroom.article(thread_attrs=attrs))
    await page.locator(f"{THREAD} li.pending").wait_for()
    while 304 not in statuses:
        await page.wait_for_event("response")
    await newsroom.approve(held["id"])
    await page.locator(f"{THREAD} ol.list li[data-id='{held['id']}']:not(.pending)").wait_for()
    assert await page.text_content(f"{THREAD} .count") == "2 komentar"
    assert await page.text_content(f"{THREAD} [aria-live]") == "1 komentar baru"
    await page.locator(f"{THREAD} li.pending").wait_for(state="detached")
    assert seen.errors == []
