"""Keeping readers' data no longer than needed: a periodic sweep, run by one worker at a time.

- **personal data**: email, IP and user agent leave comments received more than
  ``pii_retention_days`` ago (name and body stay: they are the published comment). Comment ids
  sort by receipt time, so the old ones are an id range of each status index; a per-site
  watermark (``swept``: the highest id already stripped) makes each comment's strip a
  one-time cost. Whatever writes comments with older ids (an import) deletes it.
- **audit**: entries older than ``audit_retention_days`` are trimmed from the stream
  (``XTRIM MINID``: stream ids are milliseconds) and from comment histories (``trim.lua``).

The leader is whoever sets ``mod:retention`` first; it expires after one interval, so the
fleet sweeps about once an interval whatever the number of workers. A sweep is idempotent,
so two at once (a slow one overtaken) only repeat work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from moderation import ids
from moderation.settings import Settings
from moderation.store import catalogue, redaction
from moderation.store import keys as schema
from moderation.store.client import Redis, text
from moderation.store.comments import Outcome, decode_comment
from moderation.store.keys import SiteKeys
from moderation.store.scripts import STRIP, TRIM, Scripts, hmgets

RETRIES = 5


class Swept(msgspec.Struct, frozen=True):
    """What one sweep of one site changed."""

    site: str
    stripped: int = 0
    audit_trimmed: int = 0
    history_trimmed: int = 0

    @property
    def changed(self) -> int:
        return self.stripped + self.audit_trimmed + self.history_trimmed


async def lead(redis: Redis, owner: str, seconds: int) -> bool:
    """Take the sweep for the next ``seconds`` unless another worker holds it."""
    return bool(await redis.set(schema.RETENTION, owner, nx=True, ex=max(seconds, 1)))


async def sweep(
    redis: Redis, scripts: Scripts, settings: Settings, now: dt.datetime
) -> list[Swept]:
    """One sweep of every site, as of ``now`` (injected, so tests can move time)."""
    site_ids = sorted(text(member) for member in await redis.smembers(schema.SITES))
    return [
        await sweep_site(redis, scripts, SiteKeys(site_id, settings.shards), settings, now)
        for site_id in site_ids
    ]


async def sweep_site(
    redis: Redis, scripts: Scripts, keys: SiteKeys, settings: Settings, now: dt.datetime
) -> Swept:
    swept = Swept(keys.site_id)
    if settings.pii_retention_days > 0:
        cutoff = _ms(now - dt.timedelta(days=settings.pii_retention_days))
        swept = msgspec.structs.replace(swept, stripped=await _strip(redis, scripts, keys, cutoff))
    if settings.audit_retention_days > 0:
        cutoff = _ms(now - dt.timedelta(days=settings.audit_retention_days))
        trimmed: int = await redis.xtrim(keys.audit, minid=cutoff, approximate=False)
        lines = await _trim_histories(redis, scripts, keys, cutoff)
        swept = msgspec.structs.replace(swept, audit_trimmed=trimmed, history_trimmed=lines)
    return swept


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


async def _strip(redis: Redis, scripts: Scripts, keys: SiteKeys, cutoff_ms: int) -> int:
    mark = await redis.hget(keys.swept, "pii")
    stripped = left = 0
    last = text(mark) if mark else ""
    async for chunk in catalogue.chunks(redis, keys, after=last, below=ids.floor(cutoff_ms)):
        done, missed = await _strip_chunk(redis, scripts, keys, chunk)
        stripped, left, last = stripped + done, left + missed, max(last, chunk[-1])
    if last and not left:  # else the next sweep looks at this range again
        await redis.hset(keys.swept, "pii", last)
    return stripped


async def _strip_chunk(
    redis: Redis, scripts: Scripts, keys: SiteKeys, chunk: Sequence[str]
) -> tuple[int, int]:
    """Strip each record at the version read; read again what a decision moved meanwhile."""
    done, pending = 0, list(chunk)
    for _ in range(RETRIES):
        if not pending:
            break
        replies = await hmgets(redis, [keys.comment(i) for i in pending], ["rec", "v"])
        calls, called = [], []
        for comment_id, (rec, version) in zip(pending, replies, strict=True):
            if rec is None:
                continue
            record = decode_comment(rec)
            stripped = redaction.strip(record)
            if stripped != record:
                calls.append(
                    STRIP.call(
                        comment=keys.comment(comment_id),
                        version=text(version or b"0"),
                        record=stripped,
                    )
                )
                called.append(comment_id)
        outcomes = [Outcome(text(r)) for r in await scripts.run(redis, calls)]
        done += outcomes.count(Outcome.OK)
        pending = [i for i, o in zip(called, outcomes, strict=True) if o is Outcome.CONFLICT]
    return done, len(pending)


async def _trim_histories(redis: Redis, scripts: Scripts, keys: SiteKeys, cutoff_ms: int) -> int:
    """Histories can hold old lines only on comments received before the cutoff."""
    dropped = 0
    async for chunk in catalogue.chunks(redis, keys, below=ids.floor(cutoff_ms)):
        calls = [TRIM.call(history=keys.history(i), before=cutoff_ms) for i in chunk]
        dropped += sum(int(n) for n in await scripts.run(redis, calls))
    return dropped
