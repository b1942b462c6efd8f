"""Comment ids: 26 characters, sortable by creation time."""

from __future__ import annotations

from moderation.ids import new_id
from moderation.models import COMMENT_ID


def test_ids_sort_by_time_and_match_the_public_pattern() -> None:
    """Ids made later sort later, and every id passes the API's id check."""
    earlier, later = new_id(1_000), new_id(2_000)
    assert earlier < later
    assert COMMENT_ID.match(earlier) and COMMENT_ID.match(later)
    assert len({new_id(5) for _ in range(1000)}) == 1000


def test_ids_from_one_process_strictly_increase_within_a_millisecond() -> None:
    """Many ids made in the same millisecond still sort in the order they were made."""
    made = [new_id() for _ in range(10_000)]
    assert made == sorted(made) and len(set(made)) == len(made)
