"""Review queues: every queue and filter, full items, and cursors that survive decisions."""

from __future__ import annotations

import httpx
import pytest

from tests.api.review.conftest import BODIES, Headers, Post, decide, queue

pytestmark = pytest.mark.anyio


async def test_held_queue_lists_full_items_oldest_first(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """Held items come oldest first with text, author standing, findings, version and history."""
    ids = await post(*BODIES[:3])
    page = await queue(client, moderator)
    assert [item["id"] for item in page["items"]] == ids
    item = page["items"][0]
    assert item["body"] == BODIES[0]
    assert item["status"] == "held" and item["version"] == 2
    assert item["author"]["standing"]["standing"] == "normal"
    assert "policy:premoderation:all" in [f"{f['filter']}:{f['rule']}" for f in item["reasons"]]
    assert item["reports"] == {"count": 0, "reasons": {}, "items": []}
    assert [h["action"] for h in item["history"]] == ["auto"]
    assert page["counts"]["held"] == 3 and page["next_cursor"] is None


async def test_newest_sort_reverses_the_queue(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """sort=newest lists the latest comment first."""
    ids = await post(*BODIES[:3])
    page = await queue(client, moderator, sort="newest")
    assert [item["id"] for item in page["items"]] == ids[::-1]


async def test_approved_and_rejected_queues_follow_decisions(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """An approved item moves to the approved queue, a rejected one to the rejected queue."""
    first, second = await post(*BODIES[:2])
    assert (await decide(client, moderator, first, 2, action="approve")).status_code == 200
    assert (
        await decide(client, moderator, second, 2, action="reject", reason="spam")
    ).status_code == 200
    approved = await queue(client, moderator, queue="approved")
    rejected = await queue(client, moderator, queue="rejected")
    assert [i["id"] for i in approved["items"]] == [first]
    assert [i["id"] for i in rejected["items"]] == [second]
    assert rejected["counts"] | {"queued": 0} == {
        "held": 0,
        "reported": 0,
        "approved": 1,
        "rejected": 1,
        "queued": 0,
        "all": 2,
    }


async def test_thread_author_and_reason_filters(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """thread=, author= and reason= each narrow the queue to the matching items."""
    [in_a] = await post(BODIES[0], thread="thread-a")
    [in_b] = await post(BODIES[1], thread="thread-b")
    by_thread = await queue(client, moderator, thread="thread-b")
    assert [i["id"] for i in by_thread["items"]] == [in_b]
    author = by_thread["items"][0]["author"]["key"]
    by_author = await queue(client, moderator, author=author)
    assert [i["id"] for i in by_author["items"]] == [in_b]
    by_reason = await queue(client, moderator, reason="premoderation:all")
    assert [i["id"] for i in by_reason["items"]] == [in_a, in_b]
    assert (await queue(client, moderator, reason="author_banned"))["items"] == []


async def test_pages_stay_stable_while_items_are_decided(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """Deciding items on page one neither skips nor repeats items on page two."""
    ids = await post(*BODIES[:6])
    first = await queue(client, moderator, limit=2)
    assert [i["id"] for i in first["items"]] == ids[:2]
    for item in first["items"]:
        assert (
            await decide(client, moderator, item["id"], item["version"], action="approve")
        ).status_code == 200
    second = await queue(client, moderator, limit=2, cursor=first["next_cursor"])
    third = await queue(client, moderator, limit=2, cursor=second["next_cursor"])
    assert [i["id"] for i in second["items"] + third["items"]] == ids[2:]
    assert third["next_cursor"] is None


async def test_bad_query_parameters_are_all_listed(
    client: httpx.AsyncClient, moderator: Headers, site: object
) -> None:
    """Every bad query parameter is named in one 400 problem."""
    response = await client.get(
        "/v1/sites/kediri/review",
        params={"queue": "nope", "limit": "0", "sort": "up", "cursor": "x"},
        headers=moderator,
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert {e["field"] for e in response.json()["errors"]} == {"queue", "limit", "sort", "cursor"}
