"""The ``moderation`` command: serve, api, worker, and the operator's site commands."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import json
import logging
import os
import signal
import sys
import zlib
from collections.abc import Awaitable, Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec
import uvicorn
from redis.exceptions import RedisError

from moderation import deadletters, evaluation, events_cli, heartbeat, logs, storecheck, widget_cli
from moderation import policy as policies
from moderation.api.app import create_app
from moderation.deliverer import Deliverer
from moderation.errors import ModerationError
from moderation.filters.classifier import Model
from moderation.filters.pipeline import Pipeline
from moderation.metrics import Metrics
from moderation.models import SITE_ID, Action, AuditAction, FilterName
from moderation.settings import Settings, SettingsError
from moderation.store import audit, embedded, pseudonyms, token_audit
from moderation.store.client import Redis, connect
from moderation.store.keys import SiteKeys
from moderation.store.sites import Sites
from moderation.store.tokens import Role, Tokens
from moderation.worker import Worker

log = logging.getLogger("moderation")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        if getattr(args, "data_dir", None) is not None:
            settings = settings.replace(data_dir=args.data_dir)
        logs.configure(settings)
        settings = pseudonyms.settled(settings, create=args.run is run_serve)
        result: int = args.run(settings, args)
        return result
    except (ModerationError, SettingsError, embedded.NoStore) as exc:
        print(f"moderation: {exc}", file=sys.stderr)
        return 1


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="moderation", description=__doc__)
    commands = top.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, run: Callable[..., int], help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument(
            "--data-dir", type=Path, help="embedded store folder (default ./moderation-data)"
        )
        sub.set_defaults(run=run)
        return sub

    serve = command(
        "serve", run_serve, "run the API and a worker (embedded store unless MODERATION_REDIS_URL)"
    )
    _listen(serve)
    api = command("api", run_api, "run only the HTTP API")
    _listen(api)
    api.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    worker = command("worker", run_worker, "run only the moderating worker")
    worker.add_argument("--burst", action="store_true", help="drain the queue once and exit")
    worker.add_argument(
        "--check",
        action="store_true",
        help="exit 0 if this machine's worker beat recently, 1 if not (a liveness exec probe)",
    )
    worker.add_argument(
        "--metrics-port", type=_port, help="serve the worker's Prometheus metrics on this port"
    )
    deliverer = command("deliverer", events_cli.run_deliverer, "run only the event deliverer")
    deliverer.add_argument("--burst", action="store_true", help="deliver what is due and exit")
    deliverer.add_argument(
        "--metrics-port", type=_port, help="serve the deliverer's Prometheus metrics on this port"
    )

    sites = commands.add_parser("sites", help="create and manage sites").add_subparsers(
        required=True, metavar="ACTION"
    )

    def site_command(name: str, run: Callable[..., int], help: str) -> argparse.ArgumentParser:
        sub = sites.add_parser(name, help=help, description=help)
        sub.add_argument("--data-dir", type=Path)
        sub.set_defaults(run=run)
        return sub

    create = site_command(
        "create", run_sites_create, "create a site; prints its secret and API key once"
    )
    create.add_argument("site_id", type=_site_id)
    create.add_argument("--name", required=True)
    create.add_argument(
        "--origin",
        action="append",
        default=[],
        type=_origin,
        help="a page origin allowed to read the widgets (repeatable)",
    )
    site_command("list", run_sites_list, "list sites (no secrets)")
    rotate = site_command(
        "rotate-secret",
        run_sites_rotate,
        "issue a new signing secret; the old one works for the grace period",
    )
    rotate.add_argument("site_id", type=_site_id)
    _policy_arguments(
        site_command("policy", run_sites_policy, "change a site's moderation policy; prints it")
    )
    from moderation import cli_sites  # update, rotate-key, delete: they use this module's helpers

    cli_sites.register(sites)
    _review_commands(commands)
    deadletters.register(commands, _with_redis)
    storecheck.register(commands, _with_redis)
    events_cli.add_commands(commands, _site_id, _with_redis)
    _eval_arguments(command("eval", run_eval, "score the pipeline on a labelled CSV or TSV"))
    from moderation import cli_porting, cli_privacy  # their commands use this module's helpers

    cli_privacy.register(commands)
    cli_porting.register(commands)
    widget_cli.register(command, _listen, serve_app)
    return top


def _policy_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("site_id", type=_site_id)
    sub.add_argument("--premoderation", choices=[p.value for p in policies.Premoderation])
    sub.add_argument(
        "--severity",
        action="append",
        default=[],
        type=_severity,
        metavar="SEVERITY=ACTION",
        help="mild|strong|severe = mask|hold|reject (repeatable)",
    )
    for flag, help in (
        ("--ban", "a word to reject"),
        ("--suspect", "a word to hold for a human"),
        ("--allow", "a listed word never to flag"),
        ("--allow-domain", "a link domain the spam filters accept"),
        ("--allow-phone", "the site's own hotline number, never taken for an offer"),
    ):
        sub.add_argument(flag, action="append", default=[], help=f"{help} (repeatable)")
    sub.add_argument("--spam-hold", type=float, help="spam score that holds (default 0.5)")
    sub.add_argument("--spam-reject", type=float, help="spam score that rejects (default 0.9)")


def _eval_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", type=Path)
    sub.add_argument("--text-column")
    sub.add_argument("--label-column")
    sub.add_argument(
        "--hate-column",
        help="a hate-speech label column: slur findings are scored against it, and the label "
        "against every other finding (the decisions do not change)",
    )
    sub.add_argument(
        "--suite",
        action="store_true",
        help="FILE is an adversarial suite (JSONL: text, label, category): per-category figures",
    )
    sub.add_argument("--misses", action="store_true", help="with --suite: list every wrong row")
    sub.add_argument(
        "--calibration",
        action="store_true",
        help="print the reliability curve of one filter's scores instead of the confusion",
    )
    sub.add_argument(
        "--filter",
        type=FilterName,
        default=FilterName.SPAM,
        choices=[FilterName.SPAM, FilterName.PROFANITY, FilterName.ABUSE],
        help="with --calibration: whose scores (default spam)",
    )
    sub.add_argument("--positive", default="1", help="the label value of a bad row (default 1)")
    sub.add_argument("--site", type=_site_id, help="use this site's policy (needs the store)")
    sub.add_argument("--json", action="store_true", help="print JSON instead of a table")
    sub.add_argument("--limit", type=int, help="only the first N rows")
    sub.add_argument("--delimiter", help="default: tab for .tsv, else comma")
    sub.add_argument("--encoding", default="utf-8", help="e.g. latin-1")
    sub.add_argument(
        "--unescape",
        action="store_true",
        help="the text holds Python byte-string escapes (\\n, \\xf0\\x9f...): decode them first",
    )
    sub.add_argument(
        "--model",
        type=Path,
        help="a spam model file from scripts/train_spam.py instead of the shipped one"
        " (held-out figures)",
    )


def _review_commands(commands: Any) -> None:
    """``tokens create|list|revoke`` and ``audit export``: the moderators' side."""
    tokens = commands.add_parser("tokens", help="moderator credentials").add_subparsers(
        required=True, metavar="ACTION"
    )
    create = tokens.add_parser("create", help="create a token; prints it once")
    create.add_argument("--name", required=True)
    create.add_argument("--role", required=True, choices=[r.value for r in Role])
    create.add_argument("--site", action="append", required=True, type=_site_id, dest="sites")
    create.set_defaults(run=run_tokens_create)
    listing = tokens.add_parser("list", help="list tokens (never the token)")
    listing.set_defaults(run=run_tokens_list)
    revoke = tokens.add_parser("revoke", help="revoke a token by name")
    revoke.add_argument("name")
    revoke.set_defaults(run=run_tokens_revoke)
    audit_log = commands.add_parser("audit", help="the audit log").add_subparsers(
        required=True, metavar="ACTION"
    )
    export = audit_log.add_parser("export", help="print a site's audit log as JSON lines")
    export.add_argument("site_id", type=_site_id)
    export.set_defaults(run=run_audit_export)
    for sub in (create, listing, revoke, export):
        sub.add_argument("--data-dir", type=Path)


