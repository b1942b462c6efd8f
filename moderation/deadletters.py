"""``moderation dead-letters list|show|replay|drop``: the operator's side of dead letters."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import msgspec

from moderation.settings import Settings
from moderation.store.client import Redis
from moderation.store.deadletters import DeadLetters

WithRedis = Callable[[Settings, Callable[[Redis], Awaitable[Any]]], Any]


def register(commands: Any, with_redis: WithRedis) -> None:
    """Add the ``dead-letters`` command; ``with_redis`` runs an action against the store."""
    actions = commands.add_parser(
        "dead-letters", help="queue entries set aside: list, show, replay, drop"
    ).add_subparsers(required=True, metavar="ACTION")

    def action(name: str, help: str, run: Callable[[DeadLetters, Any], Awaitable[Any]]) -> Any:
        sub = actions.add_parser(name, help=help, description=help)
        sub.add_argument("--data-dir", type=Path)

        def main(settings: Settings, args: argparse.Namespace) -> int:
            with_redis(settings, lambda redis: run(DeadLetters(redis, settings.shards), args))
            return 0

        sub.set_defaults(run=main)
        return sub

    listing = action("list", "print dead letters as JSON lines, oldest first per shard", _list)
    listing.add_argument("--limit", type=int, default=100, help="per shard (default 100)")
    action("show", "print one dead letter", _show).add_argument("name", help="<shard>:<entry id>")
    replay = action("replay", "queue the letters' comments again and remove the letters", _replay)
    replay.add_argument("names", nargs="*", metavar="NAME")
    replay.add_argument("--all", action="store_true", help="every letter that names a comment")
    drop = action("drop", "delete dead letters for good", _drop)
    drop.add_argument("names", nargs="+", metavar="NAME")


def _print(value: Any) -> None:
    print(msgspec.json.encode(value).decode())


async def _list(letters: DeadLetters, args: argparse.Namespace) -> None:
    for letter in await letters.list(args.limit):
        _print(letter)


async def _show(letters: DeadLetters, args: argparse.Namespace) -> None:
    _print(await letters.get(args.name))


async def _replay(letters: DeadLetters, args: argparse.Namespace) -> None:
    names = list(args.names)
    if args.all:
        names += [x.id for x in await letters.list(10_000) if x.site and x.comment_id]
    for name in dict.fromkeys(names):
        _print({"replayed": name, "entry": await letters.replay(name)})


async def _drop(letters: DeadLetters, args: argparse.Namespace) -> None:
    for name in args.names:
        await letters.drop(name)
        _print({"dropped": name})
