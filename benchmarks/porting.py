"""Moving in and out, and erasing: comments/s of each import pass, of export and of erasing
one reader, beside a bare ``xml.etree.iterparse`` of the same file; and the check pass's
peak memory at two file sizes (it should grow with the number of comments, not their text).

Writes a Disqus export of N comments (a third of them replies) over N/40 threads to a temp
folder, imports it into a fresh site of an embedded Valkey (or ``--redis-url``), exports it as
JSON lines, then erases one reader who wrote 1 comment in 100.

    python benchmarks/porting.py [--comments 20000] [--redis-url URL]
"""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
import tracemalloc
import xml.etree.ElementTree as ET
from pathlib import Path

from harness import arguments, drop_site, new_site, shared, store, table, texts

from moderation.models import Author, Comment, Status, Thread
from moderation.porting import disqus
from moderation.porting.plan import plan
from moderation.settings import Settings
from moderation.store import exports
from moderation.store.client import connect
from moderation.store.erasure import erase
from moderation.store.imports import write
from moderation.store.keys import SiteKeys
from moderation.store.scripts import Scripts

THREADS_PER = 40
ERASED = "Pembaca Dihapus"


def export_file(path: Path, comments: int) -> None:
    bodies = texts()
    rng = random.Random(7)
    with path.open("wb") as out:
        writer = disqus.Writer(out)
        threads = [
            Thread(id=f"t{n}", url=f"https://example.org/{n}", title=f"Berita {n}")
            for n in range(max(comments // THREADS_PER, 1))
        ]
        for thread in threads:
            writer.thread(thread, "2024-01-01T00:00:00Z")
        per_thread: dict[str, list[str]] = {}
        for n in range(comments):
            thread = threads[n % len(threads)]
            earlier = per_thread.setdefault(thread.id, [])
            name = ERASED if n % 100 == 0 else f"Pembaca {n % 997}"
            comment = Comment(
                id=f"c{n}",
                site="bench",
                thread=thread,
                author=Author(name=name, email=f"{name.replace(' ', '.')}@example.id"),
                body=bodies[n % len(bodies)],
                created_at=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:00Z",
                received_at="",
                parent_id=rng.choice(earlier) if earlier and n % 3 == 0 else None,
                ip=f"192.0.2.{n % 250}",
            )
            earlier.append(comment.id)
            writer.post(comment, Status.APPROVED, False)
        writer.end()


def bare(path: Path) -> int:
    count = 0
    for _, element in ET.iterparse(path):  # noqa: S314 (our own file)
        if element.tag.endswith("}post"):
            count += 1
            element.clear()
    return count


def checked(path: Path) -> int:
    with path.open("rb") as stream:
        return len(plan(disqus.read(stream), "bench", "disqus").comments)


def peak_of_check(path: Path) -> float:
    tracemalloc.start()
    checked(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


async def into_store(url: str, site_id: str, path: Path) -> list[tuple[str, int, float]]:
    settings = Settings()
    keys = SiteKeys(site_id, settings.shards)
    redis = connect(url)
    rows = []
    try:
        with path.open("rb") as stream:
            checked_plan = plan(disqus.read(stream), site_id, "disqus")
        started = time.perf_counter()
        with path.open("rb") as stream:
            done = await write(
                redis,
                Scripts(),
                keys,
                disqus.read(stream),
                checked_plan,
                moderate=False,
                recent_cap=100,
                actor="bench",
            )
        rows.append(("import: write pass", sum(done.new.values()), time.perf_counter() - started))
        started = time.perf_counter()
        exported = 0
        async for _ in exports.stored(redis, keys):
            exported += 1
        rows.append(("export (records read)", exported, time.perf_counter() - started))
        key = Author(name=ERASED, email=f"{ERASED.replace(' ', '.')}@example.id").key
        started = time.perf_counter()
        erased = await erase(redis, Scripts(), keys, key, remove=False, actor="bench")
        rows.append(
            (
                f"erase 1 reader ({erased.comments} comments)",
                exported,
                time.perf_counter() - started,
            )
        )
    finally:
        await redis.aclose()
    return rows


def timed(label: str, run: object, path: Path) -> tuple[str, int, float]:
    started = time.perf_counter()
    count = run(path)  # type: ignore[operator]
    return (label, count, time.perf_counter() - started)


def main() -> None:
    parser = arguments(__doc__ or "")
    parser.add_argument("--comments", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small, big = Path(folder) / "small.xml", Path(folder) / "big.xml"
        export_file(small, args.comments // 4)
        export_file(big, args.comments)
        rows = [timed("bare ET.iterparse", bare, big), timed("import: check pass", checked, big)]
        with store(args.redis_url) as url:
            site = new_site(url)
            try:
                rows += asyncio.run(into_store(url, site.id, big))
            finally:
                if shared(args.redis_url):
                    drop_site(url, site.id)
        memory = [(f"{p.stat().st_size / 1e6:.1f} MB file", peak_of_check(p)) for p in (small, big)]
    base = rows[0][1] / rows[0][2]
    table(
        f"Disqus file of {args.comments:,} comments",
        ["step", "comments", "seconds", "comments/s", "vs bare"],
        [(label, n, f"{s:.2f}", f"{n / s:,.0f}", f"{n / s / base:.2f}") for label, n, s in rows],
    )
    table(
        "Check pass peak memory (tracemalloc)",
        ["file", "peak MB"],
        [(f, f"{m:.1f}") for f, m in memory],
    )


if __name__ == "__main__":
    main()
