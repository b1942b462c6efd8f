"""The console's browser tests share this: a premoderated site on a live serve, tokens, a host
that posts signed comments to it, and a signed-in page."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import httpx
import msgspec
import redis.asyncio as aioredis
from playwright.async_api import Browser, Page

from moderation.policy import Policy, Premoderation
from moderation.store.sites import Created, Sites
from moderation.store.tokens import Role, Tokens
from tests.browser.conftest import Live
from tests.conftest import Host, comment

SITE = "kediri"


@dataclasses.dataclass
class Desk:
    """A live serve with a held-everything site, a moderator's token and a host posting."""

    live: Live
    redis: aioredis.Redis
    site: Created
    host: Host
    api: httpx.AsyncClient
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}

    async def post(self, *bodies: str, **extra: Any) -> list[str]:
        """Post comments (each by its own author unless ``author`` is given); their ids."""
        ids = []
        author = extra.pop("author", None)
        for n, body in enumerate(bodies):
            payload = comment(body, author=f"Pembaca {n} {body[:6]}", **extra)
            if author:
                payload["author"] = author
            response = await self.host.post(payload)
            assert response.status_code == 202, response.text
            ids.append(response.json()["id"])
        return ids

    async def decided(self, ids: list[str]) -> None:
        """Waits until the live worker has decided each of ``ids``."""
        for _ in range(500):
            queued = await self.queue("queued", limit=100)
            if not {i["id"] for i in queued["items"]} & set(ids):
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the worker did not decide the comments")

    async def queue(self, name: str = "held", **params: Any) -> Any:
        response = await self.api.get(
            f"/v1/sites/{SITE}/review", params={"queue": name, **params}, headers=self.auth
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def status(self, comment_id: str) -> str:
        for name in ("held", "approved", "rejected", "queued"):
            page = await self.queue(name, limit=100)
            if comment_id in [i["id"] for i in page["items"]]:
                return name
        raise AssertionError(f"{comment_id} is in no queue")

    async def widget(self, thread: str = "ptsl-2024-11") -> list[str]:
        response = await self.api.get(f"/v1/sites/{SITE}/threads/{thread}/comments")
        return [c["id"] for c in response.json()["comments"]]

    async def decide(self, comment_id: str, action: str) -> None:
        [item] = [i for i in (await self.queue(limit=100))["items"] if i["id"] == comment_id]
        response = await self.api.post(
            f"/v1/sites/{SITE}/review/{comment_id}",
            json={"action": action},
            headers={**self.auth, "if-match": str(item["version"])},
        )
        assert response.status_code == 200, response.text


async def desk(live: Live, redis: aioredis.Redis) -> Desk:
    sites = Sites(redis, live.settings)
    site = await sites.create(SITE, "Kab. Kediri", ("https://kedirikab.go.id",))
    found = await sites.get(SITE, fresh=True)
    assert found is not None
    await sites.save(msgspec.structs.replace(found, policy=Policy(premoderation=Premoderation.ALL)))
    token = await Tokens(redis).create("ani", Role.MODERATOR, (SITE,))
    api = httpx.AsyncClient(base_url=live.url)
    return Desk(live, redis, site, Host(api, site), api, token)


async def signed_in(browser: Browser, desk: Desk, token: str | None = None) -> Page:
    """A page of the console, signed in with the desk's token (or ``token``)."""
    page = await browser.new_page(viewport={"width": 1280, "height": 720})
    await page.goto(f"{desk.live.url}/console/")
    await page.fill("#token", token or desk.token)
    await page.press("#token", "Enter")
    await page.wait_for_selector("#app:not([hidden]) #items[aria-busy=false]", state="attached")
    return page


async def items(page: Page) -> list[str]:
    ids: list[str] = await page.eval_on_selector_all(
        "#items .item", "els => els.map(e => e.dataset.id)"
    )
    return ids
