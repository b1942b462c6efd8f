"""A host newsroom for the widget tests: its site on the live API (the host pages' origin
registered), a signed backend posting comments, a moderator approving them, article pages."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import httpx
import msgspec
import redis.asyncio as aioredis
from playwright.async_api import ConsoleMessage, Dialog, Page

from moderation.policy import Policy, Premoderation
from moderation.store.sites import Sites
from moderation.store.tokens import Role, Tokens
from tests.browser.conftest import Live, Pages
from tests.conftest import Host, comment

SITE = "kediri"
THREAD = "ptsl-2024-11"
SNIPPET = """
<div data-moderation-thread="{thread}" data-moderation-site="kediri" {thread_attrs}></div>
<aside><div data-moderation-recent data-moderation-site="kediri" data-limit="5"></div></aside>
<p>Jumlah: <span data-moderation-count="{thread}" data-moderation-site="kediri"></span></p>
<script src="{api}/widget.js" async></script>
"""


def strict_csp(api: str) -> str:
    """Only our script and our API; no inline code or style, no eval, Trusted Types enforced
    (so any ``innerHTML = string`` would throw)."""
    return (
        f"default-src 'none'; script-src {api}; connect-src {api}; style-src 'none'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'; "
        "require-trusted-types-for 'script'; trusted-types 'none'"
    )


@dataclass
class Watched:
    """What a page said on its console and which dialogs it opened."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def watch(page: Page) -> Watched:
    seen = Watched()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            seen.errors.append(message.text)

    async def on_dialog(dialog: Dialog) -> None:
        seen.dialogs.append(dialog.message)
        await dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("dialog", on_dialog)
    return seen


class Newsroom:
    def __init__(self, live: Live, pages: Pages, redis: aioredis.Redis, http: httpx.AsyncClient):
        self.live, self.pages, self.redis, self.http = live, pages, redis, http
        self.sites = Sites(redis, live.settings)
        self.keys = self.sites.keys_for(SITE)
        self.moderator: dict[str, str] = {}
        self.host: Host

    async def open(self) -> None:
        created = await self.sites.create(SITE, "Kab. Kediri", (self.pages.url,))
        found = await self.sites.get(SITE, fresh=True)
        assert found is not None
        # Every comment waits for a human, so each test decides exactly what is published.
        policy = Policy(premoderation=Premoderation.ALL)
        await self.sites.save(msgspec.structs.replace(found, policy=policy))
        self.host = Host(self.http, created)
        token = await Tokens(self.redis).create("mod", Role.MODERATOR, (SITE,))
        self.moderator = {"authorization": f"Bearer {token}"}

    async def post(self, body: str, **extra: Any) -> dict[str, Any]:
        """A comment sent by the host backend, once the worker has held it: the 202 answer."""
        response = await self.host.post(comment(body, **extra))
        assert response.status_code == 202, response.text
        answer: dict[str, Any] = response.json()
        # The live worker decides in the background; nothing signals its decision to us.
        while await self.status(answer["id"]) == "queued":  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        return answer

    async def status(self, comment_id: str) -> str:
        raw = await self.redis.hget(self.keys.comment(comment_id), "status")
        return raw.decode() if isinstance(raw, bytes) else str(raw)

    async def approve(self, *ids: str) -> None:
        for comment_id in ids:
            version = await self.redis.hget(self.keys.comment(comment_id), "v")
            assert isinstance(version, bytes)
            response = await self.http.post(
                f"/v1/sites/{SITE}/review/{comment_id}",
                json={"action": "approve"},
                headers={**self.moderator, "if-match": f'"{version.decode()}"'},
            )
            assert response.status_code == 200, response.text

    async def published(self, body: str, **extra: Any) -> str:
        comment_id = str((await self.post(body, **extra))["id"])
        await self.approve(comment_id)
        return comment_id

    def article(
        self,
        path: str = "/berita/ptsl-2024-11.html",
        *,
        lang: str = "id",
        thread_attrs: str = "",
        csp: bool = True,
        head: str = "",
    ) -> str:
        """An article page on the host origin embedding all three widgets."""
        api = self.live.url
        html = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>Serahkan Ratusan Sertifikat PTSL</title>{head}</head><body>"
            "<h1>Serahkan Ratusan Sertifikat PTSL</h1>"
            + SNIPPET.format(thread=THREAD, thread_attrs=thread_attrs, api=api)
            + "</body></html>"
        )
        headers = {"Content-Security-Policy": strict_csp(api)} if csp else {}
        return self.pages.put(path, html, headers)
