"""Widget JSON: approved comments only, replies nested, cursors, ETag/304, CORS, no private data."""

from __future__ import annotations

import httpx
import pytest

from moderation.store.threads import excerpt
from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio
THREAD = "/v1/sites/kediri/threads/ptsl-2024-11/comments"


async def post(host: Host, body: str, **extra: str) -> str:
    response = await host.post(comment(body, **extra))
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


async def test_replies_are_nested_under_their_parent(
    host: Host, worker: Worker, client: httpx.AsyncClient
) -> None:
    """A reply appears inside its parent's ``replies``, not at the top level."""
    parent = await post(host, "Pertanyaan: kapan pendaftaran dibuka?")
    await worker.run_once()
    reply = await post(host, "Bulan depan, cek kantor desa", parent_id=parent, author="Nash")
    await post(host, "Balasan kedua", parent_id=reply)
    await worker.run_once()
    thread = (await client.get(THREAD)).json()
    assert thread["count"] == 3
    (top,) = thread["comments"]
    assert top["id"] == parent
    assert top["replies"][0]["id"] == reply
    assert top["replies"][0]["parent_id"] == parent
    assert top["replies"][0]["replies"][0]["body"] == "Balasan kedua"


async def test_cursor_pages_through_top_level_comments(
    host: Host, worker: Worker, client: httpx.AsyncClient
) -> None:
    """Pages follow each other without gaps or repeats, in both sort orders."""
    ids = [await post(host, f"komentar {n}") for n in range(5)]
    await worker.run_once()
    for sort, expected in (("oldest", ids), ("newest", ids[::-1])):
        seen, cursor = [], None
        while True:
            params = {"limit": "2", "sort": sort, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(THREAD, params=params)).json()
            seen += [c["id"] for c in page["comments"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == expected


async def test_etag_gives_304_until_the_thread_changes(
    host: Host, worker: Worker, client: httpx.AsyncClient
) -> None:
    """A matching If-None-Match is a 304; an approval changes the validator."""
    await post(host, "pertama")
    await worker.run_once()
    first = await client.get(THREAD)
    etag = first.headers["etag"]
    assert "max-age" in first.headers["cache-control"]
    again = await client.get(THREAD, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    await post(host, "kedua")
    await worker.run_once()
    changed = await client.get(THREAD, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert len(changed.json()["comments"]) == 2


async def test_cors_allows_only_the_sites_origins(host: Host, client: httpx.AsyncClient) -> None:
    """The site's origins get Access-Control-Allow-Origin; others do not."""
    allowed = await client.get(THREAD, headers={"origin": "https://kedirikab.go.id"})
    assert allowed.headers["access-control-allow-origin"] == "https://kedirikab.go.id"
    assert allowed.headers["vary"] == "Origin"
    other = await client.get(THREAD, headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


async def test_preflight_answers_for_allowed_origins(host: Host, client: httpx.AsyncClient) -> None:
    """An OPTIONS preflight from an allowed origin lists the methods."""
    response = await client.options(
        THREAD,
        headers={"origin": "https://kedirikab.go.id", "access-control-request-method": "GET"},
    )
    assert response.status_code == 204
    assert "GET" in response.headers["access-control-allow-methods"]


async def test_private_fields_never_reach_readers(
    host: Host, worker: Worker, client: httpx.AsyncClient
) -> None:
    """Email, IP and user agent stay out of every public widget."""
    payload = comment("Info yang bermanfaat", ip="203.0.113.9", user_agent="Mozilla/5.0 secret-ua")
    payload["author"] = {"name": "Jojo", "email": "jojo@example.com", "id": "u-17"}
    assert (await host.post(payload)).status_code == 202
    await worker.run_once()
    for path in (THREAD, "/v1/sites/kediri/recent", "/v1/sites/kediri/counts?thread=ptsl-2024-11"):
        text = (await client.get(path)).text
        for secret in ("jojo@example.com", "203.0.113.9", "secret-ua", "u-17"):
            assert secret not in text


async def test_bodies_are_plain_text(host: Host, worker: Worker, client: httpx.AsyncClient) -> None:
    """Markup in a comment is returned as the same characters, in JSON, never as HTML."""
    body = "<b>bold</b> <script>alert(1)</script> & co"
    await post(host, body)
    await worker.run_once()
    response = await client.get(THREAD)
    assert response.headers["content-type"] == "application/json"
    assert response.json()["comments"][0]["body"] == body


async def test_recent_lists_newest_first_with_thread(
    host: Host, worker: Worker, client: httpx.AsyncClient
) -> None:
    """The sidebar lists the latest approved comments with their thread's title and URL."""
    await post(host, "lama", thread="a")
    await post(host, "baru", thread="b")
    await worker.run_once()
    recent = (await client.get("/v1/sites/kediri/recent", params={"limit": "1"})).json()
    (only,) = recent["comments"]
    assert only["excerpt"] == "baru"
    assert only["thread"]["id"] == "b"
    assert only["thread"]["url"].endswith("/b")


def test_excerpt_cuts_at_a_word_boundary() -> None:
    """A long body is cut before the word that crosses the limit, with an ellipsis."""
    body = "Sangat bagus program dari negara terkait sertifikat tanah"
    assert excerpt(body, 30) == "Sangat bagus program dari…"
    assert excerpt("pendek", 30) == "pendek"


async def test_counts_per_thread(host: Host, worker: Worker, client: httpx.AsyncClient) -> None:
    """Counts report approved comments per thread, zero for unknown threads."""
    await post(host, "satu", thread="a")
    await post(host, "dua", thread="a")
    await worker.run_once()
    counts = (await client.get("/v1/sites/kediri/counts?thread=a&thread=b")).json()
    assert counts == {"counts": {"a": 2, "b": 0}}


@pytest.mark.parametrize(
    "path",
    [
        THREAD + "?sort=sideways",
        THREAD + "?limit=0",
        THREAD + "?limit=abc",
        THREAD + "?cursor=not-a-cursor",
        "/v1/sites/kediri/recent?limit=1000",
        "/v1/sites/kediri/counts",
    ],
)
async def test_bad_query_parameters_are_400(
    host: Host, client: httpx.AsyncClient, path: str
) -> None:
    """Malformed widget parameters get a 400 problem."""
    response = await client.get(path)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


async def test_unknown_site_widget_is_404(client: httpx.AsyncClient) -> None:
    """Widgets of a site that does not exist are a 404 problem."""
    response = await client.get("/v1/sites/nowhere/recent")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_each_query_string_keeps_its_own_answer(
    host: Host, worker: Worker, client: httpx.AsyncClient
) -> None:
    """Query strings parsed once per process still answer each their own page, and a bad one
    read after good ones is still refused."""
    for n in range(3):
        await post(host, f"Komentar nomor {n}")
    await worker.run_once()
    one = (await client.get(THREAD, params={"limit": 1})).json()
    two = (await client.get(THREAD, params={"limit": 2})).json()
    again = (await client.get(THREAD, params={"limit": 1})).json()
    assert [len(one["comments"]), len(two["comments"]), len(again["comments"])] == [1, 2, 1]
    assert (await client.get(THREAD, params={"limit": 0})).status_code == 400
