"""Intake: signed, validated, durably queued before 202; every bad request gets a problem."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from moderation import signing
from moderation.settings import Settings
from moderation.store.keys import SiteKeys, queue
from moderation.store.sites import Created
from tests.conftest import Host, comment, running_app

pytestmark = pytest.mark.anyio


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    return problem


async def queued_entries(redis: aioredis.Redis, settings: Settings) -> int:
    return sum([await redis.xlen(queue(shard)) for shard in range(settings.shards)])


async def test_accepted_comment_is_recorded_and_queued(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """A 202 means the record and its queue entry exist already."""
    response = await host.post(comment("Alhamdulillah ...maju terus Kab. Kediri", author="Nash"))
    assert response.status_code == 202
    comment_id = response.json()["id"]
    keys = SiteKeys("kediri", settings.shards)
    assert await redis.hget(keys.comment(comment_id), "status") == b"queued"
    assert await queued_entries(redis, settings) == 1


async def test_ids_sort_by_arrival(host: Host) -> None:
    """Comment ids are time-sortable: later comments have larger ids."""
    first = (await host.post(comment("satu"))).json()["id"]
    second = (await host.post(comment("dua"))).json()["id"]
    assert first < second


async def test_duplicate_delivery_returns_the_same_comment(
    host: Host, redis: aioredis.Redis, settings: Settings
) -> None:
    """The same webhook-id and body again answers 200 with the same id, and queues nothing."""
    body = json.dumps(comment("Mantap")).encode()
    first = await host.post(body, message_id="msg_dup")
    again = await host.post(body, message_id="msg_dup")
    assert first.status_code == 202
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert await queued_entries(redis, settings) == 1


async def test_reused_webhook_id_with_another_body_conflicts(host: Host) -> None:
    """The same webhook-id with a different body is a 409, not a second comment."""
    await host.post(comment("pertama"), message_id="msg_x")
    response = await host.post(comment("kedua"), message_id="msg_x")
    assert_problem(response, 409)


async def test_malformed_json_is_400(host: Host) -> None:
    """A body that is not JSON is a 400 problem."""
    assert_problem(await host.post(b'{"thread": '), 400)


async def test_a_wrong_type_before_malformed_json_is_400(host: Host) -> None:
    """``0:`` fails the schema at its first byte and the syntax at its second: 400, not 500."""
    assert_problem(await host.post(b"0:"), 400)


async def test_a_timestamp_of_the_wrong_type_is_422(host: Host) -> None:
    """``created_at: 5`` is listed as a bad field."""
    problem = assert_problem(await host.post({**comment("x"), "created_at": 5}), 422)
    assert [e["field"] for e in problem["errors"]] == ["created_at"]


async def test_invalid_utf8_is_400(host: Host) -> None:
    """A correctly signed body that is not UTF-8 is a 400 problem, not a crash."""
    body = b'{"body": "\xff\xfe"}'
    now = int(time.time())
    key = signing.secret_key(host.site.secret)
    headers = {
        "content-type": "application/json",
        "webhook-id": "m1",
        "webhook-timestamp": str(now),
        "webhook-signature": signing.sign(key, "m1", now, body),
    }
    response = await host.client.post("/v1/sites/kediri/comments", content=body, headers=headers)
    assert_problem(response, 400)


async def test_schema_violations_list_every_bad_field(host: Host) -> None:
    """A 422 names each bad field, not just the first."""
    bad = {
        "thread": {"id": "a b", "url": "javascript:alert(1)"},
        "author": {},
        "body": " ",
        "extra": 1,
        "created_at": "yesterday",
    }
    problem = assert_problem(await host.post(bad), 422)
    fields = {error["field"] for error in problem["errors"]}
    assert fields == {"thread.id", "thread.url", "author.name", "body", "extra", "created_at"}


async def test_wrong_types_are_422(host: Host) -> None:
    """A field of the wrong JSON type is reported like any other schema violation."""
    problem = assert_problem(await host.post({**comment("x"), "body": 5}), 422)
    assert problem["errors"] == [{"field": "body", "message": "Expected `str`, got `int`"}]


async def test_over_long_comment_is_422(host: Host, settings: Settings) -> None:
    """A body longer than the character limit is refused with its field named."""
    problem = assert_problem(await host.post(comment("a" * (settings.max_comment_chars + 1))), 422)
    assert problem["errors"][0]["field"] == "body"


async def test_unknown_parent_is_422(host: Host) -> None:
    """A reply to a comment that does not exist in this thread is refused."""
    response = await host.post(comment("balas", parent_id="01M8G687EF3DXTWWAZV19SPX4X"))
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["field"] == "parent_id"


async def test_missing_signature_is_401(client: httpx.AsyncClient, site: Created) -> None:
    """An unsigned request is refused."""
    response = await client.post(
        "/v1/sites/kediri/comments", json=comment("x"), headers={"content-type": "application/json"}
    )
    assert_problem(response, 401)


async def test_bad_signature_is_401(host: Host) -> None:
    """A signature made with another secret is refused."""
    body = json.dumps(comment("x")).encode()
    headers = host.headers(body)
    headers["webhook-signature"] = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    response = await host.client.post("/v1/sites/kediri/comments", content=body, headers=headers)
    assert_problem(response, 401)


async def test_any_of_several_signatures_may_match(host: Host) -> None:
    """Space-separated signatures are accepted when one of them is right."""
    body = json.dumps(comment("x")).encode()
    headers = host.headers(body)
    headers["webhook-signature"] = "v1,bm9wZQ== " + headers["webhook-signature"]
    response = await host.client.post("/v1/sites/kediri/comments", content=body, headers=headers)
    assert response.status_code == 202


async def test_stale_timestamp_is_401(host: Host) -> None:
    """A correctly signed request older than the tolerance is a replay and refused."""
    body = json.dumps(comment("x")).encode()
    headers = host.headers(body, at=time.time() - 301)
    response = await host.client.post("/v1/sites/kediri/comments", content=body, headers=headers)
    assert_problem(response, 401)


async def test_tampered_body_is_401(host: Host) -> None:
    """Changing the body after signing breaks the signature."""
    body = json.dumps(comment("x")).encode()
    headers = host.headers(body)
    tampered = json.dumps(comment("y")).encode()
    response = await host.client.post(
        "/v1/sites/kediri/comments", content=tampered, headers=headers
    )
    assert_problem(response, 401)


async def test_unknown_site_is_404(host: Host) -> None:
    """A site that does not exist is a 404."""
    assert_problem(await host.post(comment("x"), site_id="nowhere"), 404)


async def test_another_sites_secret_is_401(host: Host, other_site: Created) -> None:
    """A comment signed for one site is not accepted by another."""
    assert_problem(await host.post(comment("x"), site_id="other"), 401)


async def test_body_over_limit_is_413(host: Host, settings: Settings) -> None:
    """A body over the byte limit is refused."""
    big = json.dumps(comment("a" * settings.max_body_bytes)).encode()
    assert_problem(await host.post(big), 413)


async def test_body_limit_is_counted_while_reading(host: Host, settings: Settings) -> None:
    """A streamed body without Content-Length is cut off at the limit, not trusted."""

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(settings.max_body_bytes // 1024 + 2):
            yield b"a" * 1024

    headers = host.headers(b"ignored")
    response = await host.client.post(
        "/v1/sites/kediri/comments", content=chunks(), headers=headers
    )
    assert "content-length" not in response.request.headers
    assert_problem(response, 413)


async def test_wrong_content_type_is_415(host: Host) -> None:
    """Only application/json is accepted."""
    body = json.dumps(comment("x")).encode()
    headers = {**host.headers(body), "content-type": "text/plain"}
    response = await host.client.post("/v1/sites/kediri/comments", content=body, headers=headers)
    assert_problem(response, 415)


async def test_json_with_charset_is_accepted(host: Host) -> None:
    """A charset parameter on application/json is fine."""
    body = json.dumps(comment("x")).encode()
    headers = {**host.headers(body), "content-type": "application/json; charset=utf-8"}
    response = await host.client.post("/v1/sites/kediri/comments", content=body, headers=headers)
    assert response.status_code == 202


async def test_store_down_is_503_with_retry_after(settings: Settings) -> None:
    """With Redis unreachable the host is told to retry, never given a 2xx."""
    down = settings.replace(redis_url="redis://127.0.0.1:1")
    async with running_app(down) as client:
        response = await client.post(
            "/v1/sites/kediri/comments",
            content=json.dumps(comment("x")),
            headers={
                "content-type": "application/json",
                "webhook-id": "m",
                "webhook-timestamp": str(int(time.time())),
                "webhook-signature": "v1,x",
            },
        )
    assert_problem(response, 503)
    assert response.headers["retry-after"]


async def test_store_full_is_503(host: Host, redis: aioredis.Redis) -> None:
    """When Redis refuses writes for lack of memory the comment is refused with 503."""
    await redis.config_set("maxmemory", "1")
    try:
        response = await host.post(comment("x"))
    finally:
        await redis.config_set("maxmemory", "0")
    assert_problem(response, 503)
    assert response.headers["retry-after"]


async def test_unknown_route_is_a_problem(client: httpx.AsyncClient) -> None:
    """Even a 404 for an unknown path is problem+json."""
    assert_problem(await client.get("/nope"), 404)


async def test_wrong_method_is_a_problem(client: httpx.AsyncClient) -> None:
    """A 405 is problem+json too."""
    assert_problem(await client.delete("/v1/sites/kediri/comments"), 405)
