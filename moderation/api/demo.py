"""``/demo/`` for ``moderation demo`` only: a host article embedding the three widgets."""

from __future__ import annotations

import html

from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Demo: komentar</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{{font-family:Georgia,serif;max-width:1000px;margin:2rem auto;padding:0 1rem;color:#1f1f1f}}
main{{display:grid;grid-template-columns:2fr 1fr;gap:2rem}}
aside{{border-left:1px solid #ddd;padding-left:1rem}}
</style></head><body>
<h1>Serahkan Ratusan Sertifikat PTSL</h1>
<p>Artikel contoh. Jumlah komentar:
<span data-moderation-count="{thread}" data-moderation-site="{site}"></span></p>
<main>
<div data-moderation-thread="{thread}" data-moderation-site="{site}" data-refresh="5"></div>
<aside><h2>Komentar terbaru</h2>
<div data-moderation-recent data-moderation-site="{site}" data-limit="5"></div></aside>
</main>
<script src="/widget.js" async></script>
</body></html>
"""


def page(site_id: str, thread_id: str) -> str:
    return PAGE.format(site=html.escape(site_id), thread=html.escape(thread_id))


def with_demo(app: ASGIApp, body: str) -> ASGIApp:
    """``app`` with ``/demo/`` answered by ``body``; everything else (lifespan too) passes."""
    answer = HTMLResponse(body)

    async def demo(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in ("/demo", "/demo/"):
            await answer(scope, receive, send)
            return
        await app(scope, receive, send)

    return demo
