"""`moderation endpoints …` against the embedded store, and `serve` delivering end to end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import comment
from tests.receiver import receiving
from tests.test_cli import free_port, signed_post

LOOPBACK = {"MODERATION_EVENTS_ALLOW_HTTP": "1", "MODERATION_EVENTS_ALLOW_PRIVATE_NETWORKS": "1"}


def environment(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    return {**env, **extra}


def run(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "moderation", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=environment(env or {}),
        timeout=60,
        check=False,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "d"


def test_endpoints_add_prints_the_secret_once_and_list_never(data_dir: Path) -> None:
    """`endpoints add` prints id, url, events and secret; `list` shows state, no secret;
    `rotate-secret` and `remove` work by id."""
    run(data_dir, "sites", "create", "kediri", "--name", "K")
    added = run(
        data_dir,
        "endpoints",
        "add",
        "kediri",
        "--url",
        "http://127.0.0.1:9/h",
        "--event",
        "comment.approved",
        env=LOOPBACK,
    )
    assert added.returncode == 0, added.stderr
    endpoint = json.loads(added.stdout)
    assert set(endpoint) == {"id", "url", "events", "secret"}
    assert endpoint["events"] == ["comment.approved"]
    listed = run(data_dir, "endpoints", "list", "kediri")
    assert endpoint["secret"] not in listed.stdout
    assert json.loads(listed.stdout)[0]["state"] == "enabled"
    rotated = json.loads(
        run(data_dir, "endpoints", "rotate-secret", "kediri", endpoint["id"]).stdout
    )
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != endpoint["secret"]
    assert run(data_dir, "endpoints", "remove", "kediri", endpoint["id"]).returncode == 0
    assert json.loads(run(data_dir, "endpoints", "list", "kediri").stdout) == []


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/h", "https://127.0.0.1/h", "https://0x7f.1/h", "https://[::1]/h"]
)
def test_endpoints_add_refuses_unsafe_urls(data_dir: Path, url: str) -> None:
    """Without the development settings, http and loopback forms are refused with a message."""
    run(data_dir, "sites", "create", "kediri", "--name", "K")
    result = run(data_dir, "endpoints", "add", "kediri", "--url", url)
    assert result.returncode == 1
    assert "--url" in result.stderr and "Traceback" not in result.stderr


def test_serve_delivers_a_verifiable_event(data_dir: Path) -> None:
    """`serve` runs the deliverer: a comment signed in is published and its comment.approved
    reaches the host's receiver, signed with the endpoint's secret."""
    port = free_port()
    log_path = data_dir.parent / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "moderation",
                "serve",
                "--port",
                str(port),
                "--data-dir",
                str(data_dir),
            ],
            env=environment(LOOPBACK),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                if httpx.get(f"{url}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        site = json.loads(run(data_dir, "sites", "create", "kediri", "--name", "K").stdout)
        with receiving() as receiver:
            added = run(data_dir, "endpoints", "add", "kediri", "--url", receiver.url, env=LOOPBACK)
            endpoint = json.loads(added.stdout)
            sent = signed_post(url, site["secret"], comment("Mantap programnya"), "m1")
            assert sent.status_code == 202, sent.text
            while not receiver.received:
                time.sleep(0.02)
        payload = receiver.received[0].verify(endpoint["secret"])
        assert isinstance(payload, dict)
        assert payload["type"] == "comment.approved"
        assert payload["data"]["id"] == sent.json()["id"]
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(20) == 0, log_path.read_text()
