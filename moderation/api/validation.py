"""Intake body checks that report every bad field at once (msgspec stops at the first)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from moderation.clock import parse_rfc3339
from moderation.models import COMMENT_ID, THREAD_ID

Check = Callable[[Any], str | None]


def _text(max_len: int, *, required: bool = True, blank_ok: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if value is None:
            return "is required" if required else None
        if not isinstance(value, str):
            return "must be a string"
        if not blank_ok and not value.strip():
            return "must not be blank"
        if len(value) > max_len:
            return f"must be at most {max_len} characters"
        return None

    return check


def _pattern(regex: re.Pattern[str], what: str, *, required: bool = True) -> Check:
    def check(value: Any) -> str | None:
        if value is None:
            return "is required" if required else None
        if not isinstance(value, str) or not regex.fullmatch(value):
            return f"must be {what}"
        return None

    return check


def _url(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^\s]{1,2040}", value):
        return "must be an http(s) URL"
    return None


def _timestamp(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return "must be an RFC 3339 timestamp with an offset"
    try:
        parse_rfc3339(value)
    except ValueError:
        return "must be an RFC 3339 timestamp with an offset"
    return None


Schema = dict[str, "Check | Schema"]

THREAD: Schema = {
    "id": _pattern(THREAD_ID, "1-200 URL-safe characters"),
    "url": _url,
    "title": _text(500, required=False),
}
AUTHOR: Schema = {
    "name": _text(100),
    "id": _text(200, required=False),
    "email": _text(320, required=False),
}


def comment_errors(doc: Any, max_chars: int) -> list[dict[str, str]]:
    """Every schema violation of an intake body, as ``{"field", "message"}`` entries."""
    if not isinstance(doc, dict):
        return [{"field": "", "message": "body must be a JSON object"}]
    schema: Schema = {
        "thread": THREAD,
        "author": AUTHOR,
        "body": _text(max_chars),
        "parent_id": _pattern(COMMENT_ID, "a comment id", required=False),
        "external_id": _text(200, required=False),
        "ip": _text(64, required=False),
        "user_agent": _text(1000, required=False, blank_ok=True),
        "created_at": _timestamp,
    }
    return _object_errors("", doc, schema)


def _object_errors(path: str, doc: dict[str, Any], schema: Schema) -> list[dict[str, str]]:
    errors = [
        {"field": f"{path}{name}", "message": "is not a known field"}
        for name in doc
        if name not in schema
    ]
    for name, rule in schema.items():
        value = doc.get(name)
        if isinstance(rule, dict):
            if isinstance(value, dict):
                errors.extend(_object_errors(f"{path}{name}.", value, rule))
            else:
                errors.append({"field": f"{path}{name}", "message": "must be an object"})
        elif message := rule(value):
            errors.append({"field": f"{path}{name}", "message": message})
    return errors
