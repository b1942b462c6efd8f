"""Every benchmark in one run: their printed tables collected into one report.

Runs each benchmark script in turn (one at a time, so they do not load the machine for each
other), echoes its output, and writes the whole report, headed by the date, the commit, the
machine and the load average before and after each script, to stdout and to
``benchmarks/RESULTS.md``. The README's benchmark table is copied from one such run.
``--quick`` gives every script short options (a smoke run of a few minutes; figures are
rougher); without it each runs with its own defaults, as its docstring states.

    python benchmarks/run_all.py [--quick] [--only NAME ...] [--skip NAME ...]
                                 [--output benchmarks/RESULTS.md] [--isso-venv DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TIMEOUT = 3600  # seconds any one script may take


@dataclass(frozen=True)
class Benchmark:
    """One script, and the options of a quick run (a full run uses its defaults)."""

    name: str
    quick: tuple[str, ...] = ()


BENCHMARKS = (
    Benchmark("intake", ("--duration", "3")),
    Benchmark("widget", ("--duration", "2")),
    Benchmark("worker", ("--comments", "2000")),
    Benchmark("latency", ("--duration", "3")),
    Benchmark("burst", ("--comments", "5000")),
    Benchmark("isso", ("--duration", "3")),
    Benchmark("pipeline_speed", ("--comments", "300")),
    Benchmark("profanity", ("--sample", "30", "--comments", "500")),
    Benchmark("profanity_sample"),
    Benchmark("review_listing", ("--held", "10000", "--requests", "100")),
    Benchmark("spam_eval", ("--skip-learning",)),
)
NAMES = [b.name for b in BENCHMARKS]


@dataclass
class Ran:
    command: list[str]
    output: str
    seconds: float
    returncode: int
    load_before: str
    load_after: str


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def git(*args: str) -> str:
    out = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, check=False)
    return out.stdout.decode().strip()


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory = next(
        (
            f"{int(line.split()[1]) / 2**20:.1f} GiB RAM"
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        ),
        "unknown RAM",
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def run(benchmark: Benchmark, quick: bool, extra: Sequence[str]) -> Ran:
    command = [sys.executable, str(HERE / f"{benchmark.name}.py")]
    command += [*benchmark.quick] * quick + [*extra]
    print(f"\n$ {shlex.join(['python', *command[1:]])}", flush=True)
    before, start = load_average(), time.monotonic()
    lines = []
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, cwd=ROOT)
        assert process.stdout is not None
        for raw in process.stdout:
            line = raw.decode(errors="replace")
            sys.stdout.write(line)
            sys.stdout.flush()
            lines.append(line)
        try:
            returncode = process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            returncode = process.wait()
        if returncode:
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-3000:]
            lines.append(f"\nfailed (exit {returncode}); the end of its stderr:\n{tail}")
            sys.stdout.write(lines[-1])
    return Ran(
        command, "".join(lines), time.monotonic() - start, returncode, before, load_average()
    )


def report(ran: dict[str, Ran], quick: bool, started: dt.datetime, load_start: str) -> str:
    commit = git("log", "-1", "--format=%h %s")
    dirty = " + uncommitted changes" if git("status", "--porcelain") else ""
    invocation = shlex.join(["python", "benchmarks/run_all.py", *sys.argv[1:]])
    took = sum(r.seconds for r in ran.values())
    head = [
        "# Benchmark results",
        "",
        f"Written by `{invocation}`{' (short options: rough figures)' * quick}.",
        "",
        f"- date: {started:%Y-%m-%d %H:%M} UTC (took {took:,.0f} s)",
        f"- commit: {commit}{dirty}",
        f"- machine: {machine()}",
        f"- load average (1, 5, 15 min) at the start: {load_start}; at the end: {load_average()}",
        "",
        "Each section is one script's own output; the ratio to its bare baseline is the figure",
        "to compare across machines.",
    ]
    sections = []
    for name, r in ran.items():
        status = "" if r.returncode == 0 else f", **failed (exit {r.returncode})**"
        sections += [
            "",
            f"## {name}",
            "",
            f"`{shlex.join(['python', str(Path(r.command[1]).relative_to(ROOT)), *r.command[2:]])}`"
            f" took {r.seconds:,.0f} s; load average before {r.load_before}, after "
            f"{r.load_after}{status}",
            "",
            "```text",
            r.output.rstrip(),
            "```",
        ]
    return "\n".join(head + sections) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short options for every script")
    parser.add_argument("--only", action="append", choices=NAMES, help="run only these")
    parser.add_argument("--skip", action="append", choices=NAMES, default=[], help="skip these")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--isso-venv", type=Path, help="isso.py --venv: keep Isso installed here")
    args = parser.parse_args()
    started, load_start = dt.datetime.now(dt.UTC), load_average()
    ran: dict[str, Ran] = {}
    for benchmark in BENCHMARKS:
        if benchmark.name in args.skip or (args.only and benchmark.name not in args.only):
            continue
        extra = (
            ["--venv", str(args.isso_venv)] if benchmark.name == "isso" and args.isso_venv else []
        )
        ran[benchmark.name] = run(benchmark, args.quick, extra)
    text = report(ran, args.quick, started, load_start)
    args.output.write_text(text)
    print(f"\n{text}")
    print(f"written to {args.output}")
    failed = [name for name, r in ran.items() if r.returncode]
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
