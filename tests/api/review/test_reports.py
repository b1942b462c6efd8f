"""Readers' reports: the reported queue, one vote per reader, hiding at the threshold."""

from __future__ import annotations

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store.sites import Created
from tests.api.review.conftest import BODIES, Headers, Post, queue, set_policy

pytestmark = pytest.mark.anyio
THREAD = "/v1/sites/kediri/threads/ptsl-2024-11/comments"


def as_reader(app_client: httpx.AsyncClient, address: str) -> httpx.AsyncClient:
    """A client of the same app whose requests come from ``address``."""
    transport = httpx.ASGITransport(app=app_client._transport.app, client=(address, 5000))  # type: ignore[attr-defined]
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def report(client: httpx.AsyncClient, comment_id: str, **body: str) -> httpx.Response:
    return await client.post(
        f"/v1/sites/kediri/comments/{comment_id}/reports",
        json=body or {"reason": "abuse"},
        headers={"origin": "https://kedirikab.go.id"},
    )


async def test_report_on_approved_comment_queues_it_while_it_stays_visible(
    client: httpx.AsyncClient, moderator: Headers, site: Created, post: Post
) -> None:
    """One report: 202 with CORS, the comment in the reported queue and still in the widget."""
    [comment_id] = await post(BODIES[0])
    response = await report(client, comment_id, reason="spam", text="promo")
    assert response.status_code == 202
    assert response.headers["access-control-allow-origin"] == "https://kedirikab.go.id"
    reported = await queue(client, moderator, queue="reported")
    assert [i["id"] for i in reported["items"]] == [comment_id]
    assert reported["items"][0]["reports"]["reasons"] == {"spam": 1}
    assert [c["id"] for c in (await client.get(THREAD)).json()["comments"]] == [comment_id]


async def test_duplicate_reports_from_one_reader_count_once(
    client: httpx.AsyncClient, moderator: Headers, site: Created, post: Post
) -> None:
    """The same reader reporting three times leaves one report."""
    [comment_id] = await post(BODIES[0])
    for _ in range(3):
        assert (await report(client, comment_id)).status_code == 202
    item = (await queue(client, moderator, queue="reported"))["items"][0]
    assert item["reports"]["count"] == 1


async def test_reports_at_the_threshold_hold_the_comment(
    client: httpx.AsyncClient,
    moderator: Headers,
    redis: aioredis.Redis,
    settings: Settings,
    site: Created,
    post: Post,
) -> None:
    """With report_hide=2, two readers' reports unpublish the comment into held, audited."""
    await set_policy(redis, settings, site.id, report_hide=2)
    [comment_id] = await post(BODIES[0])
    for address in ("10.0.0.1", "10.0.0.2"):
        async with as_reader(client, address) as reader:
            assert (await report(reader, comment_id)).status_code == 202
    held = (await queue(client, moderator))["items"]
    assert [i["id"] for i in held] == [comment_id]
    assert held[0]["reports"]["count"] == 2
    assert [h["actor"] for h in held[0]["history"]] == ["pipeline", "reports"]
    assert (await client.get(THREAD)).json()["comments"] == []
    assert (await queue(client, moderator, queue="reported"))["items"] == []


async def test_approving_a_reported_comment_closes_its_reports(
    client: httpx.AsyncClient, moderator: Headers, site: Created, post: Post
) -> None:
    """A moderator's approve empties the reported queue and keeps the comment published."""
    [comment_id] = await post(BODIES[0])
    await report(client, comment_id)
    item = (await queue(client, moderator, queue="reported"))["items"][0]
    response = await client.post(
        f"/v1/sites/kediri/review/{comment_id}",
        json={"action": "approve"},
        headers={**moderator, "if-match": str(item["version"])},
    )
    assert response.status_code == 200
    assert (await queue(client, moderator, queue="reported"))["counts"]["reported"] == 0
    assert [c["id"] for c in (await client.get(THREAD)).json()["comments"]] == [comment_id]


async def test_unknown_comment_is_404_and_bad_reason_422(
    client: httpx.AsyncClient, site: Created, post: Post
) -> None:
    """Reports need a real comment and a listed reason."""
    assert (await report(client, "01ARZ3NDEKTSV4RRFFQ69G5FAV")).status_code == 404
    [comment_id] = await post(BODIES[0])
    response = await report(client, comment_id, reason="boring")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "reason"


async def test_reports_are_rate_limited_per_reader(
    client: httpx.AsyncClient, settings: Settings, site: Created, post: Post
) -> None:
    """Past reports_per_minute from one reader, reports get 429 with Retry-After."""
    ids = await post(*BODIES[:1])
    answers = [
        (await report(client, ids[0])).status_code for _ in range(settings.reports_per_minute + 1)
    ]
    assert answers[-1] == 429 and set(answers[:-1]) == {202}
