"""Bulk decisions during a wave: a dry run first, then only what the preview saw."""

from __future__ import annotations

import httpx
import pytest

from moderation import clock
from tests.api.review.conftest import BODIES, Headers, Post, decide, queue

pytestmark = pytest.mark.anyio
BULK = "/v1/sites/kediri/review/bulk"


async def test_an_empty_filter_is_422(client: httpx.AsyncClient, moderator: Headers) -> None:
    """A filter that names nothing would mean the whole held queue: it is refused."""
    body = {"action": "reject", "filter": {}}
    response = await client.post(BULK, json=body, headers=moderator)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["filter"]


async def test_dry_run_counts_and_lists_but_changes_nothing(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """A dry run answers how many and which comments would change, and leaves them held."""
    ids = await post("Promo slot gacor di sini", "Promo slot gacor lagi", BODIES[0])
    body = {"action": "reject", "filter": {"q": "SLOT GACOR"}, "dry_run": True}
    answer = (await client.post(BULK, json=body, headers=moderator)).json()
    assert answer["dry_run"] is True and answer["changed"] == 2
    assert [r["id"] for r in answer["results"]] == ids[:2]
    assert {r["outcome"] for r in answer["results"]} == {"would_change"}
    assert (await queue(client, moderator))["counts"]["held"] == 3


async def test_previewed_versions_skip_what_changed_since(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """With the preview's versions, a comment decided meanwhile is skipped and reported."""
    first, second = await post(BODIES[0], BODIES[1])
    preview = {"action": "reject", "ids": [first, second], "dry_run": True}
    seen = (await client.post(BULK, json=preview, headers=moderator)).json()["results"]
    assert (await decide(client, moderator, second, 2, action="approve")).status_code == 200
    body = {
        "action": "reject",
        "ids": [first, second],
        "versions": {r["id"]: r["version"] for r in seen},
    }
    answer = (await client.post(BULK, json=body, headers=moderator)).json()
    assert [r["outcome"] for r in answer["results"]] == ["ok", "skipped"]
    assert answer["changed"] == 1 and answer["skipped"] == 1
    assert (await queue(client, moderator, queue="approved"))["items"][0]["id"] == second


async def test_a_snapshot_time_skips_comments_that_arrived_after_it(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """A filter bulk with as_of leaves comments received after the preview held."""
    [early] = await post("Promo slot gacor pertama")
    as_of = clock.rfc3339(clock.now())
    [late] = await post("Promo slot gacor kedua")
    body = {"action": "reject", "filter": {"q": "slot gacor"}, "as_of": as_of}
    answer = (await client.post(BULK, json=body, headers=moderator)).json()
    outcomes = {r["id"]: r["outcome"] for r in answer["results"]}
    assert outcomes == {early: "ok", late: "skipped"}
    assert [i["id"] for i in (await queue(client, moderator))["items"]] == [late]
