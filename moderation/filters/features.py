"""Hashed features of a normalised comment, shared by the spam classifier, its training
script and the learning entry point: word unigrams, word bigrams and byte 4-grams.

Each feature is hashed (CRC-32, stable across processes and machines) into ``BUCKETS``
buckets; a comment is the *set* of its buckets (presence, not counts), which suits short
texts and stops one pasted word from outvoting the rest.
"""

from __future__ import annotations

import itertools
import re
import zlib

from moderation.filters.base import Text

BITS = 20
BUCKETS = 1 << BITS
_MASK = BUCKETS - 1
# Distinct CRC start values keep a word, a bigram and a 4-gram with equal bytes apart.
_WORD, _BIGRAM, _GRAM = 0x5EED, 0xB16B, 0xC4A2
GRAM = 4
TOKEN = re.compile(r"[^\W_]+")


def tokens(normalised: str) -> list[str]:
    return TOKEN.findall(normalised)


def buckets(text: Text) -> frozenset[int]:
    """The feature buckets of a comment; linear in its length."""
    words = [w.encode() for w in tokens(text.normalised)]
    crc = zlib.crc32
    found = {crc(w, _WORD) & _MASK for w in words}
    found.update(crc(a + b" " + b, _BIGRAM) & _MASK for a, b in itertools.pairwise(words))
    joined = b" " + b" ".join(words) + b" "
    found.update(crc(joined[i : i + GRAM], _GRAM) & _MASK for i in range(len(joined) - GRAM + 1))
    return frozenset(found)
