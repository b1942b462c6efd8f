"""Logging of every process: plain text, or with ``MODERATION_LOG_FORMAT=json`` one JSON
object per line (ts, level, logger, event, and site, comment_id, request_id… when known).

Whatever the format, a line never carries a secret, an email or an IP address: the code
never logs them, and as a second line of defence every message is scrubbed of anything
shaped like one (signing secrets, API keys, tokens, bearer credentials, emails, IPs).
"""

from __future__ import annotations

import contextvars
import ipaddress
import json
import logging
import re
import time
from typing import Any

from moderation.settings import Settings, SettingsError

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# Context a log call may pass with ``extra=``; each becomes a field of the JSON line.
FIELDS = ("site", "comment_id", "request_id", "method", "path", "status", "duration_ms")
_SECRET = re.compile(r"\b(?:whsec|mk|mt)_[A-Za-z0-9+/=_-]+|(?i:bearer)\s+\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ADDRESS = re.compile(
    r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])"  # IPv4, perhaps followed by :port
    r"|(?<![\w.:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w.:])"  # IPv6
)


def scrub(text: str) -> str:
    """The text with secrets, emails and IP addresses replaced by a placeholder."""
    text = _SECRET.sub("[secret]", text)
    text = _EMAIL.sub("[email]", text)
    return _ADDRESS.sub(_address, text)


def _address(match: re.Match[str]) -> str:
    try:
        ipaddress.ip_address(match[0])
    except ValueError:
        return match[0]
    return "[ip]"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": scrub(record.getMessage()),
        }
        for field in FIELDS:
            value = getattr(record, field, None)
            if value is not None and value != "":
                line[field] = value
        if "request_id" not in line and (current := request_id.get()):
            line["request_id"] = current
        if record.exc_info:
            line["error"] = scrub(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def configure(settings: Settings) -> None:
    """Send every logger (uvicorn's too) to one stderr handler in the chosen format; the
    format is checked even when logging was configured before."""
    if settings.log_format == "json":
        formatter: logging.Formatter = JsonFormatter()
    elif settings.log_format == "text":
        formatter = TextFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    else:
        raise SettingsError(f"MODERATION_LOG_FORMAT={settings.log_format!r}: use text or json")
    root = logging.getLogger()
    if root.handlers:  # configured already (as logging.basicConfig, leave it: pytest's)
        return
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []  # theirs would print text: ours prints all
        logging.getLogger(name).propagate = True
