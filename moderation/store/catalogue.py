"""Every comment of a site, chunk by chunk, through its status indexes (each comment is in
exactly one); within a status, oldest first (ids sort by time)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from moderation.models import Status
from moderation.store.client import Redis, text
from moderation.store.keys import SiteKeys

CHUNK = 200


async def chunks(
    redis: Redis, keys: SiteKeys, *, after: str = "", below: str = ""
) -> AsyncIterator[list[str]]:
    """Ids after ``after`` and below ``below`` (either '' for no bound), in every status."""
    for status in Status:
        low = f"({after}" if after else "-"
        high = f"({below}" if below else "+"
        while chunk := await redis.zrange(
            keys.by_status(status), low, high, bylex=True, offset=0, num=CHUNK
        ):
            found = [text(member) for member in chunk]
            yield found
            low = f"({found[-1]}"
