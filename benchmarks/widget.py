"""Widget: thread JSON of a 50-comment thread per second, with 2 API workers, and its 304s.

Seeds the thread by posting 50 signed comments to ``moderation api --workers 2`` and draining
them with a burst worker, then loads ``GET .../threads/<id>/comments`` plain and with
``If-None-Match`` (304). Beside it, in the same run and with the same load generator, a bare
Starlette app under uvicorn with 2 workers serves the same JSON bytes from memory.

    python benchmarks/widget.py [--duration 5] [--connections 64] [--generator auto|wrk|python]
"""

from __future__ import annotations

import asyncio
import http.client
import tempfile
from typing import Any

import msgspec
from harness import (
    arguments,
    bare_api,
    comment_json,
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
    signed_post,
    store,
    table,
    texts,
    wrk_load,
)

from moderation.settings import Settings
from moderation.store import keys
from moderation.store.client import connect
from moderation.worker import Worker

TARGET = 4_000
THREAD = "bench-thread"
COMMENTS = 50


def load(kind: str, request: bytes, port: int, args: Any, wanted: int) -> dict[str, Any]:
    if kind == "wrk":
        result = wrk_load(
            [request], port, duration=args.duration, wanted=wanted, connections=args.connections
        )
    else:
        result = python_load([request], port, duration=args.duration, connections=args.connections)
        result["ok"] = result["statuses"].get(str(wanted), 0)
    result["rate"] = result["ok"] / result["elapsed"]
    return result


def seed(url: str, port: int, site: Any, path: str) -> int:
    """Post real non-spam comments and decide them with a burst worker until 50 are published.

    Some are held by the filters, so it posts in rounds of up to 10 (at most 300 comments).
    """
    candidates = iter(texts("youtube-ham"))
    posted = 0
    while (published := _count(port, path)) < COMMENTS and posted < 300:
        # A new connection each round: draining can outlast uvicorn's 5 s keep-alive.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(min(10, COMMENTS - published)):
            posted += 1
            request = signed_post(port, site, comment_json(THREAD, next(candidates), f"r{posted}"))
            head, payload = request.split(b"\r\n\r\n", 1)
            headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n")[1:])
            conn.request("POST", f"/v1/sites/{site.id}/comments", payload, headers)
            response = conn.getresponse()
            response.read()
            if response.status != 202:
                raise RuntimeError(f"intake answered {response.status}")
        conn.close()
        asyncio.run(_drain(url))
    print(f"posted {posted} comments; {published} published")
    return published


async def _drain(url: str) -> int:
    async with Worker(Settings.from_env().replace(redis_url=url), url) as worker:
        return await worker.run_once()


def _count(port: int, path: str) -> int:
    payload, _ = fetch(port, path)
    return len(msgspec.json.decode(payload)["comments"])


def fetch(port: int, path: str) -> tuple[bytes, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    payload = response.read()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return payload, response.getheader("etag") or ""


def staleness(url: str, port: int, site_id: str, path: str, trials: int = 50) -> int:
    """Bump the thread's version (what a decision's publish does), then read the widget once
    with the old ETag: the answers that still matched it (a stale 304) out of ``trials``."""

    async def bump() -> None:
        redis = connect(url)
        try:
            await redis.incr(
                keys.SiteKeys(site_id, Settings.from_env().shards).thread_version(THREAD)
            )
        finally:
            await redis.aclose()

    stale = 0
    for _ in range(trials):
        _, etag = fetch(port, path)
        asyncio.run(bump())
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", path, headers={"If-None-Match": etag})
        response = conn.getresponse()
        response.read()
        conn.close()
        stale += response.status == 304
    return stale


def run_pair(kind: str, port: int, path: str, etag: str, args: Any) -> list[dict[str, Any]]:
    plain = load(kind, get(port, path), port, args, 200)
    cached = load(kind, get(port, path, {"If-None-Match": etag}), port, args, 304)
    return [plain, cached]


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], duration=5.0)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    args = parser.parse_args()
    print(describe())
    kind = generator(args.generator)
    with (
        store(args.redis_url, args.appendfsync) as url,
        tempfile.NamedTemporaryFile(suffix=".json") as saved,
    ):
        site = new_site(url)
        try:
            port = free_port()
            path = f"/v1/sites/{site.id}/threads/{THREAD}/comments"
            with server(moderation_api(port), port, service_env(url)):
                seed(url, port, site, path)
                payload, etag = fetch(port, path)
                ours = run_pair(kind, port, path, etag, args)
                stale = staleness(url, port, site.id, path)
            saved.write(payload)
            saved.flush()
            with server(bare_api(port), port, {"BENCH_BARE_JSON": saved.name}):
                _, bare_etag = fetch(port, path)
                bare = run_pair(kind, port, path, bare_etag, args)
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    count = len(msgspec.json.decode(payload)["comments"])
    print(f"thread JSON: {len(payload):,} bytes, {count} top-level comments; generator {kind}")
    rows = []
    for name, (b, o) in (("200", (bare[0], ours[0])), ("304", (bare[1], ours[1]))):
        rows.append(
            [
                f"bare Starlette, JSON from memory ({name})",
                b["ok"],
                b["completed"] - b["ok"],
                b["rate"],
                b["p50_ms"],
                b["p99_ms"],
                1.0,
            ]
        )
        rows.append(
            [
                f"moderation api thread ({name})",
                o["ok"],
                o["completed"] - o["ok"],
                o["rate"],
                o["p50_ms"],
                o["p99_ms"],
                o["rate"] / b["rate"],
            ]
        )
    table(
        f"Widget thread JSON, 2 uvicorn workers, {args.connections} connections",
        ["run", "answered", "other", "per second", "p50 ms", "p99 ms", "ratio"],
        rows,
    )
    print(f"widget reads right after a publish that answered the old version: {stale} of 50")
    verdict = ["met" if o["rate"] >= TARGET else "NOT met" for o in ours]
    print(f"target: >= {TARGET:,}/s -> 200: {verdict[0]}, 304: {verdict[1]}")


if __name__ == "__main__":
    main()
