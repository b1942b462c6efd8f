"""Reads of what readers may see: approved comments as threads, recent lists and counts.

The answers are the widgets' wire formats, defined here once (the API encodes them as they
are and publishes their schemas).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import msgspec

from moderation.models import PublicComment, Sort, Status
from moderation.store.client import Redis, text
from moderation.store.comments import decode_comment
from moderation.store.keys import SiteKeys


class Reader(msgspec.Struct, frozen=True):
    name: str


class ThreadInfo(msgspec.Struct, frozen=True):
    id: str
    url: str | None
    title: str | None


class Node(msgspec.Struct, frozen=True):
    """A comment in the tree; ``removed`` marks a placeholder for a parent readers may not see
    (held, rejected, hidden or deleted) that has published replies."""

    id: str
    parent_id: str | None
    author: Reader | None
    body: str
    created_at: str | None
    replies: list[Node]
    reply_count: int = 0
    replies_cursor: str | None = None
    removed: bool = False


class ThreadPage(msgspec.Struct, frozen=True):
    """A page of a thread's top-level comments (or of one comment's replies), nested.

    ``count`` is the thread's published comments: exactly the non-placeholder nodes of the whole
    tree, and every one of them can be in ``/recent``.
    """

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


class PendingComment(msgspec.Struct, frozen=True):
    id: str
    parent_id: str | None
    author: Reader
    body: str
    created_at: str


class Pending(msgspec.Struct, frozen=True):
    """The reader's own comments of a thread still awaiting moderation (by their view tokens)."""

    site: str
    thread: str
    comments: list[PendingComment]


class _Parent(msgspec.Struct):
    parent_id: str | None = None


_decode_public = msgspec.json.Decoder(PublicComment).decode
_decode_parent = msgspec.json.Decoder(_Parent).decode
MAX_DEPTH = 20
_WAITING = frozenset({Status.QUEUED, Status.HELD})
MAX_THREAD = 5_000  # published comments read per thread render (the render is cached)


@dataclasses.dataclass(frozen=True, slots=True)
class Page:
    """What a reader asked for: top-level comments (or ``parent``'s replies) after ``cursor``."""

    sort: Sort = Sort.OLDEST
    limit: int = 50
    cursor: str | None = None
    replies: int = 10
    parent: str | None = None


async def thread_page(redis: Redis, keys: SiteKeys, thread_id: str, page: Page) -> ThreadPage:
    """One page of the thread's tree, replies nested and paged ``page.replies`` at a time."""
    pipe = redis.pipeline(transaction=False)
    pipe.hmget(keys.thread(thread_id), ["url", "title"])
    pipe.zrange(keys.thread_all(thread_id), 0, MAX_THREAD - 1)
    pipe.zcard(keys.thread_all(thread_id))
    (url, title), members, count = await pipe.execute()
    tree = await _tree(redis, keys, [text(m) for m in members])
    level = _level(tree, page)
    start = _after(level, page)
    shown = level[start : start + page.limit]
    more = start + page.limit < len(level)
    return ThreadPage(
        site=keys.site_id,
        thread=ThreadInfo(thread_id, _text(url), _text(title)),
        count=count,
        comments=[_trimmed(node, page.replies, 1) for node in shown],
        next_cursor=shown[-1].id if more and shown else None,
    )


def _level(tree: _Tree, page: Page) -> list[Node]:
    """The nodes being paged, in order: replies oldest first, top level as sorted."""
    if page.parent is not None:
        return tree.children.get(page.parent, [])
    roots = tree.children.get(None, [])
    if page.sort is Sort.NEWEST:
        return roots[::-1]
    if page.sort is Sort.TOP:  # most published replies first, newest first among equals
        by_time = roots[::-1]
        return sorted(by_time, key=lambda node: -tree.sizes[node.id])
    return roots


def _after(level: list[Node], page: Page) -> int:
    """Index of the first node after the cursor (a cursor no longer there starts over for
    "top"; for the time orders ids sort by time, so it still places the page)."""
    if page.cursor is None:
        return 0
    ids = [node.id for node in level]
    if page.cursor in ids:
        return ids.index(page.cursor) + 1
    if page.sort is Sort.TOP and page.parent is None:
        return 0
    newest = page.sort is Sort.NEWEST and page.parent is None
    later = [i for i, id_ in enumerate(ids) if (id_ < page.cursor if newest else id_ > page.cursor)]
    return later[0] if later else len(level)


