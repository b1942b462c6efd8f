"""The shipped spam model and the features it was trained on."""

from __future__ import annotations

from moderation.filters.classifier import Model
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
