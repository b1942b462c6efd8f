"""Hashed features of a normalised comment, shared by the spam classifier, its training
script and the learning entry point: words, word bigrams, and each word's byte 4-grams
(with the word's edges marked, so ``" slo"`` differs from ``"slot"`` inside ``"gaslot"``).

Each feature is hashed (CRC-32, stable across processes and machines) into ``BUCKETS``
buckets; a comment is the *set* of its buckets (presence, not counts), which suits short
texts and stops one pasted word from outvoting the rest. A word's buckets are cached: words
repeat, so most comments cost a few dictionary lookups per word.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import zlib

from moderation.filters.base import Text
from moderation.filters.normalise import normalise

BITS = 20
BUCKETS = 1 << BITS
_MASK = BUCKETS - 1
# Distinct CRC start values keep a word, a bigram and a 4-gram with equal bytes apart.
_WORD, _BIGRAM, _GRAM = 0x5EED, 0xB16B, 0xC4A2
GRAM = 4


def word_bucket(word: str) -> int:
    return zlib.crc32(word.encode(), _WORD) & _MASK


def buckets(text: Text) -> frozenset[int]:
    """The feature buckets of a comment; linear in its length."""
    words = text.words.tokens
    pairs = map(str.encode, map(" ".join, itertools.pairwise(words)))
    return frozenset(
        itertools.chain(
            itertools.chain.from_iterable(map(word_buckets, set(words))),
            map(_MASK.__and__, map(zlib.crc32, pairs, itertools.repeat(_BIGRAM))),
        )
    )


CACHED = 32  # longer tokens are computed each time, so the cache's memory stays bounded


def word_buckets(token: str) -> tuple[int, ...]:
    """A word's own bucket and its 4-grams' buckets."""
    return _cached_buckets(token) if len(token) <= CACHED else _buckets(token)


def _buckets(token: str) -> tuple[int, ...]:
    word = token.encode()
    padded = b" " + word + b" "
    grams = (padded[i : i + GRAM] for i in range(max(1, len(padded) - GRAM + 1)))
    return (
        zlib.crc32(word, _WORD) & _MASK,
        *(zlib.crc32(gram, _GRAM) & _MASK for gram in grams),
    )


_cached_buckets = functools.lru_cache(maxsize=1 << 16)(_buckets)


# Texts that exercise every normalisation path the features see: styled, enclosed and
# Cyrillic letters, Zalgo, zero-width, leetspeak, spacing, alay slang, repeats, numbers.
PROBES = (
    "Sangat bagus program dari negara terkait sertifikat tanah. Meskipun berbayar Rp 600.000",
    "Alhamdulillah ...maju terus Kab. Kediri",
    "\U0001d412\U0001d40b\U0001d40e\U0001d413 \U0001d406\U0001d400\U0001d402\U0001d40e\U0001d411"
    " \u24c8\u24db\u24de\u24e3 \u0455lot g\u0430cor",
    "s.l.o.t g a c o r di PULAUWIN ALEXIS17 visi4d, wd 5h!t b4ngs4t",
    "z\u0301\u0302a\u0303l\u0304g\u0305o sl\u200bot bgst anjiiiing gblk",
    "Check out my channel http://bit.ly/x and subscribe!!! wa.me/6281234567890",
)


def fingerprint() -> str:
    """A digest of the buckets ``PROBES`` get: it changes when normalisation or features do,
    which means the shipped model (whose file records it) must be retrained."""
    digest = hashlib.sha256()
    for probe in PROBES:
        digest.update(repr(sorted(buckets(normalise(probe)))).encode())
    return digest.hexdigest()[:16]
