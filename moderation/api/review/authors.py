"""``GET``/``POST /v1/sites/{site_id}/authors/{author_key}``: an author's standing.

Who may set what (the role matrix, also in ``docs/review.md``):

=============================  =========  =====
change                         moderator  admin
=============================  =========  =====
premoderate (any duration)     yes        yes
ban for up to 7 days           yes        yes
ban for longer, or for good    no         yes
trust                          no         yes
back to normal                 yes [*]_   yes
=============================  =========  =====

.. [*] unless the author is banned for longer than 7 days or trusted: what only an admin
   may set, only an admin may lift.
"""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import Response

from moderation import clock
from moderation.api.auth import authorise
from moderation.api.http import decode, private, read_body
from moderation.api.openapi import Security, operation
from moderation.api.review.decisions import bulk, matching, teach
from moderation.api.review.queue import standing_view
from moderation.api.schemas import (
    MAX_BULK,
    AuthorChanged,
    AuthorView,
    BulkOutcome,
    StandingRequest,
    Verdict,
)
from moderation.api.state import Resources
from moderation.errors import Forbidden
from moderation.models import ReviewQueue, Standing, Verb
from moderation.store import review
from moderation.store.authors import AuthorStanding, describe, set_standing, standings
from moderation.store.keys import SiteKeys
from moderation.store.tokens import Role

MODERATOR_BAN = dt.timedelta(days=7)  # the longest ban a moderator may set
# The author's comments ban-and-reject looks for: everything readers see or may yet see.
REJECTABLE = (ReviewQueue.HELD, ReviewQueue.REPORTED, ReviewQueue.APPROVED, ReviewQueue.QUEUED)


async def _view(resources: Resources, keys: SiteKeys, key: str) -> AuthorView:
    standing, history = await describe(resources.redis, keys, key)
    view = standing_view(standing)
    return AuthorView(
        **{f: getattr(view, f) for f in view.__struct_fields__}, key=key, history=history
    )


def _short_ban(until: str | None) -> bool:
    return until is not None and clock.parse_rfc3339(until) <= clock.now() + MODERATOR_BAN


def moderator_may(change: StandingRequest, current: AuthorStanding) -> bool:
    """Whether a moderator (not an admin) may make this change (the table above)."""
    if change.standing is Standing.PREMODERATED:
        return True
    if change.standing is Standing.BANNED:
        return _short_ban(change.until)
    if change.standing is Standing.NORMAL:
        if current.standing is Standing.TRUSTED:
            return False
        return current.standing is not Standing.BANNED or _short_ban(current.until)
    return False


@operation(
    "An author's standing on the site, counts and history",
    answers={200: AuthorView},
    problems=(401, 404),
    security=Security.MODERATOR,
)
async def get_author(request: Request) -> Response:
    resources, site, _ = await authorise(request, Role.MODERATOR)
    keys = resources.sites.keys_for(site.id)
    return private(await _view(resources, keys, request.path_params["author_key"]))


@operation(
    "Ban, premoderate, trust or reset an author, optionally until a time, and optionally "
    "reject their held and published comments (moderators: premoderate, ban up to 7 days)",
    body=StandingRequest,
    answers={200: AuthorChanged},
    problems=(400, 401, 403, 404, 413, 422),
    security=Security.MODERATOR,
)
async def post_author(request: Request) -> Response:
    resources, site, token = await authorise(request, Role.MODERATOR)
    change = decode(StandingRequest, await read_body(request, resources.settings.max_body_bytes))
    keys = resources.sites.keys_for(site.id)
    key = request.path_params["author_key"]
    if token.role is not Role.ADMIN:
        (current,) = await standings(resources.redis, keys, [key])
        if not moderator_may(change, current):
            raise Forbidden("moderators may premoderate and ban for up to 7 days; this needs admin")
    await set_standing(resources.redis, keys, key, change, token.actor)
    results: list[BulkOutcome] = []
    if change.reject_comments:
        ids = await authors_comments(resources, keys, key)
        verdict = Verdict(Verb.REJECT, change.reason, change.note)
        results, applied = await bulk(resources, keys, ids, verdict, token)
        await teach(resources, keys, applied)
    view = await _view(resources, keys, key)
    fields = {f: getattr(view, f) for f in view.__struct_fields__}
    return private(AuthorChanged(**fields, results=results))


async def authors_comments(resources: Resources, keys: SiteKeys, key: str) -> list[str]:
    """Ids of the author's comments that are held, queued or published (bounded scans)."""
    found: list[str] = []
    for queue in REJECTABLE:
        query = review.Query(queue=queue, author=key, limit=review.MAX_PAGE)
        found.extend(await matching(resources, keys, query))
    return list(dict.fromkeys(found))[:MAX_BULK]
