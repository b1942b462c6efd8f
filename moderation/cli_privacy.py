"""``moderation authors erase|export``: a reader's rights, run by an operator (``cli.py``
registers them)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from moderation.cli import _print, _site_id, _with_redis
from moderation.errors import ModerationError
from moderation.models import Author
from moderation.settings import Settings
from moderation.store.client import Redis
from moderation.store.erasure import erase
from moderation.store.keys import SiteKeys
from moderation.store.privacy import Bodies, export
from moderation.store.scripts import Scripts
from moderation.store.sites import Sites

ACTOR = "cli"  # the audit's name for an operator at the command line


def register(commands: Any) -> None:
    authors = commands.add_parser("authors", help="readers' data: erase or export").add_subparsers(
        required=True, metavar="ACTION"
    )
    erasing = authors.add_parser(
        "erase", help="erase a reader's name, email, address and user agent from a site"
    )
    erasing.add_argument(
        "--comments",
        choices=[b.value for b in Bodies],
        default=Bodies.KEEP.value,
        help="keep the comments under a placeholder name, or unpublish and empty them",
    )
    erasing.set_defaults(run=run_erase)
    exporting = authors.add_parser("export", help="print everything a site keeps about a reader")
    exporting.set_defaults(run=run_export)
    for sub in (erasing, exporting):
        sub.add_argument("site_id", type=_site_id)
        who = sub.add_mutually_exclusive_group(required=True)
        who.add_argument("--author", help="the reader's author key (as the review API shows it)")
        who.add_argument("--email", help="the reader's email, for readers known by it")
        sub.add_argument("--data-dir", type=Path)


def _author_key(args: argparse.Namespace) -> str:
    key: str = args.author or Author(name="-", email=args.email).key
    return key


async def _keys(redis: Redis, settings: Settings, site_id: str) -> SiteKeys:
    if await Sites(redis, settings).get(site_id, fresh=True) is None:
        raise ModerationError(f"no site {site_id!r}")
    return SiteKeys(site_id, settings.shards, settings.pseudonym_key)


def run_erase(settings: Settings, args: argparse.Namespace) -> int:
    async def run(redis: Redis) -> Any:
        keys = await _keys(redis, settings, args.site_id)
        remove = Bodies(args.comments) is Bodies.REMOVE
        return await erase(redis, Scripts(), keys, _author_key(args), remove=remove, actor=ACTOR)

    _print(_with_redis(settings, run))
    return 0


def run_export(settings: Settings, args: argparse.Namespace) -> int:
    async def run(redis: Redis) -> Any:
        return await export(redis, await _keys(redis, settings, args.site_id), _author_key(args))

    _print(_with_redis(settings, run))
    return 0
