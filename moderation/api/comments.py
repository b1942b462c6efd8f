"""``GET /v1/sites/{site_id}/comments/{comment_id}``: a comment's full record, for its host."""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation.api.auth import host_site
from moderation.api.http import private
from moderation.api.openapi import Security, operation
from moderation.api.schemas import CommentRecord
from moderation.errors import NotFound
from moderation.models import COMMENT_ID
from moderation.store.comments import Stored


@operation(
    "A comment's full record: status, version, and the decision with every reason",
    answers={200: CommentRecord},
    problems=(401, 404),
    security=Security.API_KEY,
)
async def get_comment(request: Request) -> Response:
    resources, site = await host_site(request)
    comment_id = request.path_params["comment_id"]
    stored = None
    if COMMENT_ID.fullmatch(comment_id):
        stored = await resources.store.get(resources.sites.keys_for(site.id), comment_id)
    if stored is None:
        raise NotFound("no such comment in this site")
    return private(record_of(stored))


def record_of(stored: Stored) -> CommentRecord:
    return CommentRecord(
        **msgspec.structs.asdict(stored.comment),
        status=stored.status,
        version=stored.version,
        decision=stored.decision,
    )
