"""The worker's long-running loops: nothing but cancellation ends one, errors back off.

Each loop records when it last went round, so the heartbeat can tell a live worker from one
whose event loop still runs but whose consumers are stuck.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable

from redis.exceptions import RedisError

from moderation.metrics import Metrics

log = logging.getLogger("moderation.worker")

Step = Callable[[], Awaitable[None]]
FIRST_BACKOFF = 0.1
MAX_BACKOFF = 5.0


class Loops:
    def __init__(self, metrics: Metrics, stopping: asyncio.Event) -> None:
        self._metrics = metrics
        self._stopping = stopping
        self.rounds: dict[str, float] = {}  # loop name → monotonic time it last went round

    async def forever(self, name: str, step: Step, *, pause: float = 0.0) -> None:
        """Run ``step`` until ``stop``; an error is logged, counted and backed off from."""
        backoff = FIRST_BACKOFF
        while not self._stopping.is_set():
            self.rounds[name] = time.monotonic()
            if await self._attempt(name, step, backoff):
                backoff = FIRST_BACKOFF
                if pause:
                    await self.sleep(pause)
            else:
                await self.sleep(backoff * random.uniform(0.5, 1.0))
                backoff = min(backoff * 2, MAX_BACKOFF)
        self.rounds.pop(name, None)

    async def until_done(self, name: str, step: Step) -> None:
        """Retry ``step`` with backoff until it succeeds once (or ``stop`` is called)."""
        backoff = FIRST_BACKOFF
        while not self._stopping.is_set() and not await self._attempt(name, step, backoff):
            await self.sleep(backoff * random.uniform(0.5, 1.0))
            backoff = min(backoff * 2, MAX_BACKOFF)

    def stalest(self) -> float:
        """Seconds since the loop that went round longest ago did (0 with no loops)."""
        now = time.monotonic()
        return max((now - at for at in self.rounds.values()), default=0.0)

    async def sleep(self, seconds: float) -> None:
        """Sleep, but wake at once when ``stop`` is called."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    async def _attempt(self, name: str, step: Step, backoff: float) -> bool:
        try:
            await step()
        except (RedisError, OSError) as exc:
            # Unacknowledged entries stay pending and are reclaimed; nothing is lost.
            self._metrics.redis_errors.labels(type(exc).__name__).inc()
            kind = type(exc).__name__
            log.warning("%s: store error %s: %s; retry in ~%.1fs", name, kind, exc, backoff)
            return False
        except Exception:  # a loop's boundary: a bug is logged and retried, never fatal
            self._metrics.loop_errors.labels(name.split(" ")[0]).inc()
            log.exception("%s: unexpected error; retrying in about %.1fs", name, backoff)
            return False
        return True
