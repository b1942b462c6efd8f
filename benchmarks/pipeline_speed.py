"""The pure pipeline's speed: comments/s at 200 and 2,000 characters, and linear time on
adversarial input.

Inputs are real comments cut or padded (by repeating) to the length: half the YouTube Spam
Collection (English), half the judol YouTube comments (Indonesian; see each PROVENANCE.md).
Rates are CPU seconds of this process (one core), so other load on the machine matters less.
The adversarial lines time one comment at 100 KB and at 1 MB (10 KB and 100 KB when 100 KB
already takes a second): linear time shows as a ratio near 10. Nothing here asserts; it prints.

    python benchmarks/pipeline_speed.py [--comments 1000] [--profile 30]

``--profile N`` prints instead the N costliest functions of ``Pipeline.default()`` over the
200- and 2,000-character corpora (cProfile, by own time), to see where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import random
import time
from collections.abc import Callable

from harness import DATA, table, texts

from moderation.filters.context import Context
from moderation.filters.pipeline import Pipeline
from moderation.filters.profanity import ProfanityFilter
from moderation.models import Author, Comment, Thread
from moderation.policy import Policy

AT = "2026-01-01T00:00:00.000Z"
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "one letter": lambda n: "a" * n,
    "one letter, repeated word": lambda n: ("anjiiiiing " * (n // 11 + 1))[:n],
    "separators": lambda n: ("a." * (n // 2 + 1))[:n],
    "dotted chain, then a link": lambda n: ("a." * (n // 2 + 1))[: n - 6] + " x.com",
    "spaced letters": lambda n: ("a " * (n // 2 + 1))[:n],
    "combining marks": lambda n: "k" + "\u0301" * (n - 1),
    "leet mix": lambda n: ("5h1t" * (n // 4 + 1))[:n],
    "styled letters": lambda n: ("\U0001d41f\U0001d42e\U0001d41c\U0001d424 " * (n // 5 + 1))[
        :n
    ],  # bold "fuck"
    "stars": lambda n: ("f*" * (n // 2 + 1))[:n],
    # Issue 14's evasion views: each must stay linear too.
    "spread phrase, two gaps": lambda n: ("s l o t   " * (n // 10 + 1))[:n],
    "spelled-out dots": lambda n: ("a (dot) " * (n // 8 + 1))[:n],
    "digit-like run": lambda n: ("0 8 l 2 o " * (n // 10 + 1))[:n],
    "spelled digits": lambda n: ("nol delapan " * (n // 12 + 1))[:n],
    "emoji inside words": lambda n: ("a\U0001f436" * (n // 2 + 1))[:n],
    "threat words": lambda n: ("tak bakar omahmu " * (n // 17 + 1))[:n],
    "many lexicon phrases": lambda n: ("slot gacor maxwin " * (n // 18 + 1))[:n],
    "topic cues": lambda n: ("rabies anjing gacor murai " * (n // 25 + 1))[:n],
    "cancelling phrases": lambda n: ("gratis ongkir bukan penipuan " * (n // 29 + 1))[:n],
    "scam move parts": lambda n: ("dana hilang tim kembali kirim ktp " * (n // 34 + 1))[:n],
    "page links": lambda n: ("a.com/x " * (n // 8 + 1))[:n],
    "asked numbers": lambda n: ("WA 0812 3456 7890 talk +44 7935 454150 " * (n // 39 + 1))[:n],
    # Issue 14, round 9: abuse rules that rescanned the comment per trigger word (quadratic).
    "doom, no one aimed": lambda n: ("tinggal nama " * (n // 13 + 1))[:n],
    "house known, no menace": lambda n: ("kami tahu rumahmu " * (n // 18 + 1))[:n],
    "visit, no menace": lambda n: ("kami datangi rumahmu " * (n // 21 + 1))[:n],
    "pursuit, no menace": lambda n: ("kamu tak goleki terus " * (n // 22 + 1))[:n],
    "lesson called for": lambda n: ("ayo kasih pelajaran " * (n // 20 + 1))[:n],
    "address, forbidden": lambda n: ("jangan sebar alamat " * (n // 20 + 1))[:n],
}


def judol(chars: int) -> list[str]:
    path = DATA / "id-judol-youtube-gbennnn" / "judol_labelled_text_label.csv"
    with path.open(encoding="utf-8") as f:
        rows = [row["comment_text"] for row in csv.DictReader(f) if row["comment_text"].strip()]
    return [(row + " ") * (chars // (len(row) + 1) + 1) for row in rows]


def corpus(count: int, chars: int) -> list[str]:
    rng = random.Random(chars)
    english, indonesian = texts("youtube", chars), judol(chars)
    half = count // 2
    return [b[:chars] for b in rng.sample(english, half) + rng.sample(indonesian, count - half)]


def context(body: str) -> Context:
    comment = Comment(
        id="01JBENCH000000000000000000",
        site="bench",
        thread=Thread("t1"),
        author=Author("Reader"),
        body=body,
        created_at=AT,
        received_at=AT,
    )
    return Context(comment=comment, policy=Policy())


def cpu_seconds(pipeline: Pipeline, contexts: list[Context]) -> float:
    start = time.process_time()
    for ctx in contexts:
        pipeline(ctx, AT)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1000, help="comments per length")
    parser.add_argument("--profile", type=int, metavar="N", help="print the N costliest functions")
    args = parser.parse_args()
    if args.profile:
        profile(args.comments, args.profile)
        return
    pipelines = {
        "Pipeline.default()": Pipeline.default(),
        "profanity only": Pipeline([ProfanityFilter.default()]),
        # The bare baseline: normalisation and the decision with no filter, on the same
        # (shared, loaded) machine in the same run, so figures compare across runs.
        "bare (no filter)": Pipeline([]),
    }
    rows: list[list[object]] = []
    for chars in (200, 2000):
        contexts = [context(body) for body in corpus(args.comments, chars)]
        for name, pipeline in pipelines.items():
            pipeline(contexts[0], AT)  # warm caches
            rows.append(
                [name, chars, len(contexts), len(contexts) / cpu_seconds(pipeline, contexts)]
            )
    table("Comments per second, one core", ["pipeline", "chars", "comments", "per second"], rows)

    for name, pipeline in list(pipelines.items())[:2]:
        table(
            f"Adversarial input through {name} (linear: ratio near 10)",
            ["input", "small", "s", "10x larger s", "ratio"],
            [adversarial(pipeline, make, label) for label, make in ADVERSARIAL.items()],
        )


def profile(comments: int, top: int) -> None:
    pipeline = Pipeline.default()
    for chars in (200, 2000):
        contexts = [context(body) for body in corpus(comments, chars)]
        pipeline(contexts[0], AT)  # warm caches
        profiler = cProfile.Profile(time.process_time)  # CPU time, as the rates are
        profiler.runcall(cpu_seconds, pipeline, contexts)
        print(f"\n## Pipeline.default(), {len(contexts)} comments of {chars} characters")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def adversarial(pipeline: Pipeline, make: Callable[[int], str], label: str) -> list[object]:
    """Time 100 KB then 1 MB; if 100 KB already takes a second, 10 KB then 100 KB instead."""
    small_n = 100_000
    small = cpu_seconds(pipeline, [context(make(small_n))])
    if small > 1.0:
        small_n = 10_000
        small = cpu_seconds(pipeline, [context(make(small_n))])
    if small > 1.0:
        return [label, f"{small_n:,}", f"{small:.3f}", "skipped", "superlinear?"]
    large = cpu_seconds(pipeline, [context(make(small_n * 10))])
    return [label, f"{small_n:,}", f"{small:.3f}", f"{large:.3f}", f"{large / small:.1f}"]


if __name__ == "__main__":
    main()
