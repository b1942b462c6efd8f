"""A MinHash sketch of a comment's word 3-shingles, cut into LSH bands: two comments that
share most shingles (the same promo with another brand or a changed number) share a band.

``signals.py`` counts each band per site and hour in Redis; the pure step only sees the count.
"""

from __future__ import annotations

import zlib

from moderation.filters.text import Text

HASHES = 8
ROWS = 2  # hashes per band: 4 bands of 2 find pairs with Jaccard 0.7 about 93% of the time
MIN_WORDS = 6  # shorter comments ("mantap pak", "Alhamdulillah") repeat innocently
_PRIME = (1 << 61) - 1
# Fixed (a, b) pairs of the universal hashes ``(a*h + b) mod p``: sketches must agree
# across processes and releases.
_PERMUTATIONS = tuple(
    (zlib.crc32(f"a{i}".encode()) * 2654435761 + 1, zlib.crc32(f"b{i}".encode()))
    for i in range(HASHES)
)


def bands(text: Text) -> list[str]:
    """Band ids (``"<band>:<hash>"``), or none for a comment too short to sketch."""
    words = text.words.tokens
    if len(words) < MIN_WORDS:
        return []
    shingles = {zlib.crc32(" ".join(words[i : i + 3]).encode()) for i in range(len(words) - 2)}
    mins = [min((a * h + b) % _PRIME for h in shingles) for a, b in _PERMUTATIONS]
    return [
        f"{band}:{zlib.crc32(repr(mins[band * ROWS : band * ROWS + ROWS]).encode()):08x}"
        for band in range(HASHES // ROWS)
    ]
