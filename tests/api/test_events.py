"""``GET /v1/sites/{site}/events``: every event, in order, for the site's API key only."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store import reports
from moderation.store.comments import Store
from moderation.store.keys import SiteKeys
from moderation.store.reports import Report
from moderation.store.scripts import Scripts
from moderation.store.sites import Created
from moderation.store.tokens import Role, Tokens
from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio
FEED = "/v1/sites/kediri/events"


def key(site: Created) -> dict[str, str]:
    return {"authorization": f"Bearer {site.api_key}"}


async def read_all(client: httpx.AsyncClient, site: Created, limit: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    after = None
    while True:
        params: dict[str, Any] = {"limit": limit, **({"after": after} if after else {})}
        page = (await client.get(FEED, params=params, headers=key(site))).json()
        found.extend(page["events"])
        after = page.get("next")
        if after is None:
            return found


async def test_the_feed_returns_every_event_in_order(
    client: httpx.AsyncClient,
    redis: aioredis.Redis,
    settings: Settings,
    site: Created,
    host: Host,
    worker: Worker,
) -> None:
    """Pipeline approvals, a hide by readers' reports and a moderator's takedown all appear
    once each, oldest first, page by page."""
    ids = [(await host.post(comment(f"Komentar nomor {n}"))).json()["id"] for n in range(3)]
    await worker.run_once()
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    keys = SiteKeys(site.id, settings.shards)
    report = Report(reason="spam", text="", at="2026-12-02T00:00:00Z")
    await reports.file_report(redis, store, keys, ids[1], "reader-1", report, hide_at=1)
    token = await Tokens(redis).create("mod", Role.MODERATOR, (site.id,))
    taken_down = await client.post(
        f"/v1/sites/{site.id}/review/{ids[2]}",
        json={"action": "reject", "reason": "abuse"},
        headers={"authorization": f"Bearer {token}", "if-match": "2"},
    )
    assert taken_down.status_code == 200, taken_down.text
    events = await read_all(client, site, limit=2)
    assert [(e["type"], e["data"]["id"]) for e in events] == [
        ("comment.approved", ids[0]),
        ("comment.approved", ids[1]),
        ("comment.approved", ids[2]),
        ("comment.hidden", ids[1]),
        ("comment.unpublished", ids[2]),
    ]
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    assert events[4]["data"]["status"] == "rejected" and events[4]["data"]["version"] == 3


async def test_a_cursor_resumes_after_the_last_event_read(
    client: httpx.AsyncClient, site: Created, host: Host, worker: Worker
) -> None:
    """``after`` = the last id read gives only what came since."""
    await host.post(comment("Pertama"))
    await worker.run_once()
    [first] = (await client.get(FEED, headers=key(site))).json()["events"]
    await host.post(comment("Kedua"))
    await worker.run_once()
    later = (await client.get(FEED, params={"after": first["id"]}, headers=key(site))).json()
    assert len(later["events"]) == 1 and later["events"][0]["id"] > first["id"]
    assert "next" not in later


async def test_the_feed_needs_the_sites_own_api_key(
    client: httpx.AsyncClient, redis: aioredis.Redis, site: Created, other_site: Created
) -> None:
    """No key is 401, a moderator token is 401, another site's key is 404."""
    assert (await client.get(FEED)).status_code == 401
    token = await Tokens(redis).create("boss", Role.ADMIN, (site.id,))
    assert (await client.get(FEED, headers={"authorization": f"Bearer {token}"})).status_code == 401
    stranger = await client.get(FEED, headers=key(other_site))
    assert stranger.status_code == 404
    assert stranger.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("params", [{"after": "x"}, {"after": "1-2-3"}, {"limit": "0"}])
async def test_bad_feed_parameters_are_400(
    client: httpx.AsyncClient, site: Created, params: dict[str, str]
) -> None:
    """A cursor that is no event id, or a limit out of range, is a 400 problem."""
    answer = await client.get(FEED, params=params, headers=key(site))
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/problem+json"
