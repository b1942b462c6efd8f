"""No input reaches a 5xx: each input fuzzing found (issue 8, item 6) gets a 4xx problem.

Intake, the widget, reports and the headers of any request; the moderators' endpoints are in
``review/test_hardening.py``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import httpx
import pytest

from moderation import signing
from moderation.api.middleware import MAX_HEADER_BYTES
from moderation.store import reports
from moderation.store.sites import Created
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio

SITE = "/v1/sites/kediri"
JSON = {"content-type": "application/json"}


def assert_problem(response: httpx.Response, *statuses: int) -> None:
    assert response.status_code in statuses, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == response.status_code


@pytest.fixture
async def comment_id(host: Host) -> str:
    """A comment that exists (queued), so a refusal is about the input, not a missing id."""
    response = await host.post(comment("Programnya bagus sekali untuk warga desa kami"))
    assert response.status_code == 202, response.text
    comment_id: str = response.json()["id"]
    return comment_id


# --- webhook-timestamp -----------------------------------------------------------------------


async def test_401_digit_timestamp_is_401_without_a_traceback(
    host: Host, caplog: pytest.LogCaptureFixture
) -> None:
    """A 401-digit webhook-timestamp is a 401 problem, and nothing is logged as an error."""
    with caplog.at_level(logging.INFO):
        response = await host.post(
            comment("x"), headers={"webhook-timestamp": "9" * 401}, message_id="msg_long"
        )
    assert_problem(response, 401)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


# Spellings ``int()`` reads as the signed number although they are not the digits signed.
SPELLINGS: dict[str, Callable[[str], str]] = {
    "plus": lambda digits: f"+{digits}",
    "leading-zero": lambda digits: f"0{digits}",
    "space": lambda digits: f" {digits}",
    "underscore": lambda digits: f"{digits[:4]}_{digits[4:]}",
}


@pytest.mark.parametrize("spelling", SPELLINGS)
async def test_timestamp_must_be_the_digits_that_were_signed(host: Host, spelling: str) -> None:
    """A timestamp spelled other than as the plain digits is 401, even with a signature that
    is right for the number it denotes."""
    now = int(time.time())
    stamp = SPELLINGS[spelling](str(now))
    body = b'{"thread": {"id": "t", "url": "https://kedirikab.go.id/t"}, "body": "x"}'
    key = signing.secret_key(host.site.secret)
    headers = {
        **JSON,
        "webhook-id": "msg_spelled",
        "webhook-timestamp": stamp,
        "webhook-signature": signing.sign(key, "msg_spelled", now, body),
    }
    response = await host.client.post(f"{SITE}/comments", content=body, headers=headers)
    assert_problem(response, 401)


# --- query strings ---------------------------------------------------------------------------

HUGE = "9" * 5_000
VALUES = {"superscript-two": "²", "5000-digits": HUGE, "5000-digit-stream-id": f"{HUGE}-0"}


def queries(names: dict[str, tuple[str, ...]]) -> list[tuple[str, str, str]]:
    """(path, parameter, value name) for each bad value of each parameter of each path."""
    return [
        (path, name, value)
        for path, names_of_path in names.items()
        for name in names_of_path
        for value in VALUES
        if value != "5000-digit-stream-id" or (path, name) == ("/audit", "cursor")
    ]


@pytest.mark.parametrize(
    ("path", "name", "value"),
    queries({"/threads/ptsl-2024-11/comments": ("limit", "cursor"), "/recent": ("limit",)}),
)
async def test_non_ascii_or_huge_limit_and_cursor_are_400(
    client: httpx.AsyncClient, site: Created, path: str, name: str, value: str
) -> None:
    """A superscript-two limit, or a 5,000-digit limit or cursor, is a 400 problem."""
    response = await client.get(f"{SITE}{path}", params={name: VALUES[value]})
    assert_problem(response, 400)


# --- JSON nested 1,000 deep ------------------------------------------------------------------

DEPTH = 1_000
NESTINGS = ("array", "object", "field")


def nested(nesting: str, field: str) -> bytes:
    """JSON nested ``DEPTH`` deep: arrays, objects, or arrays in the endpoint's own ``field``
    (so a typed decode reaches the nesting too)."""
    arrays = b"[" * DEPTH + b"]" * DEPTH
    if nesting == "array":
        return arrays
    if nesting == "object":
        return b'{"a":' * DEPTH + b"null" + b"}" * DEPTH
    return b'{"%s": %s}' % (field.encode(), arrays)


@pytest.mark.parametrize("nesting", NESTINGS)
async def test_json_nested_1000_deep_is_400_or_422_on_intake(host: Host, nesting: str) -> None:
    """A signed body nested 1,000 deep is a 400 or 422 problem."""
    assert_problem(await host.post(nested(nesting, "thread")), 400, 422)


@pytest.mark.parametrize("nesting", NESTINGS)
async def test_json_nested_1000_deep_is_4xx_on_reports(
    client: httpx.AsyncClient, comment_id: str, nesting: str
) -> None:
    """A report nested 1,000 deep is a 400 or 422 problem, or 413 when over the body limit."""
    body = nested(nesting, "reason")
    response = await client.post(
        f"{SITE}/comments/{comment_id}/reports", content=body, headers=JSON
    )
    assert_problem(response, *((413,) if len(body) > reports.MAX_BODY else (400, 422)))


# --- bodies of the right JSON but the wrong shape --------------------------------------------


async def test_created_at_that_overflows_in_utc_is_422(host: Host) -> None:
    """A created_at that cannot be converted to UTC is a 422 naming created_at."""
    response = await host.post(comment("x", created_at="9999-12-31T23:59:59-23:59"))
    assert_problem(response, 422)
    assert [e["field"] for e in response.json()["errors"]] == ["created_at"]


@pytest.mark.parametrize("created_at", [{}, [], 5, True], ids=["object", "array", "int", "bool"])
async def test_created_at_that_is_not_a_string_is_422(host: Host, created_at: object) -> None:
    """A created_at of another JSON type is a 422 naming created_at (found by fuzzing)."""
    response = await host.post(comment("x", created_at=created_at))
    assert_problem(response, 422)
    assert [e["field"] for e in response.json()["errors"]] == ["created_at"]


@pytest.mark.parametrize("body", [b"0:", b'{"body": "x"} {}', b"[] x"])
async def test_json_followed_by_anything_is_400(host: Host, body: bytes) -> None:
    """A signed body of JSON followed by more bytes is a 400, not JSON (found by fuzzing)."""
    assert_problem(await host.post(body), 400)


# --- ids and cursors with a trailing newline -------------------------------------------------


async def test_comment_id_with_a_trailing_newline_is_404(
    client: httpx.AsyncClient, site: Created, comment_id: str
) -> None:
    """A comment's id followed by a newline names no comment."""
    response = await client.get(
        f"{SITE}/comments/{comment_id}%0A", headers={"authorization": f"Bearer {site.api_key}"}
    )
    assert_problem(response, 404)


