"""What a host backend does to its own comments with the site's API key: find one by its own
id, delete one, and close a thread to new comments.

A deletion goes through ``decide.lua`` like any decision: the comment leaves every widget
and review queue (a queue entry not yet decided is acknowledged as a conflict), the audit
entry and the ``comment.deleted`` event are written with it.
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import clock
from moderation.api.auth import host_site
from moderation.api.comments import record_of
from moderation.api.http import decode, private, query, read_body, require_json
from moderation.api.openapi import Security, operation
from moderation.api.schemas import CommentRecord
from moderation.errors import Conflict, NotFound
from moderation.models import COMMENT_ID, THREAD_ID, AuditAction, Decision, Status, System
from moderation.store.comments import Outcome, Stored, Transition

MAX_BODY = 1024
ATTEMPTS = 3  # a comment that keeps changing under a deletion: 409 after this many tries


class ExternalQuery(msgspec.Struct, frozen=True):
    external_id: Annotated[
        str, msgspec.Meta(min_length=1, max_length=200, description="the host's own id")
    ]


class ThreadChange(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Close a thread to new comments (409 on intake), or open it again."""

    closed: bool


class ThreadState(msgspec.Struct, frozen=True):
    """A thread's intake state."""

    thread: str
    closed: bool


@operation(
    "Find a comment by the host's own external_id",
    query=ExternalQuery,
    answers={200: CommentRecord},
    problems=(400, 401, 404),
    security=Security.API_KEY,
)
async def find_comment(request: Request) -> Response:
    resources, site = await host_site(request)
    wanted = query(ExternalQuery, request)
    keys = resources.sites.keys_for(site.id)
    comment_id = await resources.store.by_external_id(keys, wanted.external_id)
    stored = await resources.store.get(keys, comment_id) if comment_id else None
    if stored is None:
        raise NotFound("no comment of this site has that external_id")
    return private(record_of(stored))


def deletion(stored: Stored) -> Transition:
    previous = stored.decision
    decision = Decision(
        status=Status.DELETED,
        reasons=previous.reasons if previous else (),
        decided_at=clock.rfc3339(clock.now()),
        decided_by=System.HOST,
        masked_body=previous.masked_body if previous else None,
    )
    return Transition(
        comment=stored.comment,
        old=stored.status,
        new=Status.DELETED,
        decision=decision,
        version=stored.version,
        action=AuditAction.DELETE,
        reason=System.HOST,
    )


@operation(
    "Delete a comment the host sent: gone from every widget and queue, audited, and told",
    answers={204: None},
    problems=(401, 404, 409),
    security=Security.API_KEY,
)
async def delete_comment(request: Request) -> Response:
    resources, site = await host_site(request)
    comment_id = request.path_params["comment_id"]
    if not COMMENT_ID.fullmatch(comment_id):
        raise NotFound("no such comment in this site")
    keys = resources.sites.keys_for(site.id)
    for _ in range(ATTEMPTS):
        stored = await resources.store.get(keys, comment_id)
        if stored is None:
            raise NotFound("no such comment in this site")
        if stored.status is Status.DELETED:
            break  # deleting twice is deleting once
        [applied] = await resources.store.transitions([(keys, deletion(stored))])
        if applied.outcome is Outcome.OK:
            break
    else:
        raise Conflict("the comment kept changing during the deletion; retry")
    return Response(status_code=204, headers={"Cache-Control": "no-store"})


@operation(
    "Close a thread to new comments (intake answers 409) or open it; its widget keeps serving",
    body=ThreadChange,
    answers={200: ThreadState},
    problems=(400, 401, 404, 413, 415, 422),
    security=Security.API_KEY,
)
async def change_thread(request: Request) -> Response:
    resources, site = await host_site(request)
    thread_id = request.path_params["thread_id"]
    if not THREAD_ID.fullmatch(thread_id):
        raise NotFound("no such thread")
    require_json(request)
    change = decode(ThreadChange, await read_body(request, MAX_BODY))
    keys = resources.sites.keys_for(site.id)
    await resources.store.close_thread(keys, thread_id, change.closed)
    return private(ThreadState(thread_id, change.closed))
