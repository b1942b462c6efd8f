"""What calibration costs: the pipeline with and without it, beside the bare baseline, and
the cost of mapping one finding (a bisect and an interpolation). Same 200-character corpus as
``pipeline_speed.py``; CPU seconds of this process. Nothing here asserts; it prints.

    python benchmarks/calibration_speed.py [--comments 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

from harness import table
from pipeline_speed import AT, context, corpus, cpu_seconds

from moderation.filters.calibration import Calibration
from moderation.filters.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs; best kept")
    args = parser.parse_args()
    filters = Pipeline.default().filters
    pipelines = {
        "calibrated (shipped)": Pipeline(filters),
        "uncalibrated": Pipeline(filters, Calibration.empty()),
        "bare (no filter)": Pipeline([]),
    }
    contexts = [context(body) for body in corpus(args.comments, 200)]
    best = dict.fromkeys(pipelines, float("inf"))
    for _ in range(args.repeat):
        for name, pipeline in pipelines.items():
            best[name] = min(best[name], cpu_seconds(pipeline, contexts))
    rows: list[list[object]] = [[n, len(contexts), len(contexts) / s] for n, s in best.items()]
    table(
        "Comments per second at 200 chars, one core", ["pipeline", "comments", "per second"], rows
    )

    raw = pipelines["uncalibrated"]
    findings = [f for ctx in contexts for f in raw(ctx, AT).reasons]
    calibrate = Calibration.shipped()
    start = time.process_time()
    for _ in range(10):
        calibrate(findings)
    seconds = (time.process_time() - start) / 10
    per = seconds / max(len(findings), 1) * 1e9
    table(
        "Mapping findings to probabilities",
        ["findings", "per comment", "ns per finding"],
        [[len(findings), len(findings) / len(contexts), per]],
    )


if __name__ == "__main__":
    main()
