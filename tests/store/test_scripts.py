"""The script registry: every Lua file registered, each call named, on one slot, and each
script's replies decoded into its outcome enum."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources

import msgspec
import pytest
import redis.asyncio as aioredis

from moderation.filters.normalise import normalise
from moderation.models import AuditAction, Author, Comment, Decision, Standing, Status, Thread
from moderation.porting.plan import Plan
from moderation.porting.records import SourceComment, SourceThread
from moderation.store import (
    audit,
    authors,
    comments,
    erasure,
    imports,
    learning,
    limits,
    outbox,
    privacy,
    reports,
    review,
    scripts,
    signals,
)
from moderation.store.comments import Accepted, Outcome, Store, Transition
from moderation.store.keys import SiteKeys
from moderation.store.learning import Label, Lesson
from moderation.store.redaction import Redactor
from moderation.store.reports import Report, Reported
from moderation.store.scripts import Call, Scripts

pytestmark = pytest.mark.anyio

KEYS = SiteKeys("kediri", 4)
COMMENT = Comment(
    id="01ARZ3NDEKTSV4RRFFQ69G5FAV",
    site="kediri",
    thread=Thread(id="t1", url="https://example.org/t1", title="T"),
    author=Author(name="Jojo"),
    body="Mantap pak bupati",
    created_at="2026-11-28T00:00:00Z",
    received_at="2026-11-28T00:00:00Z",
    parent_id="01ARZ3NDEKTSV4RRFFQ69G5FAW",
)
TOP = msgspec.structs.replace(COMMENT, parent_id=None)
REPORT = Report(reason="spam", text="", at="2026-11-28T00:00:00Z")
THREAD = SourceThread("t", "t1", "https://example.org/t1", "T")
ENTRY = audit.Entry(at="2026-11-28T00:00:00Z", actor="a", action=AuditAction.STANDING)


def _decision(status: Status) -> Decision:
    return Decision(status=status, reasons=(), decided_at="2026-11-28T00:00:00Z")


def _transition(
    old: Status, new: Status, version: int | None = None, entry: str = ""
) -> Transition:
    return Transition(COMMENT, old, new, _decision(new), version=version, entry_id=entry)


# One call of each registered script, built by the one function the store uses for it.
SAMPLES: dict[str, Callable[[SiteKeys], Call]] = {
    "intake": lambda keys: comments.intake_call(
        keys=keys, comment=COMMENT, message_id="m1", body_hash="h", ttl=60
    ),
    "decide": lambda keys: comments.decide_call(
        keys=keys, change=_transition(Status.QUEUED, Status.APPROVED, entry="1-0"), recent_cap=10
    ),
    "decide_many": lambda keys: scripts.DECIDE_MANY.many(
        [
            comments.decide_call(keys=keys, change=_transition(Status.QUEUED, new), recent_cap=10)
            for new in (Status.APPROVED, Status.HELD)
        ]
    ),
    "report": lambda keys: reports.report_call(
        keys=keys, comment_id=COMMENT.id, reader="r", report=REPORT
    ),
    "standing": lambda keys: authors.standing_call(
        keys=keys,
        author_key="a",
        change=authors.Change(Standing.BANNED),
        until="",
        entry=ENTRY,
    ),
    "learn": lambda keys: learning.learn_call(
        keys=keys, comment_id=COMMENT.id, label=Label.SPAM, now=0.0, slots=[1, 2]
    ),
    "items": lambda keys: review.items_call(keys=keys, ids=[COMMENT.id, "c2"]),
    "signals": lambda keys: signals.signals_call(
        [(keys, COMMENT), (keys, msgspec.structs.replace(COMMENT, ip="10.0.0.1"))],
        [normalise(COMMENT.body)] * 2,
        0.0,
    ),
    "hmgets": lambda keys: scripts.hmgets_call(hashes=[keys.author("a")], fields=["standing"]),
    "fanout": lambda keys: outbox.fanout_call(
        keys=keys,
        expected="",
        cursor="1-0",
        now_ms=0,
        deliveries=[outbox.Due(keys.shard, keys.site_id, "ep_1", "1-0")],
    ),
    "claim": lambda keys: outbox.claim_call(shard=keys.shard, now_ms=0, lease_ms=1, limit=10),
}


def _erase_call(keys: SiteKeys) -> Call:
    kept = privacy.Kept(COMMENT, Status.APPROVED, 2, _decision(Status.APPROVED), [], True)
    call = erasure.erase_call(keys, kept, Redactor.of(["Jojo"], []), True)
    assert call is not None
    return call


SAMPLES["erase"] = _erase_call
SAMPLES["strip"] = lambda keys: scripts.STRIP.call(
    comment=keys.comment(COMMENT.id), version=1, record=COMMENT
)
SAMPLES["import"] = lambda keys: imports.import_call(
    keys,
    Plan(
        "kediri",
        "disqus",
        {"t": THREAD},
        {"1": (COMMENT.id, "t"), "0": ("01ARZ3NDEKTSV4RRFFQ69G5FAW", "t")},
    ),
    SourceComment("1", "t", "0", "Ani", None, None, "x", COMMENT.created_at, Status.APPROVED, 1),
    Status.APPROVED,
    10,
)
SAMPLES["trim"] = lambda keys: scripts.TRIM.call(history=keys.history(COMMENT.id), before=0)
SAMPLES["limit"] = lambda keys: limits.take_call(keys, [("r:ani", 5), (f"c:{COMMENT.id}", 50)], 0)


def test_every_lua_file_is_registered() -> None:
    """Each file in ``store/lua/`` is a registered script or a library one of them uses."""
    folder = resources.files("moderation.store") / "lua"
    on_disk = {f.name.removesuffix(".lua") for f in folder.iterdir() if f.name.endswith(".lua")}
    assert on_disk == {name for s in scripts.REGISTRY.values() for name in s.files}


def test_every_script_has_a_sample_call() -> None:
    """The checks below cover every registered script."""
    assert set(SAMPLES) == set(scripts.REGISTRY)


@pytest.mark.parametrize("name", sorted(scripts.REGISTRY))
@pytest.mark.parametrize("site", ["kediri", "blitar", "x"])
def test_keys_of_a_call_share_the_site_hash_tag(name: str, site: str) -> None:
    """Every key a script's builder names carries the site's shard tag: one Cluster slot."""
    keys = SiteKeys(site, 16)
    call = SAMPLES[name](keys)
    assert call.script is scripts.REGISTRY[name]
    assert call.keys
    assert {re.findall(r"\{[^}]*\}", key)[0] for key in call.keys} == {f"{{m{keys.shard}}}"}


@pytest.mark.parametrize("name", sorted(scripts.REGISTRY))
def test_header_names_every_key_and_argument(name: str) -> None:
    """A call has one value per header entry, and the script's ``K``/``A`` tables bind the
    header's names to the same positions."""
    script = scripts.REGISTRY[name]
    call = SAMPLES[name](KEYS)
    for section, table, entries, values in (
        ("KEYS", "K", script.keys, call.keys),
        ("ARGV", "A", script.argv, call.args),
    ):
        if not any(many for _, many in entries):
            assert len(values) == len(entries), section
        if found := re.search(rf"^local {table} = \{{(.*?)\}}$", script.source, re.M | re.S):
            bound = re.findall(rf"(\w+) = (?:tonumber\()?{section}\[(\d+)\]", found[1])
            fixed = [n for n, many in entries if not many]
            assert [n for n, _ in bound] == fixed, section
            assert [int(i) for _, i in bound] == list(range(1, len(fixed) + 1)), section


