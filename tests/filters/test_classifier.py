"""The shipped spam model and the features it was trained on."""

from __future__ import annotations

from moderation.filters.classifier import Model
from moderation.filters.features import buckets, word_buckets
from moderation.filters.fingerprint import fingerprint
from moderation.filters.normalise import normalise


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


def test_a_word_spread_in_short_pieces_is_also_a_feature_joined() -> None:
    """``P UL A U WI N`` carries the features of ``pulauwin``, so the model sees the brand."""
    assert set(word_buckets("pulauwin")) <= buckets(normalise("mantap P UL A U WI N"))


def test_short_pieces_in_a_run_of_two_are_not_joined() -> None:
    """Two short words in a row ("ya di") are talk: nothing joined is added."""
    assert not set(word_buckets("yadi")) <= buckets(normalise("ya di rumah"))
