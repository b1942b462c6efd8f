"""The embed script in Chromium on a host origin under a strict CSP: threads nested and counted,
server text never markup, only http(s) links, the recent sidebar, load-more, no console errors."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Page

from tests.browser.newsroom import THREAD as THREAD_ID
from tests.browser.newsroom import Newsroom, Watched, watch

pytestmark = pytest.mark.anyio
WIDGET = Path(__file__).parents[2] / "moderation/api/static/widget/widget.js"
THREAD = "[data-moderation-thread]"


async def opened(browser: Browser, url: str) -> tuple[Page, Watched]:
    page = await browser.new_page()
    seen = watch(page)
    await page.goto(url)
    await page.wait_for_selector(f"{THREAD} .count")
    return page, seen


async def test_nested_replies_and_counts_agree(browser: Browser, newsroom: Newsroom) -> None:
    """Replies render inside their parent's list; thread and count widgets say 3 komentar."""
    parent = await newsroom.published("Kapan pendaftaran PTSL dibuka?")
    reply = await newsroom.published("Bulan depan di kantor desa", parent_id=parent, author="Nash")
    await newsroom.published("Terima kasih infonya", parent_id=reply)
    page, seen = await opened(browser, newsroom.article())
    await page.wait_for_selector(f"{THREAD} li[data-id='{reply}'] li.comment")
    assert await page.text_content(f"{THREAD} .count") == "3 komentar"
    nested = page.locator(f"{THREAD} ol.list > li[data-id='{parent}'] > ol.replies > li")
    assert await nested.get_attribute("data-id") == reply
    assert await nested.locator(".name").first.text_content() == "Nash"
    count = page.locator("[data-moderation-count]")
    await count.filter(has_text="komentar").wait_for()
    assert await count.text_content() == "3 komentar"
    assert seen.errors == []


async def test_markup_in_a_body_is_shown_as_text(browser: Browser, newsroom: Newsroom) -> None:
    """``<img src=x onerror=alert(1)>`` appears as those characters; no image, no dialog."""
    body = "<img src=x onerror=alert(1)> <script>alert(2)</script>"
    comment_id = await newsroom.published(body, author="<b>Jojo</b>")
    page, seen = await opened(browser, newsroom.article())
    shown = page.locator(f"{THREAD} li[data-id='{comment_id}']")
    assert await shown.locator(".body").text_content() == body
    assert await shown.locator(".name").text_content() == "<b>Jojo</b>"
    assert await page.locator(f"{THREAD} img, {THREAD} script, {THREAD} b").count() == 0
    assert seen.dialogs == [] and seen.errors == []


async def test_only_http_links_become_links(browser: Browser, newsroom: Newsroom) -> None:
    """An https URL in a body is a link; ``javascript:`` text never is, anywhere on the page."""
    body = "Info: https://kedirikab.go.id/ptsl dan javascript:alert(1)"
    comment_id = await newsroom.published(body)
    page, seen = await opened(browser, newsroom.article())
    links = page.locator(f"{THREAD} li[data-id='{comment_id}'] .body a")
    assert await links.count() == 1
    assert await links.get_attribute("href") == "https://kedirikab.go.id/ptsl"
    hrefs = await page.evaluate(
        "() => [...document.querySelectorAll('[data-moderation-thread],[data-moderation-recent]')]"
        ".flatMap(h => [...h.shadowRoot.querySelectorAll('a')].map(a => a.href))"
    )
    assert hrefs and not any(h.startswith("javascript:") for h in hrefs)
    assert seen.dialogs == [] and seen.errors == []


async def test_recent_sidebar_shows_name_excerpt_and_article_link(
    browser: Browser, newsroom: Newsroom
) -> None:
    """Each recent item has the author's name, the excerpt and a "Lihat Artikel" link."""
    long = (
        "Sangat bagus program dari negara terkait sertifikat tanah. Meskipun berbayar "
        "Rp 600.000.jika 1 desa ada 1000 bidang tanah maka sangat menguntungkan warga desa kami"
    )
    await newsroom.published(long)
    await newsroom.published("Alhamdulillah ...maju terus Kab. Kediri", author="Nash")
    page, seen = await opened(browser, newsroom.article())
    items = page.locator("[data-moderation-recent] li")
    await items.nth(1).wait_for()
    first, second = items.nth(0), items.nth(1)
    assert await first.locator(".name").text_content() == "Nash"
    assert await first.locator("q").text_content() == "Alhamdulillah ...maju terus Kab. Kediri"
    excerpt = await second.locator("q").text_content()
    assert excerpt and excerpt.startswith("Sangat bagus program") and excerpt.endswith("…")
    link = second.locator("a")
    assert await link.text_content() == "Lihat Artikel"
    assert await link.get_attribute("href") == "https://kedirikab.go.id/berita/ptsl-2024-11"
    assert seen.errors == []


