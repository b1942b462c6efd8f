"""Authors' standing on a site (banned, premoderated, trusted), set by admins, with history.

The worker reads standing through ``signals.py``; its effect on decisions is pure
(``filters/standing.py``). ``until`` lets a standing lapse back to normal on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import audit, clock
from moderation.errors import BadRequest, Unprocessable
from moderation.ingest import read_body
from moderation.keys import SiteKeys
from moderation.models import Standing
from moderation.redis_client import Redis, Script, hmgets, text
from moderation.tokens import Role, authorise

_SCRIPT = Script((resources.files("moderation") / "scripts" / "standing.lua").read_text())
_FIELDS = ["standing", "until", "note", "approved", "rejected"]
MAX_NOTE = 2_000
_encode = msgspec.json.Encoder().encode


class AuthorStanding(msgspec.Struct, frozen=True):
    standing: Standing = Standing.NORMAL
    until: str | None = None
    note: str = ""
    approved: int = 0
    rejected: int = 0

    def json(self) -> dict[str, Any]:
        """The wire form, with ``banned`` and ``trusted`` spelled out for moderators' screens."""
        return {
            **msgspec.to_builtins(self),
            "banned": self.standing is Standing.BANNED,
            "trusted": self.standing is Standing.TRUSTED,
        }


def _standing(fields: Sequence[Any], now: str) -> AuthorStanding:
    standing, until, note, approved, rejected = (text(f) if f is not None else "" for f in fields)
    lapsed = bool(until) and until <= now  # RFC 3339 UTC with milliseconds sorts as text
    return AuthorStanding(
        standing=Standing.NORMAL if lapsed or not standing else Standing(standing),
        until=None if lapsed or not until else until,
        note="" if lapsed else note,
        approved=int(approved or 0),
        rejected=int(rejected or 0),
    )


async def standings(
    redis: Redis, keys: SiteKeys, author_keys: Sequence[str]
) -> list[AuthorStanding]:
    """The standing of each author, in one call (a blank key reads as normal)."""
    replies = await hmgets(redis, [keys.author(key) for key in author_keys], _FIELDS)
    now = clock.rfc3339(clock.now())
    return [_standing(fields, now) for fields in replies]


def fields_of(author_key_: str, keys: SiteKeys) -> tuple[str, list[str]]:
    """The key and fields ``signals.py`` reads in its own pipeline."""
    return keys.author(author_key_), _FIELDS


def standing_from(fields: Sequence[Any]) -> AuthorStanding:
    return _standing(fields, clock.rfc3339(clock.now()))


class Change(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    standing: Standing
    until: str | None = None
    note: str = ""


def parse_change(body: bytes) -> Change:
    try:
        doc = msgspec.json.decode(body)
    except msgspec.DecodeError:
        raise BadRequest("the body is not valid JSON") from None
    if errors := change_errors(doc):
        raise Unprocessable("the body does not match the schema", errors=errors)
    return msgspec.convert(doc, Change)


def change_errors(doc: Any) -> list[dict[str, str]]:
    if not isinstance(doc, dict):
        return [{"field": "", "message": "body must be a JSON object"}]
    errors = [
        {"field": k, "message": "is not a known field"}
        for k in doc
        if k not in Change.__struct_fields__
    ]
    if doc.get("standing") not in {s.value for s in Standing}:
        errors.append({"field": "standing", "message": "must be one of " + ", ".join(Standing)})
    until = doc.get("until")
    if until is not None and not _is_timestamp(until):
        errors.append({"field": "until", "message": "must be an RFC 3339 timestamp with an offset"})
    note = doc.get("note", "")
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        errors.append(
            {"field": "note", "message": f"must be a string of at most {MAX_NOTE} characters"}
        )
    return errors


def _is_timestamp(value: Any) -> bool:
    try:
        return isinstance(value, str) and clock.parse_rfc3339(value) is not None
    except ValueError:
        return False


async def set_standing(redis: Redis, keys: SiteKeys, key: str, change: Change, actor: str) -> None:
    until = clock.rfc3339(clock.parse_rfc3339(change.until)) if change.until else ""
    entry = audit.Entry(
        at=clock.rfc3339(clock.now()),
        actor=actor,
        action="standing",
        author=key,
        to=change.standing,
        reason=f"until {until}" if until else "",
        note=change.note,
    )
    await _SCRIPT(
        redis,
        [keys.author(key), keys.author_log(key), keys.audit],
        [change.standing, until, change.note, audit.encode(entry)],
    )


async def describe(redis: Redis, keys: SiteKeys, key: str) -> dict[str, Any]:
    (standing,) = await standings(redis, keys, [key])
    log = await redis.lrange(keys.author_log(key), 0, -1)
    return {
        "key": key,
        **standing.json(),
        "history": [msgspec.to_builtins(msgspec.json.decode(raw, type=audit.Entry)) for raw in log],
    }


async def get_author(request: Request) -> Response:
    services, site, _ = await authorise(request, Role.MODERATOR)
    keys = services.sites.keys_for(site.id)
    body = await describe(services.redis, keys, request.path_params["author_key"])
    return Response(
        _encode(body), media_type="application/json", headers={"Cache-Control": "no-store"}
    )


async def post_author(request: Request) -> Response:
    services, site, token = await authorise(request, Role.ADMIN)
    change = parse_change(await read_body(request, services.settings.max_body_bytes))
    keys = services.sites.keys_for(site.id)
    key = request.path_params["author_key"]
    await set_standing(services.redis, keys, key, change, token.actor)
    body = await describe(services.redis, keys, key)
    return Response(
        _encode(body), media_type="application/json", headers={"Cache-Control": "no-store"}
    )
