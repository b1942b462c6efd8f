"""The fingerprint of the features: a digest that changes whenever normalisation or the
feature hashing does, so a shipped model trained on other features is caught."""

from __future__ import annotations

import hashlib

from moderation.filters.features import buckets
from moderation.filters.normalise import normalise

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
