"""View tokens prove one comment of one site until they expire, under the site's key."""

from __future__ import annotations

from moderation import view_tokens

KEY, OTHER = b"k" * 32, b"o" * 32
COMMENT = "01M8SYM52X8JXN04ZZRYGSZ9D0"


def test_a_minted_token_proves_its_comment() -> None:
    """verify returns the comment id of a fresh token under the same key and site."""
    token = view_tokens.mint(KEY, "kediri", COMMENT, 2_000)
    assert view_tokens.verify([OTHER, KEY], "kediri", token, 1_000) == COMMENT


def test_expired_foreign_or_tampered_tokens_prove_nothing() -> None:
    """Past its expiry, for another site, under another key or edited, a token is refused."""
    token = view_tokens.mint(KEY, "kediri", COMMENT, 2_000)
    _, comment_id, _expires, mac = token.split(".")
    assert view_tokens.verify([KEY], "kediri", token, 2_001) is None
    assert view_tokens.verify([KEY], "other", token, 1_000) is None
    assert view_tokens.verify([OTHER], "kediri", token, 1_000) is None
    assert view_tokens.verify([KEY], "kediri", f"v1.{comment_id}.9999.{mac}", 1_000) is None


def test_malformed_tokens_are_refused_not_errors() -> None:
    """Wrong shape, huge numbers, non-ASCII macs or bad ids are ``None``, never an exception."""
    for token in (
        "",
        "v1",
        "v2.a.b.c",
        f"v1.{COMMENT}.{'9' * 5000}.x",
        f"v1.{COMMENT}.5.é",
        "v1.x.5.m",
    ):
        assert view_tokens.verify([KEY], "kediri", token, 1) is None
