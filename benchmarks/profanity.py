"""Profanity matcher: comments per second on 200-character comments, beside better-profanity.

Inputs are real comments cut or padded to 200 characters, half from the YouTube Spam
Collection and half from the Davidson et al. offensive tweets (see each PROVENANCE.md).
better-profanity's ``contains_profanity`` is slow (~30/s), so it runs on a small sample; our
matcher runs on that sample too (for the match check) and on a larger one (for the rate).
Each line includes normalisation, since better-profanity does its own.

    python benchmarks/profanity.py [--sample 100] [--comments 2000]
"""

from __future__ import annotations

import argparse
import importlib
import random
import time
from collections.abc import Callable, Sequence
from typing import Any

from better_profanity import profanity as better
from harness import describe, table, texts

from moderation import clock
from moderation.filters.context import Context
from moderation.filters.normalise import normalise
from moderation.filters.pipeline import Pipeline
from moderation.filters.profanity import ProfanityFilter
from moderation.models import Author, Comment, Thread
from moderation.policy import Policy


def inputs(count: int, seed: int = 2) -> list[str]:
    """``count`` comments, half YouTube and half Davidson, in a fixed random order."""
    rng = random.Random(seed)
    youtube, davidson = texts("youtube"), texts("davidson")
    half = count // 2
    mixed = rng.sample(youtube, min(half, len(youtube))) + rng.sample(davidson, count - half)
    rng.shuffle(mixed)
    return mixed


def word_list() -> Any:
    """better-profanity's own list through ``WordList.better_profanity()``, wherever it lives."""
    for name in ("moderation.filters.wordlist", "moderation.filters.profanity"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        if hasattr(module, "WordList"):
            return module.WordList.better_profanity()
    raise ImportError("no WordList with better_profanity() in moderation.filters")


def context(body: str) -> Context:
    comment = Comment(
        id="01JBENCH000000000000000000",
        site="bench",
        thread=Thread("t1"),
        author=Author("Reader"),
        body=body,
        created_at="2026-01-01T00:00:00.000Z",
        received_at="2026-01-01T00:00:00.000Z",
    )
    return Context(comment=comment, policy=Policy())


def rate(check: Callable[[str], object], bodies: Sequence[str]) -> tuple[float, list[bool]]:
    start = time.perf_counter()
    flags = [bool(check(body)) for body in bodies]
    return len(bodies) / (time.perf_counter() - start), flags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=100, help="comments for better-profanity")
    parser.add_argument("--comments", type=int, default=2000, help="comments for our matcher")
    args = parser.parse_args()
    print(describe())
    sample, many = inputs(args.sample, seed=1), inputs(args.comments, seed=2)
    contexts = {body: context(body) for body in (*sample, *many)}
    ours = ProfanityFilter(word_list())
    pipeline = Pipeline.default()
    decided_at = clock.rfc3339(clock.now())

    def matcher(body: str) -> object:
        return ours(normalise(body), contexts[body])

    def whole(body: str) -> object:
        return pipeline(contexts[body], decided_at).reasons

    better.load_censor_words()
    theirs_rate, theirs = rate(better.contains_profanity, sample)
    ours_rate, mine = rate(matcher, sample)
    many_rate, _ = rate(matcher, many)
    rows: list[list[object]] = [
        ["better-profanity contains_profanity", len(sample), theirs_rate, 1.0],
        [
            "ours, better-profanity's list (same sample)",
            len(sample),
            ours_rate,
            ours_rate / theirs_rate,
        ],
        ["ours, better-profanity's list", len(many), many_rate, many_rate / theirs_rate],
    ]
    if hasattr(ProfanityFilter, "default"):
        packs = ProfanityFilter.default()
        packs_rate, _ = rate(lambda body: packs(normalise(body), contexts[body]), many)
        rows.append(
            [
                "ours, shipped packs (ProfanityFilter.default)",
                len(many),
                packs_rate,
                packs_rate / theirs_rate,
            ]
        )
    whole_rate, _ = rate(whole, many)
    rows.append(
        [
            "Pipeline.default() (every filter + decide)",
            len(many),
            whole_rate,
            whole_rate / theirs_rate,
        ]
    )
    table(
        "Profanity, 200-character comments (YouTube spam + Davidson tweets), one core",
        ["matcher", "comments", "per second", "ratio"],
        rows,
    )
    missed = sum(t and not m for t, m in zip(theirs, mine, strict=True))
    extra = sum(m and not t for t, m in zip(theirs, mine, strict=True))
    print(
        f"\nmatches on the {len(sample)}-comment sample: better-profanity flags {sum(theirs)}, "
        f"ours flags {sum(mine)}; flagged by better-profanity but not by us: {missed}; "
        f"by us only: {extra}"
    )
    print("no fewer matches on its word list:", "yes" if missed == 0 else "NO")
    for body, t, m in zip(sample, theirs, mine, strict=True):
        if t and not m:
            print(f"  missed: {better.censor(body)[:100]!r}")


if __name__ == "__main__":
    main()
