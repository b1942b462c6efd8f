"""``moderation store check``: the store's health as one JSON object; exit 1 on a problem."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import msgspec

from moderation.deadletters import WithRedis
from moderation.settings import Settings
from moderation.store.check import check


def register(commands: Any, with_redis: WithRedis) -> None:
    store = commands.add_parser("store", help="the store as an operator sees it").add_subparsers(
        required=True, metavar="ACTION"
    )
    sub = store.add_parser(
        "check",
        help="schema, key counts, comments by status, lag, pending, dead letters, persistence",
    )
    sub.add_argument("--data-dir", type=Path)

    def run(settings: Settings, args: argparse.Namespace) -> int:
        report = with_redis(settings, lambda redis: check(redis, settings.shards))
        print(msgspec.json.encode(report).decode())
        return 0 if report.ok else 1

    sub.set_defaults(run=run)
