"""``POST /v1/sites/{site_id}/comments``: verify, validate, and queue durably before 202."""

from __future__ import annotations

import hashlib
import time

from starlette.requests import Request
from starlette.responses import Response

from moderation import clock, ids, signing, validation, view_tokens
from moderation.api.http import decode, json_response, read_body, require_json
from moderation.api.openapi import Security, operation
from moderation.api.schemas import Queued
from moderation.api.state import Resources
from moderation.errors import Conflict, NotFound, Unprocessable
from moderation.models import Comment, CommentIn, Status
from moderation.store.comments import Accepted
from moderation.store.sites import Site, secret_key

_SIGNED = [(name, name.encode()) for name in signing.HEADERS]


async def verified_site(
    resources: Resources, site_id: str, request: Request, body: bytes
) -> tuple[Site, str]:
    """The site whose current or recently rotated secret signed this request."""
    settings = resources.settings
    # One dict of the raw headers (the first of a repeated one, as ``request.headers`` gives).
    raw = dict(reversed(request.scope["headers"]))
    headers = {name: raw.get(wire, b"").decode("latin-1") for name, wire in _SIGNED}
    for fresh in (False, True):  # a cached site may predate a rotation: re-read before refusing
        site = await resources.sites.get(site_id, fresh=fresh)
        if site is None:
            raise NotFound(f"no site {site_id!r}")
        now = time.time()
        try:
            return site, signing.verify(
                site.signing_keys(now),
                headers,
                body,
                now=now,
                tolerance=settings.signature_tolerance_seconds,
            )
        except signing.SignatureError:
            if fresh:
                raise
    raise AssertionError("unreachable")


def parse(body: bytes, max_chars: int) -> CommentIn:
    """The intake body, checked against ``CommentIn`` and the site-wide length limit."""
    comment = decode(CommentIn, body)
    if len(comment.body) > max_chars:  # the configured limit, below the struct's own
        raise _invalid("body", f"Expected `str` of length <= {max_chars}")
    return comment


def _invalid(field: str, message: str) -> Unprocessable:
    return Unprocessable(
        "the body does not match the schema",
        errors=[validation.FieldError(field, message)],
    )


def record(site_id: str, incoming: CommentIn) -> Comment:
    received = clock.now()
    created = incoming.created_at
    return Comment(
        id=ids.new_id(),
        site=site_id,
        thread=incoming.thread,
        author=incoming.author,
        body=incoming.body,
        created_at=clock.rfc3339(clock.parse_rfc3339(created) if created else received),
        received_at=clock.rfc3339(received),
        parent_id=incoming.parent_id,
        external_id=incoming.external_id,
        ip=incoming.ip,
        user_agent=incoming.user_agent,
    )


def view_token(site: Site, comment_id: str, lifetime: int) -> str:
    """Minted with the site's current secret, so the host can check or mint its own alike."""
    expires = int(clock.now().timestamp()) + lifetime
    return view_tokens.mint(secret_key(site.secrets[0].secret), site.id, comment_id, expires)


@operation(
    "Submit a comment (Standard Webhooks signed); 202 once durably queued",
    body=CommentIn,
    answers={202: Queued, 200: Queued},
    problems=(400, 401, 404, 409, 413, 415, 422),
    security=Security.SIGNED,
    headers=signing.HEADERS,
)
async def post_comment(request: Request) -> Response:
    resources: Resources = request.state.resources
    site_id = request.path_params["site_id"]
    require_json(request)
    body = await read_body(request, resources.settings.max_body_bytes)
    site, message_id = await verified_site(resources, site_id, request, body)
    comment = record(site.id, parse(body, resources.settings.max_comment_chars))
    keys = resources.sites.keys_for(site.id)
    outcome, comment_id = await resources.store.accept(
        keys, comment, message_id, hashlib.sha256(body).hexdigest()
    )
    if outcome in (Accepted.QUEUED, Accepted.DUPLICATE, Accepted.EXTERNAL_DUPLICATE):
        resources.metrics.intake.labels(outcome.value).inc()
    if outcome is Accepted.QUEUED:
        token = view_token(site, comment_id, resources.settings.view_token_seconds)
        return json_response(Queued(comment_id, Status.QUEUED, token), 202)
    if outcome in (Accepted.DUPLICATE, Accepted.EXTERNAL_DUPLICATE):
        token = view_token(site, comment_id, resources.settings.view_token_seconds)
        stored = await resources.store.get(keys, comment_id)
        status = stored.status if stored else Status.QUEUED
        return json_response(Queued(comment_id, status, token))
    if outcome is Accepted.CONFLICT:
        raise Conflict(
            "this webhook-id was already used for a different body", comment_id=comment_id
        )
    if outcome is Accepted.EXTERNAL_CONFLICT:
        raise Conflict(
            "this external_id was already used for a different comment", comment_id=comment_id
        )
    if outcome is Accepted.CLOSED:
        raise Conflict("this thread is closed to new comments")
    raise _invalid("parent_id", "names no comment of this thread")
