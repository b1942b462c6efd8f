"""The shipped spam model and the features it was trained on."""

from __future__ import annotations

from moderation.filters.classifier import Model
from moderation.filters.features import word_buckets
from moderation.filters.fingerprint import fingerprint


def test_shipped_model_was_trained_on_todays_features() -> None:
    """Changing normalisation or features without retraining fails here: the model's weights
    belong to the buckets it saw. Fix: ``python scripts/train_spam.py``."""
    assert Model.shipped().features == fingerprint()


def test_model_bytes_round_trip_keeps_the_fingerprint() -> None:
    """Saving and loading a model keeps its weights, counts and feature fingerprint."""
    model = Model(0.5, {3: 1.0}, {3: (2.0, 1.0)}, (2.0, 1.0), "abc")
    again = Model.from_bytes(model.to_bytes())
    assert (again.bias, again.weights, again.counts, again.features) == (
        0.5,
        {3: 1.0},
        {3: (2.0, 1.0)},
        "abc",
    )
    assert again.version == model.version


def test_word_features_include_edge_marked_three_and_five_grams() -> None:
    """A word's buckets hold its edge-marked 3- and 5-grams, so "slot" opening a word differs
    from "slot" inside "gaslot" at every gram length, not only at four."""
    slot, gaslot = set(word_buckets("slot")), set(word_buckets("gaslot"))
    assert len(slot) == 1 + 4 + 3 + 2  # the word, " slot " as 3-, 4- and 5-grams
    assert len(slot - gaslot) == 4  # the word, " sl", " slo", " slot"
