"""Every decision of ``Pipeline.default()`` on a fixed corpus, one JSON line each: a speed change
must leave this output byte for byte the same.

The corpus: the speed benchmark's (200 and 2,000 characters), the adversarial suites' tune and
holdout parts, the adversarial inputs at 2,000 characters, a few edge cases (``EDGES``), and
3,100 rows of the public data sets (YouTube and judol cut or padded to 300 characters, ibrohim
as written).
Write the lines before a change and after it, then compare:

    python benchmarks/decisions.py > /tmp/before.jsonl
    python benchmarks/decisions.py > /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
from collections.abc import Iterator

import msgspec
from harness import DATA, HERE, texts
from pipeline_speed import ADVERSARIAL, AT, context, corpus

from moderation.filters.pipeline import Pipeline

SUITES = ("tune", "holdout")  # never the blind sets: nobody tunes on them
# Paths of the letters view the corpus above crosses rarely: slang beside digits, ``_`` and
# letters beyond ASCII, the one key with a digit, spread letters among emoji or other scripts.
EDGES = (
    "dasar bgst2 bgst_ bgst\u0915 \u0915bgst bgst\u00b2 \u00b2bgst ajg\u0301 gblkgblk yg gk",
    "janc0k jancok janc0kk JANC0K, tp.bs,jd-sm/dr aj aja",
    "\U0001f602 s l o t \U0001f602 g a c o r \U0001f525\U0001f525\U0001f525",
    "\u0905 \u0915 \u0916 s\u00b7l\u00b7o\u00b7t j\u2022u\u2022d\u2022i \u00e9 a b c",
    "I am a cat, a b, ? a ? b ? c?",
)


def bodies(count: int) -> Iterator[str]:
    for chars in (200, 2000):
        yield from corpus(count, chars)
    for suite in SUITES:
        with (HERE / "data" / "adversarial" / f"{suite}.jsonl").open(encoding="utf-8") as f:
            yield from (json.loads(line)["text"] for line in f if line.strip())
    yield from (make(2000) for make in ADVERSARIAL.values())
    yield from EDGES
    for kind in ("youtube", "judol-spam", "judol-ham"):
        yield from texts(kind, 300)[:700]
    path = DATA / "id-abusive-ibrohim" / "re_dataset.csv"
    with path.open(encoding="latin-1") as f:
        yield from (row["Tweet"] for row in itertools.islice(csv.DictReader(f), 1000))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1000, help="comments per speed length")
    args = parser.parse_args()
    pipeline = Pipeline.default()
    out = sys.stdout.buffer
    for body in bodies(args.comments):
        decision = pipeline(context(body), AT)
        out.write(msgspec.json.encode(decision) + b"\n")


if __name__ == "__main__":
    main()
