"""Screenshots of the three widgets with the Indonesian UI: taken on every run (so they always
render), written to ``docs/`` when MODERATION_SCREENSHOTS_DIR names it (README pictures)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.async_api import Browser

from tests.browser.newsroom import Newsroom

pytestmark = pytest.mark.anyio
STYLE = (
    "<style>body{font-family:Georgia,serif;max-width:640px;margin:24px;color:#1f1f1f}"
    "aside{border:1px solid #ddd;padding:8px 16px;margin:16px 0}</style>"
)


async def seed(newsroom: Newsroom) -> None:
    jojo = await newsroom.published(
        "Sangat bagus program dari negara terkait sertifikat tanah. Meskipun berbayar "
        "Rp 600.000.jika 1 desa ada 1000 bidang tanah maka sangat membantu warga.",
        author="Jojo",
    )
    nash = await newsroom.published(
        "Alhamdulillah ...maju terus Kab. Kediri", author="Nash", parent_id=jojo
    )
    await newsroom.published("Setuju, semoga cepat selesai.", author="Sari", parent_id=nash)
    await newsroom.published(
        "Info pendaftaran ada di https://kedirikab.go.id/ptsl ya", author="Budi"
    )


async def test_screenshots_of_the_three_widgets(
    browser: Browser, newsroom: Newsroom, tmp_path: Path
) -> None:
    """Thread, recent sidebar and count render and are captured as PNGs."""
    await seed(newsroom)
    url = newsroom.article(csp=False, head=STYLE)
    page = await browser.new_page(viewport={"width": 720, "height": 900})
    await page.goto(url)
    await page.locator("[data-moderation-thread] li.comment").nth(3).wait_for()
    await page.locator("[data-moderation-recent] li").nth(3).wait_for()
    await page.locator("[data-moderation-count]").filter(has_text="komentar").wait_for()
    out = Path(os.environ.get("MODERATION_SCREENSHOTS_DIR") or tmp_path)
    shots = {
        "widget-thread.png": "[data-moderation-thread]",
        "widget-recent.png": "aside",
        "widget-count.png": "p:has([data-moderation-count])",
    }
    for name, selector in shots.items():
        await page.locator(selector).screenshot(path=str(out / name))
        assert (out / name).read_bytes().startswith(b"\x89PNG")
