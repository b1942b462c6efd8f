"""RFC 3339 timestamps, always UTC with milliseconds, so they sort as text."""

from __future__ import annotations

import datetime as dt
import re

# RFC 3339 ``date-time`` with its offset required; ASCII digits only (``\d`` takes any script's).
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
# In UTC, so a moment converts to any offset and back without leaving datetime's years 1..9999.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(9999, 1, 1, tzinfo=dt.UTC) - dt.timedelta(microseconds=1)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def rfc3339(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_rfc3339(text: str) -> dt.datetime:
    """An RFC 3339 date-time with an offset, from 2000 to the end of 9998 in UTC, as UTC.

    Anything else raises ValueError, including what ``fromisoformat`` alone would take
    (``+0000``, week dates, no offset) or could not convert to UTC (``9999-12-31T23:59:59-23:59``).
    """
    if not _RFC3339.fullmatch(text):
        raise ValueError("not an RFC 3339 date-time with an offset")
    try:
        moment = dt.datetime.fromisoformat(text.upper()).astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("timestamp is out of range") from None
    if not EARLIEST <= moment <= LATEST:
        raise ValueError("timestamp must fall between 2000-01-01 and 9998-12-31 (UTC)")
    return moment