def test_a_call_refuses_a_missing_or_unknown_name() -> None:
    """Names are the contract: a misspelt or forgotten one fails at once, not in Lua."""
    with pytest.raises(TypeError):
        scripts.STANDING.call(author="a", log="l", audit="x", standing="s", note="", entry="")
    with pytest.raises(TypeError):
        scripts.STANDING.call(
            author="a", log="l", audit="x", standing="s", until="", note="", entry=""
        )


def test_a_plain_call_orders_values_as_the_named_call_does() -> None:
    """``call_plain`` puts the same plain values in the same KEYS and ARGV order as ``call``."""
    named = dict(author="a", log="l", audit="x", standing="s", ends_at="0", note="n", entry="e")
    plain, checked = scripts.STANDING.call_plain(**named), scripts.STANDING.call(**named)
    assert (plain.keys, plain.args) == (checked.keys, checked.args)


def test_a_plain_call_refuses_a_missing_name() -> None:
    """A forgotten name fails at once, not in Lua."""
    with pytest.raises(KeyError):
        scripts.STANDING.call_plain(author="a", log="l", audit="x", standing="s", note="")


async def test_calls_reload_after_the_server_forgets_scripts(redis: aioredis.Redis) -> None:
    """After SCRIPT FLUSH (a restart), a single call and a pipelined batch load and retry."""
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    await redis.script_flush()
    assert await scripts.hmgets(redis, [KEYS.author("a")], ["standing"]) == [[None]]
    await redis.script_flush()
    [applied] = await store.transitions([(KEYS, _transition(Status.QUEUED, Status.HELD))])
    assert applied.outcome is Outcome.MISSING


