"""Queue search: ``q=`` over the stored body and a date range, server-side."""

from __future__ import annotations

import httpx
import pytest

from moderation import clock
from tests.api.review.conftest import BODIES, Headers, Post, decide, queue

pytestmark = pytest.mark.anyio


async def test_q_finds_a_substring_of_the_body_in_any_case(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """q= keeps only the comments whose body contains it, ignoring case."""
    ids = await post(*BODIES[:4])
    page = await queue(client, moderator, q="SERTIFIKAT")
    assert [i["id"] for i in page["items"]] == [ids[1]]


async def test_a_date_range_keeps_comments_received_within_it(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """since= and before= bound the time a comment was received."""
    [old] = await post(BODIES[0])
    middle = clock.rfc3339(clock.now())
    [new] = await post(BODIES[1])
    assert [i["id"] for i in (await queue(client, moderator, since=middle))["items"]] == [new]
    assert [i["id"] for i in (await queue(client, moderator, before=middle))["items"]] == [old]


async def test_an_overlong_search_is_400(client: httpx.AsyncClient, moderator: Headers) -> None:
    """A search longer than 200 characters is refused, so a scan stays bounded."""
    response = await client.get(
        "/v1/sites/kediri/review", params={"q": "x" * 201}, headers=moderator
    )
    assert response.status_code == 400


async def test_the_all_queue_merges_every_status_in_time_order(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """queue=all lists held, approved and rejected comments together, oldest first, in pages."""
    ids = await post(*BODIES[:3])
    assert (await decide(client, moderator, ids[0], 2, action="approve")).status_code == 200
    assert (await decide(client, moderator, ids[2], 2, action="reject")).status_code == 200
    first = await queue(client, moderator, queue="all", limit=2)
    assert [i["id"] for i in first["items"]] == ids[:2] and first["counts"]["all"] == 3
    rest = await queue(client, moderator, queue="all", limit=2, cursor=first["next_cursor"])
    assert [i["id"] for i in rest["items"]] == ids[2:] and rest["next_cursor"] is None
    found = await queue(client, moderator, queue="all", q="terima kasih")
    assert [i["id"] for i in found["items"]] == [ids[2]]


async def test_a_search_with_quotes_still_finds_the_body(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """A q= with a quote mark (escaped in the stored JSON) matches the text as written."""
    ids = await post('Katanya "gratis ongkir" untuk warga', BODIES[0])
    page = await queue(client, moderator, q='"GRATIS ONGKIR"')
    assert [i["id"] for i in page["items"]] == ids[:1]


async def test_a_search_matching_only_the_author_name_finds_nothing(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """The record's other fields may pass the quick check, but only the body counts."""
    await post(BODIES[0])
    assert (await queue(client, moderator, q="Pembaca 0"))["items"] == []
