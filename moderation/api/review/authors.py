"""``GET``/``POST /v1/sites/{site_id}/authors/{author_key}``: an author's standing."""

from __future__ import annotations

from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import clock
from moderation.api.auth import authorise
from moderation.api.http import NO_STORE, read_body
from moderation.errors import BadRequest, Unprocessable
from moderation.models import Standing
from moderation.store.authors import MAX_NOTE, Change, describe, set_standing
from moderation.store.tokens import Role

_encode = msgspec.json.Encoder().encode


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


async def get_author(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.MODERATOR)
    keys = resources.sites.keys_for(site.id)
    body = await describe(resources.redis, keys, request.path_params["author_key"])
    return Response(_encode(body), media_type="application/json", headers=NO_STORE)


async def post_author(request: Request) -> Response:
    resources, site, token = await authorise(request, Role.ADMIN)
    change = parse_change(await read_body(request, resources.settings.max_body_bytes))
    keys = resources.sites.keys_for(site.id)
    key = request.path_params["author_key"]
    await set_standing(resources.redis, keys, key, change, token.actor)
    body = await describe(resources.redis, keys, key)
    return Response(_encode(body), media_type="application/json", headers=NO_STORE)
