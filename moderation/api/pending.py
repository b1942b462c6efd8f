"""``GET …/threads/{thread}/pending``: a reader's own comments awaiting moderation.

The page presents the view tokens its host put on it (``Moderation-View-Token``, space
separated); each proves one comment. Nobody without a token sees anything held. Each reader
(client address) gets ``MODERATION_PENDING_PER_MINUTE`` reads a minute, then 429.
"""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from moderation import clock, view_tokens
from moderation.api.http import cors_headers, reader_of
from moderation.api.openapi import operation
from moderation.api.widget import site_of
from moderation.errors import NotFound, ProblemError
from moderation.models import THREAD_ID
from moderation.store import limits, threads

HEADER = "Moderation-View-Token"
_encode = msgspec.json.Encoder().encode


@operation(
    "The reader's own held comments of a thread, proven by view tokens (widget; CORS; limited)",
    answers={200: threads.Pending},
    problems=(404, 429),
    headers=(HEADER,),
)
async def pending_comments(request: Request) -> Response:
    resources, site = await site_of(request)
    thread_id = request.path_params["thread_id"]
    if not THREAD_ID.fullmatch(thread_id):
        raise NotFound("no such thread")
    now = clock.now().timestamp()
    keys_now = site.signing_keys(now)
    tokens = request.headers.get(HEADER, "").split()[: view_tokens.MAX_TOKENS]
    proven = [view_tokens.verify(keys_now, site.id, token, now) for token in tokens]
    ids = list(dict.fromkeys(i for i in proven if i is not None))
    keys = resources.sites.keys_for(site.id)
    headers = {**cors_headers(request, site), "Cache-Control": "private, no-store"}
    try:
        per = resources.settings.pending_per_minute
        await limits.pending_reads(resources.redis, keys, reader_of(request, keys), per)
    except ProblemError as error:  # the widget must be able to read the 429
        error.headers.update(headers)
        raise
    body = await threads.pending(resources.redis, keys, thread_id, ids)
    return Response(_encode(body), headers=headers, media_type="application/json")
