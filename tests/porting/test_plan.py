"""The first pass of an import: ids derived once and for all, broken references refused."""

from __future__ import annotations

import pytest

from moderation.models import Status
from moderation.porting.plan import plan
from moderation.porting.records import SourceComment, SourceThread
from moderation.porting.xmlstream import Malformed

THREAD = SourceThread(key="t", id="t", url=None, title=None)


def comment(key: str, parent: str | None = None, thread: str = "t") -> SourceComment:
    return SourceComment(
        key=key,
        thread=thread,
        parent=parent,
        name="Ani",
        email=None,
        ip=None,
        body="x",
        created_at="2024-11-01T09:00:00.000Z",
        status=Status.APPROVED,
        line=int(key) if key.isdigit() else 1,
    )


def test_ids_are_the_same_on_every_run_and_sort_by_time() -> None:
    """The same file names the same comment ids; another site gets others."""
    first = plan([THREAD, comment("1")], "kediri", "disqus").comments["1"][0]
    again = plan([THREAD, comment("1")], "kediri", "disqus").comments["1"][0]
    other = plan([THREAD, comment("1")], "blitar", "disqus").comments["1"][0]
    assert first == again != other and first[:10] == other[:10]


def test_a_reply_may_come_before_its_parent() -> None:
    """Order in the file does not matter: references are checked after the whole pass."""
    assert len(plan([comment("2", parent="1"), THREAD, comment("1")], "s", "d").comments) == 2


@pytest.mark.parametrize(
    ("records", "reason"),
    [
        ([THREAD, comment("5", parent="4")], "line 5: the comment's parent '4' is not in the file"),
        ([comment("6", thread="x")], "line 6: the comment's thread 'x' is not in the file"),
        ([THREAD, comment("7"), comment("7")], "line 7: comment '7' appears twice"),
    ],
)
def test_broken_references_stop_the_import(
    records: list[SourceThread | SourceComment], reason: str
) -> None:
    """An orphan reply, an unknown thread or a duplicate id stops it, naming the line."""
    with pytest.raises(Malformed, match=reason):
        plan(records, "s", "d")
