"""A reader's erasure and export: no trace of their data in any key, widgets at once."""

from __future__ import annotations

import json
import os
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from moderation.models import Author
from moderation.settings import Settings
from moderation.store.sites import Created
from tests.api.review.conftest import Headers, Post, cli, decide
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio
THREAD = "/v1/sites/kediri/threads/ptsl-2024-11/comments"
NAME = "Siti Rahmawati"
EMAIL = "siti.rahma@example.id"
IP = "203.0.113.77"
AGENT = "SitiBrowser/9.1 (Linux; Kediri)"
KEY = Author(name=NAME, email=EMAIL).key
TRACES = (NAME, EMAIL, IP, AGENT)


async def by_siti(host: Host, body: str, **extra: Any) -> str:
    payload = comment(body, author=NAME, ip=IP, user_agent=AGENT, **extra)
    payload["author"]["email"] = EMAIL
    response = await host.post(payload)
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


async def everything(client: aioredis.Redis, site_id: str) -> list[bytes]:
    """Every key of the site and every value in it, whatever its type."""
    redis: Any = client  # replies are bytes (``decode_responses=False``)
    found: list[bytes] = []
    async for key in redis.scan_iter(match=f"mod:{{m*}}:s:{site_id}*", count=1000):
        found.append(key)
        kind = (await redis.type(key)).decode()
        if kind == "string":
            found.append(await redis.get(key))
        elif kind == "hash":
            found.extend(v for pair in (await redis.hgetall(key)).items() for v in pair)
        elif kind == "list":
            found.extend(await redis.lrange(key, 0, -1))
        elif kind == "set":
            found.extend(await redis.smembers(key))
        elif kind == "zset":
            found.extend(await redis.zrange(key, 0, -1))
        elif kind == "stream":
            for _, fields in await redis.xrange(key):
                found.extend(v for pair in fields.items() for v in pair)
        else:
            raise AssertionError(f"unexpected type {kind} of {key!r}")
    return found


def traces(found: list[bytes]) -> list[str]:
    blob = b"\n".join(found).lower()
    return [t for t in TRACES if t.lower().encode() in blob]


@pytest.fixture
async def siti(
    client: httpx.AsyncClient, host: Host, admin: Headers, post: Post, plain_worker: Any
) -> list[str]:
    """Siti's comments with her data in every kind of record: a report and a moderator's
    note naming her, a standing note, her email in a body; and a reply to her."""
    first = await by_siti(host, f"Program bagus, kabari saya di {EMAIL} ya")
    second = await by_siti(host, "Semoga cepat selesai tahun ini")
    await plain_worker.run_once()
    await post("Setuju sekali dengan usulan ini", parent_id=first)
    await client.post(
        f"/v1/sites/kediri/comments/{second}/reports",
        json={"reason": "other", "text": f"ini {NAME} lagi"},
    )
    await decide(client, admin, second, None, action="approve", note=f"{NAME} boleh")
    await client.post(
        f"/v1/sites/kediri/authors/{KEY}", json={"standing": "trusted", "note": NAME}, headers=admin
    )
    return [first, second]


async def erase(client: httpx.AsyncClient, admin: Headers, **params: str) -> httpx.Response:
    return await client.delete(f"/v1/sites/kediri/authors/{KEY}", params=params, headers=admin)


async def test_erasure_leaves_no_trace_in_any_key(
    client: httpx.AsyncClient, redis: aioredis.Redis, admin: Headers, siti: list[str]
) -> None:
    """After erasure no key of the site holds her email, address, user agent or name."""
    assert traces(await everything(redis, "kediri")) == list(TRACES)
    response = await erase(client, admin)
    assert response.status_code == 200, response.text
    assert response.json()["comments"] == 2
    assert traces(await everything(redis, "kediri")) == []


