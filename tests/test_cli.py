"""The commands an operator runs: sites against the embedded store, and `serve` end to end."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from standardwebhooks import Webhook

from tests.conftest import comment


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    return subprocess.run(
        [sys.executable, "-m", "moderation", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "d"


class Serve:
    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
        self.log = data_dir.parent / f"serve-{self.port}.log"
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "moderation",
                    "serve",
                    "--port",
                    str(self.port),
                    "--data-dir",
                    str(data_dir),
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                if httpx.get(f"{self.url}/readyz").status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        self.proc.kill()
        self.proc.wait()
        raise AssertionError(self.log.read_text())

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(20)


def signed_post(url: str, secret: str, payload: object, message_id: str) -> httpx.Response:
    body = json.dumps(payload)
    now = time.time()
    import datetime as dt

    moment = dt.datetime.fromtimestamp(now, dt.UTC)
    headers = {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now)),
        "webhook-signature": Webhook(secret).sign(message_id, moment, body),
    }
    return httpx.post(f"{url}/v1/sites/kediri/comments", content=body, headers=headers)


def test_sites_create_prints_secret_and_key_once(data_dir: Path) -> None:
    """`sites create` works with no server running and prints one JSON object."""
    result = run(
        data_dir,
        "sites",
        "create",
        "kediri",
        "--name",
        "Kab. Kediri",
        "--origin",
        "https://kedirikab.go.id",
    )
    assert result.returncode == 0, result.stderr
    created = json.loads(result.stdout)
    assert set(created) == {"id", "secret", "api_key"}
    assert created["secret"].startswith("whsec_")
    listed = json.loads(run(data_dir, "sites", "list").stdout)
    assert [s["id"] for s in listed] == ["kediri"]
    assert created["secret"] not in json.dumps(listed)
    assert created["api_key"] not in json.dumps(listed)


def test_sites_create_refuses_a_taken_id(data_dir: Path) -> None:
    """Creating the same site twice fails with a message, not a traceback."""
    run(data_dir, "sites", "create", "kediri", "--name", "K")
    result = run(data_dir, "sites", "create", "kediri", "--name", "K")
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_site_id_is_a_usage_error(data_dir: Path) -> None:
    """An invalid site id is refused by the argument parser."""
    result = run(data_dir, "sites", "create", "Bad Id!", "--name", "K")
    assert result.returncode == 2


@pytest.mark.parametrize(
    "args",
    [
        ("deliverer", "--metrics-port", "70000"),
        ("worker", "--metrics-port", "-1"),
        ("api", "--port", "eighty"),
    ],
)
def test_a_bad_port_is_a_usage_error(data_dir: Path, args: tuple[str, ...]) -> None:
    """A port out of range or not a number is refused by the parser, not by a traceback."""
    result = run(data_dir, *args)
    assert result.returncode == 2
    assert "port" in result.stderr and "Traceback" not in result.stderr


def test_serve_runs_end_to_end_and_keeps_data_across_restarts(data_dir: Path) -> None:
    """serve: sites made while it runs, a signed comment published, SIGTERM clean, data kept."""
    server = Serve(data_dir)
    try:
        created = json.loads(run(data_dir, "sites", "create", "kediri", "--name", "K").stdout)
        response = signed_post(server.url, created["secret"], comment("Mantap programnya"), "m1")
        assert response.status_code == 202, response.text
        thread = f"{server.url}/v1/sites/kediri/threads/ptsl-2024-11/comments"
        for _ in range(100):
            if httpx.get(thread).json()["count"] == 1:
                break
            time.sleep(0.05)
        assert httpx.get(thread).json()["count"] == 1
        assert server.stop() == 0
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
    again = Serve(data_dir)
    try:
        thread = f"{again.url}/v1/sites/kediri/threads/ptsl-2024-11/comments"
        assert httpx.get(thread).json()["comments"][0]["body"] == "Mantap programnya"
    finally:
        assert again.stop() == 0


def test_api_and_worker_run_as_separate_processes(data_dir: Path) -> None:
    """`api` and `worker` attach to a running `serve`'s store via the same data dir."""
    server = Serve(data_dir)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    with (data_dir.parent / "api.log").open("w") as log:
        api = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "moderation",
                "api",
                "--port",
                str(port),
                "--data-dir",
                str(data_dir),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        created = json.loads(run(data_dir, "sites", "create", "kediri", "--name", "K").stdout)
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{url}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        response = signed_post(url, created["secret"], comment("lewat api terpisah"), "m2")
        assert response.status_code == 202
        assert run(data_dir, "worker", "--burst").returncode == 0
        thread = httpx.get(f"{url}/v1/sites/kediri/threads/ptsl-2024-11/comments").json()
        assert thread["count"] == 1
    finally:
        api.send_signal(signal.SIGTERM)
        # uvicorn re-raises the signal after its graceful shutdown, as a process should.
        assert api.wait(20) in (0, -signal.SIGTERM)
        assert "Application shutdown complete" in (data_dir.parent / "api.log").read_text()
        assert server.stop() == 0


def test_rotate_secret_prints_a_new_secret(data_dir: Path) -> None:
    """`sites rotate-secret` prints a new secret; an unknown site is a clear error."""
    created = json.loads(run(data_dir, "sites", "create", "kediri", "--name", "K").stdout)
    rotated = json.loads(run(data_dir, "sites", "rotate-secret", "kediri").stdout)
    assert rotated["secret"].startswith("whsec_")
    assert rotated["secret"] != created["secret"]
    missing = run(data_dir, "sites", "rotate-secret", "nowhere")
    assert missing.returncode == 1
    assert "no site" in missing.stderr