async def test_load_more_pages_top_level_and_replies(browser: Browser, newsroom: Newsroom) -> None:
    """ "Muat komentar lainnya" brings the next page; a long reply list loads the rest."""
    tops = [await newsroom.published(f"Komentar nomor {n}") for n in range(3)]
    replies = [await newsroom.published(f"Balasan {n}", parent_id=tops[0]) for n in range(3)]
    url = newsroom.article(thread_attrs='data-limit="2" data-replies="1"')
    page, seen = await opened(browser, url)
    top_level = page.locator(f"{THREAD} ol.list:not(.pending-list) > li.comment")
    await top_level.nth(1).wait_for()
    assert await top_level.count() == 2
    await page.get_by_role("button", name="Muat komentar lainnya").click()
    await top_level.nth(2).wait_for()
    assert [await top_level.nth(i).get_attribute("data-id") for i in range(3)] == tops
    await page.get_by_role("button", name="Muat 2 balasan lagi").click()
    shown = page.locator(f"{THREAD} li[data-id='{tops[0]}'] > ol.replies > li")
    await shown.nth(2).wait_for()
    assert [await shown.nth(i).get_attribute("data-id") for i in range(3)] == replies
    assert seen.errors == []


async def test_deep_replies_collapse_behind_a_button(browser: Browser, newsroom: Newsroom) -> None:
    """Past ``data-depth`` replies are hidden until "Tampilkan 1 balasan" is pressed."""
    parent = await newsroom.published("Tingkat satu")
    child = await newsroom.published("Tingkat dua", parent_id=parent)
    leaf = await newsroom.published("Tingkat tiga", parent_id=child)
    page, _ = await opened(browser, newsroom.article(thread_attrs='data-depth="2"'))
    deep = page.locator(f"{THREAD} li[data-id='{leaf}']")
    await deep.wait_for(state="attached")
    assert not await deep.is_visible()
    toggle = page.get_by_role("button", name="Tampilkan 1 balasan")
    assert await toggle.get_attribute("aria-expanded") == "false"
    await toggle.press("Enter")
    assert await deep.is_visible()


async def test_english_pages_get_english_words(browser: Browser, newsroom: Newsroom) -> None:
    """A page in ``lang="en"`` gets English counts, times and link text."""
    await newsroom.published("Great programme")
    page, seen = await opened(browser, newsroom.article(lang="en"))
    assert await page.text_content(f"{THREAD} .count") == "1 comment"
    assert await page.text_content(f"{THREAD} time") == "just now"
    await page.locator("[data-moderation-recent] a").wait_for()
    assert await page.text_content("[data-moderation-recent] a") == "View Article"
    assert seen.errors == []


async def test_a_strict_csp_page_runs_the_widget_without_violations(
    browser: Browser, newsroom: Newsroom
) -> None:
    """Under script-src of our origin only, no inline style, Trusted Types: nothing is refused."""
    await newsroom.published("Programnya bagus")
    page = await browser.new_page()
    seen = watch(page)
    await page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    response = await page.goto(newsroom.article())
    assert response is not None and "trusted-types" in response.headers["content-security-policy"]
    await page.wait_for_selector(f"{THREAD} li.comment")
    # styles applied (the constructed sheet was not refused): the name is bold
    weight = await page.locator(f"{THREAD} .name").evaluate("n => getComputedStyle(n).fontWeight")
    assert weight == "700"
    assert await page.evaluate("window.__violations") == []
    assert seen.errors == []


async def test_widget_js_is_small_hashed_and_immutable(newsroom: Newsroom) -> None:
    """/widget.js redirects to /widget.<hash>.js: immutable, under 20 KB gzipped, SRI-checkable."""
    async with httpx.AsyncClient(base_url=newsroom.live.url) as http:
        loader = await http.get("/widget.js")
        assert loader.status_code == 302 and "max-age=300" in loader.headers["cache-control"]
        script = await http.get(loader.headers["location"], headers={"accept-encoding": "gzip"})
    assert script.status_code == 200
    assert "immutable" in script.headers["cache-control"]
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.content == WIDGET.read_bytes()
    assert len(gzip.compress(WIDGET.read_bytes(), 9)) <= 20 * 1024


