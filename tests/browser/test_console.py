"""The moderators' console in Chromium: sign-in, evidence, keys, races, spam waves, authors,
and the token's reach."""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis
from playwright.async_api import Browser, expect

from moderation.store.sites import Sites
from moderation.store.tokens import Role, Tokens
from tests.browser.conftest import Live
from tests.browser.console_setup import Desk, desk, items, signed_in

pytestmark = pytest.mark.anyio
STYLED = "🙂 𝐁agus sekali programnya, dasar anjing kamu"
PROMO = "Promo spesial hari ini, kunjungi toko kami untuk diskon besar"


@pytest.fixture
async def office(live: Live, redis: aioredis.Redis) -> AsyncIterator[Desk]:
    made = await desk(live, redis)
    try:
        yield made
    finally:
        await made.api.aclose()


async def test_signing_in_with_a_token_shows_the_held_queue(browser: Browser, office: Desk) -> None:
    """Pasting a token opens the held queue with its count and the token's site to choose."""
    ids = await office.post("Programnya bagus sekali", "Semoga cepat selesai")
    await office.decided(ids)
    page = await signed_in(browser, office)
    await expect(page.locator("#items .item")).to_have_count(2)
    assert await items(page) == ids
    assert await page.text_content("[data-count=held]") == "2"
    assert await page.eval_on_selector_all("#site option", "o => o.map(x => x.value)") == ["kediri"]


async def test_a_flagged_word_is_marked_in_place_after_an_emoji_and_a_styled_letter(
    browser: Browser, office: Desk
) -> None:
    """The <mark> holds exactly the flagged word, with its rule, score and band in the title;
    the reason beside it shows the band and probability as text."""
    await office.decided(await office.post(STYLED))
    page = await signed_in(browser, office)
    mark = page.locator("#items .item .body mark")
    await expect(mark).to_have_count(1)
    assert await mark.text_content() == "anjing"
    title = await mark.get_attribute("title") or ""
    assert "profanity:id:anjing" in title
    assert re.search(r"; (low|medium|high|certain) \d+%", title)
    reason = page.locator("#items .item .findings li", has_text="profanity:id:anjing")
    band = reason.locator(".band")
    assert re.fullmatch(
        r"(keyakinan (rendah|sedang|tinggi)|hampir pasti) \d+%", await band.text_content() or ""
    )
    before = await page.evaluate(
        "() => { const m = document.querySelector('.body mark');"
        " return m.previousSibling.textContent; }"
    )
    assert before == "🙂 𝐁agus sekali programnya, dasar "


async def test_f_approves_and_the_widget_shows_it(browser: Browser, office: Desk) -> None:
    """f approves the focused comment: the API says approved and the thread widget lists it."""
    [comment_id] = await office.post("Programnya bagus sekali")
    await office.decided([comment_id])
    page = await signed_in(browser, office)
    await page.keyboard.press("f")
    await expect(page.locator("#items .item")).to_have_count(0)
    await expect(page.locator(".toast").first).to_be_visible()
    assert await office.status(comment_id) == "approved"
    assert await office.widget() == [comment_id]


async def test_d_rejects_and_u_undoes(browser: Browser, office: Desk) -> None:
    """d rejects the focused comment; u puts it back in the held queue."""
    first, second = await office.post("Satu komentar", "Dua komentar")
    await office.decided([first, second])
    page = await signed_in(browser, office)
    await page.keyboard.press("d")
    await expect(page.locator("#items .item")).to_have_count(1)
    await expect(page.locator(".toast", has_text="Ditolak")).to_be_visible()
    assert await office.status(first) == "rejected"
    assert await page.evaluate("() => document.activeElement.dataset.id") == second
    await page.keyboard.press("u")
    await expect(page.locator("#items .item")).to_have_count(2)
    assert await office.status(first) == "held"


async def test_twenty_held_comments_are_cleared_with_twenty_keystrokes(
    browser: Browser, office: Desk
) -> None:
    """Twenty presses of f approve twenty held comments, no mouse and no other key."""
    ids = await office.post(*(f"Komentar warga nomor {n}" for n in range(20)))
    await office.decided(ids)
    page = await signed_in(browser, office)
    await expect(page.locator("#items .item")).to_have_count(20)
    for _ in range(20):
        await page.keyboard.press("f")
    await expect(page.locator("#items .item")).to_have_count(0)
    await expect(page.locator("#empty")).to_be_visible()
    for _ in range(100):
        if (await office.queue("approved", limit=100))["counts"]["approved"] == 20:
            break
        await page.wait_for_timeout(50)
    approved = (await office.queue("approved", limit=100))["items"]
    assert {i["id"] for i in approved} == set(ids)
    assert (await office.queue())["counts"]["held"] == 0


