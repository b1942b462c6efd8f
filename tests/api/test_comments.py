"""The host's authenticated read: its own comments only."""

from __future__ import annotations

import httpx
import pytest

from moderation.store.sites import Created
from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio


async def test_full_record_with_the_sites_key(host: Host, worker: Worker) -> None:
    """The site's API key reads status, reasons and private fields of its comment."""
    payload = comment("Mantap", ip="203.0.113.9")
    comment_id = (await host.post(payload)).json()["id"]
    await worker.run_once()
    response = await host.client.get(
        f"/v1/sites/kediri/comments/{comment_id}",
        headers={"authorization": f"Bearer {host.site.api_key}"},
    )
    record = response.json()
    assert record["status"] == "approved"
    assert record["ip"] == "203.0.113.9"
    assert record["decision"]["reasons"] == []
    assert response.headers["cache-control"] == "no-store"


async def test_missing_or_wrong_key_is_401(host: Host) -> None:
    """No key, or a key of no site, is a 401 with a Bearer challenge."""
    comment_id = (await host.post(comment("x"))).json()["id"]
    for headers in ({}, {"authorization": "Bearer mk_wrong"}, {"authorization": "Basic abc"}):
        response = await host.client.get(f"/v1/sites/kediri/comments/{comment_id}", headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")


async def test_another_sites_key_sees_nothing(host: Host, other_site: Created) -> None:
    """A valid key of another site gets 404 for this site's comments, as if they did not exist."""
    comment_id = (await host.post(comment("x"))).json()["id"]
    response = await host.client.get(
        f"/v1/sites/kediri/comments/{comment_id}",
        headers={"authorization": f"Bearer {other_site.api_key}"},
    )
    assert response.status_code == 404


async def test_own_key_cannot_read_another_sites_comment_id(
    host: Host, other_site: Created, client: httpx.AsyncClient
) -> None:
    """Asking under one's own site for another site's comment id is a 404."""
    comment_id = (await host.post(comment("x"))).json()["id"]
    response = await client.get(
        f"/v1/sites/other/comments/{comment_id}",
        headers={"authorization": f"Bearer {other_site.api_key}"},
    )
    assert response.status_code == 404
