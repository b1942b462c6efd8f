"""Auto-pipelining: the commands issued within one event-loop turn go out as one pipeline.

Concurrent intake requests in one process each send one ``intake.lua`` call; sent one by one,
redis-py's per-command work (a pooled connection, a socket write, a timeout, a read wake-up)
costs as much CPU as the rest of the request. Collected for one turn of the loop (as ioredis'
auto-pipelining does) they share all of it, and an AOF store flushes them with one fsync.
Each caller still awaits its own reply, so a 202 still waits for its own durable write.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

from moderation.store.client import Redis
from moderation.store.scripts import Call, Scripts

T = TypeVar("T")


class TurnBatch(Generic[T]):
    """``await batched(item)``: its reply, from one ``send`` of every item of the loop turn.

    ``send`` answers the items in order, an ``Exception`` in place of a reply for one that
    failed. The batch is sent after the turn in which its items were issued, so a reply always
    reflects the store as it was after its caller asked.
    """

    def __init__(self, send: Callable[[list[T]], Awaitable[Sequence[Any]]]) -> None:
        self._send_items = send
        self._pending: list[tuple[T, asyncio.Future[Any]]] = []
        self._sending: set[asyncio.Task[None]] = set()

    async def __call__(self, item: T) -> Any:
        loop = asyncio.get_running_loop()
        if not self._pending:
            loop.call_soon(self._flush)
        future: asyncio.Future[Any] = loop.create_future()
        self._pending.append((item, future))
        return await future

    def _flush(self) -> None:
        # A caller cancelled before the flush (its client went away) sends nothing.
        batch = [(item, future) for item, future in self._pending if not future.done()]
        self._pending = []
        if batch:
            task = asyncio.create_task(self._send(batch))
            self._sending.add(task)  # keep a reference until it is done
            task.add_done_callback(self._sending.discard)

    async def _send(self, batch: list[tuple[T, asyncio.Future[Any]]]) -> None:
        try:
            replies = await self._send_items([item for item, _ in batch])
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


class AutoPipeline(TurnBatch[Call]):
    """``await batched(call)``: the script call's reply, sent with the calls of the same turn."""

    def __init__(self, redis: Redis, scripts: Scripts) -> None:
        super().__init__(lambda calls: scripts.run_each(redis, calls))
