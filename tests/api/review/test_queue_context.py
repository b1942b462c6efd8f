"""What the console needs from the queue: a reply's parent, an ETag to poll, who won a race."""

from __future__ import annotations

import httpx
import pytest

from tests.api.review.conftest import BODIES, Headers, Post, decide, queue

pytestmark = pytest.mark.anyio
REVIEW = "/v1/sites/kediri/review"


async def test_a_reply_carries_its_parent(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """A held reply lists the comment it answers: its id, author, text and status."""
    [parent] = await post(BODIES[0])
    [reply] = await post(BODIES[1], parent_id=parent)
    items = {i["id"]: i for i in (await queue(client, moderator))["items"]}
    assert items[parent]["parent"] is None
    assert items[reply]["parent"]["id"] == parent
    assert items[reply]["parent"]["body"] == BODIES[0]
    assert items[reply]["parent"]["status"] == "held"


async def test_an_unchanged_queue_answers_304_to_its_etag(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """Polling with If-None-Match is a bodiless 304 until the queue changes."""
    await post(BODIES[0])
    first = await client.get(REVIEW, headers=moderator)
    again = await client.get(REVIEW, headers={**moderator, "if-none-match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    await post(BODIES[1])
    changed = await client.get(
        REVIEW, headers={**moderator, "if-none-match": first.headers["etag"]}
    )
    assert changed.status_code == 200 and changed.json()["counts"]["held"] == 2


async def test_a_lost_race_names_who_decided_first(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """The 409 of a decision at an old version carries the winner's name."""
    [comment_id] = await post(BODIES[0])
    assert (await decide(client, moderator, comment_id, 2, action="approve")).status_code == 200
    lost = await decide(client, moderator, comment_id, 2, action="reject")
    assert lost.status_code == 409 and lost.json()["decided_by"] == "token:mod"
