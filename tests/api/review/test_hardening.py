"""No input reaches a 5xx on the moderators' endpoints (issue 8, item 6): each is a 4xx problem."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
import pytest

from tests.api.review.conftest import Headers, Post
from tests.api.test_hardening import JSON, NESTINGS, SITE, VALUES, assert_problem, nested, queries

pytestmark = pytest.mark.anyio

Send = Callable[[str, bytes], Awaitable[httpx.Response]]
# Each endpoint's own field, for JSON nested inside a field it reads.
FIELD = {"policy": "spam_hold", "decision": "action", "bulk": "filter", "author": "standing"}


@pytest.fixture
async def comment_id(post: Post) -> str:
    """A comment that exists, so a refusal is about the input, not a missing id."""
    [comment_id] = await post("Programnya bagus sekali untuk warga desa kami")
    return comment_id


@pytest.fixture
def send(client: httpx.AsyncClient, moderator: Headers, admin: Headers, comment_id: str) -> Send:
    """Send a raw JSON body to one of the moderators' JSON endpoints, with its credential."""

    async def request(endpoint: str, body: bytes) -> httpx.Response:
        method, path, headers = {
            "policy": ("PATCH", "/policy", admin),
            "decision": ("POST", f"/review/{comment_id}", {**moderator, "if-match": '"1"'}),
            "bulk": ("POST", "/review/bulk", moderator),
            "author": ("POST", "/authors/pembaca-1", admin),
        }[endpoint]
        return await client.request(
            method, f"{SITE}{path}", content=body, headers={**headers, **JSON}
        )

    return request


@pytest.mark.parametrize(
    ("path", "name", "value"),
    queries({"/review": ("limit", "cursor"), "/audit": ("limit", "cursor")}),
)
async def test_non_ascii_or_huge_limit_and_cursor_are_400(
    client: httpx.AsyncClient, moderator: Headers, path: str, name: str, value: str
) -> None:
    """A superscript-two limit, or a 5,000-digit limit or cursor, is a 400 problem."""
    response = await client.get(f"{SITE}{path}", params={name: VALUES[value]}, headers=moderator)
    assert_problem(response, 400)


@pytest.mark.parametrize("endpoint", FIELD)
@pytest.mark.parametrize("nesting", NESTINGS)
async def test_json_nested_1000_deep_is_400_or_422(send: Send, endpoint: str, nesting: str) -> None:
    """JSON nested 1,000 deep, whole or in one field, is a 400 or 422 problem."""
    assert_problem(await send(endpoint, nested(nesting, FIELD[endpoint])), 400, 422)


async def test_standing_until_that_overflows_in_utc_is_422(send: Send) -> None:
    """An author's ``until`` that cannot be converted to UTC is a 422, not stored."""
    body = b'{"standing": "banned", "until": "9999-12-31T23:59:59-23:59"}'
    assert_problem(await send("author", body), 422)


async def test_standing_until_that_is_not_a_string_is_422(send: Send) -> None:
    """An author's ``until`` of another JSON type is a 422 (found by fuzzing)."""
    assert_problem(await send("author", b'{"standing": "banned", "until": {}}'), 422)


@pytest.mark.parametrize("cursor", ["1-18446744073709551616", "18446744073709551616-0"])
async def test_audit_cursor_past_a_stream_ids_range_is_400(
    client: httpx.AsyncClient, moderator: Headers, cursor: str
) -> None:
    """A stream-id cursor with a part over 2**64 - 1 is a 400, not a store error (found by
    fuzzing: Redis refuses it)."""
    response = await client.get(f"{SITE}/audit", params={"cursor": cursor}, headers=moderator)
    assert_problem(response, 400)


@pytest.mark.parametrize(
    ("endpoint", "body"),
    [
        ("decision", b'{"action": {}}'),
        ("bulk", b'{"action": {}, "ids": ["01M8G687EF3DXTWWAZV19SPX4X"]}'),
        ("author", b'{"standing": {}}'),
    ],
    ids=["decision", "bulk", "author"],
)
async def test_object_where_a_choice_belongs_is_422(send: Send, endpoint: str, body: bytes) -> None:
    """An object given for ``action`` or ``standing`` is a 422 problem."""
    assert_problem(await send(endpoint, body), 422)


async def test_bulk_with_an_empty_filter_is_422_not_503(send: Send) -> None:
    """``{"action": "reject", "filter": {}}`` is the client's mistake: 422, not an outage."""
    response = await send("bulk", b'{"action": "reject", "filter": {}}')
    assert_problem(response, 422)
    assert "retry-after" not in response.headers


async def test_decision_on_an_id_with_a_trailing_newline_is_404(
    client: httpx.AsyncClient, moderator: Headers, comment_id: str
) -> None:
    """A decision on a comment's id followed by a newline changes nothing: 404."""
    response = await client.post(
        f"{SITE}/review/{comment_id}%0A",
        json={"action": "approve"},
        headers={**moderator, "if-match": '"1"'},
    )
    assert_problem(response, 404)


@pytest.mark.parametrize("path", ["/review", "/audit"])
async def test_cursor_with_a_trailing_newline_is_400(
    client: httpx.AsyncClient, moderator: Headers, comment_id: str, path: str
) -> None:
    """A cursor this API could have returned, followed by a newline, is a 400."""
    cursor = "1764000000000-0\n" if path == "/audit" else f"{comment_id}\n"
    response = await client.get(f"{SITE}{path}", params={"cursor": cursor}, headers=moderator)
    assert_problem(response, 400)
