"""Hashed features of a normalised comment, shared by the spam classifier, its training
script and the learning entry point: words, word bigrams, and each word's byte 3-, 4- and
5-grams (with the word's edges marked, so ``" slo"`` differs from ``"slot"`` inside ``"gaslot"``),
plus the words spread out as runs of short tokens, joined (``Text.spread``: ``"p ul a u wi n"``
is also ``"pulauwin"``), so the model sees the brand behind the spacing.

Each feature is hashed (CRC-32, stable across processes and machines) into ``BUCKETS``
buckets; a comment is the *set* of its buckets (presence, not counts), which suits short
texts and stops one pasted word from outvoting the rest. A word's buckets are cached: words
repeat, so most comments cost a few dictionary lookups per word.
"""

from __future__ import annotations

import functools
import itertools
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ``Text`` computes its features through this module
    from moderation.filters.text import Text

BITS = 20
BUCKETS = 1 << BITS
_MASK = BUCKETS - 1
# Distinct CRC start values keep a word, a bigram and n-grams with equal bytes apart.
_WORD, _BIGRAM, _GRAM = 0x5EED, 0xB16B, 0xC4A2
GRAMS = (3, 4, 5)


def word_bucket(word: str) -> int:
    return zlib.crc32(word.encode(), _WORD) & _MASK


def buckets(text: Text) -> frozenset[int]:
    """The feature buckets of a comment; linear in its length."""
    words = text.words.tokens
    spread = text.spread
    unique = {joined for _, _, joined in spread}.union(words) if spread else set(words)
    # Nearly always every word is short enough for the caches: then no Python call per word.
    if max(map(len, unique), default=0) <= CACHED:
        grams = map(_cached_buckets, unique)
        pairs = map(_cached_pair, words, words[1:])
    else:
        grams = map(word_buckets, unique)
        joined = map(str.encode, map(" ".join, itertools.pairwise(words)))
        pairs = map(_MASK.__and__, map(zlib.crc32, joined, itertools.repeat(_BIGRAM)))
    return frozenset(itertools.chain(itertools.chain.from_iterable(grams), pairs))


CACHED = 32  # longer tokens are computed each time, so the cache's memory stays bounded


def word_buckets(token: str) -> tuple[int, ...]:
    """A word's own bucket and its n-grams' buckets."""
    return _cached_buckets(token) if len(token) <= CACHED else _buckets(token)


def _pair(first: str, second: str) -> int:
    return zlib.crc32(f"{first} {second}".encode(), _BIGRAM) & _MASK


def _buckets(token: str) -> tuple[int, ...]:
    word = token.encode()
    if len(word) > _PLANNED:
        return _long_buckets(word)
    slices, seeds = _plan(len(word) + 2)
    grams = map(zlib.crc32, map((b" " + word + b" ").__getitem__, slices), seeds)
    return tuple({zlib.crc32(word, _WORD) & _MASK, *map(_MASK.__and__, grams)})


def _long_buckets(word: bytes) -> tuple[int, ...]:
    padded = b" " + word + b" "
    crc32 = zlib.crc32
    found = {crc32(word, _WORD) & _MASK}
    for n, seed in _SEEDS:
        grams = range(max(1, len(padded) - n + 1))  # a word shorter than the gram: one, whole
        found.update([crc32(padded[i : i + n], seed) & _MASK for i in grams])
    return tuple(found)


# Each n-gram length with its CRC start value.
_SEEDS = tuple((n, _GRAM + n) for n in GRAMS)
_PLANNED = 4 * CACHED  # bytes: a cached word's UTF-8 is no longer, so the plans stay few


@functools.cache
def _plan(size: int) -> tuple[tuple[slice, ...], tuple[int, ...]]:
    """Every n-gram of a padded word of ``size`` bytes, as slices and their CRC start values:
    a short word's grams are then hashed in C (``_long_buckets``' loop, unrolled)."""
    cuts = [(slice(i, i + n), seed) for n, seed in _SEEDS for i in range(max(1, size - n + 1))]
    return tuple(cut for cut, _ in cuts), tuple(seed for _, seed in cuts)


_cached_buckets = functools.lru_cache(maxsize=1 << 16)(_buckets)
# Word pairs repeat across comments ("of the", "slot gacor") as words do.
_cached_pair = functools.lru_cache(maxsize=1 << 16)(_pair)
