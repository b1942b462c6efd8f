"""``moderation store check``: what an operator wants to see after a restore or before an
upgrade: schema version, key counts, comments by status per site, queue lag, pending, dead
letters, live workers and how the store persists. Read-only."""

from __future__ import annotations

from typing import Any

import msgspec
from redis.exceptions import ResponseError

from moderation.models import Status
from moderation.store import heartbeats, keys
from moderation.store.client import Redis, text
from moderation.store.stats import Shard, Stats


class Report(msgspec.Struct):
    ok: bool
    problems: list[str]  # make the check fail (exit 1)
    warnings: list[str]  # worth knowing, not failing
    schema: int | None
    shards: int | None
    keys: int
    sites: int
    tokens: int
    comments: dict[str, dict[str, int]]  # site → status → count
    queue: list[Shard]
    workers: list[str]
    persistence: dict[str, str]


async def check(redis: Redis, shards: int) -> Report:
    meta = {text(k): text(v) for k, v in (await redis.hgetall(keys.META)).items()}
    sites = sorted(text(s) for s in await redis.smembers(keys.SITES))
    pipe = redis.pipeline(transaction=False)
    pipe.dbsize()
    pipe.hlen(keys.TOKENS)
    for site in sites:
        for status in Status:
            pipe.zcard(keys.SiteKeys(site, shards).by_status(status))
    counts: list[int] = await pipe.execute()
    by_status = iter(counts[2:])
    comments = {site: {status.value: next(by_status) for status in Status} for site in sites}
    snapshot = await Stats(redis, shards).read()
    report = Report(
        ok=True,
        problems=[],
        warnings=[],
        schema=int(meta["schema"]) if "schema" in meta else None,
        shards=int(meta["shards"]) if "shards" in meta else None,
        keys=counts[0],
        sites=len(sites),
        tokens=counts[1],
        comments=comments,
        queue=snapshot.shards,
        workers=await heartbeats.alive(redis),
        persistence=await _persistence(redis),
    )
    _judge(report, shards)
    return report


async def _persistence(redis: Redis) -> dict[str, str]:
    info: dict[str, Any] = await redis.info("persistence")
    wanted = ("aof_enabled", "aof_last_write_status", "rdb_last_bgsave_status", "loading")
    found = {name: str(info[name]) for name in wanted if name in info}
    try:  # managed services often refuse CONFIG
        reply = await redis.config_get("appendfsync")
        found["appendfsync"] = text(next(iter(reply.values()), ""))
    except ResponseError:
        found["appendfsync"] = "unknown (CONFIG refused)"
    return found


def _judge(report: Report, shards: int) -> None:
    if report.schema != keys.SCHEMA:
        report.problems.append(f"schema version {report.schema}, this code expects {keys.SCHEMA}")
    if report.shards not in (None, shards):
        report.problems.append(f"store has {report.shards} shards, MODERATION_SHARDS={shards}")
    if dead := sum(shard.dead for shard in report.queue):
        report.problems.append(f"{dead} dead letters (moderation dead-letters list)")
    if any(shard.lag < 0 for shard in report.queue):
        report.problems.append("a shard's lag cannot be read (no consumer group, or Redis < 7)")
    if report.persistence.get("aof_enabled") != "1":
        report.warnings.append("AOF is off: an accepted comment may be lost in a crash")
    if report.persistence.get("aof_last_write_status") == "err":
        report.problems.append("the last AOF write failed")
    report.ok = not report.problems
