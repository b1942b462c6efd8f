"""Erasing a reader from a site: their name, email, address and user agent leave every
record that holds them; with ``remove`` their comments are unpublished and emptied too.

What is rewritten, in order (see ``privacy.py`` for why in this order):

- reader reports on their comments (report texts that name them),
- the standing note and standing log of their author key,
- audit entries about them or their comments whose free text names them: a stream entry
  cannot be edited, so it is deleted and appended again, redacted, with its time kept,
- the rate counters keyed by (pseudonyms of) their key and addresses: deleted,
- each comment: record, public copy, decision and history, in one ``erase.lua`` call that
  also bumps the widget versions, so published widgets change at once.

The author key stays (on the record as the author's ``id``): a ban still holds, and the
audit's one ``erasure`` entry can say whose data went, and how many records, not what.
Learned classifier counts are sums over hashed features and carry no one's data; a
comment's ``learned`` field holds only its label and generation.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import msgspec

from moderation import clock
from moderation.models import AuditAction, AuditEntry, Status
from moderation.store import audit, redaction, signals
from moderation.store.client import Redis, text
from moderation.store.comments import Outcome, public, published_keys
from moderation.store.keys import SiteKeys
from moderation.store.privacy import CHUNK, Erasure, Kept, comment_ids, read
from moderation.store.redaction import Redactor
from moderation.store.scripts import ERASE, Call, Scripts

RETRIES = 5
_encode = msgspec.json.Encoder().encode


async def erase(
    redis: Redis,
    scripts: Scripts,
    keys: SiteKeys,
    author_key: str,
    *,
    remove: bool,
    actor: str,
    now: float | None = None,
) -> Erasure:
    """Erase ``author_key``'s data from the site; idempotent (a repeat changes and records
    nothing)."""
    ids = await comment_ids(redis, keys, author_key)
    redact, addresses = await _gather(redis, keys, ids)
    counts = Erasure(
        site=keys.site_id,
        author=author_key,
        standing_changes=await _standing(redis, keys, author_key, redact),
        audit_entries=await _audit(redis, keys, author_key, set(ids), redact),
        rate_counters=await _rates(redis, keys, author_key, addresses, now),
    )
    reports = comments = removed = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        reports += await _reports(redis, keys, await read(redis, keys, chunk), redact)
        done, gone = await _comments(redis, scripts, keys, chunk, redact, remove)
        comments, removed = comments + done, removed + gone
    counts = msgspec.structs.replace(counts, reports=reports, comments=comments, removed=removed)
    if counts.changed:
        await _record(redis, keys, counts, actor, remove)
    return counts


async def _gather(redis: Redis, keys: SiteKeys, ids: Sequence[str]) -> tuple[Redactor, set[str]]:
    """What to look for: every name, email, address and user agent on the reader's comments."""
    names: set[str] = set()
    literals: set[str] = set()
    addresses: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        for kept in await read(redis, keys, ids[start : start + CHUNK]):
            comment = kept.comment
            names.add(comment.author.name)
            literals.update(v for v in (comment.author.email, comment.user_agent) if v)
            if comment.ip:
                addresses.add(comment.ip)
    return Redactor.of(names, literals | addresses), addresses


async def _standing(redis: Redis, keys: SiteKeys, author_key: str, redact: Redactor) -> int:
    if redact.pattern is None:
        return 0
    changed = 0
    note = await redis.hget(keys.author(author_key), "note")
    if note is not None and (cleaned := redact(text(note))) != text(note):
        await redis.hset(keys.author(author_key), "note", cleaned)
        changed += 1
    log = keys.author_log(author_key)
    for index, raw in enumerate(await redis.lrange(log, 0, -1)):
        entry = audit.decode_entry(raw)
        if (cleaned_entry := redaction.entry(entry, redact)) != entry:
            await redis.lset(log, index, audit.encode(cleaned_entry).decode())
            changed += 1
    return changed


async def _audit(
    redis: Redis, keys: SiteKeys, author_key: str, ids: set[str], redact: Redactor
) -> int:
    """Re-append redacted the entries about the reader whose free text names them."""
    if redact.pattern is None:
        return 0
    changed = 0
    async for entry in audit.entries(redis, keys):
        if entry.author != author_key and entry.comment not in ids:
            continue
        cleaned = redaction.entry(entry, redact)
        if cleaned == entry:
            continue
        stored = msgspec.structs.replace(cleaned, id="", version=0)
        pipe = redis.pipeline(transaction=True)
        pipe.xdel(keys.audit, entry.id)
        pipe.xadd(keys.audit, {"e": audit.encode(stored), "v": entry.version})
        await pipe.execute()
        changed += 1
    return changed