def _listen(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--host", default="127.0.0.1")
    sub.add_argument("--port", type=_port, default=8000)


def _port(value: str) -> int:
    """A TCP port (0: any free one), refused by the parser rather than by the socket."""
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError("a port is a number from 0 to 65535")
    return int(value)


def _site_id(value: str) -> str:
    if not SITE_ID.fullmatch(value):
        raise argparse.ArgumentTypeError("use 1-63 lowercase letters, digits, '-' or '_'")
    return value


def _severity(value: str) -> tuple[policies.Severity, Action]:
    try:
        return policies.severity_setting(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("use mild|strong|severe=mask|hold|reject") from exc


def _origin(value: str) -> str:
    if not value.startswith(("https://", "http://")) or value.count("/") != 2:
        raise argparse.ArgumentTypeError("an origin is scheme://host[:port], with no path")
    return value


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: ``serve`` stops the API and worker together."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def run_serve(settings: Settings, args: argparse.Namespace) -> int:
    with embedded.store_url(settings) as url:
        asyncio.run(_serve(settings, url, args.host, args.port))
    return 0


async def _serve(settings: Settings, url: str, host: str, port: int) -> None:
    await serve_app(settings, url, host, port)


async def serve_app(
    settings: Settings,
    url: str,
    host: str,
    port: int,
    wrap: Callable[[Any], Any] = lambda app: app,
) -> None:
    """The API (``wrap``-ped, e.g. with the demo page), a worker and the event deliverer
    until SIGINT/SIGTERM."""
    registry = Metrics()  # one /metrics for the API, the worker and the deliverer
    config = uvicorn.Config(
        wrap(create_app(settings, url, registry)),
        host=host,
        port=port,
        log_level=settings.log_level,
        access_log=False,  # moderation.access logs each request (api/access.py)
        log_config=None,  # keep logs.configure's handler: one format for every line
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )
    server = _Server(config)
    async with (
        Worker(settings, url, metrics=registry) as worker,
        Deliverer(settings, url, metrics=registry) as deliverer,
    ):

        def stop() -> None:
            server.should_exit = True
            worker.stop()
            deliverer.stop()

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop)
        work = asyncio.create_task(worker.run())
        deliver = asyncio.create_task(deliverer.run())
        await server.serve()
        worker.stop()
        deliverer.stop()
        await work
        await deliver


def app_from_env() -> Any:
    """uvicorn factory for ``moderation api --workers N`` (each process reads the env)."""
    settings = Settings.from_env()
    assert settings.redis_url, "moderation api sets MODERATION_REDIS_URL before forking"
    logs.configure(settings)  # a fresh process: its logging is not yet set up
    return create_app(settings, settings.redis_url)


def run_api(settings: Settings, args: argparse.Namespace) -> int:
    with embedded.store_url(settings, start=False) as url:
        os.environ["MODERATION_REDIS_URL"] = url
        if settings.pseudonym_key:  # the data dir's, for the forked processes
            os.environ["MODERATION_PSEUDONYM_KEY"] = settings.pseudonym_key
        uvicorn.run(
            "moderation.cli:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=settings.log_level,
            access_log=False,
            log_config=None,
            proxy_headers=True,
            forwarded_allow_ips=settings.forwarded_allow_ips,
        )
    return 0


def run_worker(settings: Settings, args: argparse.Namespace) -> int:
    if args.check:
        alive, why = heartbeat.check(settings)
        print(why)
        return 0 if alive else 1

    async def work(url: str) -> None:
        async with Worker(settings, url, metrics_port=args.metrics_port) as worker:
            if args.burst:
                print(await worker.run_once())
                return
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, worker.stop)
            await worker.run()

    with embedded.store_url(settings, start=False) as url:
        asyncio.run(work(url))
    return 0


