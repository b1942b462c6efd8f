"""The worker's heartbeat: a local file for the exec probe (``moderation worker --check``)
and a Redis key with a TTL for operators, written every ``MODERATION_HEARTBEAT_SECONDS``.

The file is touched only while every loop of the worker keeps going round, so a worker whose
consumers are stuck is restarted even though its event loop still answers.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

from moderation.loops import Loops
from moderation.settings import Settings
from moderation.store import heartbeats
from moderation.store.client import Redis

STALE_AFTER_BEATS = 3  # missed beats before a worker is declared dead
# A loop may take a blocking read, a batch and a few socket timeouts to go round once.
STUCK_AFTER_SECONDS = 30.0


def heartbeat_file(settings: Settings) -> Path:
    return settings.data_dir / "worker.heartbeat"


class Heartbeat:
    def __init__(self, redis: Redis, settings: Settings, consumer: str, loops: Loops) -> None:
        self._redis, self._consumer, self._loops = redis, consumer, loops
        self.interval = settings.heartbeat_seconds
        self._file = heartbeat_file(settings)
        self._stuck_after = STUCK_AFTER_SECONDS + 2 * settings.redis_socket_timeout_seconds

    async def beat(self) -> None:
        if self._loops.stalest() <= self._stuck_after:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            self._file.write_text(f"{self._consumer} {time.time():.3f}\n")
        beat = heartbeats.Beat(
            consumer=self._consumer,
            host=socket.gethostname(),
            pid=os.getpid(),
            at_ms=int(time.time() * 1000),
        )
        await heartbeats.record(self._redis, beat, self.interval * STALE_AFTER_BEATS)


def check(settings: Settings) -> tuple[bool, str]:
    """Whether this machine's worker beat recently: what ``moderation worker --check`` says."""
    path = heartbeat_file(settings)
    try:
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return False, f"no heartbeat at {path}"
    limit = settings.heartbeat_seconds * STALE_AFTER_BEATS
    if age > limit:
        return False, f"heartbeat {age:.0f}s old (limit {limit:.0f}s) at {path}"
    return True, f"heartbeat {age:.1f}s old"
