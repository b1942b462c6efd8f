"""Isso: the same intake and 50-comment thread-read load on Isso 0.13 and on moderation.

Isso is the self-hosted Python comment server a site would otherwise pick. The script
installs Isso 0.13 and gunicorn from PyPI into a throwaway venv (``python -m venv``; kept and
reused with ``--venv DIR``), configures it with moderation and its rate-limiting guard off and
a SQLite database in a temp folder, and runs it as its docs deploy it, ``gunicorn -w 2
--preload isso.run`` (sync workers: one request per connection, closed after each answer),
on a free loopback port. Then, with the same load generator and connections:

1. intake: each comment POSTed once (``POST /new?uri=/t<i>`` with a ``title`` so Isso does
   not fetch the page), the same 200-character texts over the same 1,000 threads as
   ``intake.py`` sends to ``moderation api --workers 2`` (signed, recorded and queued, fsync'ed);
2. thread read: ``GET /?uri=/bench-thread`` of a 50-comment thread, beside
   ``GET .../threads/bench-thread/comments`` of ``widget.py`` (50 published comments).

    python benchmarks/isso.py [--duration 8] [--connections 64] [--generator auto|wrk|python]
                              [--venv DIR]
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import intake
import widget
from harness import (
    arguments,
    describe,
    drop_site,
    free_port,
    generator,
    get,
    moderation_api,
    new_site,
    python_load,
    server,
    service_env,
    shared,
    signed_posts,
    store,
    table,
    texts,
    wrk_load,
)

ISSO = "isso==0.13.*"
THREAD = "bench-thread"
COMMENTS = 50
THREADS = 1000

CONFIG = """\
[general]
dbpath = {folder}/comments.db
host = http://127.0.0.1:{port}/
[moderation]
enabled = false
[guard]
enabled = false
[server]
listen = http://127.0.0.1:{port}/
"""


class NotInstalled(Exception):
    """Isso could not be installed here (the message says why)."""


@contextlib.contextmanager
def venv(keep: Path | None) -> Iterator[Path]:
    """A venv with Isso 0.13 and gunicorn: ``keep`` if given (created once), else a temp one."""
    folder = keep or Path(tempfile.mkdtemp(prefix="modbench-isso-venv-"))
    try:
        python = folder / "bin" / "python"
        if not _has_isso(python):
            steps = [
                [sys.executable, "-m", "venv", str(folder)],
                [str(python), "-m", "pip", "install", "-q", ISSO, "gunicorn"],
            ]
            for step in steps:
                out = subprocess.run(step, capture_output=True, check=False, timeout=900)
                if out.returncode:
                    raise NotInstalled(f"{' '.join(step[2:])}: {out.stderr.decode()[-1500:]}")
        yield folder
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def _has_isso(python: Path) -> bool:
    return (
        python.exists()
        and not subprocess.run(
            [str(python), "-c", "import isso, gunicorn"], capture_output=True, check=False
        ).returncode
    )


def version(folder: Path) -> str:
    out = subprocess.run(
        [str(folder / "bin" / "python"), "-m", "pip", "show", "isso"],
        capture_output=True,
        check=True,
    )
    line = next(x for x in out.stdout.decode().splitlines() if x.startswith("Version:"))
    return line.split(":", 1)[1].strip()


@contextlib.contextmanager
def isso_server(folder: Path, port: int) -> Iterator[None]:
    with tempfile.TemporaryDirectory(prefix="modbench-isso-") as data:
        config = Path(data) / "isso.cfg"
        config.write_text(CONFIG.format(folder=data, port=port))
        command = [str(folder / "bin" / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}"]
        command += ["--preload", "--log-level", "warning", "isso.run"]
        # Not from benchmarks/, where this script's name would shadow the isso package.
        env = {"ISSO_SETTINGS": str(config)}
        # Isso logs every new comment and thread at INFO: to a file, not the terminal.
        log = Path(data) / "gunicorn.log"
        with server(command, port, env, health="/config", cwd=Path(data), log=log):
            yield


def isso_post(port: int, thread: str, text: str, author: str) -> bytes:
    body = json.dumps({"text": text, "author": author, "title": thread}).encode()
    head = (
        f"POST /new?uri=%2F{thread} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def isso_posts(port: int, count: int) -> list[bytes]:
    """The same texts over the same threads as ``harness.signed_posts``, unsigned."""
    pool = itertools.cycle(texts())
    return [isso_post(port, f"t{i % THREADS}", next(pool), "Reader") for i in range(count)]


def seed_isso(port: int) -> int:
    """Post 50 real non-spam comments to one thread; return how many the thread shows."""
    candidates = iter(texts("youtube-ham"))
    for n in range(COMMENTS):
        request = isso_post(port, THREAD, next(candidates), f"r{n}")
        head, payload = request.split(b"\r\n\r\n", 1)
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n")[1:])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("POST", f"/new?uri=%2F{THREAD}", payload, headers)
        response = conn.getresponse()
        response.read()
        conn.close()
        if response.status != 201:
            raise RuntimeError(f"Isso answered {response.status} to a new comment")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", f"/?uri=%2F{THREAD}")
    response = conn.getresponse()
    shown = json.loads(response.read())
    conn.close()
    return int(shown["total_replies"])


def measure_isso(folder: Path, args: Any, kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
    port = free_port()
    with isso_server(folder, port):
        shown = seed_isso(port)
        print(f"Isso thread /{THREAD}: {shown} comments")
        read = _load(kind, [get(port, f"/?uri=%2F{THREAD}")], port, args, 200, once=False)
        posts = isso_posts(port, int(12_000 * args.duration))
        posted = _load(kind, posts, port, args, 201, once=True)
    return posted, read


def measure_ours(args: Any, kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
    with store(args.redis_url, args.appendfsync) as url:
        site = new_site(url)
        try:
            port = free_port()
            path = f"/v1/sites/{site.id}/threads/{widget.THREAD}/comments"
            with server(moderation_api(port), port, service_env(url)):
                # The thread first: seeding drains the whole queue with a burst worker.
                widget.seed(url, port, site, path)
                read = widget.load(kind, get(port, path), port, args, 200)
                posts = signed_posts(port, site, int(12_000 * args.duration))
                posted = intake.load(kind, posts, port, args, True)
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    return posted, read


def _load(
    kind: str, requests: list[bytes], port: int, args: Any, wanted: int, once: bool
) -> dict[str, Any]:
    if kind == "wrk":
        result = wrk_load(
            requests,
            port,
            duration=args.duration,
            wanted=wanted,
            connections=args.connections,
            once=once,
        )
    else:
        result = python_load(
            requests, port, duration=args.duration, connections=args.connections, once=once
        )
        result["ok"] = result["statuses"].get(str(wanted), 0)
    result["rate"] = result["ok"] / result["elapsed"]
    return result


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], duration=8.0)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--venv", type=Path, help="install Isso here once and keep it")
    args = parser.parse_args()
    print(describe())
    kind = generator(args.generator)
    ours = measure_ours(args, kind)
    try:
        with venv(args.venv) as folder:
            name = f"Isso {version(folder)}"
            theirs = measure_isso(folder, args, kind)
    except NotInstalled as exc:
        print(f"Isso 0.13 could not be installed here, so there is no comparison: {exc}")
        theirs = None
        name = "Isso 0.13 (not installed)"
    rows: list[list[object]] = []
    for n, measure in enumerate(("intake POST (Isso 201, ours 202)", "thread GET, 50 comments")):
        o = ours[n]
        row: list[object] = [measure, o["ok"], o["rate"], o["p50_ms"], o["p99_ms"]]
        if theirs is None:
            row += ["-", "-", "-", "-", "-"]
        else:
            t = theirs[n]
            row += [t["ok"], t["rate"], t["p50_ms"], t["p99_ms"], o["rate"] / t["rate"]]
        rows.append(row)
    table(
        f"{name} (gunicorn -w 2, sync workers, SQLite, moderation and guard off) beside "
        f"moderation api --workers 2; {args.connections} connections, {kind} load generator, "
        f"{args.duration:.0f} s each",
        [
            "load",
            "ours answered",
            "ours per second",
            "p50 ms",
            "p99 ms",
            "Isso answered",
            "Isso per second",
            "p50 ms",
            "p99 ms",
            "ratio ours / Isso",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