async def test_intake_outcomes(redis: aioredis.Redis) -> None:
    """Queued, then duplicate for the same body, conflict for another; noparent for a stranger."""
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    assert await store.accept(KEYS, COMMENT, "m1", "h") == (Accepted.NO_PARENT, "")
    assert await store.accept(KEYS, TOP, "m1", "h") == (Accepted.QUEUED, TOP.id)
    assert await store.accept(KEYS, TOP, "m1", "h") == (Accepted.DUPLICATE, TOP.id)
    assert await store.accept(KEYS, TOP, "m1", "other") == (Accepted.CONFLICT, TOP.id)


async def test_decide_outcomes(redis: aioredis.Redis) -> None:
    """Ok with the new status and version; conflict with what was found; missing."""
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    [missing] = await store.transitions([(KEYS, _transition(Status.QUEUED, Status.HELD))])
    assert (missing.outcome, missing.status, missing.version) == (Outcome.MISSING, None, 0)
    await store.accept(KEYS, TOP, "m1", "h")
    change = Transition(TOP, Status.QUEUED, Status.HELD, _decision(Status.HELD), version=1)
    [ok] = await store.transitions([(KEYS, change)])
    assert (ok.outcome, ok.status, ok.version) == (Outcome.OK, Status.HELD, 2)
    [stale] = await store.transitions([(KEYS, change)])
    assert (stale.outcome, stale.status, stale.version) == (Outcome.CONFLICT, Status.HELD, 2)


async def test_report_outcomes(redis: aioredis.Redis) -> None:
    """Ignored while not approved; new, then duplicate from the same reader."""
    store = Store(redis, Scripts(), idempotency_ttl=60, recent_size=10)
    await store.accept(KEYS, TOP, "m1", "h")

    async def report(reader: str) -> Reported:
        return await reports.file_report(redis, store, KEYS, TOP.id, reader, REPORT, hide_at=9)

    assert await report("r1") is Reported.IGNORED
    approve = Transition(TOP, Status.QUEUED, Status.APPROVED, _decision(Status.APPROVED))
    await store.transitions([(KEYS, approve)])
    assert await report("r1") is Reported.NEW
    assert await report("r1") is Reported.DUPLICATE


async def test_learn_outcomes(redis: aioredis.Redis) -> None:
    """A first verdict is new, the same again repeated, the other one changed."""
    await redis.hset(KEYS.comment(COMMENT.id), "status", "held")  # verdicts are remembered there
    assert await learning.learn(redis, KEYS, COMMENT, Status.REJECTED) is Lesson.NEW
    assert await learning.learn(redis, KEYS, COMMENT, Status.REJECTED) is Lesson.REPEATED
    assert await learning.learn(redis, KEYS, COMMENT, Status.APPROVED) is Lesson.CHANGED
    assert await learning.learn(redis, KEYS, COMMENT, Status.HELD) is None