async def test_controls_are_reachable_by_keyboard_with_visible_focus(
    browser: Browser, newsroom: Newsroom
) -> None:
    """Tab reaches every report button and load-more, each named and outlined when focused."""
    for n in range(3):
        await newsroom.published(f"Komentar {n}", author=f"Pembaca {n}")
    page, seen = await opened(browser, newsroom.article(thread_attrs='data-limit="2"'))
    await page.locator(f"{THREAD} li.comment").nth(1).wait_for()
    reached = []
    for _ in range(8):
        await page.keyboard.press("Tab")
        focused = await page.evaluate(
            "() => { const h = document.querySelector('[data-moderation-thread]');"
            " const e = h.shadowRoot.activeElement; if (!e) return null;"
            " const s = getComputedStyle(e);"
            " return [e.getAttribute('aria-label') || e.textContent, s.outlineStyle]; }"
        )
        if focused:
            reached.append(tuple(focused))
    names = [name for name, _ in reached]
    assert "Laporkan komentar Pembaca 0" in names and "Laporkan komentar Pembaca 1" in names
    assert "Muat komentar lainnya" in names
    assert all(outline == "solid" for _, outline in reached)
    assert seen.errors == []


CONTRAST = """(selector) => {
  const lum = (c) => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map(v => {
    v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const root = document.querySelector('[data-moderation-thread]').shadowRoot;
  return [...root.querySelectorAll(selector)].map(e => {
    const l = lum(getComputedStyle(e).color); return (1 + 0.05) / (l + 0.05); });
}"""


async def test_text_contrast_is_aa_on_a_white_page(browser: Browser, newsroom: Newsroom) -> None:
    """Names, times, bodies, links and buttons reach 4.5:1 against the page's white."""
    await newsroom.published("Lihat https://kedirikab.go.id/ptsl")
    page, _ = await opened(browser, newsroom.article())
    await page.locator(f"{THREAD} li.comment").wait_for()
    for selector in (".count", ".name", "time", ".body", ".body a", "button"):
        ratios = await page.evaluate(CONTRAST, selector)
        assert ratios and min(ratios) >= 4.5, selector


STYLED = (
    "<style>p{color:rgb(255,0,0)} button{background:rgb(0,255,0)}"
    "[data-moderation-thread]{--moderation-accent:rgb(1,2,3);font-family:monospace}</style>"
)


async def test_styles_stay_on_their_side_and_custom_properties_apply(
    browser: Browser, newsroom: Newsroom
) -> None:
    """Host rules do not reach the widget nor the widget's the host; the page's font and the
    documented custom properties do reach it."""
    await newsroom.published("Lihat https://kedirikab.go.id/ptsl")
    page = await browser.new_page()
    await page.goto(newsroom.article(csp=False, head=STYLED))
    body = page.locator(f"{THREAD} .body")
    await body.wait_for()
    style = "(n, p) => getComputedStyle(n)[p]"
    assert await body.evaluate(style, "color") != "rgb(255, 0, 0)"
    assert await body.evaluate(style, "fontFamily") == "monospace"
    assert await page.locator(f"{THREAD} .body a").evaluate(style, "color") == "rgb(1, 2, 3)"
    report = page.locator(f"{THREAD} button.report")
    assert await report.evaluate(style, "backgroundColor") != "rgb(0, 255, 0)"
    outside = page.locator("body > p")
    assert await outside.evaluate(style, "color") == "rgb(255, 0, 0)"
    assert await outside.evaluate(style, "fontWeight") == "400"


async def test_widget_json_is_json_with_nosniff(newsroom: Newsroom) -> None:
    """Thread, recent, counts and pending answers are application/json with nosniff."""
    await newsroom.published("Programnya bagus")
    base = f"/v1/sites/kediri/threads/{THREAD_ID}"
    async with httpx.AsyncClient(base_url=newsroom.live.url) as http:
        for path in (f"{base}/comments", "/v1/sites/kediri/recent", f"{base}/pending"):
            answer = await http.get(path)
            assert answer.headers["content-type"] == "application/json", path
            assert answer.headers["x-content-type-options"] == "nosniff", path
        counts = await http.get("/v1/sites/kediri/counts", params={"thread": THREAD_ID})
        assert counts.headers["content-type"] == "application/json"
        assert counts.headers["x-content-type-options"] == "nosniff"


async def test_a_reply_to_a_held_parent_shows_under_a_removed_placeholder(
    browser: Browser, newsroom: Newsroom
) -> None:
    """The count says 1 and the reply is shown, under "Komentar dihapus" (no name, no report)."""
    parent = str((await newsroom.post("Masih ditahan moderator"))["id"])
    reply = await newsroom.published("Balasan yang sudah terbit", parent_id=parent)
    page, seen = await opened(browser, newsroom.article())
    placeholder = page.locator(f"{THREAD} li.removed[data-id='{parent}']")
    await placeholder.locator(f"li[data-id='{reply}']").wait_for()
    assert await page.text_content(f"{THREAD} .count") == "1 komentar"
    assert await placeholder.locator(":scope > article").inner_text() == "Komentar dihapus"
    assert await placeholder.locator(":scope > article button").count() == 0
    assert "ditahan" not in await page.locator(f"{THREAD} section").inner_text()
    assert seen.errors == []