async def _rates(
    redis: Redis, keys: SiteKeys, author_key: str, addresses: set[str], now: float | None
) -> int:
    """Delete the reader's rate counters (they live two windows; look three back)."""
    window = int((time.time() if now is None else now) // signals.RATE_WINDOW)
    names = []
    for w in range(window - 2, window + 1):
        names.append(keys.author_rate(keys.pseudonym(author_key), w))
        names.extend(keys.ip_rate(keys.pseudonym(ip), w) for ip in sorted(addresses))
    deleted: int = await redis.delete(*names)
    return deleted


async def _reports(redis: Redis, keys: SiteKeys, kept: Sequence[Kept], redact: Redactor) -> int:
    changed = 0
    for comment in kept:
        for reader, report in comment.reports.items():
            cleaned = msgspec.structs.replace(report, text=redact(report.text))
            if cleaned != report:
                await redis.hset(keys.reports(comment.comment.id), reader, _encode(cleaned))
                changed += 1
    return changed


async def _comments(
    redis: Redis,
    scripts: Scripts,
    keys: SiteKeys,
    ids: Sequence[str],
    redact: Redactor,
    remove: bool,
) -> tuple[int, int]:
    """Rewrite each comment at the version read; read again and retry what moved meanwhile."""
    done = removed = 0
    pending = list(ids)
    for _ in range(RETRIES):
        if not pending:
            break
        kept = await read(redis, keys, pending)
        calls = [(k, call) for k in kept if (call := erase_call(keys, k, redact, remove))]
        replies = await scripts.run(redis, [call for _, call in calls])
        pending = []
        for (k, _), reply in zip(calls, replies, strict=True):
            outcome = Outcome(text(reply))  # erase.lua answers as decide.lua does
            if outcome is Outcome.CONFLICT:
                pending.append(k.comment.id)
            elif outcome is Outcome.OK:
                done += 1
                removed += remove and k.status is not Status.REJECTED
    return done, removed


def erase_call(keys: SiteKeys, kept: Kept, redact: Redactor, remove: bool) -> Call | None:
    """``erase.lua`` for one comment, or ``None`` when it holds nothing left to erase."""
    comment = kept.comment
    record = redaction.comment(comment, redact, remove=remove)
    decision = redaction.decision(kept.decision, redact, remove=remove) if kept.decision else None
    lines = [_line(raw, redact) for raw in kept.history_lines]
    history_changed = lines != kept.history_lines
    to_remove = remove and kept.status is not Status.REJECTED
    if record == comment and decision == kept.decision and not history_changed and not to_remove:
        return None
    shown = public(record, decision) if kept.has_public and decision is not None else None
    return ERASE.call(
        comment=keys.comment(comment.id),
        history=keys.history(comment.id),
        old_index=keys.by_status(kept.status),
        new_index=keys.by_status(Status.REJECTED),
        **published_keys(keys, comment),
        reported=keys.reported,
        reports=keys.reports(comment.id),
        author=keys.author(comment.author.key),
        version=kept.version,
        record=record,
        public=shown,
        decision=decision,
        remove=remove,
        comment_id=comment.id,
        has_parent=bool(comment.parent_id),
        lines=lines if history_changed else [],
    )


def _line(raw: bytes, redact: Redactor) -> bytes:
    """One history line (``"<audit id> <version> <entry JSON>"``), its entry redacted."""
    stream_id, version, body = raw.split(b" ", 2)
    entry = audit.decode_entry(body)
    cleaned = redaction.entry(entry, redact)
    return raw if cleaned == entry else b" ".join([stream_id, version, audit.encode(cleaned)])


async def _record(redis: Redis, keys: SiteKeys, counts: Erasure, actor: str, remove: bool) -> None:
    """The one audit entry of an erasure: who, when, how many records; never what."""
    entry = AuditEntry(
        at=clock.rfc3339(clock.now()),
        actor=actor,
        action=AuditAction.ERASURE,
        author=counts.author,
        reason="comments removed" if remove else "comments kept",
        note=(
            f"{counts.comments} comments ({counts.removed} removed), "
            f"{counts.audit_entries} audit entries, {counts.reports} reports, "
            f"{counts.standing_changes} standing records"
        ),
    )
    await redis.xadd(keys.audit, {"e": audit.encode(entry), "v": 0})
