"""The host's actions on its own comments: resends by external_id, lookups, deletion, and
closing a thread."""

from __future__ import annotations

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.store.sites import Created
from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio
THREAD = "ptsl-2024-11"


def key(site: Created) -> dict[str, str]:
    return {"authorization": f"Bearer {site.api_key}"}


async def test_a_resend_under_a_new_webhook_id_is_the_same_comment(host: Host) -> None:
    """The same external_id and content under a new webhook-id is answered 200 with the
    existing comment's id, not a second comment."""
    first = await host.post(comment("Programnya bagus", external_id="host-1"))
    again = await host.post(comment("Programnya bagus", external_id="host-1"))
    assert first.status_code == 202 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"]


async def test_another_body_under_a_known_external_id_is_409(host: Host) -> None:
    """A different comment under a known external_id is a 409 problem naming the comment."""
    first = await host.post(comment("Programnya bagus", external_id="host-1"))
    other = await host.post(comment("Lain sekali", external_id="host-1"))
    assert other.status_code == 409
    assert other.headers["content-type"] == "application/problem+json"
    assert other.json()["comment_id"] == first.json()["id"]


async def test_a_comment_is_found_by_its_external_id(
    client: httpx.AsyncClient, host: Host, site: Created, other_site: Created
) -> None:
    """``GET comments?external_id=`` finds the host's comment; another site's key gets 404."""
    sent = await host.post(comment("Programnya bagus", external_id="host/ä 1"))
    url = f"/v1/sites/{site.id}/comments"
    found = await client.get(url, params={"external_id": "host/ä 1"}, headers=key(site))
    assert found.status_code == 200 and found.json()["id"] == sent.json()["id"]
    missing = await client.get(url, params={"external_id": "nope"}, headers=key(site))
    assert missing.status_code == 404
    stranger = await client.get(url, params={"external_id": "host/ä 1"}, headers=key(other_site))
    assert stranger.status_code == 404
    assert (await client.get(url, headers=key(site))).status_code == 400


async def test_deleting_removes_from_widgets_audits_and_tells(
    client: httpx.AsyncClient, host: Host, site: Created, worker: Worker
) -> None:
    """A deleted comment leaves the thread's widget, is audited, emits comment.deleted, and
    a second delete changes nothing."""
    sent = (await host.post(comment("Programnya bagus"))).json()["id"]
    await worker.run_once()
    widget = f"/v1/sites/{site.id}/threads/{THREAD}/comments"
    assert len((await client.get(widget)).json()["comments"]) == 1
    gone = await client.delete(f"/v1/sites/{site.id}/comments/{sent}", headers=key(site))
    assert gone.status_code == 204
    assert (await client.get(widget)).json()["comments"] == []
    record = (await client.get(f"/v1/sites/{site.id}/comments/{sent}", headers=key(site))).json()
    assert record["status"] == "deleted"
    again = await client.delete(f"/v1/sites/{site.id}/comments/{sent}", headers=key(site))
    assert again.status_code == 204
    feed = (await client.get(f"/v1/sites/{site.id}/events", headers=key(site))).json()
    assert [e["type"] for e in feed["events"]] == ["comment.approved", "comment.deleted"]


async def test_a_queued_comment_deleted_is_never_published(
    client: httpx.AsyncClient, host: Host, site: Created, worker: Worker, redis: aioredis.Redis
) -> None:
    """Deleted before the worker reached it, a comment's queue entry is acknowledged and it
    is never published."""
    sent = (await host.post(comment("Programnya bagus"))).json()["id"]
    gone = await client.delete(f"/v1/sites/{site.id}/comments/{sent}", headers=key(site))
    assert gone.status_code == 204
    await worker.run_once()
    widget = f"/v1/sites/{site.id}/threads/{THREAD}/comments"
    assert (await client.get(widget)).json()["comments"] == []
    assert await worker.run_once() == 0  # nothing left pending


async def test_deleting_another_sites_comment_is_404(
    client: httpx.AsyncClient, host: Host, site: Created, other_site: Created
) -> None:
    """Another site's API key cannot delete this site's comment, nor learn it exists."""
    sent = (await host.post(comment("Programnya bagus"))).json()["id"]
    answer = await client.delete(f"/v1/sites/{site.id}/comments/{sent}", headers=key(other_site))
    assert answer.status_code == 404
    answer = await client.delete(f"/v1/sites/other/comments/{sent}", headers=key(other_site))
    assert answer.status_code == 404


async def test_a_closed_thread_refuses_comments_but_keeps_serving(
    client: httpx.AsyncClient, host: Host, site: Created, worker: Worker
) -> None:
    """After ``{"closed": true}`` intake answers 409 for the thread while its widget still
    shows what it had; ``{"closed": false}`` opens it again."""
    await host.post(comment("Programnya bagus"))
    await worker.run_once()
    url = f"/v1/sites/{site.id}/threads/{THREAD}"
    closed = await client.post(url, json={"closed": True}, headers=key(site))
    assert closed.json() == {"thread": THREAD, "closed": True}
    refused = await host.post(comment("Telat"))
    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    widget = await client.get(f"{url}/comments")
    assert len(widget.json()["comments"]) == 1
    assert (await host.post(comment("Lain", thread="other-thread"))).status_code == 202
    await client.post(url, json={"closed": False}, headers=key(site))
    assert (await host.post(comment("Sekarang bisa"))).status_code == 202
