"""``moderation sites update|rotate-key|delete``: a site's life after creation (``cli.py``
registers them under ``sites``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from moderation.cli import _origin, _print, _site_id, _with_redis
from moderation.errors import ModerationError
from moderation.settings import Settings
from moderation.store import lifecycle
from moderation.store.client import Redis
from moderation.store.sites import Sites


def register(sites: Any) -> None:
    update = sites.add_parser("update", help="rename a site, add or remove page origins")
    update.add_argument("--name")
    update.add_argument("--origin", action="append", default=[], type=_origin, help="add one")
    update.add_argument(
        "--remove-origin", action="append", default=[], type=_origin, help="remove one"
    )
    update.set_defaults(run=run_update)
    rotate = sites.add_parser(
        "rotate-key", help="issue a new API key; the old one works for the grace period"
    )
    rotate.set_defaults(run=run_rotate_key)
    delete = sites.add_parser(
        "delete", help="delete a site and every key of it; its id is held for a day"
    )
    delete.add_argument("--confirm", required=True, metavar="SITE", help="the site id again")
    delete.set_defaults(run=run_delete)
    for sub in (update, rotate, delete):
        sub.add_argument("site_id", type=_site_id)
        sub.add_argument("--data-dir", type=Path)


def _summary(site: Any) -> dict[str, Any]:
    return {"id": site.id, "name": site.name, "origins": site.origins}


def run_update(settings: Settings, args: argparse.Namespace) -> int:
    async def run(redis: Redis) -> Any:
        return await lifecycle.update(
            Sites(redis, settings),
            args.site_id,
            name=args.name,
            add=args.origin,
            remove=args.remove_origin,
        )

    _print(_summary(_with_redis(settings, run)))
    return 0


def run_rotate_key(settings: Settings, args: argparse.Namespace) -> int:
    async def run(redis: Redis) -> Any:
        sites = Sites(redis, settings)
        return await lifecycle.rotate_key(redis, sites, args.site_id, settings.secret_grace_seconds)

    _print(_with_redis(settings, run))
    return 0


def run_delete(settings: Settings, args: argparse.Namespace) -> int:
    if args.confirm != args.site_id:
        raise ModerationError(f"to delete {args.site_id!r}, pass --confirm {args.site_id}")

    def progress(deleted: int) -> None:
        sys.stderr.write(f"\rdeleting {args.site_id}: {deleted:,} keys")
        sys.stderr.flush()

    async def run(redis: Redis) -> Any:
        return await lifecycle.delete(redis, Sites(redis, settings), args.site_id, progress)

    done = _with_redis(settings, run)
    sys.stderr.write("\n")
    _print(done)
    return 0
