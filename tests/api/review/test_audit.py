"""The audit log: automatic and human decisions, filters, cursor, and the JSON-lines export."""

from __future__ import annotations

import json
import os

import httpx
import pytest

from moderation.settings import Settings
from tests.api.review.conftest import BODIES, Headers, Post, cli, decide

pytestmark = pytest.mark.anyio


async def test_automatic_and_human_decisions_are_audited(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """The pipeline's hold and the moderator's reject are both logged with who, what and why."""
    [comment_id] = await post(BODIES[0])
    await decide(client, moderator, comment_id, 2, action="reject", reason="spam", note="judi")
    entries = (await client.get("/v1/sites/kediri/audit", headers=moderator)).json()["entries"]
    auto, human = entries
    assert (auto["actor"], auto["action"], auto["from"], auto["to"]) == (
        "pipeline",
        "auto",
        "queued",
        "held",
    )
    assert "policy:premoderation:all" in auto["rules"]
    assert (human["actor"], human["action"], human["from"], human["to"]) == (
        "token:mod",
        "reject",
        "held",
        "rejected",
    )
    assert (human["reason"], human["note"], human["version"]) == ("spam", "judi", 3)


async def test_audit_filters_by_comment_and_actor_and_pages(
    client: httpx.AsyncClient, moderator: Headers, premoderated: None, post: Post
) -> None:
    """comment= and actor= narrow the log; limit and cursor page through it."""
    first, second = await post(*BODIES[:2])
    await decide(client, moderator, first, 2, action="approve")
    url = "/v1/sites/kediri/audit"
    by_comment = (await client.get(url, params={"comment": second}, headers=moderator)).json()
    assert [e["comment"] for e in by_comment["entries"]] == [second]
    by_actor = (await client.get(url, params={"actor": "token:mod"}, headers=moderator)).json()
    assert [e["comment"] for e in by_actor["entries"]] == [first]
    page = (await client.get(url, params={"limit": 2}, headers=moderator)).json()
    rest = await client.get(url, params={"cursor": page["next_cursor"]}, headers=moderator)
    assert len(page["entries"]) == 2 and len(rest.json()["entries"]) == 1


async def test_export_prints_json_lines(
    client: httpx.AsyncClient,
    moderator: Headers,
    premoderated: None,
    post: Post,
    settings: Settings,
) -> None:
    """``moderation audit export SITE`` prints one JSON entry per line, oldest first."""
    ids = await post(*BODIES[:2])
    assert settings.redis_url
    env = {**os.environ, "MODERATION_REDIS_URL": settings.redis_url, "MODERATION_SHARDS": "4"}
    out = await cli(env, "audit", "export", "kediri")
    assert [json.loads(line)["comment"] for line in out.splitlines()] == ids
