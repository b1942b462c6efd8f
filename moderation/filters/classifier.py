"""The learned spam classifier over hashed feature buckets (``features.py``).

Two parts, both shipped in ``data/spam_model.bin`` and rebuilt by ``scripts/train_spam.py``:

- a logistic model (bias + one weight per bucket, features scaled by ``1/sqrt(n)``): the
  base opinion, trained offline on the licensed data sets;
- naive-Bayes counts of the same data (documents per class containing each bucket), which
  moderators' verdicts extend per site (``Signals.learned``, from Redis). The site's counts
  shift the score by exactly as much as they change the Bayes odds: with no verdicts the
  shift is zero, and a new spam wave the base model never saw moves after a few rejections.
"""

from __future__ import annotations

import functools
import hashlib
import math
import operator
import zlib
from array import array
from collections.abc import Iterable, Mapping
from importlib import resources

import msgspec

from moderation.filters.context import Learned
from moderation.filters.features import BUCKETS

# How many documents' worth of doubt a bucket's counts start with: the site's first verdict on
# a bucket moves it a little, a handful move it a lot (``log(1 + k / DOUBT)``).
DOUBT = 10.0
SITE_SCALE = 2.0  # the shift is summed like the logistic part: over buckets, over sqrt(n)


class _File(msgspec.Struct, frozen=True):
    bias: float
    docs: tuple[float, float]  # spam, ham
    buckets: bytes  # uint32, sorted
    weights: bytes  # float32 logistic weights, aligned with buckets
    spam: bytes  # float32 documents per class containing the bucket
    ham: bytes
    features: str = ""  # ``features.fingerprint()`` when trained


class Model:
    def __init__(
        self,
        bias: float,
        weights: Mapping[int, float],
        counts: Mapping[int, tuple[float, float]],
        docs: tuple[float, float],
        features: str = "",
        payload: bytes | None = None,
    ) -> None:
        self.bias = bias
        self.weights = weights
        self.counts = counts
        self.docs = docs
        self.features = features
        # Every bucket's weight in one flat float32 array: indexing it costs half a dict lookup
        # (no hashing, no probing), and a comment sums ~120 of them (``log_odds``).
        self._dense = array("f", bytes(4 * BUCKETS))
        for bucket, weight in weights.items():
            self._dense[bucket] = weight
        # Named by its file's uncompressed payload: ``from_bytes`` passes the one it decoded, so
        # loading costs no re-encoding (compressing at level 9 took ~2.5 s per load).
        digest = hashlib.sha256(self._payload() if payload is None else payload).hexdigest()
        self.version = f"spam-model-{digest[:10]}"

    @classmethod
    @functools.cache
    def shipped(cls) -> Model:
        raw = (resources.files("moderation.filters") / "data" / "spam_model.bin").read_bytes()
        return cls.from_bytes(raw)

    @classmethod
    def from_bytes(cls, raw: bytes) -> Model:
        payload = zlib.decompress(raw)
        data = msgspec.msgpack.decode(payload, type=_File)
        buckets = array("I", data.buckets)
        weights, spam, ham = (array("f", x) for x in (data.weights, data.spam, data.ham))
        return cls(
            data.bias,
            {b: w for b, w in zip(buckets, weights, strict=True) if w},
            {b: (s, h) for b, s, h in zip(buckets, spam, ham, strict=True) if s or h},
            data.docs,
            data.features,
            payload,
        )

    def to_bytes(self) -> bytes:
        return zlib.compress(self._payload(), 9)

    def _payload(self) -> bytes:
        order = sorted(self.weights.keys() | self.counts.keys())
        weights = array("f", (self.weights.get(b, 0.0) for b in order))
        spam, ham = (array("f", (self.counts.get(b, (0, 0))[i] for b in order)) for i in (0, 1))
        data = _File(
            self.bias,
            self.docs,
            array("I", order).tobytes(),
            weights.tobytes(),
            spam.tobytes(),
            ham.tobytes(),
            self.features,
        )
        return msgspec.msgpack.encode(data)

    def log_odds(self, features: frozenset[int], learned: Learned) -> float:
        """Spam log-odds: the base model's, shifted by what the site's moderators taught."""
        # One C call fetches every weight (a tuple, in the set's order, so the sum is unchanged);
        # ``itemgetter`` of one key returns the weight itself, of none is an error.
        base: float
        if len(features) > 1:
            weights: tuple[float, ...] = operator.itemgetter(*features)(self._dense)
            base = sum(weights)
        else:
            base = sum(map(self._dense.__getitem__, features))
        odds = self.bias + base / math.sqrt(len(features) or 1)
        if learned.docs != (0, 0):
            odds += SITE_SCALE * self.site_shift(features, learned) / math.sqrt(len(features) or 1)
        return odds

    def probability(self, features: frozenset[int], learned: Learned) -> float:
        odds = max(-50.0, min(50.0, self.log_odds(features, learned)))
        return 1.0 / (1.0 + math.exp(-odds))

    def site_shift(self, features: Iterable[int], learned: Learned) -> float:
        """Bayes log-odds with the site's verdicts minus without them."""
        shift = self._prior(learned) - self._prior(Learned())
        for bucket in features:
            if bucket in learned.counts:
                shift += self.bayes(bucket, learned) - self.bayes(bucket, Learned())
        return shift

    def bayes(self, bucket: int, learned: Learned) -> float:
        """How much more often a spam document has this bucket than a ham one (log)."""
        base_spam, base_ham = self.counts.get(bucket, (0.0, 0.0))
        site_spam, site_ham = learned.counts.get(bucket, (0, 0))
        spam_docs, ham_docs = self._docs(learned)
        spam = (base_spam + site_spam + DOUBT) / (spam_docs + 2 * DOUBT)
        ham = (base_ham + site_ham + DOUBT) / (ham_docs + 2 * DOUBT)
        return math.log(spam / ham)

    def word_weight(self, bucket: int, learned: Learned) -> float:
        """A bucket's push towards spam, for showing which words weighed (evidence only)."""
        if bucket not in learned.counts:  # no verdicts on it: no shift (as in ``site_shift``)
            return self.weights.get(bucket, 0.0)
        shift = self.bayes(bucket, learned) - self.bayes(bucket, Learned())
        return self.weights.get(bucket, 0.0) + SITE_SCALE * shift

    def _docs(self, learned: Learned) -> tuple[float, float]:
        return (self.docs[0] + learned.docs[0], self.docs[1] + learned.docs[1])

    def _prior(self, learned: Learned) -> float:
        spam_docs, ham_docs = self._docs(learned)
        return math.log((spam_docs + 1) / (ham_docs + 1))