async def test_two_browsers_on_one_comment_one_wins_and_the_other_is_told(
    browser: Browser, office: Desk, redis: aioredis.Redis
) -> None:
    """Both see the comment; the first decision wins, the second gets who decided and a reload."""
    [comment_id] = await office.post("Programnya bagus sekali")
    await office.decided([comment_id])
    other = await Tokens(redis).create("budi", Role.MODERATOR, ("kediri",))
    ani = await signed_in(browser, office)
    budi = await signed_in(browser, office, other)
    await ani.keyboard.press("f")
    await expect(ani.locator("#items .item")).to_have_count(0)
    await budi.keyboard.press("d")
    await expect(budi.locator(".toast", has_text="token:ani")).to_be_visible()
    assert await office.status(comment_id) == "approved"


async def test_another_sites_token_sees_nothing_of_this_one(
    browser: Browser, office: Desk, redis: aioredis.Redis
) -> None:
    """A moderator of another site is offered only that site, and this site's API is 404."""
    await office.decided(await office.post("Programnya bagus sekali"))
    await Sites(redis, office.live.settings).create("other", "Other news", ())
    token = await Tokens(redis).create("outsider", Role.MODERATOR, ("other",))
    page = await signed_in(browser, office, token)
    assert await page.eval_on_selector_all("#site option", "o => o.map(x => x.value)") == ["other"]
    await expect(page.locator("#empty")).to_be_visible()
    status = await page.evaluate(
        "async (t) => (await fetch('/v1/sites/kediri/review',"
        " {headers: {Authorization: 'Bearer ' + t}})).status",
        token,
    )
    assert status == 404


async def test_the_token_lives_only_in_session_storage(browser: Browser, office: Desk) -> None:
    """No URL the page requests, no cookie and no localStorage entry carries the token."""
    await office.decided(await office.post("Programnya bagus sekali"))
    context = await browser.new_context()
    page = await context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    await page.goto(f"{office.live.url}/console/")
    await page.fill("#token", office.token)
    await page.press("#token", "Enter")
    await expect(page.locator("#items .item")).to_have_count(1)
    await page.keyboard.press("f")
    await expect(page.locator("#items .item")).to_have_count(0)
    assert urls and not [u for u in urls if office.token in u]
    assert office.token not in page.url
    assert await context.cookies() == []
    local = await page.evaluate("() => JSON.stringify(Object.entries(localStorage))")
    assert office.token not in local
    assert await page.evaluate("() => sessionStorage.getItem('moderation.token')") == office.token


