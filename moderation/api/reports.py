"""``POST /v1/sites/{site_id}/comments/{comment_id}/reports``: readers flag what they see."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from moderation import clock
from moderation.api.http import cors_headers, decode, read_body, reader_of
from moderation.api.openapi import operation
from moderation.api.schemas import ReportIn
from moderation.api.state import Resources
from moderation.errors import NotFound, ProblemError
from moderation.store.reports import MAX_BODY, Report, file_report, limit


@operation(
    "A reader reports a published comment (public, CORS, rate-limited); 202 when filed",
    body=ReportIn,
    answers={202: None},
    problems=(400, 404, 413, 422, 429),
)
async def post_report(request: Request) -> Response:
    resources: Resources = request.state.resources
    site = await resources.sites.get(request.path_params["site_id"])
    if site is None:
        raise NotFound("no such site")
    headers = cors_headers(request, site)
    wanted = decode(ReportIn, await read_body(request, MAX_BODY))
    report = Report(wanted.reason, wanted.text, clock.rfc3339(clock.now()))
    keys = resources.sites.keys_for(site.id)
    comment_id = request.path_params["comment_id"]
    reader = reader_of(request, keys)
    try:
        await limit(
            resources.redis, keys, reader, comment_id, resources.settings.reports_per_minute
        )
        await file_report(
            resources.redis,
            resources.store,
            keys,
            comment_id,
            reader,
            report,
            site.policy.report_hide,
        )
    except ProblemError as error:  # the widget must be able to read a 429 or 404 to say so
        error.headers.update(headers)
        raise
    return Response(status_code=202, headers=headers)
