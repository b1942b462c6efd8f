"""``POST /v1/sites/{site_id}/comments/{comment_id}/reports``: readers flag what they see."""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import Response

from moderation import clock
from moderation.api.http import cors_headers, json_object, read_body
from moderation.api.state import Resources
from moderation.errors import NotFound, Unprocessable
from moderation.models import Reason
from moderation.store.reports import MAX_BODY, MAX_TEXT, Report, file_report, limit


def parse(doc: dict[str, object]) -> Report:
    errors = [
        {"field": k, "message": "is not a known field"} for k in doc if k not in ("reason", "text")
    ]
    if doc.get("reason") not in set(Reason):
        errors.append({"field": "reason", "message": "must be one of " + ", ".join(Reason)})
    note = doc.get("text", "")
    if not isinstance(note, str) or len(note) > MAX_TEXT:
        errors.append({"field": "text", "message": f"must be text of at most {MAX_TEXT} chars"})
    if errors:
        raise Unprocessable("the report does not match the schema", errors=errors)
    return Report(str(doc["reason"]), str(note), clock.rfc3339(clock.now()))


def reader_of(request: Request) -> str:
    address = request.client.host if request.client else "unknown"
    return hashlib.sha256(address.encode()).hexdigest()[:32]


async def post_report(request: Request) -> Response:
    resources: Resources = request.state.resources
    site = await resources.sites.get(request.path_params["site_id"])
    if site is None:
        raise NotFound("no such site")
    headers = cors_headers(request, site)
    report = parse(json_object(await read_body(request, MAX_BODY)))
    keys = resources.sites.keys_for(site.id)
    comment_id = request.path_params["comment_id"]
    reader = reader_of(request)
    await limit(resources.redis, keys, reader, comment_id, resources.settings.reports_per_minute)
    await file_report(
        resources.redis, resources.store, keys, comment_id, reader, report, site.policy.report_hide
    )
    return Response(status_code=202, headers=headers)
