"""Burst: a judol wave of N signed comments from 64 connections, accepted, decided, none lost.

A botnet pastes one online-gambling (judol) promo under many threads while readers keep
writing: half of the comments (``--promo-share``) are the most-pasted promo of the judol set,
each under another thread from one of 200 bot accounts, the rest real Indonesian comments of
the same set that do not promote gambling. Every request is signed beforehand and sent once,
as fast as intake takes them (closed loop, ``loadgen.py --once``), to one topology on one
embedded store (a fresh one per topology):

- ``serve``: ``moderation serve``, the API and a worker in one process;
- ``split``: ``moderation api --workers 2`` and two ``moderation worker`` processes.

It prints the time to accept all (load start to the last answer), the time until all are
decided (the latest ``decision.decided_at`` of an accepted comment, from the load start), the
p50/p99 from sending a clean comment to its ``decided_at``, the 5xx count, and checks that
none is lost: every comment answered 202 has a decision and exactly one pipeline entry
(``auto``, from ``queued``) in the site's audit stream. Beside each topology, in the same run,
bare Starlette under uvicorn with as many processes accepts the same POSTs.

    python benchmarks/burst.py [--comments 50000] [--connections 64]
                               [--topology serve|split|both] [--promo-share 0.5]
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
from harness import (
    arguments,
    background,
    bare_api,
    comment_json,
    describe,
    drop_site,
    free_port,
    moderation_api,
    moderation_serve,
    moderation_worker,
    new_site,
    python_load,
    server,
    service_env,
    shared,
    signed_post,
    store,
    table,
    texts,
)

from moderation.models import AuditAction, Status, System
from moderation.settings import Settings
from moderation.store import audit, keys
from moderation.store.client import Redis, connect
from moderation.store.sites import Created

GOAL_ACCEPT_S = 10.0
GOAL_DECIDE_S = 15.0
THREADS = 1000
READERS = 5000
BOTS = 200
CHUNK = 2000


@dataclass
class Wave:
    """The signed requests, and which of them are readers' comments (not the promo)."""

    requests: list[bytes]
    clean: list[bool]


@dataclass
class Sent:
    """What the load generator saw: statuses, elapsed, and each 202's id and send time."""

    figures: dict[str, Any]
    accepted: dict[str, tuple[bool, float]]  # comment id -> (clean, sent at, epoch seconds)
    start: float  # epoch seconds when the load started


@dataclass
class Outcome:
    """What the store says about the accepted comments after the servers stopped."""

    decided_at: dict[str, float] = field(default_factory=dict)  # comment id -> epoch seconds
    verdicts: dict[bool, collections.Counter[str]] = field(default_factory=dict)
    audit_counts: collections.Counter[str] = field(default_factory=collections.Counter)
    still_queued: int = 0
    pending: int = 0
    dead: int = 0


def promo() -> str:
    """The most-pasted judol promo of the data set (the same text under every thread)."""
    counts = collections.Counter(texts("judol-spam"))
    return counts.most_common(1)[0][0]


