"""Structured logs: with MODERATION_LOG_FORMAT=json every line is one JSON object, each request
has an access line, and no line carries a secret, an email, an IP or a comment body."""

from __future__ import annotations

import contextlib
import io
import json
import signal
from pathlib import Path

import httpx
import pytest

from moderation.cli import main
from moderation.logs import scrub
from tests.conftest import comment
from tests.servers import serving
from tests.test_metrics import sign


def test_scrub_removes_what_must_never_be_logged() -> None:
    """Secrets, bearer credentials, emails and IPs go; times, ids and versions stay."""
    line = (
        "whsec_abc123= mk_Zx9 Bearer mt_q1 ani@example.co.id 203.0.113.7:80 2001:db8::1 "
        "at 14:47:11 id 01M8SYM52X8JXN04ZZRYGSZ9D0 v1.2.3"
    )
    assert scrub(line) == (
        "[secret] [secret] [secret] [email] [ip]:80 [ip] "
        "at 14:47:11 id 01M8SYM52X8JXN04ZZRYGSZ9D0 v1.2.3"
    )


@pytest.mark.timeout(120)
def test_serve_json_logs_are_json_with_access_lines_and_nothing_private(tmp_path: Path) -> None:
    """Under ``serve`` with json logs: only JSON lines, one access line per request with its
    status, duration and request id, and none of the secret, key, email, IP or body."""
    data = tmp_path / "d"
    body_text = "isi-komentar-rahasia yang panjang"
    with serving(data, log_format="json") as (url, proc, log):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["sites", "create", "kediri", "--name", "K", "--data-dir", str(data)]) == 0
        created = json.loads(out.getvalue())
        payload = comment(body_text, author="Ani")
        payload["author"]["email"] = "ani@example.co.id"
        body = json.dumps(payload)
        headers = {**sign(created["secret"], body, "m1"), "x-forwarded-for": "203.0.113.7"}
        headers["x-request-id"] = "req-42"
        answer = httpx.post(f"{url}/v1/sites/kediri/comments", content=body, headers=headers)
        assert answer.status_code == 202 and answer.headers["x-request-id"] == "req-42"
        comment_id = answer.json()["id"]
        bad = {**headers, "webhook-signature": "v1,AAAA"}
        assert httpx.post(f"{url}/v1/sites/kediri/comments", content=body, headers=bad).status_code
        key = {"authorization": f"Bearer {created['api_key']}"}
        httpx.get(f"{url}/v1/sites/kediri/comments/{comment_id}", headers=key)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
    lines = log.read_text().splitlines()
    records = [json.loads(line) for line in lines]  # every line is JSON
    assert all({"ts", "level", "logger", "event"} <= set(r) for r in records)
    access = [r for r in records if r["logger"] == "moderation.access"]
    intake = [r for r in access if r["path"] == "/v1/sites/kediri/comments"]
    assert [r["status"] for r in intake] == [202, 401]
    assert intake[0]["request_id"] == "req-42" and intake[0]["duration_ms"] >= 0
    assert any(r["path"].endswith(comment_id) and r["status"] == 200 for r in access)
    text = log.read_text()
    for private in (created["secret"], created["api_key"], "ani@example", "203.0.113.7", "127.0"):
        assert private not in text
    assert "isi-komentar-rahasia" not in text
