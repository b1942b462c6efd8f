"""RFC 3339 parsing: only what converts to UTC and back, within the years the service uses."""

from __future__ import annotations

import pytest

from moderation import clock


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2026-11-28T10:00:00+07:00", "2026-11-28T03:00:00.000Z"),
        ("2026-11-28t03:00:00.123456789z", "2026-11-28T03:00:00.123Z"),
        ("2000-01-01T00:00:00Z", "2000-01-01T00:00:00.000Z"),
        ("9998-12-31T23:59:59.999Z", "9998-12-31T23:59:59.999Z"),
    ],
)
def test_rfc3339_with_an_offset_is_read_as_utc(text: str, utc: str) -> None:
    """A date-time with an offset, 2000 to 9998, is read and renders back in UTC."""
    assert clock.rfc3339(clock.parse_rfc3339(text)) == utc


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31T23:59:59-23:59",  # overflows when converted to UTC
        "0001-01-01T00:00:00+00:01",  # underflows
        "1999-12-31T23:59:59Z",
        "9998-12-31T23:59:59-00:01",  # 9999 in UTC
        "2026-11-28T03:00:00",  # no offset
        "2026-11-28T03:00:00+0000",  # ISO 8601 basic offset, not RFC 3339
        "2026-W48-6T03:00:00Z",  # week date
        "2026-11-28",
        "2026-11-28T03:00:00Z\n",
        "2026-11-28T24:00:00Z",
        "2026-11-28T03:00:00+24:00",
        "٢٠٢٦-11-28T03:00:00Z",  # Arabic-Indic digits
        "",
    ],
)
def test_anything_else_is_a_value_error(text: str) -> None:
    """Overflow, years out of range and other ISO 8601 forms raise ValueError."""
    with pytest.raises(ValueError):
        clock.parse_rfc3339(text)
