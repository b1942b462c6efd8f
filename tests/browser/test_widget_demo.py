"""``moderation demo``: its page shows the seeded comments in all three widgets; ``widget-sri``
prints the integrity of the script actually served."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from playwright.async_api import Browser

from moderation import widget_cli
from moderation.api import demo
from moderation.api.app import create_app
from moderation.cli import main
from tests.browser.conftest import Live, serving

pytestmark = pytest.mark.anyio
WIDGET = Path(__file__).parents[2] / "moderation/api/static/widget/widget.js"


async def test_demo_page_shows_the_seeded_comments(browser: Browser, live: Live) -> None:
    """The seeded site's thread, sidebar and count all render on /demo/ once the worker ran."""
    assert live.settings.redis_url
    page_html = demo.page(widget_cli.DEMO_SITE, widget_cli.DEMO_THREAD)
    app = demo.with_demo(create_app(live.settings, live.settings.redis_url), page_html)
    async with serving(app) as origin:
        await widget_cli._seed(live.settings, live.settings.redis_url, origin)
        page = await browser.new_page()
        await page.goto(origin + "/demo/")
        await page.locator("[data-moderation-recent] li").nth(4).wait_for()
        await page.locator("[data-moderation-thread] li[data-id]").nth(4).wait_for()
        count = page.locator("[data-moderation-count]")
        await count.filter(has_text="5 komentar").wait_for()
        assert "Jojo" in await page.locator("[data-moderation-thread] section").inner_text()


def test_widget_sri_prints_the_served_scripts_integrity(capsys: pytest.CaptureFixture[str]) -> None:
    """The printed sha384 integrity is that of widget.js, under its hashed path."""
    assert main(["widget-sri"]) == 0
    out = capsys.readouterr().out
    source = WIDGET.read_bytes()
    assert f"sha384-{base64.b64encode(hashlib.sha384(source).digest()).decode()}" in out
    assert f"/widget.{hashlib.sha256(source).hexdigest()[:16]}.js" in out