def _with_sites(settings: Settings, action: Callable[[Sites], Awaitable[Any]]) -> Any:
    return _with_redis(settings, lambda redis: action(Sites(redis, settings)))


def _with_redis(settings: Settings, action: Callable[[Redis], Awaitable[Any]]) -> Any:
    async def run(url: str) -> Any:
        redis: Redis = connect(
            url,
            cluster=settings.redis_cluster,
            socket_timeout=settings.redis_socket_timeout_seconds,
            connect_timeout=settings.redis_connect_timeout_seconds,
        )
        try:
            return await action(redis)
        finally:
            await redis.aclose()

    with embedded.store_url(settings) as url:
        return asyncio.run(run(url))


def _print(value: Any) -> None:
    sys.stdout.write(msgspec.json.encode(value).decode() + "\n")


def run_sites_create(settings: Settings, args: argparse.Namespace) -> int:
    created = _with_sites(settings, lambda s: s.create(args.site_id, args.name, tuple(args.origin)))
    _print(created)
    return 0


def run_sites_list(settings: Settings, args: argparse.Namespace) -> int:
    sites = _with_sites(settings, lambda s: s.list())
    _print(
        [
            {
                "id": s.id,
                "name": s.name,
                "origins": s.origins,
                "created_at": s.created_at,
                "policy": s.policy,
            }
            for s in sites
        ]
    )
    return 0


def run_sites_rotate(settings: Settings, args: argparse.Namespace) -> int:
    async def rotate(sites: Sites) -> str:
        site = await sites.get(args.site_id, fresh=True)
        if site is None:
            raise ModerationError(f"no site {args.site_id!r}")
        return await sites.rotate_secret(site)

    secret = _with_sites(settings, rotate)
    _print(
        {
            "id": args.site_id,
            "secret": secret,
            "old_secrets_valid_for_seconds": settings.secret_grace_seconds,
        }
    )
    return 0


