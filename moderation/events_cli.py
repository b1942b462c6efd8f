"""``moderation endpoints add|list|remove|rotate-secret|replay`` and ``moderation deliverer``."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from moderation import clock, ssrf
from moderation.deliverer import Deliverer
from moderation.errors import ModerationError
from moderation.settings import Settings
from moderation.store import embedded, events
from moderation.store.client import Redis
from moderation.store.endpoints import Endpoints
from moderation.store.events import EventType
from moderation.store.keys import SiteKeys
from moderation.store.outbox import Due, Outbox
from moderation.webhooks import Guard, register

Run = Callable[[Settings, Callable[[Redis], Any]], Any]


def add_commands(commands: Any, site_id: Callable[[str], str], with_redis: Run) -> None:
    """Register the subcommands; ``with_redis`` runs an action against the store."""
    endpoints = commands.add_parser("endpoints", help="where a site's events go").add_subparsers(
        required=True, metavar="ACTION"
    )

    def sub(name: str, run: Callable[..., int], help: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = endpoints.add_parser(name, help=help, description=help)
        parser.add_argument("--data-dir", type=Path)
        parser.add_argument("site_id", type=site_id)
        parser.set_defaults(run=lambda settings, args: run(settings, args, with_redis))
        return parser

    add = sub("add", _add, "register an endpoint URL; prints its signing secret once")
    add.add_argument("--url", required=True)
    add.add_argument(
        "--event",
        action="append",
        default=[],
        choices=[t.value for t in EventType],
        help="an event type to send (repeatable; default every type)",
    )
    sub("list", _list, "list the site's endpoints and their state (no secrets)")
    sub("remove", _remove, "remove an endpoint").add_argument("endpoint_id")
    rotate = sub(
        "rotate-secret", _rotate, "new signing secret; the old one signs beside it a while"
    )
    rotate.add_argument("endpoint_id")
    replay = sub("replay", _replay, "re-send the events since TIME (re-enables the endpoint)")
    replay.add_argument("endpoint_id")
    replay.add_argument(
        "--since", required=True, type=_moment, help="RFC 3339, e.g. 2026-12-01T00:00:00Z"
    )


def _moment(value: str) -> float:
    try:
        return clock.parse_rfc3339(value).timestamp()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _store(settings: Settings, redis: Redis) -> Endpoints:
    return Endpoints(redis, settings.shards, secret_grace_seconds=settings.secret_grace_seconds)


async def _known_site(redis: Redis, settings: Settings, site_id: str) -> SiteKeys:
    keys = SiteKeys(site_id, settings.shards)
    if not await redis.exists(keys.site):
        raise ModerationError(f"no site {site_id!r}")
    return keys


def _print(value: Any) -> None:
    sys.stdout.write(msgspec.json.encode(value).decode() + "\n")


def _add(settings: Settings, args: argparse.Namespace, with_redis: Run) -> int:
    guard = Guard(
        allow_http=settings.events_allow_http,
        allow_private=settings.events_allow_private_networks,
    )

    async def add(redis: Redis) -> Any:
        await _known_site(redis, settings, args.site_id)
        kinds = [EventType(e) for e in args.event]
        try:
            return await register(_store(settings, redis), guard, args.site_id, args.url, kinds)
        except ssrf.Refused as exc:
            raise ModerationError(f"--url: {exc}") from None

    _print(with_redis(settings, add))
    return 0


def _list(settings: Settings, args: argparse.Namespace, with_redis: Run) -> int:
    async def listing(redis: Redis) -> Any:
        await _known_site(redis, settings, args.site_id)
        return await _store(settings, redis).statuses(args.site_id)

    _print(with_redis(settings, listing))
    return 0


def _remove(settings: Settings, args: argparse.Namespace, with_redis: Run) -> int:
    async def remove(redis: Redis) -> bool:
        return await _store(settings, redis).remove(args.site_id, args.endpoint_id)

    if not with_redis(settings, remove):
        raise ModerationError(f"no endpoint {args.endpoint_id!r} in site {args.site_id!r}")
    _print({"removed": args.endpoint_id})
    return 0


def _rotate(settings: Settings, args: argparse.Namespace, with_redis: Run) -> int:
    async def rotate(redis: Redis) -> Any:
        return await _store(settings, redis).rotate_secret(args.site_id, args.endpoint_id)

    rotated = with_redis(settings, rotate)
    if rotated is None:
        raise ModerationError(f"no endpoint {args.endpoint_id!r} in site {args.site_id!r}")
    _print(rotated)
    return 0


def _replay(settings: Settings, args: argparse.Namespace, with_redis: Run) -> int:
    async def replay(redis: Redis) -> int:
        keys = await _known_site(redis, settings, args.site_id)
        store = _store(settings, redis)
        loaded = await store.load(args.site_id, args.endpoint_id)
        if loaded is None:
            raise ModerationError(f"no endpoint {args.endpoint_id!r} in site {args.site_id!r}")
        found = await events.since(redis, keys, int(args.since * 1000), count=100_000)
        due = [
            Due(keys.shard, args.site_id, args.endpoint_id, item.id)
            for item in found
            if loaded.endpoint.wants(item.type)
        ]
        await store.enable(args.site_id, args.endpoint_id)
        await Outbox(redis).schedule(due, int(time.time() * 1000))
        return len(due)

    _print({"endpoint": args.endpoint_id, "scheduled": with_redis(settings, replay)})
    return 0


def run_deliverer(settings: Settings, args: argparse.Namespace) -> int:
    async def deliver(url: str) -> None:
        async with Deliverer(settings, url, metrics_port=args.metrics_port) as deliverer:
            if args.burst:
                print(await deliverer.run_once())
                return
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, deliverer.stop)
            await deliverer.run()

    with embedded.store_url(settings, start=False) as url:
        asyncio.run(deliver(url))
    return 0
