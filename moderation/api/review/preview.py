"""``POST /v1/sites/{site_id}/policy/preview``: what the pipeline would decide on a pasted comment.

The pipeline is pure, so this runs the real one on the site's policy (or on it with the
changes an admin is about to make) without storing anything. Signals that come from the
store (near-duplicates, rates, learned counts, the author's standing) are left at their
defaults: the preview shows what the text and the policy decide.
"""

from __future__ import annotations

import functools

from starlette.requests import Request
from starlette.responses import Response

from moderation import clock, validation
from moderation.api.auth import authorise
from moderation.api.http import decode, private, read_body
from moderation.api.openapi import Security, operation
from moderation.api.schemas import Preview, PreviewIn
from moderation.errors import Unprocessable
from moderation.filters.context import Context
from moderation.filters.pipeline import Pipeline
from moderation.models import Author, Comment, Thread
from moderation.policy import changed
from moderation.store.tokens import Role


@functools.cache
def pipeline() -> Pipeline:
    """The shipped pipeline, built on first preview (it loads the spam model)."""
    return Pipeline.default()


@operation(
    "What the pipeline would decide on a pasted comment, and why (nothing is stored)",
    body=PreviewIn,
    answers={200: Preview},
    problems=(400, 401, 404, 413, 422),
    security=Security.MODERATOR,
)
async def preview(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.MODERATOR)
    wanted = decode(PreviewIn, await read_body(request, resources.settings.max_body_bytes))
    policy = site.policy
    if wanted.policy is not None:
        try:
            policy = changed(site.policy, wanted.policy)
        except validation.Invalid as exc:
            raise Unprocessable("the policy does not match the schema", errors=exc.errors) from None
    now = clock.rfc3339(clock.now())
    comment = Comment(
        id="preview",
        site=site.id,
        thread=Thread(id="preview"),
        author=Author(name=wanted.author),
        body=wanted.body,
        created_at=now,
        received_at=now,
    )
    decision = pipeline()(Context(comment, policy), now)
    return private(Preview(decision.status, list(decision.reasons), decision.masked_body))
