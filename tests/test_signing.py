"""Standard Webhooks verification: the timestamp must be the digits that were signed."""

from __future__ import annotations

import pytest

from moderation import signing

KEY = b"k" * 32
BODY = b"{}"


def headers(stamp: str, signed: int) -> dict[str, str]:
    return {
        "webhook-id": "msg_1",
        "webhook-timestamp": stamp,
        "webhook-signature": signing.sign(KEY, "msg_1", signed, BODY),
    }


def test_plain_digits_within_tolerance_verify() -> None:
    """The signed Unix seconds, as plain digits, give back the message id."""
    assert (
        signing.verify(
            [KEY], headers("1764300000", 1764300000), BODY, now=1764300010.5, tolerance=300
        )
        == "msg_1"
    )


@pytest.mark.parametrize(
    "stamp",
    [
        "+1764300000",
        "01764300000",
        " 1764300000",
        "1764300000 ",
        "1764_300000",
        "1" * 13,
        "9" * 401,
        "١٧٦٤٣٠٠٠٠٠",
        "-1",
    ],
)
def test_other_spellings_are_refused_before_any_arithmetic(stamp: str) -> None:
    """Signs, leading zeros, spaces, underscores, other scripts' digits and over 12 digits
    raise SignatureError, never an arithmetic error."""
    with pytest.raises(signing.SignatureError, match="plain decimal digits"):
        signing.verify([KEY], headers(stamp, 1764300000), BODY, now=1764300000.0, tolerance=300)


def test_zero_is_a_timestamp_outside_the_window() -> None:
    """``0`` is well formed, and refused only for being far outside the tolerance window."""
    with pytest.raises(signing.SignatureError, match="tolerance"):
        signing.verify([KEY], headers("0", 0), BODY, now=1764300000.0, tolerance=300)