async def test_report_on_an_id_with_a_trailing_newline_is_404(
    client: httpx.AsyncClient, comment_id: str
) -> None:
    """A reader's report on a comment's id followed by a newline is a 404."""
    response = await client.post(
        f"{SITE}/comments/{comment_id}%0A/reports", json={"reason": "spam"}
    )
    assert_problem(response, 404)


@pytest.mark.parametrize("path", [f"{SITE}/threads/ptsl%0A/comments", "/v1/sites/kediri%0A/recent"])
async def test_thread_or_site_id_with_a_trailing_newline_is_404(
    client: httpx.AsyncClient, site: Created, path: str
) -> None:
    """A thread or site id followed by a newline names nothing."""
    assert_problem(await client.get(path), 404)


async def test_thread_cursor_with_a_trailing_newline_is_400(
    client: httpx.AsyncClient, comment_id: str
) -> None:
    """A comment id as the thread cursor, followed by a newline, is a 400."""
    response = await client.get(
        f"{SITE}/threads/ptsl-2024-11/comments", params={"cursor": f"{comment_id}\n"}
    )
    assert_problem(response, 400)


# --- headers ---------------------------------------------------------------------------------


def padding(total: int) -> dict[str, str]:
    """Headers whose lines (``name: value\\r\\n``) add up to about ``total`` bytes."""
    return {f"x-pad-{n}": "a" * 1_000 for n in range(total // 1_012)}


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/healthz"), ("GET", "/nowhere"), ("POST", f"{SITE}/comments")],
)
async def test_headers_over_16_kib_are_431_before_anything_else(
    client: httpx.AsyncClient, site: Created, method: str, path: str
) -> None:
    """Over 16 KiB of request headers is a 431 problem, ahead of routing, auth and the body."""
    response = await client.request(method, path, headers=padding(MAX_HEADER_BYTES + 1_500))
    assert_problem(response, 431)


async def test_one_header_over_16_kib_is_431(client: httpx.AsyncClient) -> None:
    """A single header longer than 16 KiB is refused like many small ones."""
    response = await client.get("/healthz", headers={"cookie": "a" * (MAX_HEADER_BYTES + 1)})
    assert_problem(response, 431)


async def test_headers_under_16_kib_are_served(client: httpx.AsyncClient) -> None:
    """Requests with large but allowed headers are served as usual."""
    response = await client.get("/healthz", headers=padding(MAX_HEADER_BYTES - 2_000))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path", ["/healthz", "/openapi.json", f"{SITE}/recent", "/v1/sites/nowhere/recent"]
)
async def test_json_answers_say_nosniff(
    client: httpx.AsyncClient, site: Created, path: str
) -> None:
    """JSON and problem+json answers carry ``X-Content-Type-Options: nosniff``."""
    response = await client.get(path)
    assert response.headers["content-type"].startswith(("application/json", "application/problem"))
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_accepted_comment_and_refusals_say_nosniff(host: Host) -> None:
    """A 202 from intake and a 431 refusal both carry nosniff."""
    accepted = await host.post(comment("Semoga sertifikat tanah cepat selesai"))
    refused = await host.client.get("/healthz", headers=padding(MAX_HEADER_BYTES + 1_500))
    assert accepted.status_code == 202
    assert accepted.headers["x-content-type-options"] == "nosniff"
    assert refused.headers["x-content-type-options"] == "nosniff"
