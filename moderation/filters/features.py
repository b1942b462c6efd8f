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
    pairs = map(str.encode, map(" ".join, itertools.pairwise(words)))
    spread = {joined for _, _, joined in text.spread}
    unique = spread.union(words)
    # Nearly always every word is short enough for the cache: then no Python call per word.
    short = max(map(len, unique), default=0) <= CACHED
    return frozenset(
        itertools.chain(
            itertools.chain.from_iterable(map(_cached_buckets if short else word_buckets, unique)),
            map(_MASK.__and__, map(zlib.crc32, pairs, itertools.repeat(_BIGRAM))),
        )
    )


CACHED = 32  # longer tokens are computed each time, so the cache's memory stays bounded


def word_buckets(token: str) -> tuple[int, ...]:
    """A word's own bucket and its n-grams' buckets."""
    return _cached_buckets(token) if len(token) <= CACHED else _buckets(token)


def _buckets(token: str) -> tuple[int, ...]:
    word = token.encode()
    padded = b" " + word + b" "
    crc32 = zlib.crc32
    found = {crc32(word, _WORD) & _MASK}
    for n, seed in _SEEDS:
        grams = range(max(1, len(padded) - n + 1))  # a word shorter than the gram: one, whole
        found.update([crc32(padded[i : i + n], seed) & _MASK for i in grams])
    return tuple(found)


# Each n-gram length with its CRC start value.
_SEEDS = tuple((n, _GRAM + n) for n in GRAMS)
_cached_buckets = functools.lru_cache(maxsize=1 << 16)(_buckets)
