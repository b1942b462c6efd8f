"""Widget versions: one ``GET`` per key and loop turn, shared by every request reading it.

Each widget request checks its render against the thread's (or site's) version before it
answers. Read one command per request, that ``GET`` cost more than the rest of a cached
answer; here the requests of one loop turn wait on one pipeline and the requests for the same
key on one reply. The pipeline is sent after the turn in which a request arrived, so the
version it sees is never older than the request: a decision published before a widget
request is in its answer, with no window of staleness.
"""

from __future__ import annotations

from moderation.store.batching import TurnBatch
from moderation.store.client import Redis


class Versions:
    """``await versions.get(key)``: the key's value now, or ``b"0"`` while it is unset."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._batched: TurnBatch[str] = TurnBatch(self._read)

    async def get(self, key: str) -> bytes:
        value: bytes = await self._batched(key)
        return value

    async def _read(self, wanted: list[str]) -> list[bytes]:
        unique = list(dict.fromkeys(wanted))
        if len(unique) == 1:  # the usual case: one hot thread
            value: bytes | None = await self._redis.get(unique[0])  # type: ignore[assignment]
            return [value or b"0"] * len(wanted)
        pipe = self._redis.pipeline(transaction=False)  # GETs, not MGET: keys span slots
        for key in unique:
            pipe.get(key)
        values = dict(zip(unique, await pipe.execute(), strict=True))
        return [values[key] or b"0" for key in wanted]

    async def aclose(self) -> None:
        await self._batched.aclose()
