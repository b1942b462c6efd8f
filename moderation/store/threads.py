"""Reads of what readers may see: approved comments as threads, recent lists and counts.

The answers are the widgets' wire formats, defined here once (the API encodes them as they
are and publishes their schemas).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from moderation.models import PublicComment
from moderation.store.client import Redis, text
from moderation.store.keys import SiteKeys


class Reader(msgspec.Struct, frozen=True):
    name: str


class ThreadInfo(msgspec.Struct, frozen=True):
    id: str
    url: str | None
    title: str | None


class Node(msgspec.Struct, frozen=True):
    id: str
    parent_id: str | None
    author: Reader
    body: str
    created_at: str
    replies: list[Node]


class ThreadPage(msgspec.Struct, frozen=True):
    """A page of a thread's approved top-level comments, each with its approved replies."""

    site: str
    thread: ThreadInfo
    count: int
    comments: list[Node]
    next_cursor: str | None


class RecentComment(msgspec.Struct, frozen=True):
    id: str
    author: Reader
    excerpt: str
    created_at: str
    thread: ThreadInfo


class Recent(msgspec.Struct, frozen=True):
    """The site's latest approved comments, for a "recent comments" sidebar."""

    site: str
    comments: list[RecentComment]


class Counts(msgspec.Struct, frozen=True):
    """Approved comments per thread."""

    counts: dict[str, int]


_decode_public = msgspec.json.Decoder(PublicComment).decode
MAX_DEPTH = 20
MAX_REPLIES = 2_000


def _page_args(cursor: str | None, newest_first: bool) -> dict[str, Any]:
    """ZRANGE BYLEX bounds after ``cursor`` (ids sort by time, so lex order is time order)."""
    if newest_first:
        return {"start": f"({cursor}" if cursor else "+", "end": "-", "desc": True}
    return {"start": f"({cursor}" if cursor else "-", "end": "+", "desc": False}


async def thread_page(
    redis: Redis,
    keys: SiteKeys,
    thread_id: str,
    *,
    newest_first: bool,
    limit: int,
    cursor: str | None,
) -> ThreadPage:
    """One page of top-level comments with all their approved replies nested."""
    pipe = redis.pipeline(transaction=False)
    pipe.hmget(keys.thread(thread_id), ["url", "title"])
    pipe.zcard(keys.thread_all(thread_id))
    pipe.zrange(
        keys.thread_top(thread_id),
        bylex=True,
        offset=0,
        num=limit + 1,
        **_page_args(cursor, newest_first),
    )
    (url, title), count, top = await pipe.execute()
    more = len(top) > limit
    top_ids = [member.decode() for member in top[:limit]]
    comments = await _with_replies(redis, keys, top_ids)
    return ThreadPage(
        site=keys.site_id,
        thread=ThreadInfo(thread_id, _text(url), _text(title)),
        count=count,
        comments=comments,
        next_cursor=top_ids[-1] if more else None,
    )


async def _with_replies(redis: Redis, keys: SiteKeys, top_ids: list[str]) -> list[Node]:
    nodes: dict[str, Node] = {}
    level, seen = top_ids, 0
    for _ in range(MAX_DEPTH):
        if not level or seen > MAX_REPLIES:
            break
        pipe = redis.pipeline(transaction=False)
        for comment_id in level:
            pipe.hget(keys.comment(comment_id), "pub")
            pipe.zrange(keys.replies(comment_id), "-", "+", bylex=True)
        replies = await pipe.execute()
        next_level: list[str] = []
        for comment_id, pub, kids in zip(level, replies[0::2], replies[1::2], strict=True):
            if pub is None:
                continue
            nodes[comment_id] = _node(_decode_public(pub))
            next_level.extend(kid.decode() for kid in kids)
        seen += len(next_level)
        level = next_level
    roots: list[Node] = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id else None
        (parent.replies if parent else roots).append(node)
    order = {comment_id: i for i, comment_id in enumerate(top_ids)}
    return sorted((n for n in roots if n.id in order), key=lambda n: order[n.id])


def _node(comment: PublicComment) -> Node:
    return Node(
        id=comment.id,
        parent_id=comment.parent_id,
        author=Reader(comment.author),
        body=comment.body,
        created_at=comment.created_at,
        replies=[],
    )


async def recent(redis: Redis, keys: SiteKeys, limit: int, excerpt_chars: int) -> Recent:
    ids: list[Any] = await redis.zrange(
        keys.recent, "+", "-", desc=True, bylex=True, offset=0, num=limit
    )
    pipe = redis.pipeline(transaction=False)
    for member in ids:
        pipe.hget(keys.comment(text(member)), "pub")
    published = [_decode_public(pub) for pub in await pipe.execute() if pub is not None]
    threads = await _thread_meta(redis, keys, sorted({c.thread for c in published}))
    return Recent(
        site=keys.site_id,
        comments=[
            RecentComment(
                id=c.id,
                author=Reader(c.author),
                excerpt=excerpt(c.body, excerpt_chars),
                created_at=c.created_at,
                thread=threads[c.thread],
            )
            for c in published
        ],
    )


async def _thread_meta(
    redis: Redis, keys: SiteKeys, thread_ids: Sequence[str]
) -> dict[str, ThreadInfo]:
    pipe = redis.pipeline(transaction=False)
    for thread_id in thread_ids:
        pipe.hmget(keys.thread(thread_id), ["url", "title"])
    return {
        thread_id: ThreadInfo(thread_id, _text(url), _text(title))
        for thread_id, (url, title) in zip(thread_ids, await pipe.execute(), strict=True)
    }


async def counts(redis: Redis, keys: SiteKeys, thread_ids: Sequence[str]) -> Counts:
    pipe = redis.pipeline(transaction=False)
    for thread_id in thread_ids:
        pipe.zcard(keys.thread_all(thread_id))
    return Counts(dict(zip(thread_ids, await pipe.execute(), strict=True)))


def excerpt(body: str, limit: int) -> str:
    """The body cut at a word boundary no later than ``limit`` characters, with "…"."""
    text = " ".join(body.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut and not text[limit].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + "…"


def _text(raw: bytes | None) -> str | None:
    return raw.decode() if raw is not None else None
