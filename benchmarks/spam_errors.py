"""The spam filter's errors on judol data, each with what fired: read them before tuning.

    python benchmarks/spam_errors.py [--data /work/shared/data] [--folds 5]

- the judol test split (``spam_eval``'s fixed 20%), scored by a model trained on the other
  80% plus YouTube;
- with ``--folds K``, also K-fold cross-validation inside the 80% (each fold scored by a
  model trained on the rest of the 80% plus YouTube): K times more errors to read, so a change
  can be judged without tuning on the test split.

Each error prints as ``FP``/``FN``, the classifier's probability, the other clues and the text.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spam_eval import Row, comment, prepared, train
from train_spam import DATA, VIDEOS, held_out, judol, youtube

from moderation.filters.classifier import Model
from moderation.filters.context import Context, Learned
from moderation.filters.spam import CLASSIFIER, SpamFilter
from moderation.filters.spam_lexicon import SpamLexicon
from moderation.policy import Policy


def errors(model: Model, rows: list[Row]) -> tuple[int, int, int]:
    """Print the rows the filter gets wrong; return true positives, false ones, misses."""
    spam = SpamFilter(model, SpamLexicon.shipped())
    policy = Policy()
    tp = fp = fn = 0
    for text, features, is_spam in rows:
        context = Context(comment(text.original), policy)
        flagged = bool(spam(text, context))
        tp += flagged and is_spam
        if flagged == is_spam:
            continue
        fp += flagged
        fn += is_spam
        clues = [f"{c.rule} {c.score}" for c in spam.clues(text, context) if c.rule != CLASSIFIER]
        probability = model.probability(features, Learned())
        kind = "FP" if flagged else "FN"
        print(f"{kind} {probability:.3f} [{', '.join(clues)}] {text.original[:160]!r}")
    return tp, fp, fn


def show(name: str, tp: int, fp: int, fn: int) -> None:
    print(f"{name}: F1 {2 * tp / (2 * tp + fp + fn):.4f}  tp {tp}  fp {fp}  fn {fn}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=0, metavar="K")
    args = parser.parse_args()
    rows = prepared(judol(args.data))
    videos = prepared([row for video in VIDEOS for row in youtube(args.data, video)])
    kept = [r for r in rows if not held_out(r[0].original)]
    test = [r for r in rows if held_out(r[0].original)]
    show("judol test split", *errors(train(kept, videos), test))
    if args.folds > 1:
        total = [0, 0, 0]
        for k in range(args.folds):
            rest = [r for i, r in enumerate(kept) if i % args.folds != k]
            fold = [r for i, r in enumerate(kept) if i % args.folds == k]
            total = [a + b for a, b in zip(total, errors(train(rest, videos), fold), strict=True)]
        show(f"judol {args.folds}-fold inside the training split", *total)


if __name__ == "__main__":
    main()
