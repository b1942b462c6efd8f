"""``moderation import`` and ``moderation export``: a site's comments in from Disqus or
WordPress, and out as JSON lines or Disqus XML (``cli.py`` registers them)."""

from __future__ import annotations

import argparse
import enum
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import msgspec

from moderation.cli import _print, _site_id, _with_redis
from moderation.errors import ModerationError
from moderation.models import Comment, Decision, FilterName, Status, Thread
from moderation.porting import disqus, wordpress
from moderation.porting.plan import plan
from moderation.porting.records import Record
from moderation.porting.xmlstream import Malformed
from moderation.settings import Settings
from moderation.store import exports
from moderation.store.client import Redis
from moderation.store.imports import write
from moderation.store.keys import SiteKeys
from moderation.store.scripts import Scripts
from moderation.store.sites import Sites

ACTOR = "cli"
_encode = msgspec.json.Encoder().encode
LARGE = 1 << 20  # files from this size show their progress on stderr


class Source(enum.StrEnum):
    DISQUS = "disqus"
    WORDPRESS = "wordpress"


class Format(enum.StrEnum):
    JSONL = "jsonl"  # one {"comment", "status", "decision"} a line
    DISQUS = "disqus"  # Disqus XML: what most comment systems import


class Line(msgspec.Struct, frozen=True):
    comment: Comment
    status: Status
    decision: Decision | None


READERS: dict[Source, Callable[..., Iterator[Record]]] = {
    Source.DISQUS: disqus.read,
    Source.WORDPRESS: wordpress.read,
}


def register(commands: Any) -> None:
    importing = commands.add_parser(
        "import",
        help="import a Disqus or WordPress export into a site (checked whole first; re-runnable)",
    )
    importing.add_argument("site_id", type=_site_id)
    importing.add_argument("file", type=Path)
    importing.add_argument("--format", required=True, choices=[s.value for s in Source])
    importing.add_argument(
        "--moderate", action="store_true", help="queue every comment for the pipeline"
    )
    importing.add_argument("--data-dir", type=Path)
    importing.set_defaults(run=run_import)
    exporting = commands.add_parser(
        "export", help="print every comment of a site, with status and decision"
    )
    exporting.add_argument("site_id", type=_site_id)
    exporting.add_argument("--format", choices=[f.value for f in Format], default=Format.JSONL)
    exporting.add_argument("--data-dir", type=Path)
    exporting.set_defaults(run=run_export)


class Bar:
    """A percentage on stderr, for large files only, rewritten in place."""

    def __init__(self, label: str, total: int, out: IO[str] = sys.stderr) -> None:
        self.label, self.total, self.out, self.shown = label, total, out, -1

    def __call__(self, done: int) -> None:
        percent = done * 100 // max(self.total, 1)
        if self.total >= LARGE and percent != self.shown:
            self.shown = percent
            end = "\n" if done >= self.total else ""
            self.out.write(f"\r{self.label}: {percent}% of {self.total:,} bytes{end}")
            self.out.flush()


def run_import(settings: Settings, args: argparse.Namespace) -> int:
    source, path = Source(args.format), args.file
    read = READERS[source]
    if not path.is_file():
        raise ModerationError(f"{path}: no such file")
    size = path.stat().st_size
    try:
        with path.open("rb") as stream:
            checked = plan(read(stream, Bar("checking", size)), args.site_id, source)
    except Malformed as exc:
        raise ModerationError(f"{path}: {exc}; nothing was imported") from None

    async def run(redis: Redis) -> Any:
        if await Sites(redis, settings).get(args.site_id, fresh=True) is None:
            raise ModerationError(f"no site {args.site_id!r}")
        keys = SiteKeys(args.site_id, settings.shards)
        with path.open("rb") as stream:
            return await write(
                redis,
                Scripts(),
                keys,
                read(stream, Bar("importing", size)),
                checked,
                moderate=args.moderate,
                recent_cap=settings.recent_size,
                actor=ACTOR,
            )

    _print(_with_redis(settings, run))
    return 0


def run_export(settings: Settings, args: argparse.Namespace) -> int:
    out = sys.stdout.buffer

    async def run(redis: Redis) -> None:
        if await Sites(redis, settings).get(args.site_id, fresh=True) is None:
            raise ModerationError(f"no site {args.site_id!r}")
        keys = SiteKeys(args.site_id, settings.shards)
        if Format(args.format) is Format.JSONL:
            async for found in exports.stored(redis, keys):
                out.write(_encode(Line(found.comment, found.status, found.decision)) + b"\n")
        else:
            await _disqus(redis, keys, out)
        out.flush()

    try:
        _with_redis(settings, run)
    except BrokenPipeError:  # the reader (``| head``) has seen enough: as Python's docs advise,
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error at exit
    return 0


async def _disqus(redis: Redis, keys: SiteKeys, out: IO[bytes]) -> None:
    """Two passes: every thread first (each with its first comment's time), then every post."""
    threads: dict[str, tuple[Thread, str]] = {}
    async for found in exports.stored(redis, keys):
        thread, at = found.comment.thread, found.comment.created_at
        if thread.id not in threads or at < threads[thread.id][1]:
            threads[thread.id] = (thread, at)
    writer = disqus.Writer(out)
    for thread, at in threads.values():
        writer.thread(thread, at)
    async for found in exports.stored(redis, keys):
        spam = (
            any(f.filter is FilterName.SPAM for f in found.decision.reasons)
            if found.decision
            else False
        )
        writer.post(found.comment, found.status, spam)
    writer.end()
