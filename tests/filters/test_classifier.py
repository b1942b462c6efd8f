"""The shipped spam model and the features it was trained on."""

from __future__ import annotations

import math

from moderation.filters.classifier import Model
from moderation.filters.context import Learned
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


def test_log_odds_sum_the_weights_of_none_one_or_many_buckets_in_order() -> None:
    """The base log-odds are the bias plus the buckets' weights summed one after another (in
    the set's order) over ``sqrt(n)``, for an empty comment, one bucket and many."""
    weights = {1: 0.25, 2: -1.5, 7: 2.0**-20, 9: 3.0}  # exact in float32, as stored
    model = Model(0.5, weights, {}, (1.0, 1.0))
    for features in (frozenset(), frozenset([2]), frozenset([1, 2, 7, 9, 11])):
        total = 0.0
        for bucket in features:
            total += weights.get(bucket, 0.0)
        expected = 0.5 + total / math.sqrt(max(1, len(features)))
        assert model.log_odds(features, Learned()) == expected


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
