"""Behind a proxy: ``MODERATION_FORWARDED_ALLOW_IPS`` decides whose X-Forwarded-For is believed,
so readers behind an ingress are told apart (and their reports can hide a comment)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import time
from pathlib import Path

import httpx
import msgspec
import pytest

from moderation.cli import main
from moderation.policy import Policy
from moderation.settings import Settings
from moderation.store import embedded
from moderation.store.client import connect
from moderation.store.sites import Sites
from tests.conftest import comment
from tests.servers import serving
from tests.test_metrics import sign

THREAD = "/v1/sites/kediri/threads/ptsl-2024-11/comments"


def hide_after_two_reports(data: Path) -> str:
    """Create the site with report_hide=2 in the running serve's store; its signing secret."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["sites", "create", "kediri", "--name", "K", "--data-dir", str(data)]) == 0
    url = embedded.running_url(data)
    assert url

    async def policy() -> None:
        redis = connect(url)
        try:
            sites = Sites(redis, Settings())
            site = await sites.get("kediri", fresh=True)
            assert site is not None
            await sites.save(msgspec.structs.replace(site, policy=Policy(report_hide=2)))
        finally:
            await redis.aclose()

    asyncio.run(policy())
    secret: str = json.loads(out.getvalue())["secret"]
    return secret


def published_then_reported_by_two(url: str, secret: str) -> int:
    """Post a comment, wait until it is published, report it from two forwarded addresses;
    how many comments the thread shows afterwards."""
    body = json.dumps(comment("Mantap programnya"))
    posted = httpx.post(
        f"{url}/v1/sites/kediri/comments", content=body, headers=sign(secret, body, "m1")
    )
    assert posted.status_code == 202
    while httpx.get(f"{url}{THREAD}").json()["count"] != 1:
        time.sleep(0.05)
    for reader in ("198.51.100.1", "198.51.100.2"):
        answer = httpx.post(
            f"{url}/v1/sites/kediri/comments/{posted.json()['id']}/reports",
            json={"reason": "abuse"},
            headers={"x-forwarded-for": reader},
        )
        assert answer.status_code == 202
    count: int = httpx.get(f"{url}{THREAD}").json()["count"]
    return count


@pytest.mark.timeout(120)
def test_trusted_proxy_tells_readers_apart(tmp_path: Path) -> None:
    """With the proxy trusted, two forwarded readers are two readers: the comment is hidden."""
    data = tmp_path / "d"
    with serving(data, forwarded_allow_ips="127.0.0.1") as (url, _, _):
        assert published_then_reported_by_two(url, hide_after_two_reports(data)) == 0


@pytest.mark.timeout(120)
def test_untrusted_peer_is_one_reader(tmp_path: Path) -> None:
    """From a peer not in MODERATION_FORWARDED_ALLOW_IPS, X-Forwarded-For is ignored: both
    reports come from one reader and the comment stays."""
    data = tmp_path / "d"
    with serving(data, forwarded_allow_ips="10.9.9.9") as (url, _, _):
        assert published_then_reported_by_two(url, hide_after_two_reports(data)) == 1
