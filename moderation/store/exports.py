"""A site's comments on their way out: every comment with its status and decision, read in
chunks so an export of any size streams (``cli_porting.py`` writes JSON lines or Disqus XML)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from moderation.store import catalogue
from moderation.store.client import Redis
from moderation.store.comments import Stored, decode_stored
from moderation.store.keys import SiteKeys
from moderation.store.scripts import hmgets

_FIELDS = ["rec", "status", "v", "decision"]


async def stored(redis: Redis, keys: SiteKeys) -> AsyncIterator[Stored]:
    """Every comment of the site, status by status, oldest first within each."""
    async for ids in catalogue.chunks(redis, keys):
        for fields in await hmgets(redis, [keys.comment(i) for i in ids], _FIELDS):
            found = decode_stored(fields)
            if found is not None:
                yield found