def _trimmed(node: Node, replies: int, depth: int) -> Node:
    """The node with its first ``replies`` replies (each trimmed alike, down to MAX_DEPTH);
    ``reply_count`` tells the reader how many there are in all."""
    shown = node.replies[:replies] if depth < MAX_DEPTH else []
    return msgspec.structs.replace(
        node,
        replies=[_trimmed(kid, replies, depth + 1) for kid in shown],
        reply_count=len(node.replies),
    )


@dataclasses.dataclass(slots=True)
class _Tree:
    children: dict[str | None, list[Node]]  # None: the top level; each list oldest first
    sizes: dict[str, int]  # published comments in each node's subtree, itself included


async def _tree(redis: Redis, keys: SiteKeys, ids: list[str]) -> _Tree:
    """Every published comment under its parent; unseen parents become placeholders."""
    pipe = redis.pipeline(transaction=False)
    for comment_id in ids:
        pipe.hget(keys.comment(comment_id), "pub")
    published = [_decode_public(pub) for pub in await pipe.execute() if pub is not None]
    nodes = {c.id: _node(c) for c in published}
    await _placeholders(redis, keys, nodes)
    children: dict[str | None, list[Node]] = {}
    for comment_id in sorted(nodes):  # ids sort by time
        node = nodes[comment_id]
        children.setdefault(node.parent_id, []).append(node)
    order: list[Node] = list(children.get(None, []))
    for node in order:  # breadth first from the top, so parents come before their replies
        node.replies.extend(children.get(node.id, []))
        order.extend(children.get(node.id, []))
    sizes: dict[str, int] = {}
    for node in reversed(order):
        own = 0 if node.removed else 1
        sizes[node.id] = own + sum(sizes[kid.id] for kid in node.replies)
    return _Tree(children, sizes)


async def _placeholders(redis: Redis, keys: SiteKeys, nodes: dict[str, Node]) -> None:
    """Adds a ``removed`` node for each unseen ancestor, climbing until a shown one or the top.

    An ancestor whose record is gone (deleted) becomes a top-level placeholder.
    """
    for _ in range(MAX_DEPTH):
        missing = sorted({n.parent_id for n in nodes.values() if n.parent_id} - nodes.keys())
        if not missing:
            return
        pipe = redis.pipeline(transaction=False)
        for comment_id in missing:
            pipe.hget(keys.comment(comment_id), "rec")
        for comment_id, rec in zip(missing, await pipe.execute(), strict=True):
            parent = _decode_parent(rec).parent_id if rec is not None else None
            nodes[comment_id] = Node(comment_id, parent, None, "", None, [], removed=True)
    for node in list(nodes.values()):  # an even longer chain of unseen ancestors: cut it here
        if node.parent_id and node.parent_id not in nodes:
            nodes[node.id] = msgspec.structs.replace(node, parent_id=None)


def _node(comment: PublicComment) -> Node:
    return Node(
        id=comment.id,
        parent_id=comment.parent_id,
        author=Reader(comment.author),
        body=comment.body,
        created_at=comment.created_at,
        replies=[],
    )


async def pending(
    redis: Redis, keys: SiteKeys, thread_id: str, comment_ids: Sequence[str]
) -> Pending:
    """Those of ``comment_ids`` in this thread that are queued or held, oldest first."""
    pipe = redis.pipeline(transaction=False)
    for comment_id in comment_ids:
        pipe.hmget(keys.comment(comment_id), ["rec", "status"])
    waiting = []
    for rec, status in await pipe.execute():
        if rec is None or text(status) not in _WAITING:
            continue
        comment = decode_comment(rec)
        if comment.thread.id == thread_id:
            waiting.append(comment)
    return Pending(
        site=keys.site_id,
        thread=thread_id,
        comments=[
            PendingComment(c.id, c.parent_id, Reader(c.author.name), c.body, c.created_at)
            for c in sorted(waiting, key=lambda c: c.id)
        ],
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
