"""Review queues by name."""

from __future__ import annotations

import pytest

from moderation.models import ReviewQueue
from moderation.store.keys import SiteKeys
from moderation.store.review import QUEUES, Query, queue_key


def test_a_query_names_its_queue_by_the_enum() -> None:
    """A queue given by name becomes its ``ReviewQueue``; an unknown name is refused."""
    query = Query(queue="reported")  # type: ignore[arg-type]  # the query string's text
    assert query.queue is ReviewQueue.REPORTED
    assert queue_key(SiteKeys("kediri", 4), query.queue) == SiteKeys("kediri", 4).reported
    assert QUEUES[0] is ReviewQueue.HELD
    with pytest.raises(ValueError):
        Query(queue="spam")  # type: ignore[arg-type]