async def test_the_console_page_has_a_strict_csp(office: Desk) -> None:
    """The page forbids inline script and other origins."""
    response = await office.api.get("/console/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "<script>" not in response.text


async def test_screenshots_of_the_queue_evidence_and_drawer(
    browser: Browser, office: Desk, tmp_path: Path
) -> None:
    """The console renders the queue, a comment's evidence and the author drawer (PNGs)."""
    out = Path(os.environ.get("MODERATION_CONSOLE_SCREENSHOTS") or tmp_path)
    await office.post(STYLED)
    ids = await office.post(
        "Mantap, programnya sangat membantu warga desa",
        "Kapan jadwal pengukuran untuk kecamatan Pare?",
    )
    await office.decided(ids)
    page = await signed_in(browser, office)
    await expect(page.locator("#items .item")).to_have_count(3)
    await page.screenshot(path=str(out / "console-queue.png"))
    await page.locator("#items .item").first.screenshot(path=str(out / "console-evidence.png"))
    await page.keyboard.press("b")
    await expect(page.locator("#drawer")).to_be_visible()
    await expect(page.locator("#drawer-comments li")).to_have_count(1)
    await page.screenshot(path=str(out / "console-drawer.png"))
    for name in ("console-queue.png", "console-evidence.png", "console-drawer.png"):
        assert (out / name).read_bytes().startswith(b"\x89PNG")


async def test_a_bulk_reject_shows_its_count_first_and_changes_only_what_it_previewed(
    browser: Browser, office: Desk
) -> None:
    """A pasted promo in two threads: the dry-run count is confirmed; a copy arriving after the
    preview stays held, as do the others' comments."""
    wave = await office.post(PROMO, PROMO) + await office.post(PROMO, thread="ptsl-2025-01")
    clean = await office.post("Programnya bagus sekali")
    await office.decided(wave + clean)
    page = await signed_in(browser, office)
    await page.keyboard.press("/")
    await page.keyboard.type("kunjungi toko kami")
    await page.keyboard.press("Enter")
    await expect(page.locator("#items .item")).to_have_count(3)
    await page.check("#select-matching")
    await page.click("#bulk-reject")
    await expect(page.locator("#confirm-text")).to_have_text("3 komentar akan ditolak. Lanjutkan?")
    [late] = await office.post(PROMO)
    await office.decided([late])
    await page.click("#confirm-yes")
    await expect(page.locator(".toast", has_text="3 komentar ditolak")).to_be_visible()
    rejected = {i["id"] for i in (await office.queue("rejected"))["items"]}
    assert rejected == set(wave)
    held = {i["id"] for i in (await office.queue())["items"]}
    assert held == {late, *clean}


async def test_ban_and_reject_removes_the_authors_published_comments_from_the_widget(
    browser: Browser, office: Desk
) -> None:
    """b on a held comment, then apply: the author is banned and their published comments
    leave the thread widget; another reader's stay."""
    author = {"name": "Penjudi", "id": "host-77"}
    published = await office.post("Komentar pertama saya", "Komentar kedua saya", author=author)
    [other] = await office.post("Programnya bagus sekali")
    await office.decided([*published, other])
    for comment_id in (*published, other):
        await office.decide(comment_id, "approve")
    [held] = await office.post("Komentar ketiga saya", author=author)
    await office.decided([held])
    assert set(await office.widget()) == {*published, other}
    page = await signed_in(browser, office)
    await expect(page.locator("#items .item")).to_have_count(1)
    await page.keyboard.press("b")
    await expect(page.locator("#standing-apply")).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(page.locator(".toast", has_text="3 komentar ditolak")).to_be_visible()
    assert await office.widget() == [other]
    assert (await office.queue())["counts"]["held"] == 0


async def test_the_policy_page_previews_a_pasted_comment(browser: Browser, office: Desk) -> None:
    """Pasting a comment on the policy page shows the decision with the word marked."""
    page = await signed_in(browser, office)
    await page.click(".tab[data-view=policy]")
    await expect(page.locator("#policy-premoderation")).to_have_value("all")
    await page.fill("#preview-body", STYLED)
    await page.click("#preview-run")
    await expect(page.locator("#preview-status")).to_have_text("Akan: held")
    assert await page.text_content("#preview-text mark") == "anjing"


async def test_the_audit_view_lists_who_decided_what(browser: Browser, office: Desk) -> None:
    """After an approval the audit view has a row naming the moderator and the action."""
    await office.decided(await office.post("Programnya bagus sekali"))
    page = await signed_in(browser, office)
    await page.keyboard.press("f")
    await expect(page.locator("#items .item")).to_have_count(0)
    await page.click(".tab[data-view=audit]")
    row = page.locator("#audit-rows tr", has_text="token:ani")
    await expect(row).to_have_count(1)
    assert "approve" in (await row.text_content() or "")


async def test_the_console_switches_to_english(browser: Browser, office: Desk) -> None:
    """Indonesian by default; choosing English relabels the queues and the buttons."""
    await office.decided(await office.post("Programnya bagus sekali"))
    page = await signed_in(browser, office)
    await expect(page.locator(".tab[data-queue=held] [data-i18n]")).to_have_text("Ditahan")
    await page.select_option("#lang", "en")
    await expect(page.locator(".tab[data-queue=held] [data-i18n]")).to_have_text("Held")
    await expect(page.locator("#items .item .approve")).to_have_text("Approve (f)")


NAMELESS = """() => [...document.querySelectorAll('button, input, select, textarea, a[href]')]
  .filter(e => e.offsetParent !== null)
  .filter(e => !(e.getAttribute('aria-label') || (e.labels && [...e.labels].some(l =>
    l.textContent.trim())) || e.textContent.trim() || e.title))
  .map(e => e.outerHTML.slice(0, 80))"""


async def test_every_visible_control_has_an_accessible_name(browser: Browser, office: Desk) -> None:
    """Buttons, fields and links in the queue, drawer and sign-in all have a name."""
    await office.decided(await office.post(STYLED))
    page = await browser.new_page()
    await page.goto(f"{office.live.url}/console/")
    assert await page.evaluate(NAMELESS) == []
    page = await signed_in(browser, office)
    assert await page.evaluate(NAMELESS) == []
    await page.keyboard.press("b")
    await expect(page.locator("#drawer")).to_be_visible()
    assert await page.evaluate(NAMELESS) == []


async def test_a_phone_can_work_the_queue(browser: Browser, office: Desk) -> None:
    """At 390x844 nothing scrolls sideways and tapping approve decides the comment."""
    [comment_id] = await office.post(STYLED)
    await office.decided([comment_id])
    page = await browser.new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    await page.goto(f"{office.live.url}/console/")
    await page.fill("#token", office.token)
    await page.tap("#signin button[type=submit]")
    await expect(page.locator("#items .item")).to_have_count(1)
    assert await page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    await page.tap("#items .item .approve")
    await expect(page.locator("#items .item")).to_have_count(0)
    # The list drops the item at once; the toast says the server answered.
    await expect(page.locator(".toast").first).to_be_visible()
    assert await office.status(comment_id) == "approved"


async def test_the_all_queue_keeps_a_decided_comment_with_its_new_status(
    browser: Browser, office: Desk
) -> None:
    """Key 5 opens every comment; f there approves and the item stays, now marked approved."""
    ids = await office.post("Satu komentar", "Dua komentar")
    await office.decided(ids)
    page = await signed_in(browser, office)
    await page.keyboard.press("5")
    await expect(page.locator(".tab[data-queue=all]")).to_have_attribute("aria-current", "page")
    await expect(page.locator("#items")).to_have_attribute("aria-busy", "false")
    await expect(page.locator("#items .item")).to_have_count(2)
    await page.keyboard.press("f")
    await expect(page.locator("#items .item").first.locator(".status")).to_have_text("Disetujui")
    assert await office.status(ids[0]) == "approved"
    assert await page.evaluate("() => document.activeElement.dataset.id") == ids[1]


async def test_an_admin_changes_the_policy_in_a_form_and_sees_bad_fields(
    browser: Browser, office: Desk, redis: aioredis.Redis
) -> None:
    """A spam hold above the reject score is refused beside its field; a valid change saves."""
    admin = await Tokens(redis).create("boss", Role.ADMIN, ("kediri",))
    page = await signed_in(browser, office, admin)
    await page.click(".tab[data-view=policy]")
    await page.fill("#policy-spam_hold", "0.95")
    await page.click("#policy-save")
    await expect(page.locator("#policy-errors li")).to_have_count(1)
    assert "spam_hold" in (await page.text_content("#policy-errors li") or "")
    await page.fill("#policy-spam_hold", "0.6")
    await page.select_option("#policy-premoderation", "none")
    await page.fill("#policy-banned", "judol\nslot88")
    await page.click("#policy-save")
    await expect(page.locator(".toast", has_text="Tersimpan")).to_be_visible()
    policy = (await office.api.get("/v1/sites/kediri/policy", headers=office.auth)).json()
    assert (policy["premoderation"], policy["spam_hold"]) == ("none", 0.6)
    assert policy["banned"] == ["judol", "slot88"]


async def test_shift_click_selects_a_range_and_u_undoes_the_bulk_reject(
    browser: Browser, office: Desk
) -> None:
    """A click and a shift-click select three of four; the bulk reject takes those three and
    u brings them back to the held queue."""
    ids = await office.post("Satu", "Dua", "Tiga", "Empat")
    await office.decided(ids)
    page = await signed_in(browser, office)
    picks = page.locator("#items .item .pick")
    await picks.nth(0).click()
    await picks.nth(2).click(modifiers=["Shift"])
    await expect(page.locator("#selected-count")).to_have_text("3 dipilih")
    await page.click("#bulk-reject")
    await expect(page.locator("#confirm-text")).to_have_text("3 komentar akan ditolak. Lanjutkan?")
    await page.click("#confirm-yes")
    await expect(page.locator("#items .item")).to_have_count(1)
    assert {i["id"] for i in (await office.queue("rejected"))["items"]} == set(ids[:3])
    await page.keyboard.press("u")
    await expect(page.locator("#items .item")).to_have_count(4)
    assert (await office.queue("rejected"))["items"] == []


async def test_the_drawer_lists_the_authors_comments_and_filters_the_queue_by_them(
    browser: Browser, office: Desk
) -> None:
    """Clicking an author opens their drawer; "show all" filters every queue to that author."""
    author = {"name": "Sari", "id": "host-5"}
    theirs = await office.post("Pertama dari Sari", "Kedua dari Sari", author=author)
    others = await office.post("Dari orang lain")
    await office.decided(theirs + others)
    page = await signed_in(browser, office)
    await page.locator("#items .item .author").first.click()
    await expect(page.locator("#drawer-comments li")).to_have_count(2)
    await page.click("#drawer-filter")
    await expect(page.locator("#drawer")).to_be_hidden()
    await expect(page.locator(".tab[data-queue=all]")).to_have_attribute("aria-current", "page")
    await expect(page.locator("#items .item")).to_have_count(2)
    assert await items(page) == theirs