def run_sites_policy(settings: Settings, args: argparse.Namespace) -> int:
    async def change(sites: Sites) -> policies.Policy:
        site = await sites.get(args.site_id, fresh=True)
        if site is None:
            raise ModerationError(f"no site {args.site_id!r}")
        try:
            policy = policies.updated(
                site.policy,
                premoderation=args.premoderation and policies.Premoderation(args.premoderation),
                severity=args.severity,
                ban=args.ban,
                suspect=args.suspect,
                allow=args.allow,
                allow_domains=args.allow_domain,
                allow_phones=args.allow_phone,
                spam_hold=args.spam_hold,
                spam_reject=args.spam_reject,
            )
        except ValueError as exc:
            raise ModerationError(str(exc)) from exc
        if policy != site.policy:  # the worker's site cache picks it up within seconds
            await sites.save(msgspec.structs.replace(site, policy=policy))
        return policy

    _print(_with_sites(settings, change))
    return 0


def run_eval(settings: Settings, args: argparse.Namespace) -> int:
    policy = policies.DEFAULT
    if args.site:
        try:
            site = _with_sites(settings, lambda s: s.get(args.site, fresh=True))
        except (OSError, RedisError, embedded.NoStore) as exc:
            print(f"moderation: no store ({exc}); using the default policy", file=sys.stderr)
        else:
            if site is None:
                raise ModerationError(f"no site {args.site!r}")
            policy = site.policy
    if args.suite:
        return _run_suite(args, policy)
    if not (args.text_column and args.label_column):
        raise ModerationError("eval: --text-column and --label-column are required without --suite")
    rows = evaluation.read_rows(
        args.file,
        args.text_column,
        args.label_column,
        delimiter=args.delimiter,
        encoding=args.encoding,
        limit=args.limit,
        hate_column=args.hate_column,
        escaped=args.unescape,
    )
    pipeline = Pipeline.default(_spam_model(args.model) if args.model else None)
    try:
        if args.calibration:
            curve = evaluation.calibrate(rows, args.positive, pipeline, policy, args.filter)
            print(evaluation.render_calibration(curve))
            return 0
        report = evaluation.evaluate(
            rows, args.positive, pipeline, policy, args.site or "eval", bool(args.hate_column)
        )
    except (OSError, csv.Error, ValueError) as exc:  # unreadable file, bad CSV, no such column
        raise ModerationError(f"eval {args.file}: {exc}") from exc
    print(json.dumps(report.as_dict()) if args.json else evaluation.render(report))
    return 0


def _run_suite(args: argparse.Namespace, policy: policies.Policy) -> int:
    pipeline = Pipeline.default(_spam_model(args.model) if args.model else None)
    try:
        report = evaluation.evaluate_suite(evaluation.read_suite(args.file), pipeline, policy)
    except (OSError, ValueError, KeyError) as exc:
        raise ModerationError(f"eval {args.file}: {exc}") from exc
    print(evaluation.render_suite(report, misses=args.misses))
    return 0


def _spam_model(path: Path) -> Model:
    try:
        return Model.from_bytes(path.read_bytes())
    except (OSError, zlib.error, msgspec.DecodeError, ValueError) as exc:
        raise ModerationError(f"--model {path}: not a spam model file ({exc})") from exc


def run_tokens_create(settings: Settings, args: argparse.Namespace) -> int:
    role = Role(args.role)
    sites = tuple(dict.fromkeys(args.sites))

    async def create(redis: Redis) -> str:
        known = Sites(redis, settings)
        if missing := [s for s in sites if await known.get(s, fresh=True) is None]:
            raise ModerationError(f"no site {missing[0]!r}")
        token = await Tokens(redis).create(args.name, role, sites)
        await token_audit.record(redis, settings.shards, AuditAction.TOKEN_CREATE, args.name, sites)
        return token

    token = _with_redis(settings, create)
    _print({"name": args.name, "role": role, "sites": sites, "token": token})
    return 0


def run_tokens_list(settings: Settings, args: argparse.Namespace) -> int:
    _print(_with_redis(settings, lambda r: Tokens(r).list()))
    return 0


def run_tokens_revoke(settings: Settings, args: argparse.Namespace) -> int:
    if not _with_redis(settings, lambda r: token_audit.revoke(r, settings.shards, args.name)):
        raise ModerationError(f"no token named {args.name!r}")
    _print({"revoked": args.name})
    return 0


def run_audit_export(settings: Settings, args: argparse.Namespace) -> int:
    async def export(redis: Redis) -> None:
        async for entry in audit.entries(redis, SiteKeys(args.site_id, settings.shards)):
            _print(entry)

    _with_redis(settings, export)
    return 0
