"""Comments and contexts for spam tests, without a store."""

from __future__ import annotations

from moderation.filters.context import Context, Signals
from moderation.models import Author, Comment, Thread
from moderation.policy import Policy


def stored(body: str, *, id: str = "c1", author: str = "Jojo", ip: str | None = None) -> Comment:
    return Comment(
        id=id,
        site="kediri",
        thread=Thread(id="t1"),
        author=Author(name=author),
        body=body,
        created_at="2026-11-28T00:00:00Z",
        received_at="2026-11-28T00:00:00Z",
        ip=ip,
    )


def context(body: str, signals: Signals | None = None, policy: Policy | None = None) -> Context:
    return Context(stored(body), policy or Policy(), signals or Signals())
