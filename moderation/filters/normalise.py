"""Text normalisation shared by every filter; the original is never changed."""

from __future__ import annotations

import unicodedata

from moderation.filters.base import Text


def normalise(original: str) -> Text:
    """Compatibility-fold (NFKC) and case-fold, keeping a map back to the original."""
    if original.isascii():
        return Text(original, original.lower())
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(original):
        folded = unicodedata.normalize("NFKC", char).lower()
        chars.append(folded)
        offsets.extend([index] * len(folded))
    return Text(original, "".join(chars), offsets)
