"""Why ``burst.py`` holds some of its readers' comments: the pipeline on the wave's clean texts.

Runs ``Pipeline.default()`` on the readers' comments of a ``burst.py`` wave, in the wave's order,
with the signals the store would give them: near-duplicate copies counted as ``signals.lua``
counts them (the highest band count so far, the comment itself included) and each reader's
comments in the window. Prints the held and rejected shares and the rules behind them, with
examples. No servers, no Redis.

    python benchmarks/burst_clean.py [--comments 50000] [--promo-share 0.5]
"""

from __future__ import annotations

import argparse
import collections

from burst import READERS, THREADS
from harness import texts

from moderation.evaluation import outcome
from moderation.filters.context import Context, Signals
from moderation.filters.normalise import normalise
from moderation.filters.pipeline import Pipeline
from moderation.filters.sketch import bands
from moderation.models import Action, Author, Comment, Decision, Thread
from moderation.policy import Policy

AT = "2026-01-01T00:00:00+00:00"
EXAMPLES = 2


def readers(count: int, promo_share: float) -> list[tuple[int, str]]:
    """(index, text) of the wave's readers' comments, as ``burst.wave`` interleaves them."""
    pool = iter(texts("judol-ham") * (count // 20_000 + 1))
    return [
        (i, next(pool))
        for i in range(count)
        if not int((i + 1) * promo_share) > int(i * promo_share)
    ]


def why(decision: Decision) -> str:
    """The rules that held or rejected, spam rules by name and the word filters as one."""
    acting = {
        f"{f.filter}/{f.rule}"
        for f in decision.reasons
        if f.action.rank >= Action.HOLD.rank and f.rule != "spam:score"
    }
    spam = sorted(r for r in acting if r.startswith("spam/"))
    return " + ".join(spam) if spam else "profanity or abuse only"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=50_000)
    parser.add_argument("--promo-share", type=float, default=0.5)
    args = parser.parse_args()
    pipeline, policy = Pipeline.default(), Policy()
    copies: collections.Counter[str] = collections.Counter()
    by_author: collections.Counter[int] = collections.Counter()
    outcomes: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    wave = readers(args.comments, args.promo_share)
    for i, body in wave:
        text = normalise(body)
        sketch = bands(text)
        copies.update(sketch)
        by_author[i % READERS] += 1
        signals = Signals(
            copies=max((copies[b] for b in sketch), default=0), author_rate=by_author[i % READERS]
        )
        comment = Comment(
            id=f"c{i}",
            site="burst",
            thread=Thread(id=f"t{i % THREADS}"),
            author=Author(name=f"reader{i % READERS}"),
            body=body,
            created_at=AT,
            received_at=AT,
        )
        decision = pipeline(Context(comment=comment, policy=policy, signals=signals), AT, text)
        outcomes[outcome(decision)] += 1
        if decision.status in ("held", "rejected"):
            key = why(decision)
            reasons[key] += 1
            if len(examples[key]) < EXAMPLES:
                examples[key].append(f"{decision.status}, {signals.copies} copies: {body[:90]!r}")
    total = len(wave)
    print(
        f"{total} readers' comments: "
        + ", ".join(f"{k} {v / total:.2%}" for k, v in outcomes.items())
    )
    for key, count in reasons.most_common(12):
        print(f"{count:6d} {count / total:6.2%}  {key}")
        for example in examples[key]:
            print(f"{'':16}{example}")


if __name__ == "__main__":
    main()
