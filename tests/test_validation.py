"""Every bad field of a document is listed, derived from the struct's own constraints."""

from __future__ import annotations

import pytest

from moderation import validation
from moderation.api.schemas import BulkVerdict
from moderation.models import CommentIn
from moderation.policy import Policy


def _errors(type_: type, doc: object) -> dict[str, str]:
    with pytest.raises(validation.Invalid) as raised:
        validation.convert(type_, doc)
    return {e.field: e.message for e in raised.value.errors}


def test_every_bad_field_is_listed_at_once() -> None:
    """Unknown, missing, too long and badly patterned fields all come back together."""
    doc = {"thread": {"id": "a b"}, "author": {"name": "x" * 101}, "colour": "red"}
    assert _errors(CommentIn, doc) == {
        "colour": "is not a known field",
        "thread.id": "must be 1-200 URL-safe characters",
        "author.name": "Expected `str` of length <= 100",
        "body": "is required",
    }


def test_a_trailing_newline_does_not_pass_a_pattern() -> None:
    """``\\Z``, not ``$``: an id followed by a newline is refused."""
    doc = {"thread": {"id": "ptsl\n"}, "author": {"name": "Nash"}, "body": "ok"}
    assert _errors(CommentIn, doc) == {"thread.id": "must be 1-200 URL-safe characters"}


def test_a_timestamp_that_cannot_be_converted_to_utc_is_refused() -> None:
    """``created_at`` at the end of year 9999 with a negative offset is a field error."""
    doc = {
        "thread": {"id": "t"},
        "author": {"name": "Nash"},
        "body": "ok",
        "created_at": "9999-12-31T23:59:59-23:59",
    }
    assert set(_errors(CommentIn, doc)) == {"created_at"}


def test_a_rule_across_fields_names_its_field() -> None:
    """``spam_hold`` above ``spam_reject`` is reported on ``spam_hold``."""
    assert _errors(Policy, {"spam_hold": 0.95, "spam_reject": 0.9}) == {
        "spam_hold": "must not be above spam_reject"
    }


def test_list_items_are_reported_by_index() -> None:
    """A bad id inside ``ids`` is reported at its index."""
    errors = _errors(BulkVerdict, {"action": "reject", "ids": ["01JAAAAAAAAAAAAAAAAAAAAAAA", 5]})
    assert list(errors) == ["ids[1]"]


def test_a_nested_object_of_the_wrong_type_is_a_field_error() -> None:
    """``{"action": {}}`` is a field error on ``action``, not a crash."""
    assert set(_errors(BulkVerdict, {"action": {}, "ids": ["01JAAAAAAAAAAAAAAAAAAAAAAA"]})) == {
        "action"
    }


def test_a_document_that_is_not_an_object_is_one_error() -> None:
    """A list where an object belongs is reported once, on the document."""
    assert _errors(CommentIn, [1]) == {"": "must be an object"}


def test_a_timestamp_of_another_json_type_is_a_field_error() -> None:
    """``created_at: 5`` is a schema violation on ``created_at``, not a crash."""
    doc = {"thread": {"id": "t"}, "author": {"name": "Nash"}, "body": "ok", "created_at": 5}
    assert _errors(CommentIn, doc) == {"created_at": "must be an RFC 3339 timestamp with an offset"}


def test_a_bad_id_in_a_list_is_reported_in_words() -> None:
    """An id inside ``ids`` that is not a comment id says so, not the regex it failed."""
    errors = _errors(BulkVerdict, {"action": "reject", "ids": ["nope"]})
    assert errors == {"ids[0]": "must be a comment id"}


def test_an_empty_bulk_filter_is_reported_on_the_filter() -> None:
    """``filter: {}`` is one error on ``filter``, saying what to name."""
    errors = _errors(BulkVerdict, {"action": "reject", "filter": {}})
    assert errors == {"filter": "name at least a queue, thread, author, reason, q or dates"}
