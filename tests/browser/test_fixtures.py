"""The browser fixtures themselves: a live API reachable from Chromium on a host page."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser

from tests.browser.conftest import Live, Pages

pytestmark = pytest.mark.anyio


async def test_a_host_page_can_fetch_the_live_api(
    browser: Browser, live: Live, host_pages: Pages
) -> None:
    """A page on the host origin loads and reaches the running API's health endpoint."""
    url = host_pages.put("/index.html", "<!doctype html><title>host</title><p id=x>hi</p>")
    page = await browser.new_page()
    await page.goto(url)
    assert await page.text_content("#x") == "hi"
    status = await page.evaluate(
        "async (api) => (await fetch(api + '/healthz', {mode: 'no-cors'})).type", live.url
    )
    assert status == "opaque"
