"""Thread, count and /recent agree whatever happens to a parent: a reply whose parent readers
may not see (held, rejected, hidden by reports, deleted) sits under a ``removed`` placeholder."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.settings import Settings
from moderation.store.sites import Created, Sites
from tests.api.review.conftest import Headers, Post, decide, set_policy

pytestmark = pytest.mark.anyio
THREAD = "/v1/sites/kediri/threads/ptsl-2024-11/comments"


def walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [n for node in nodes for n in [node, *walk(node["replies"])]]


async def agreed(client: httpx.AsyncClient) -> dict[str, Any]:
    """The thread, after checking its count, its published nodes and /recent name the same set."""
    thread = (await client.get(THREAD)).json()
    shown = {n["id"] for n in walk(thread["comments"]) if not n["removed"]}
    recent = (await client.get("/v1/sites/kediri/recent", params={"limit": 100})).json()
    assert thread["count"] == len(shown)
    assert {c["id"] for c in recent["comments"]} == shown
    return dict(thread)


Act = Callable[..., Awaitable[None]]


@pytest.fixture
def act(
    client: httpx.AsyncClient, moderator: Headers, redis: aioredis.Redis, settings: Settings
) -> Act:
    """A moderator's decision on a comment's current version (read from its record)."""

    async def decide_now(comment_id: str, **body: str) -> None:
        keys = Sites(redis, settings).keys_for("kediri")
        version = await redis.hget(keys.comment(comment_id), "v")
        answer = await decide(client, moderator, comment_id, int(version or 0), **body)
        assert answer.status_code == 200, answer.text

    return decide_now


async def approve(act: Act, *ids: str) -> None:
    for comment_id in ids:
        await act(comment_id, action="approve")


async def pair(act: Act, post: Post) -> tuple[str, str]:
    """A published parent with a published reply."""
    [parent] = await post("Kapan pendaftaran PTSL dibuka?")
    [reply] = await post("Bulan depan di kantor desa", parent_id=parent)
    await approve(act, parent, reply)
    return parent, reply


def placeholder_with(thread: dict[str, Any], parent: str, reply: str) -> None:
    (top,) = thread["comments"]
    assert top == {**top, "id": parent, "removed": True, "author": None, "body": ""}
    assert [r["id"] for r in top["replies"]] == [reply]
    assert top["replies"][0]["author"]["name"].startswith("Pembaca")


async def test_reply_to_a_held_parent_shows_under_a_placeholder(
    client: httpx.AsyncClient, act: Act, premoderated: None, post: Post
) -> None:
    """An approved reply of a still-held parent is counted, in /recent and in the tree."""
    [parent] = await post("Kapan pendaftaran PTSL dibuka?")
    [reply] = await post("Bulan depan di kantor desa", parent_id=parent)
    await approve(act, reply)
    placeholder_with(await agreed(client), parent, reply)


async def test_rejecting_a_parent_leaves_its_replies_under_a_placeholder(
    client: httpx.AsyncClient, act: Act, premoderated: None, post: Post
) -> None:
    """Rejecting a published parent hides its text and author but keeps its replies."""
    parent, reply = await pair(act, post)
    await act(parent, action="reject", reason="abuse")
    placeholder_with(await agreed(client), parent, reply)


async def test_a_parent_hidden_by_reports_leaves_a_placeholder(
    client: httpx.AsyncClient,
    act: Act,
    premoderated: None,
    post: Post,
    redis: aioredis.Redis,
    settings: Settings,
) -> None:
    """A parent that readers' reports hide becomes a placeholder over its replies."""
    parent, reply = await pair(act, post)
    await set_policy(redis, settings, "kediri", report_hide=1)
    reported = await client.post(
        f"/v1/sites/kediri/comments/{parent}/reports", json={"reason": "abuse"}
    )
    assert reported.status_code == 202
    placeholder_with(await agreed(client), parent, reply)


async def test_a_deleted_parent_leaves_a_top_level_placeholder(
    client: httpx.AsyncClient,
    act: Act,
    premoderated: None,
    post: Post,
    redis: aioredis.Redis,
    settings: Settings,
    site: Created,
) -> None:
    """A parent whose record is gone (deleted) still groups its replies under a placeholder."""
    parent, reply = await pair(act, post)
    [grandchild] = await post("Terima kasih infonya", parent_id=reply)
    await approve(act, grandchild)
    await act(parent, action="reject", reason="abuse")
    await redis.delete(Sites(redis, settings).keys_for(site.id).comment(parent))
    thread = await agreed(client)
    placeholder_with(thread, parent, reply)
    assert thread["comments"][0]["parent_id"] is None
    assert thread["comments"][0]["replies"][0]["replies"][0]["id"] == grandchild


async def test_a_placeholder_becomes_the_comment_once_approved(
    client: httpx.AsyncClient, act: Act, premoderated: None, post: Post
) -> None:
    """Approving the held parent later puts its own text back over the same replies."""
    [parent] = await post("Kapan pendaftaran PTSL dibuka?")
    [reply] = await post("Bulan depan di kantor desa", parent_id=parent)
    await approve(act, reply, parent)
    (top,) = (await agreed(client))["comments"]
    assert not top["removed"] and top["body"] == "Kapan pendaftaran PTSL dibuka?"
    assert [r["id"] for r in top["replies"]] == [reply]


async def test_placeholders_of_held_replies_sit_at_their_depth(
    client: httpx.AsyncClient, act: Act, premoderated: None, post: Post
) -> None:
    """A reply under a held reply shows under a placeholder inside the published top comment."""
    [top_id] = await post("Programnya bagus")
    [middle] = await post("Setuju", parent_id=top_id)
    [leaf] = await post("Saya juga", parent_id=middle)
    await approve(act, top_id, leaf)
    (top,) = (await agreed(client))["comments"]
    (hidden,) = top["replies"]
    assert hidden["id"] == middle and hidden["removed"]
    assert [r["id"] for r in hidden["replies"]] == [leaf]


async def test_replies_are_paged_with_a_count_and_a_parent_query(
    client: httpx.AsyncClient, act: Act, premoderated: None, post: Post
) -> None:
    """Each comment shows its first replies and their total; ``parent`` pages the rest."""
    [parent] = await post("Info PTSL")
    replies = await post(*(f"balasan nomor {n}" for n in range(5)), parent_id=parent)
    await approve(act, parent, *replies)
    (top,) = (await client.get(THREAD, params={"replies": 2})).json()["comments"]
    assert top["reply_count"] == 5 and [r["id"] for r in top["replies"]] == replies[:2]
    seen, cursor = [r["id"] for r in top["replies"]], seen_cursor(top)
    while cursor:
        params: dict[str, str | int] = {"parent": parent, "limit": 2, "cursor": cursor}
        page = (await client.get(THREAD, params=params)).json()
        seen += [c["id"] for c in page["comments"]]
        cursor = page["next_cursor"]
    assert seen == replies


def seen_cursor(node: dict[str, Any]) -> str | None:
    return str(node["replies"][-1]["id"]) if node["reply_count"] > len(node["replies"]) else None


async def test_top_sort_puts_the_most_replied_first(
    client: httpx.AsyncClient, act: Act, premoderated: None, post: Post
) -> None:
    """``sort=top`` orders top-level comments by published replies in their subtree."""
    quiet, busy = await post("Sepi", "Ramai")
    replies = await post("satu", "dua", parent_id=busy)
    await approve(act, quiet, busy, *replies)
    page = (await client.get(THREAD, params={"sort": "top"})).json()
    assert [c["id"] for c in page["comments"]] == [busy, quiet]
