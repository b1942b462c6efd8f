"""How many ordinary comments the profanity packs flag wrongly, from a hand-labelled sample.

The judol YouTube set's non-spam comments (MIT; see its PROVENANCE.md) contain real swearing,
so "flagged" there is not "flagged wrongly". ``data/judol-profanity-sample.csv`` holds 200
comments drawn at random (seed 20261130) from the non-spam rows the pipeline flagged for
profanity on 2026-11-30, each labelled by hand CORRECT (really swearing, an insult or an
obscenity), WRONG (innocent here) or UNSURE. This prints today's flagged rate, what today's
pipeline does with each labelled group, and the wrongly-flagged rate it implies:
flagged rate x share of WRONG (and of WRONG + UNSURE, as the upper bound) in the sample.
The fixes made from that sample are counted in it, so the estimate after them is optimistic;
label a fresh sample after changing the packs.

    python benchmarks/profanity_sample.py
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from harness import DATA
from pipeline_speed import AT, context

from moderation.filters.pipeline import Pipeline

SAMPLE = Path(__file__).resolve().parent / "data" / "judol-profanity-sample.csv"


def flagged_by_profanity(pipeline: Pipeline, body: str) -> bool:
    decision = pipeline(context(body), AT)
    unmasked = decision.status == "approved" and decision.masked_body is None
    return not unmasked and any(f.filter == "profanity" for f in decision.reasons)


def main() -> None:
    pipeline = Pipeline.default()
    path = DATA / "id-judol-youtube-gbennnn" / "judol_labelled_text_label.csv"
    with path.open(encoding="utf-8") as f:
        ordinary = [r["comment_text"] for r in csv.DictReader(f) if r["label"] == "0"]
    rate = sum(flagged_by_profanity(pipeline, body) for body in ordinary) / len(ordinary)
    with SAMPLE.open(encoding="utf-8") as f:
        sample = list(csv.DictReader(f))
    verdicts = Counter(row["verdict"] for row in sample)
    still = Counter(
        row["verdict"] for row in sample if flagged_by_profanity(pipeline, row["comment"])
    )
    print(f"judol non-spam comments flagged by profanity today: {rate:.2%} of {len(ordinary):,}")
    for verdict in ("CORRECT", "WRONG", "UNSURE"):
        print(
            f"  sample {verdict:<8} {verdicts[verdict]:>3} labelled,"
            f" {still[verdict]:>3} still flagged"
        )
    wrong = still["WRONG"] / len(sample)
    unsure = still["UNSURE"] / len(sample)
    print(
        f"wrongly flagged (estimate): {rate * wrong:.2%} of ordinary comments,"
        f" at most {rate * (wrong + unsure):.2%} counting every UNSURE as wrong"
    )


if __name__ == "__main__":
    main()
