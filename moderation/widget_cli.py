"""``moderation widget-sri`` and ``moderation demo``: the embed script's URL and integrity, and
a serve with a seeded demo site whose article page embeds all three widgets at ``/demo/``."""

from __future__ import annotations

import argparse
import asyncio
import functools
import hashlib
from collections.abc import Callable, Coroutine
from typing import Any

from moderation import ids
from moderation.api import demo, widget_script
from moderation.api.intake import record
from moderation.errors import SiteExists
from moderation.models import Author, CommentIn, Thread
from moderation.settings import Settings
from moderation.store import embedded
from moderation.store.client import Redis, connect
from moderation.store.comments import Store
from moderation.store.scripts import Scripts
from moderation.store.sites import Sites

DEMO_SITE, DEMO_THREAD = "demo", "ptsl-2024-11"
# (author, body, index of the parent in this list or None)
SEED: list[tuple[str, str, int | None]] = [
    (
        "Jojo",
        "Sangat bagus program dari negara terkait sertifikat tanah. Meskipun berbayar "
        "Rp 600.000.jika 1 desa ada 1000 bidang tanah maka sangat membantu warga.",
        None,
    ),
    ("Nash", "Alhamdulillah ...maju terus Kab. Kediri", 0),
    ("Sari", "Setuju, semoga sertifikatnya cepat selesai.", 1),
    ("Budi", "Pendaftaran PTSL tahun depan dibuka kapan ya?", None),
    ("Ani", "Terima kasih infonya, sangat bermanfaat.", None),
]

Command = Callable[[str, Callable[..., int], str], argparse.ArgumentParser]
# cli.serve_app: the API and a worker until a signal
Serve = Callable[..., Coroutine[Any, Any, None]]


def register(
    command: Command, listen: Callable[[argparse.ArgumentParser], None], serve: Serve
) -> None:
    command("widget-sri", run_sri, "print the embed script's hashed URL and SRI integrity")
    demo_help = "serve with a seeded demo site and its page at /demo/"
    listen(command("demo", functools.partial(run_demo, serve=serve), demo_help))


def run_sri(settings: Settings, args: argparse.Namespace) -> int:
    found = widget_script.bundle()
    print(f"path: {found.path}")
    print(f"integrity: {found.integrity}")
    print(f'<script src="https://YOUR-MODERATION-HOST{found.path}" integrity="{found.integrity}"')
    print('        crossorigin="anonymous" async></script>')
    return 0


def run_demo(settings: Settings, args: argparse.Namespace, *, serve: Serve) -> int:
    origin = f"http://{args.host}:{args.port}"
    with embedded.store_url(settings) as url:
        asyncio.run(_seed(settings, url, origin))
        print(f"demo: open {origin}/demo/", flush=True)
        page = demo.page(DEMO_SITE, DEMO_THREAD)
        asyncio.run(
            serve(settings, url, args.host, args.port, lambda app: demo.with_demo(app, page))
        )
    return 0


async def _seed(settings: Settings, url: str, origin: str) -> None:
    """The demo site (this serve's origin allowed) and its comments, queued once for the worker."""
    redis: Redis = connect(url, cluster=settings.redis_cluster)
    try:
        sites = Sites(redis, settings)
        try:
            await sites.create(DEMO_SITE, "Demo news", (origin,))
        except SiteExists:
            return
        store = Store(
            redis,
            Scripts(),
            idempotency_ttl=settings.idempotency_ttl_seconds,
            recent_size=settings.recent_size,
        )
        await _post_all(store, sites)
    finally:
        await redis.aclose()


async def _post_all(store: Store, sites: Sites) -> None:
    keys = sites.keys_for(DEMO_SITE)
    posted: list[str] = []
    for author, body, parent in SEED:
        incoming = _incoming(author, body, posted[parent] if parent is not None else None)
        comment = record(DEMO_SITE, incoming)
        digest = hashlib.sha256(body.encode()).hexdigest()
        _, comment_id = await store.accept(keys, comment, f"demo-{ids.new_id()}", digest)
        posted.append(comment_id)


def _incoming(author: str, body: str, parent_id: str | None) -> CommentIn:
    thread = Thread(
        DEMO_THREAD,
        url="https://kedirikab.go.id/berita/ptsl-2024-11",
        title="Serahkan Ratusan Sertifikat PTSL",
    )
    return CommentIn(thread, Author(author), body, parent_id=parent_id)
