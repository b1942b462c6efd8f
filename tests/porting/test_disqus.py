"""Disqus XML exports read as threads and comments, with their state, nesting and text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from moderation.models import Status
from moderation.porting import disqus
from moderation.porting.records import SourceComment, SourceThread
from moderation.porting.xmlstream import Malformed

DATA = Path(__file__).parent / "data"


def records() -> list[SourceThread | SourceComment]:
    with (DATA / "disqus.xml").open("rb") as stream:
        return list(disqus.read(stream))


def test_threads_keep_identifier_url_and_title() -> None:
    """A thread's identifier is its id when it is one; else ``disqus-<dsq:id>``."""
    threads = [r for r in records() if isinstance(r, SourceThread)]
    assert [(t.key, t.id) for t in threads] == [("5001", "ptsl-2024-11"), ("5002", "disqus-5002")]
    assert threads[1].title == "Jalan Desa Diperbaiki & Diaspal"


def test_posts_keep_state_parent_and_text() -> None:
    """Spam and deleted are rejected, unapproved held; parents kept; HTML becomes text."""
    posts = {r.key: r for r in records() if isinstance(r, SourceComment)}
    assert posts["9005"].status is Status.REJECTED and posts["9006"].status is Status.REJECTED
    assert posts["9008"].status is Status.HELD and posts["9001"].status is Status.APPROVED
    assert (posts["9003"].parent, posts["9004"].parent) == ("9001", "9003")
    assert posts["9003"].body == "Setuju, bu Ani.\nSemoga lancar & cepat."
    assert (posts["9001"].email, posts["9001"].ip) == ("ani@example.id", "192.0.2.10")


def test_a_bad_date_names_its_line() -> None:
    """A post whose createdAt is not a date stops the read at that post's line."""
    doc = b'<disqus xmlns:dsq="d">\n<post dsq:id="1"><message>x</message>'
    doc += b'<createdAt>yesterday</createdAt><thread dsq:id="1"/></post></disqus>'
    with pytest.raises(Malformed, match="line 2: createdAt 'yesterday' is not a date"):
        list(disqus.read(io.BytesIO(doc)))
