"""Regenerate ``moderation/filters/data/calibration.json``: score → probability per family.

    python scripts/fit_calibration.py [--data /work/shared/data] [--work DIR] [--reuse]

About 7 minutes on a busy 2-core machine, most of it ``scripts/train_spam.py`` run six
times: spam scores must come from a model that never saw the row (the shipped one was trained
on judol and YouTube), so judol rows are its fixed held-out 20% scored by a model trained
without them, and each YouTube video is scored by the model trained without that video. Rerun
after the spam model or a filter's scores change (``--reuse`` keeps the held-out models of
``--work`` when only the filters changed).

Fitted on licensed data only: judol (MIT), YouTube Spam Collection (CC BY 4.0) and bopbi SMS
spam (CC0) for the spam filter; Davidson et al. (MIT; hate or offensive counts as abusive) and
our own hand-labelled sample of Indonesian YouTube comments the packs flagged
(``benchmarks/data/judol-profanity-sample.csv``, texts from judol) for profanity and abuse.
Every row falls by a hash of its text into the fitting half or the checking half; the file is
fitted on the first and the script prints reliability and ECE on the second, then on data it
may only check: Indonesian SMS (Wibisono, CC BY-SA; fraud and promo count as spam) and
id-abusive-ibrohim (CC BY-NC-SA: read, never fitted on).

Each family's curve is isotonic regression of label on score, each block shrunk towards its
filter's curve by ``PRIOR_ROWS`` pseudo-rows; the filter's curve is shrunk towards the
filter's own score (the engineer's guess is the prior), so a rule the data barely saw keeps
close to its hand-set score.
"""

from __future__ import annotations

import argparse
import collections
import csv
import html
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec
import numpy as np
from sklearn.isotonic import IsotonicRegression

from moderation import evaluation
from moderation.filters.calibration import Calibration, Curve, Table
from moderation.filters.classifier import Model
from moderation.filters.pipeline import Pipeline
from moderation.models import FilterName
from moderation.policy import DEFAULT

DATA = Path("/work/shared/data")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "moderation" / "filters" / "data" / "calibration.json"
VERSION = "calibration-1"
PRIOR_ROWS = 20
SPAM, ABUSE = FilterName.SPAM, (FilterName.PROFANITY, FilterName.ABUSE)
BOPBI = "id-sms-spam-bopbi/indonesia_sms_spam_bopbi.csv"
DAVIDSON = "en-davidson-offensive/labeled_data.csv"
WIBISONO = "id-sms-spam-wibisono/dataset_sms_spam_v1.csv"
IBROHIM = "id-abusive-ibrohim/re_dataset.csv"
Rows = list[tuple[str, str]]  # (text, "1" positive / "0")
SpamSets = list[tuple[Path, Rows]]
Observed = dict[str, list[tuple[float, bool, bool]]]


def checking(text: str) -> bool:
    return zlib.crc32(text.encode()) % 2 == 1


def read(path: Path, text: str, label: str, positive: Callable[[str], bool], **kw: str) -> Rows:
    with path.open(newline="", encoding=kw.get("encoding", "utf-8")) as f:
        rows = csv.DictReader(f)
        return [(html.unescape(r[text]), "1" if positive(r[label]) else "0") for r in rows]


def spam_models(data: Path, work: Path, reuse: bool) -> Iterator[tuple[Path, Rows]]:
    """(model file, rows its training never saw), training where needed."""
    jobs = [("judol", ["--hold-out-judol", str(work / "judol.csv")])]
    videos = sorted(p.stem for p in (data / "en-youtube-spam-collection").glob("Youtube*.csv"))
    jobs += [(v, ["--leave-out-video", v, str(work / f"{v}.csv")]) for v in videos]
    for name, extra in jobs:
        model = work / f"{name}.bin"
        if not (reuse and model.exists()):
            train = [sys.executable, str(ROOT / "scripts" / "train_spam.py"), "--data", str(data)]
            subprocess.run([*train, "--out", str(model), *extra], check=True)  # noqa: S603 (our own script, our own arguments)
        yield model, read(work / f"{name}.csv", "comment_text", "label", "1".__eq__)


def sample() -> Rows:
    """The hand-labelled Indonesian YouTube comments the profanity packs flagged (judol, MIT):
    CORRECT is abusive, WRONG is not, UNSURE is left out."""
    path = ROOT / "benchmarks" / "data" / "judol-profanity-sample.csv"
    rows = read(path, "comment", "verdict", "CORRECT".__eq__)
    unsure = {r[0] for r in read(path, "comment", "verdict", "UNSURE".__eq__) if r[1] == "1"}
    return [r for r in rows if r[0] not in unsure]


def observe(pipeline: Pipeline, rows: Rows, names: tuple[FilterName, ...], into: Observed) -> None:
    """Raw scores per family and per filter: (score, positive, in the checking half)."""
    for (text, _), (label, decision) in zip(
        rows, evaluation.scoring(rows, pipeline, DEFAULT), strict=True
    ):
        for name in names:
            for key, finding in evaluation.strongest(decision.reasons, name).items():
                row = (finding.score, label == "1", checking(text))
                into[key].append(row)
                into[name].append(row)


