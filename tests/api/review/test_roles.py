"""The role matrix for authors: moderators premoderate and ban up to 7 days; the rest is admin."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from moderation import clock
from tests.api.review.conftest import BODIES, Headers, Post, queue

pytestmark = pytest.mark.anyio
AUTHOR = "/v1/sites/kediri/authors/host-42"
THREAD = "/v1/sites/kediri/threads/ptsl-2024-11/comments"


def days(n: float) -> str:
    return clock.rfc3339(clock.now() + dt.timedelta(days=n))


async def stand(client: httpx.AsyncClient, headers: Headers, **body: Any) -> httpx.Response:
    return await client.post(AUTHOR, json=body, headers=headers)


async def test_a_moderator_may_ban_for_a_week_and_premoderate(
    client: httpx.AsyncClient, moderator: Headers
) -> None:
    """A ban of 7 days or less and premoderation are a moderator's to set."""
    banned = await stand(client, moderator, standing="banned", until=days(6.9), note="judol")
    assert banned.status_code == 200 and banned.json()["banned"] is True
    premod = await stand(client, moderator, standing="premoderated")
    assert premod.status_code == 200 and premod.json()["standing"] == "premoderated"


@pytest.mark.parametrize(
    "body",
    [{"standing": "banned"}, {"standing": "banned", "until": days(8)}, {"standing": "trusted"}],
)
async def test_longer_bans_and_trust_need_an_admin(
    client: httpx.AsyncClient, moderator: Headers, admin: Headers, body: dict[str, Any]
) -> None:
    """A permanent or longer ban and trust are 403 for a moderator, 200 for an admin."""
    assert (await stand(client, moderator, **body)).status_code == 403
    assert (await stand(client, admin, **body)).status_code == 200


async def test_a_moderator_cannot_lift_what_an_admin_set(
    client: httpx.AsyncClient, moderator: Headers, admin: Headers
) -> None:
    """Only an admin may lift a permanent ban; a moderator may lift a short one."""
    await stand(client, admin, standing="banned")
    assert (await stand(client, moderator, standing="normal")).status_code == 403
    await stand(client, admin, standing="banned", until=days(1))
    assert (await stand(client, moderator, standing="normal")).status_code == 200


async def test_ban_and_reject_takes_down_held_and_published_comments(
    client: httpx.AsyncClient, moderator: Headers, post: Post
) -> None:
    """One call bans the author and rejects their published and held comments, no one else's."""
    first, second = await post(BODIES[0], BODIES[1], author_id="host-42")  # published
    await stand(client, moderator, standing="premoderated")
    [other] = await post(BODIES[2])
    [held] = await post(BODIES[3], author_id="host-42")
    answer = await stand(
        client, moderator, standing="banned", until=days(7), reject_comments=True, reason="spam"
    )
    assert answer.status_code == 200, answer.text
    assert {r["id"] for r in answer.json()["results"]} == {first, second, held}
    widget = (await client.get(THREAD)).json()["comments"]
    assert [c["id"] for c in widget] == [other]
    rejected = {i["id"] for i in (await queue(client, moderator, queue="rejected"))["items"]}
    assert rejected == {first, second, held}
