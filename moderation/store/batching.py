"""Auto-pipelining: the script calls issued within one event-loop turn go out as one pipeline.

Concurrent intake requests in one process each send one ``intake.lua`` call; sent one by one,
redis-py's per-command work (a pooled connection, a socket write, a timeout, a read wake-up)
costs as much CPU as the rest of the request. Collected for one turn of the loop (as ioredis'
auto-pipelining does) they share all of it, and an AOF store flushes them with one fsync.
Each caller still awaits its own reply, so a 202 still waits for its own durable write.
"""

from __future__ import annotations

import asyncio
from typing import Any

from moderation.store.client import Redis
from moderation.store.scripts import Call, Scripts


class AutoPipeline:
    """``await batched(call)``: the call's reply, sent with the calls of the same loop turn."""

    def __init__(self, redis: Redis, scripts: Scripts) -> None:
        self._redis, self._scripts = redis, scripts
        self._pending: list[tuple[Call, asyncio.Future[Any]]] = []
        self._sending: set[asyncio.Task[None]] = set()

    async def __call__(self, call: Call) -> Any:
        loop = asyncio.get_running_loop()
        if not self._pending:
            loop.call_soon(self._flush)
        future: asyncio.Future[Any] = loop.create_future()
        self._pending.append((call, future))
        return await future

    def _flush(self) -> None:
        # A caller cancelled before the flush (its client went away) sends nothing.
        batch = [(call, future) for call, future in self._pending if not future.done()]
        self._pending = []
        if batch:
            task = asyncio.create_task(self._send(batch))
            self._sending.add(task)  # keep a reference until it is done
            task.add_done_callback(self._sending.discard)

    async def _send(self, batch: list[tuple[Call, asyncio.Future[Any]]]) -> None:
        try:
            replies = await self._scripts.run_each(self._redis, [call for call, _ in batch])
        except Exception as exc:  # the connection failed: every caller gets the error
            replies = [exc] * len(batch)
        for (_, future), reply in zip(batch, replies, strict=True):
            if future.done():
                continue
            if isinstance(reply, Exception):
                future.set_exception(reply)
            else:
                future.set_result(reply)

    async def aclose(self) -> None:
        """Wait for the pipelines already sent (the lifespan calls it before closing Redis)."""
        await asyncio.gather(*self._sending, return_exceptions=True)