def wave(port: int, site: Created, count: int, promo_share: float) -> Wave:
    readers = iter(texts("judol-ham") * (count // 20_000 + 1))
    pasted = promo()
    stamp = int(time.time())
    requests, clean = [], []
    for i in range(count):
        is_promo = int((i + 1) * promo_share) > int(i * promo_share)
        if is_promo:
            body = comment_json(f"t{i % THREADS}", pasted, f"bot{i % BOTS}")
        else:
            body = comment_json(f"t{i % THREADS}", next(readers), f"reader{i % READERS}")
        requests.append(signed_post(port, site, body, stamp))
        clean.append(not is_promo)
    return Wave(requests, clean)


def send(wave: Wave, port: int, args: Any) -> Sent:
    with tempfile.TemporaryDirectory(prefix="modbench-burst-") as folder:
        record = Path(folder) / "records.msgpack"
        figures = python_load(
            wave.requests,
            port,
            duration=args.timeout,
            connections=args.connections,
            once=True,
            record=record,
        )
        epoch, start, records = msgspec.msgpack.decode(record.read_bytes())
    accepted = {
        msgspec.json.decode(body)["id"]: (wave.clean[index], epoch + (sent - start))
        for index, sent, status, body in records
        if status == 202
    }
    return Sent(figures, accepted, epoch)


async def drained(url: str, site_id: str, wait: float) -> None:
    """Wait until no comment of the site is ``queued`` (or ``wait`` seconds have passed)."""
    site_keys = keys.SiteKeys(site_id, Settings.from_env().shards)
    redis = connect(url)
    deadline = time.monotonic() + wait
    try:
        while await redis.zcard(site_keys.by_status(Status.QUEUED)):
            if time.monotonic() > deadline:
                return
            await asyncio.sleep(0.1)
    finally:
        await redis.aclose()


async def outcome(url: str, site_id: str, accepted: dict[str, tuple[bool, float]]) -> Outcome:
    site_keys = keys.SiteKeys(site_id, Settings.from_env().shards)
    redis = connect(url)
    found = Outcome(verdicts={True: collections.Counter(), False: collections.Counter()})
    try:
        await _decisions(redis, site_keys, accepted, found)
        async for entry in audit.entries(redis, site_keys):
            if (
                entry.action == AuditAction.AUTO
                and entry.actor == System.PIPELINE
                and entry.from_status == Status.QUEUED
            ):
                found.audit_counts[entry.comment] += 1
        found.still_queued = await redis.zcard(site_keys.by_status(Status.QUEUED))
        pending = await redis.xpending(site_keys.queue, keys.GROUP)
        found.pending = int(pending["pending"])
        found.dead = await redis.xlen(keys.dead_letters(site_keys.shard))
    finally:
        await redis.aclose()
    return found


async def _decisions(
    redis: Redis, site_keys: keys.SiteKeys, accepted: dict[str, tuple[bool, float]], into: Outcome
) -> None:
    ids = list(accepted)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        pipe = redis.pipeline(transaction=False)
        for comment_id in chunk:
            pipe.hmget(site_keys.comment(comment_id), ["status", "decision"])
        for comment_id, (status, decision) in zip(chunk, await pipe.execute(), strict=True):
            clean = accepted[comment_id][0]
            into.verdicts[clean][(status or b"missing").decode()] += 1
            if decision and status != Status.QUEUED.encode():
                stamp = msgspec.json.decode(decision)["decided_at"]
                into.decided_at[comment_id] = dt.datetime.fromisoformat(stamp).timestamp()


@contextlib.contextmanager
def topology(name: str, port: int, url: str) -> Iterator[None]:
    env = service_env(url)
    with contextlib.ExitStack() as stack:
        if name == "serve":
            stack.enter_context(server(moderation_serve(port), port, env))
        else:
            for _ in range(2):
                stack.enter_context(background(moderation_worker(), env))
            stack.enter_context(server(moderation_api(port, workers=2), port, env))
        yield


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else float("nan")


def statuses(figures: dict[str, Any]) -> tuple[int, int, int]:
    """202s, 5xx and any other status of one run."""
    counts = {int(k): v for k, v in figures["statuses"].items()}
    accepted = counts.get(202, 0)
    errors = sum(v for k, v in counts.items() if k >= 500)
    return accepted, errors, sum(counts.values()) - accepted - errors


def bare_row(label: str, figures: dict[str, Any], comments: int) -> list[object]:
    ok, errors, other = statuses(figures)
    elapsed = figures["elapsed"]
    return [label, comments, ok, errors, other, elapsed, ok / elapsed, "-", "-", "-", 1.0]


def accepted_rate(figures: dict[str, Any]) -> float:
    return statuses(figures)[0] / float(figures["elapsed"])


@dataclass
class Result:
    name: str
    comments: int
    bare: dict[str, Any]
    sent: Sent
    found: Outcome

    def row(self) -> list[object]:
        ok, errors, other = statuses(self.sent.figures)
        elapsed = self.sent.figures["elapsed"]
        clean = self.clean_latencies()
        return [
            LABELS[self.name],
            self.comments,
            ok,
            errors,
            other,
            elapsed,
            ok / elapsed,
            self.decided_after(),
            percentile(clean, 0.50),
            percentile(clean, 0.99),
            accepted_rate(self.sent.figures) / accepted_rate(self.bare),
        ]

    def clean_latencies(self) -> list[float]:
        accepted, decided = self.sent.accepted, self.found.decided_at
        return [
            (decided[i] - sent) * 1000
            for i, (clean, sent) in accepted.items()
            if clean and i in decided
        ]

    def decided_after(self) -> float:
        """Seconds from the load start to the last decision (nan when none was decided)."""
        stamps = self.found.decided_at.values()
        return max(stamps) - self.sent.start if stamps else float("nan")

    def lost(self) -> dict[str, int]:
        accepted, counts = self.sent.accepted, self.found.audit_counts
        return {
            "never decided": sum(1 for i in accepted if i not in self.found.decided_at),
            "no pipeline audit entry": sum(1 for i in accepted if counts[i] == 0),
            "more than one": sum(1 for i in accepted if counts[i] > 1),
            "decided but not answered 202": sum(1 for i in counts if i not in accepted),
        }

    def not_once(self) -> int:
        """Accepted comments not decided exactly once, and decisions of unaccepted ones."""
        accepted, counts = self.sent.accepted, self.found.audit_counts
        wrong = sum(1 for i in accepted if counts[i] != 1 or i not in self.found.decided_at)
        return wrong + sum(1 for i in counts if i not in accepted)

    def report(self) -> None:
        found = self.found
        lost = self.lost()
        once = sum(1 for i in self.sent.accepted if found.audit_counts[i] == 1)
        print(
            f"\n{LABELS[self.name]}: {len(self.sent.accepted):,} answered 202; "
            f"decided exactly once (one pipeline audit entry and a decision): {once:,}; "
            + "; ".join(f"{k}: {v:,}" for k, v in lost.items())
        )
        print(
            f"  still queued: {found.still_queued:,}; unacknowledged queue entries: "
            f"{found.pending:,}; dead-lettered: {found.dead:,}; "
            f"connections opened: {self.sent.figures.get('connections', '-')}"
        )
        for clean, label in ((True, "readers' comments"), (False, "judol promo")):
            verdicts = ", ".join(f"{k} {v:,}" for k, v in sorted(found.verdicts[clean].items()))
            print(f"  {label}: {verdicts or 'none'}")
        self.goals()

    def goals(self) -> None:
        ok, errors, _ = statuses(self.sent.figures)
        accepted_s = self.sent.figures["elapsed"]
        decided_s = self.decided_after()
        lost = self.not_once()
        every = ok == self.comments
        checks = [
            (
                f"all accepted <= {GOAL_ACCEPT_S:.0f} s",
                f"{accepted_s:.1f} s, {ok:,} of {self.comments:,}",
                every and accepted_s <= GOAL_ACCEPT_S,
            ),
            (
                f"all decided <= {GOAL_DECIDE_S:.0f} s",
                f"{decided_s:.1f} s",
                every and lost == 0 and decided_s <= GOAL_DECIDE_S,
            ),
            ("0 lost (every 202 decided exactly once)", f"{lost:,}", lost == 0),
            ("0 5xx", f"{errors:,}", errors == 0),
        ]
        print(f"  goals ({self.name}):")
        for goal, figure, met in checks:
            print(f"    {goal}: {figure} -> {'met' if met else 'NOT met'}")


LABELS = {
    "serve": "moderation serve (API + worker, 1 process)",
    "split": "moderation api --workers 2 + worker x2",
}
BARE_LABELS = {"serve": "bare Starlette (1 process)", "split": "bare Starlette (2 workers)"}


def run(name: str, args: Any) -> Result:
    with store(args.redis_url, args.appendfsync) as url:
        site = new_site(url)
        try:
            port = free_port()
            workers = 1 if name == "serve" else 2
            with server(bare_api(port, workers=workers), port):
                bare = send(wave(port, site, args.comments, args.promo_share), port, args)
            # Signatures are checked against the clock: sign afresh (ids stay unique too).
            comments = wave(port, site, args.comments, args.promo_share)
            with topology(name, port, url):
                sent = send(comments, port, args)
                asyncio.run(drained(url, site.id, args.wait))
            found = asyncio.run(outcome(url, site.id, sent.accepted))
        finally:
            if shared(args.redis_url):
                drop_site(url, site.id)
    return Result(name, args.comments, bare.figures, sent, found)


def main() -> None:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=50_000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--topology", choices=["serve", "split", "both"], default="both")
    parser.add_argument(
        "--promo-share", type=float, default=0.5, help="the judol promo's share of the wave"
    )
    parser.add_argument(
        "--wait", type=float, default=300.0, help="seconds to wait for decisions after the load"
    )
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds the load may take at most"
    )
    args = parser.parse_args()
    print(describe())
    names = ["serve", "split"] if args.topology == "both" else [args.topology]
    results = [run(name, args) for name in names]
    rows: list[list[object]] = []
    for result in results:
        rows.append(bare_row(BARE_LABELS[result.name], result.bare, result.comments))
        rows.append(result.row())
    table(
        f"Burst of {args.comments:,} signed comments ({args.promo_share:.0%} one judol promo "
        f"under {THREADS:,} threads), {args.connections} connections, python load generator, "
        "once each, as fast as accepted",
        [
            "run",
            "comments",
            "202",
            "5xx",
            "other",
            "accept all s",
            "per second",
            "all decided s",
            "clean p50 ms",
            "clean p99 ms",
            "ratio",
        ],
        rows,
    )
    for result in results:
        result.report()


if __name__ == "__main__":
    main()