def table(observed: Observed, model: str) -> Table:
    """Each filter's curve (prior: its own score), then each family's (prior: its filter's)."""
    halves = {key: [r for r in rows if not r[2]] for key, rows in observed.items()}
    curves: dict[str, Curve] = {
        str(name): fit(halves.get(name, []), lambda x: x) for name in (SPAM, *ABUSE)
    }
    for key, rows in sorted(halves.items()):
        if key not in curves and rows:
            curves[key] = fit(rows, curves[str(FilterName(key.partition(":")[0]))])
    return Table(version=VERSION, curves=curves, model=model)


def fit(rows: list[tuple[float, bool, bool]], prior: Callable[[float], float]) -> Curve:
    if not rows:  # nothing to learn from: the prior at a few points
        knots = (0.0, 0.5, 0.8, 1.0)
        return Curve(knots, tuple(round(prior(x), 4) for x in knots))
    xs = np.array([r[0] for r in rows], dtype=float)
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(xs, np.array([r[1] for r in rows], dtype=float))
    knots, values = iso.X_thresholds_, iso.y_thresholds_
    fitted = iso.predict(xs)
    counts = np.array([np.count_nonzero(np.isclose(fitted, v)) for v in values], dtype=float)
    guesses = np.array([prior(float(x)) for x in knots])
    shrunk = (counts * values + PRIOR_ROWS * guesses) / (counts + PRIOR_ROWS)
    final = IsotonicRegression(y_min=0.0, y_max=1.0).fit(knots, shrunk, counts + PRIOR_ROWS)
    return Curve(
        scores=tuple(round(float(x), 4) for x in knots),
        probabilities=tuple(round(float(y), 4) for y in final.predict(knots)),
        rows=len(rows),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--work", type=Path, help="where held-out models go (default: temp)")
    parser.add_argument("--reuse", action="store_true", help="keep models already in --work")
    parser.add_argument(
        "--raw",
        action="store_true",
        help="fit nothing; print the same checks with each score read as a probability (before)",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="calibration-"))
    work.mkdir(parents=True, exist_ok=True)
    spam_sets = list(spam_models(args.data, work, args.reuse))
    bopbi = read(args.data / BOPBI, "text", "category", lambda _: True)
    spam_sets.append((spam_sets[0][0], bopbi))  # no model saw these SMS; all spam
    davidson = read(args.data / DAVIDSON, "tweet", "class", lambda c: c in ("0", "1"))
    davidson += sample()
    if args.raw:
        same = Curve((0.0, 1.0), (0.0, 1.0))
        raw = Table(version="raw", curves={name: same for name in (SPAM, *ABUSE)})
        report(args.data, Calibration(raw), spam_sets, davidson)
        return
    observed: Observed = collections.defaultdict(list)
    for model, rows in spam_sets:
        observe(pipeline(Calibration.empty(), model), rows, (SPAM,), observed)
    observe(pipeline(Calibration.empty()), davidson, ABUSE, observed)
    fitted = table(observed, Model.shipped().version)
    args.out.write_bytes(msgspec.json.format(msgspec.json.encode(fitted), indent=1) + b"\n")
    print(f"{args.out}: {len(fitted.curves)} curves")
    report(args.data, Calibration(fitted), spam_sets, davidson)


def report(data: Path, calibration: Calibration, spam_sets: SpamSets, davidson: Rows) -> None:
    """Reliability on the checking half, then on the sets we may only check."""
    spam = evaluation.Reliability()
    for model, rows in spam_sets:
        half = [r for r in rows if checking(r[0])]
        evaluation.calibrate(half, "1", pipeline(calibration, model), DEFAULT, SPAM, spam)
    show("spam, checking half (judol, YouTube, bopbi)", spam)
    shipped = pipeline(calibration)
    half = [r for r in davidson if checking(r[0])]
    for name in ABUSE:
        show(
            f"{name}, checking half (Davidson)",
            evaluation.calibrate(half, "1", shipped, DEFAULT, name),
        )
    sms = read(data / WIBISONO, "Teks", "label", "0".__ne__)
    show(
        "spam, check only: Indonesian SMS (Wibisono)",
        evaluation.calibrate(sms, "1", shipped, DEFAULT, SPAM),
    )
    tweets = read(data / IBROHIM, "Tweet", "Abusive", "1".__eq__, encoding="latin-1")
    for name in ABUSE:
        show(
            f"{name}, check only: id-abusive-ibrohim",
            evaluation.calibrate(tweets, "1", shipped, DEFAULT, name),
        )


def pipeline(calibration: Calibration, model: Path | None = None) -> Pipeline:
    spam_model = None if model is None else Model.from_bytes(model.read_bytes())
    return Pipeline(Pipeline.default(spam_model).filters, calibration)


def show(title: str, curve: evaluation.Reliability) -> None:
    print(f"\n== {title}\n{evaluation.render_calibration(curve)}", flush=True)


if __name__ == "__main__":
    main()
