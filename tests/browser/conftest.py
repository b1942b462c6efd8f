"""Browser fixtures: a live ``serve`` (API and worker on a real loopback port), a second origin
for host pages, and Debian's Chromium driven by Playwright (no browser downloads here)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis
import uvicorn
from playwright.async_api import Browser, async_playwright
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from moderation.api.app import create_app
from moderation.settings import Settings
from moderation.worker import Worker

CHROMIUM = Path(os.environ.get("MODERATION_TEST_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps dialling Google's hosts, which this
# closed network refuses; --no-sandbox because CI runs as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Quiet(uvicorn.Server):
    """uvicorn without its own signal handlers: the test owns the process."""

    def install_signal_handlers(self) -> None:
        return


def _loopback_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextlib.asynccontextmanager
async def serving(app: ASGIApp) -> AsyncIterator[str]:
    """Runs an ASGI app under uvicorn on a free loopback port; yields its origin."""
    sock = _loopback_socket()
    port = sock.getsockname()[1]
    server = _Quiet(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()


@dataclass
class Live:
    """A running ``serve``: the API's origin and the worker deciding in the background."""

    url: str
    settings: Settings
    worker: Worker


@pytest.fixture
async def live(settings: Settings, redis: aioredis.Redis) -> AsyncIterator[Live]:
    assert settings.redis_url
    async with Worker(settings, settings.redis_url) as worker:
        work = asyncio.create_task(worker.run())
        try:
            async with serving(create_app(settings, settings.redis_url)) as url:
                yield Live(url, settings, worker)
        finally:
            worker.stop()
            await work


@dataclass
class Pages:
    """A host site on its own origin: tests put pages (and their headers) at paths."""

    url: str = ""
    pages: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)

    def put(self, path: str, html: str, headers: dict[str, str] | None = None) -> str:
        self.pages[path] = (html, headers or {})
        return self.url + path


@pytest.fixture
async def host_pages() -> AsyncIterator[Pages]:
    pages = Pages()

    async def page(request: Request) -> Response:
        found = pages.pages.get(request.url.path)
        if found is None:
            return Response(status_code=404)
        html, headers = found
        return HTMLResponse(html, headers=headers)

    app = Starlette(routes=[Route("/{path:path}", page)])
    async with serving(app) as url:
        pages.url = url
        yield pages


def _require_chromium() -> None:
    """Skips where Chromium is not installed, unless the run (CI) requires the browser tests."""
    if not CHROMIUM.exists():
        if os.environ.get("MODERATION_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    """Debian's Chromium, headless, one per test."""
    _require_chromium()
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
async def newsroom(live: Live, host_pages: Pages, redis: aioredis.Redis) -> AsyncIterator[Any]:
    """A host site on the live API whose origin is ``host_pages`` (see ``newsroom.py``)."""
    import httpx

    from tests.browser.newsroom import Newsroom

    async with httpx.AsyncClient(base_url=live.url) as http:
        room = Newsroom(live, host_pages, redis, http)
        await room.open()
        yield room