async def test_erasure_changes_the_widget_at_once(
    client: httpx.AsyncClient, admin: Headers, siti: list[str]
) -> None:
    """The thread widget, cached before, shows the placeholder name right after erasure."""
    before = await client.get(THREAD)
    assert NAME in before.text
    await erase(client, admin)
    after = await client.get(THREAD, headers={"if-none-match": before.headers["etag"]})
    assert after.status_code == 200
    authors = [c["author"]["name"] for c in after.json()["comments"]]
    assert NAME not in after.text and authors.count("Pembaca") == 2


async def test_erasure_is_recorded_once_and_is_idempotent(
    client: httpx.AsyncClient, admin: Headers, siti: list[str]
) -> None:
    """A second erasure changes nothing, and the audit holds one erasure entry with counts."""
    await erase(client, admin)
    again = await erase(client, admin)
    assert again.json()["comments"] == 0
    log = await client.get("/v1/sites/kediri/audit", headers=admin)
    erasures = [e for e in log.json()["entries"] if e["action"] == "erasure"]
    assert len(erasures) == 1
    assert erasures[0]["author"] == KEY and erasures[0]["actor"] == "token:boss"
    assert erasures[0]["note"].startswith("2 comments")


async def test_erasure_with_remove_unpublishes_and_empties(
    client: httpx.AsyncClient, redis: aioredis.Redis, admin: Headers, siti: list[str]
) -> None:
    """With comments=remove her comments leave the widget and their bodies are gone."""
    response = await erase(client, admin, comments="remove")
    assert response.json()["removed"] == 2
    shown = (await client.get(THREAD)).json()
    # Her comment is a placeholder now (no author, no body); the reply to it stays counted.
    [placeholder] = shown["comments"]
    assert placeholder["removed"] and placeholder["author"] is None and placeholder["body"] == ""
    assert [reply["author"]["name"] for reply in placeholder["replies"]] != []
    assert shown["count"] == 1
    exported = (await client.get(f"/v1/sites/kediri/authors/{KEY}/export", headers=admin)).json()
    assert {c["status"] for c in exported["comments"]} == {"rejected"}
    assert {c["comment"]["body"] for c in exported["comments"]} == {""}


async def test_erasure_needs_an_admin(
    client: httpx.AsyncClient, moderator: Headers, siti: list[str]
) -> None:
    """A moderator token may not erase: 403 as problem+json."""
    response = await erase(client, moderator)
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"


async def test_export_holds_every_comment_decision_and_standing_change(
    client: httpx.AsyncClient, admin: Headers, siti: list[str], site: Created
) -> None:
    """The export names her comments, their statuses, decisions, histories and standing."""
    response = await client.get(f"/v1/sites/kediri/authors/{KEY}/export", headers=admin)
    assert response.status_code == 200
    doc = response.json()
    assert [c["comment"]["id"] for c in doc["comments"]] == siti
    assert all(c["comment"]["author"]["email"] == EMAIL for c in doc["comments"])
    assert {c["status"] for c in doc["comments"]} == {"approved"}
    assert all(c["decision"] and c["history"] for c in doc["comments"])
    assert doc["standing"]["standing"] == "trusted"
    assert [c["to"] for c in doc["standing_changes"]] == ["trusted"]


async def test_cli_exports_and_erases_a_reader_found_by_email(
    redis: aioredis.Redis, settings: Settings, siti: list[str]
) -> None:
    """``authors export|erase --email`` find her by email; the erasure leaves no trace."""
    assert settings.redis_url
    env = {**os.environ, "MODERATION_REDIS_URL": settings.redis_url, "MODERATION_SHARDS": "4"}
    exported = json.loads(await cli(env, "authors", "export", "kediri", "--email", EMAIL))
    assert [c["comment"]["id"] for c in exported["comments"]] == siti
    args = ("authors", "erase", "kediri", "--email", EMAIL, "--comments", "remove")
    erased = json.loads(await cli(env, *args))
    assert (erased["comments"], erased["removed"]) == (2, 2)
    assert traces(await everything(redis, "kediri")) == []
