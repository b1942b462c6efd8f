"""WordPress WXR exports read as posts' threads and their comments; pingbacks skipped."""

from __future__ import annotations

from pathlib import Path

from moderation.models import Status
from moderation.porting import wordpress
from moderation.porting.records import SourceComment, SourceThread

DATA = Path(__file__).parent / "data"


def records() -> list[SourceThread | SourceComment]:
    with (DATA / "wordpress.xml").open("rb") as stream:
        return list(wordpress.read(stream))


def test_posts_with_comments_become_threads() -> None:
    """Each post with comments is one thread ``wp-<post_id>``; a page without any is not."""
    threads = [r for r in records() if isinstance(r, SourceThread)]
    assert [(t.id, t.title) for t in threads] == [
        ("wp-42", "Pasar Legi Direnovasi"),
        ("wp-43", "Jadwal Posyandu Desember"),
    ]


def test_comments_keep_state_parent_and_time() -> None:
    """1 approved, 0 held, spam rejected; parent kept; a missing GMT time falls back."""
    comments = {r.key: r for r in records() if isinstance(r, SourceComment)}
    assert "9" not in comments  # the pingback
    assert comments["10"].status is Status.REJECTED and comments["11"].status is Status.HELD
    assert comments["8"].parent == "7" and comments["7"].parent is None
    assert comments["7"].created_at == "2024-11-01T09:00:00.000Z"
    assert comments["11"].created_at == "2024-11-02T16:00:00.000Z"
    assert comments["12"].body == "Terima kasih infonya, sangat membantu"
