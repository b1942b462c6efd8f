"""Moderators' decisions: If-Match races, errors as problems, widgets, learner, bulk retries."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store.keys import SiteKeys
from tests.api.review.conftest import BODIES, Headers, Post, decide, queue
from tests.conftest import as_bytes

pytestmark = pytest.mark.anyio
THREAD = "/v1/sites/kediri/threads/ptsl-2024-11/comments"


async def test_two_moderators_racing_one_wins_one_gets_409(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """Two decisions at the same version: one 200, one 409 carrying the current state."""
    [comment_id] = await post(BODIES[0])
    answers = await asyncio.gather(
        decide(client, moderator, comment_id, 2, action="approve"),
        decide(client, moderator, comment_id, 2, action="reject", reason="spam"),
    )
    assert sorted(a.status_code for a in answers) == [200, 409]
    winner = next(a for a in answers if a.status_code == 200).json()
    loser = next(a for a in answers if a.status_code == 409)
    assert loser.headers["content-type"] == "application/problem+json"
    assert loser.json()["current"] == {"status": winner["status"], "version": 3}


async def test_missing_if_match_is_428_and_nothing_changes(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """A decision without If-Match is refused with 428; the comment stays held."""
    [comment_id] = await post(BODIES[0])
    response = await decide(client, moderator, comment_id, None, action="approve")
    assert response.status_code == 428
    assert (await queue(client, moderator))["counts"]["held"] == 1


async def test_malformed_json_is_400_and_schema_errors_are_422_listing_every_field(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """Bad JSON is a 400 problem; a bad body is a 422 naming action, reason, note and extras."""
    [comment_id] = await post(BODIES[0])
    url = f"/v1/sites/kediri/review/{comment_id}"
    headers = {**moderator, "if-match": "2", "content-type": "application/json"}
    assert (await client.post(url, content=b"{nope", headers=headers)).status_code == 400
    bad = {"action": "delete", "reason": "meh", "note": 7, "colour": "red"}
    response = await client.post(url, json=bad, headers=headers)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"action", "reason", "note", "colour"}


async def test_approval_reaches_the_widget_and_rejection_removes_it(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """Approving publishes at once with a new ETag; rejecting the same comment unpublishes it."""
    [comment_id] = await post(BODIES[0])
    before = await client.get(THREAD)
    assert before.json()["comments"] == []
    assert (await decide(client, moderator, comment_id, 2, action="approve")).status_code == 200
    shown = await client.get(THREAD)
    assert [c["id"] for c in shown.json()["comments"]] == [comment_id]
    assert shown.headers["etag"] != before.headers["etag"]
    rejected = await decide(client, moderator, comment_id, 3, action="reject", reason="abuse")
    assert rejected.status_code == 200
    assert (await client.get(THREAD)).json()["comments"] == []


async def test_restore_puts_a_rejected_comment_back_in_held(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """restore sends a rejected comment back to the held queue for another look."""
    [comment_id] = await post(BODIES[0])
    await decide(client, moderator, comment_id, 2, action="reject", reason="spam")
    restored = await decide(client, moderator, comment_id, 3, action="restore")
    assert restored.json() == {"id": comment_id, "status": "held", "version": 4}


async def test_human_decisions_reach_the_learner(
    client: httpx.AsyncClient,
    moderator: Headers,
    premoderated: None,
    post: Post,
    redis: aioredis.Redis,
    settings: Settings,
) -> None:
    """A rejection teaches spam and an approval teaches ham, through learning.learn."""
    spam_id, ham_id = await post(*BODIES[:2])
    await decide(client, moderator, spam_id, 2, action="reject", reason="spam")
    await decide(client, moderator, ham_id, 2, action="approve")
    keys = SiteKeys("kediri", settings.shards)
    assert await learned_label(redis, keys, spam_id) == "spam"
    assert await learned_label(redis, keys, ham_id) == "ham"


async def test_bulk_reject_answers_per_id_and_a_retry_changes_nothing(
    client: httpx.AsyncClient,
    moderator: Headers,
    premoderated: None,
    post: Post,
    redis: aioredis.Redis,
    settings: Settings,
) -> None:
    """A bulk reject says ok per id; the same request again says unchanged and adds no audit."""
    ids = await post(*BODIES[:3])
    missing = "01ARZ3NDEKTSV4RRFFQ69G5FAV"
    body = {"action": "reject", "reason": "spam", "ids": [*ids, missing]}
    first = await client.post("/v1/sites/kediri/review/bulk", json=body, headers=moderator)
    assert [r["outcome"] for r in first.json()["results"]] == ["ok", "ok", "ok", "not_found"]
    audit_length = await redis.xlen(SiteKeys("kediri", settings.shards).audit)
    again = await client.post("/v1/sites/kediri/review/bulk", json=body, headers=moderator)
    assert [r["outcome"] for r in again.json()["results"]] == [
        "unchanged",
        "unchanged",
        "unchanged",
        "not_found",
    ]
    assert [r["version"] for r in again.json()["results"][:3]] == [3, 3, 3]
    assert await redis.xlen(SiteKeys("kediri", settings.shards).audit) == audit_length
    keys = SiteKeys("kediri", settings.shards)
    assert [await learned_label(redis, keys, i) for i in ids] == ["spam"] * 3


async def test_bulk_by_queue_filter_acts_on_the_matching_items(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """A filter instead of ids approves exactly the held items of one thread."""
    [in_a] = await post(BODIES[0], thread="thread-a")
    [in_b] = await post(BODIES[1], thread="thread-b")
    body = {"action": "approve", "filter": {"queue": "held", "thread": "thread-a"}}
    response = await client.post("/v1/sites/kediri/review/bulk", json=body, headers=moderator)
    assert [(r["id"], r["outcome"]) for r in response.json()["results"]] == [(in_a, "ok")]
    assert [i["id"] for i in (await queue(client, moderator))["items"]] == [in_b]


async def test_bulk_over_500_ids_is_422(
    client: httpx.AsyncClient, moderator: Headers, site: object
) -> None:
    """More than 500 ids is refused with a 422 naming the ids field."""
    body = {"action": "approve", "ids": ["01ARZ3NDEKTSV4RRFFQ69G5FAV"] * 501}
    response = await client.post("/v1/sites/kediri/review/bulk", json=body, headers=moderator)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "ids"


async def test_oversized_decision_body_is_413(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """A decision body past max_body_bytes is refused before it is parsed."""
    [comment_id] = await post(BODIES[0])
    response = await decide(client, moderator, comment_id, 2, action="approve", note="x" * 70_000)
    assert response.status_code == 413


async def learned_label(redis: aioredis.Redis, keys: SiteKeys, comment_id: str) -> str:
    """The class a comment taught (its hash records "<label> <generation>")."""
    raw = await redis.hget(keys.comment(comment_id), "learned")
    return as_bytes(raw).decode().split()[0] if raw else ""
