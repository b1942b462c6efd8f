"""``GET``/``PATCH /v1/sites/{site_id}/policy``: moderators read a site's policy, admins change it.

A PATCH names only the fields it changes; every bad field is listed in one 422. The worker's
short site cache picks the change up for the next comments.
"""

from __future__ import annotations

from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import authorise
from moderation.api.http import json_object, read_body
from moderation.errors import Unprocessable
from moderation.policy import Policy
from moderation.store.tokens import Role

_encode = msgspec.json.Encoder().encode


def patched(policy: Policy, changes: dict[str, Any]) -> Policy:
    """``policy`` with ``changes`` applied, each field checked on its own so all errors show."""
    current = msgspec.to_builtins(policy)
    errors = []
    for name, value in changes.items():
        if name not in Policy.__struct_fields__:
            errors.append({"field": name, "message": "is not a known field"})
            continue
        try:
            msgspec.convert({**current, name: value}, Policy)
        except msgspec.ValidationError as exc:
            errors.append({"field": name, "message": str(exc)})
    if errors:
        raise Unprocessable("the policy does not match the schema", errors=errors)
    return msgspec.convert({**current, **changes}, Policy)


def _json(policy: Policy) -> Response:
    return Response(
        _encode(policy), media_type="application/json", headers={"Cache-Control": "no-store"}
    )


async def get_policy(request: Request) -> Response:
    _, site, _ = await authorise(request, Role.MODERATOR)
    return _json(site.policy)


async def patch_policy(request: Request) -> Response:
    resources, _, _ = await authorise(request, Role.ADMIN)
    changes = json_object(await read_body(request, resources.settings.max_body_bytes))
    site = await resources.sites.get(request.path_params["site_id"], fresh=True)
    assert site is not None  # authorise has just found it
    policy = patched(site.policy, changes)
    if policy != site.policy:
        await resources.sites.save(msgspec.structs.replace(site, policy=policy))
    return _json(policy)
