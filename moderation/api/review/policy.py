"""``GET``/``PATCH /v1/sites/{site_id}/policy``: moderators read a site's policy, admins change it.

A PATCH names only the fields it changes. It goes through ``policy.changed``, as the CLI
does, so both refuse the same things with the same messages, every bad field listed in one
422. The worker's short site cache picks the change up for the next comments.
"""

from __future__ import annotations

from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import clock, validation
from moderation.api.auth import authorise
from moderation.api.http import json_document, private, read_body
from moderation.api.openapi import Security, operation
from moderation.errors import Unprocessable
from moderation.models import AuditAction
from moderation.policy import Policy, PolicyPatch, changed
from moderation.store import audit
from moderation.store.tokens import Role, Token


@operation(
    "The site's moderation policy",
    answers={200: Policy},
    problems=(401, 404),
    security=Security.MODERATOR,
)
async def get_policy(request: Request) -> Response:
    _, site, _ = await authorise(request, Role.MODERATOR)
    return private(site.policy)


@operation(
    "Change some policy fields (admin); every bad field is listed",
    body=PolicyPatch,
    answers={200: Policy},
    problems=(400, 401, 403, 404, 413, 422),
    security=Security.MODERATOR,
)
async def patch_policy(request: Request) -> Response:
    resources, _, token = await authorise(request, Role.ADMIN)
    changes = json_document(await read_body(request, resources.settings.max_body_bytes))
    site = await resources.sites.get(request.path_params["site_id"], fresh=True)
    assert site is not None  # authorise has just found it
    try:
        policy = changed(site.policy, changes)
    except validation.Invalid as exc:
        raise Unprocessable("the policy does not match the schema", errors=exc.errors) from None
    if policy != site.policy:
        await resources.sites.save(msgspec.structs.replace(site, policy=policy))
        await audit.append(
            resources.redis, resources.sites.keys_for(site.id), _entry(token, changes)
        )
    return private(policy)


def _entry(token: Token, changes: Any) -> audit.Entry:
    """The audit entry of a policy change: which fields, and the patch as sent."""
    return audit.Entry(
        at=clock.rfc3339(clock.now()),
        actor=token.actor,
        action=AuditAction.POLICY,
        rules=tuple(sorted(changes)) if isinstance(changes, dict) else (),
        note=msgspec.json.encode(changes).decode()[:2_000],
    )
