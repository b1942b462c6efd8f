"""``moderation sites policy`` and ``moderation eval``, run in-process against the test store."""

from __future__ import annotations

import json
from pathlib import Path

import anyio
import pytest
import redis.asyncio as aioredis

from moderation.cli import main
from moderation.filters.classifier import Model
from moderation.settings import Settings
from moderation.store.sites import Created, Sites

pytestmark = pytest.mark.anyio


@pytest.fixture
def store_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.redis_url
    monkeypatch.setenv("MODERATION_REDIS_URL", settings.redis_url)
    monkeypatch.setenv("MODERATION_SHARDS", str(settings.shards))


async def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = await anyio.to_thread.run_sync(main, list(argv))
    return code, capsys.readouterr().out


async def test_policy_without_options_prints_the_default(
    site: Created, store_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no options the command prints the site's policy, defaults included."""
    code, out = await cli(capsys, "sites", "policy", "kediri")
    policy = json.loads(out)
    assert code == 0
    assert policy["premoderation"] == "flagged"
    assert policy["severity"] == {"mild": "mask", "strong": "hold", "severe": "reject"}
    assert (policy["spam_hold"], policy["spam_reject"]) == (0.5, 0.9)


async def test_policy_options_are_saved(
    settings: Settings,
    redis: aioredis.Redis,
    site: Created,
    store_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every option lands in the stored site policy and in the printed JSON."""
    argv = ["sites", "policy", "kediri", "--premoderation", "none", "--severity", "mild=reject"]
    argv += ["--ban", "Kadrun", "--suspect", "pinjol", "--allow", "babi"]
    argv += ["--allow-domain", "kedirikab.go.id", "--spam-hold", "0.6", "--spam-reject", "0.95"]
    argv += ["--allow-phone", "0354-689 901"]
    code, out = await cli(capsys, *argv)
    stored = await Sites(redis, settings).get("kediri", fresh=True)
    assert code == 0 and stored is not None
    assert json.loads(out)["banned"] == ["kadrun"]
    policy = stored.policy
    assert policy.premoderation == "none"
    assert policy.severity.mild == "reject"
    assert (policy.banned, policy.suspect, policy.allowed) == (("kadrun",), ("pinjol",), ("babi",))
    assert policy.allowed_domains == ("kedirikab.go.id",)
    assert policy.hotlines == ("0354689901",)
    assert (policy.spam_hold, policy.spam_reject) == (0.6, 0.95)


async def test_policy_rejects_a_bad_severity(
    site: Created, store_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A severity may only mask, hold or reject."""
    with pytest.raises(SystemExit):
        await cli(capsys, "sites", "policy", "kediri", "--severity", "mild=approve")


async def test_policy_rejects_crossed_spam_thresholds(
    site: Created, store_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """``spam_hold`` above ``spam_reject`` is refused with exit code 1."""
    code, _ = await cli(capsys, "sites", "policy", "kediri", "--spam-hold", "0.95")
    assert code == 1


async def test_eval_scores_a_labelled_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``eval --json`` runs the pipeline on each row and reports the confusion by decision."""
    data = tmp_path / "labelled.csv"
    rows = ["text,bad", "dasar kontolnya,1", "terima kasih pak,0", "anjir keren,1", "bola,0"]
    data.write_text("\n".join(rows) + "\n")
    code, out = await cli(
        capsys, "eval", str(data), "--text-column", "text", "--label-column", "bad", "--json"
    )
    report = json.loads(out)
    assert code == 0
    assert report["rows"] == 4
    assert report["confusion"]["positive"]["held"] == 1
    assert report["confusion"]["positive"]["approved_masked"] == 1
    assert report["confusion"]["negative"]["approved"] == 2
    assert (report["precision"], report["recall"]) == (1.0, 1.0)
    assert report["top_rules"]["id:kontol"] == 1


async def test_eval_hate_column_scores_slurs_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--hate-column``: a row held only by a slur is scored against the hate label, not the
    abusive one; rows with swearing still count for the abusive label."""
    data = tmp_path / "labelled.csv"
    rows = ["text,abusive,hs", "dasar sipit pelit,0,1", "dasar kontol,1,0", "terima kasih,0,0"]
    data.write_text("\n".join(rows) + "\n")
    argv = ["eval", str(data), "--text-column", "text", "--label-column", "abusive", "--json"]
    code, out = await cli(capsys, *argv, "--hate-column", "hs")
    report = json.loads(out)
    assert code == 0
    assert (report["precision"], report["recall"]) == (1.0, 1.0)
    assert report["flagged_only_by_slurs"] == {"positive": 0, "negative": 1}
    assert report["hate_speech"]["precision"] == report["hate_speech"]["recall"] == 1.0
    assert report["confusion"]["negative"]["held"] == 1  # the decision itself is unchanged
    code, out = await cli(capsys, *argv)
    assert json.loads(out)["precision"] == 0.5  # without the column the slur row is a false flag


async def test_eval_model_option_scores_with_another_spam_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``eval --model FILE`` swaps the classifier (for held-out figures); the rest is the same."""
    data = tmp_path / "labelled.csv"
    data.write_text("text,bad\nterima kasih pak bupati atas jalannya,0\n")
    everything_is_spam = Model(bias=20.0, weights={}, counts={}, docs=(1.0, 1.0))
    model = tmp_path / "model.bin"
    model.write_bytes(everything_is_spam.to_bytes())
    argv = ["eval", str(data), "--text-column", "text", "--label-column", "bad", "--json"]
    _, shipped = await cli(capsys, *argv)
    _, swapped = await cli(capsys, *argv, "--model", str(model))
    assert json.loads(shipped)["confusion"]["negative"]["approved"] == 1
    assert json.loads(swapped)["top_rules"]["classifier"] == 1


async def test_eval_scores_each_filter_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Per-filter figures count a row as flagged only when that filter acted on it."""
    data = tmp_path / "labelled.csv"
    rows = [
        "text,spam",
        "daftar PULAUWIN sekarang bit.ly/pulau777 wa 081234567890 slot gacor,1",
        "anjir keren pak bupati,0",
        "terima kasih pak,0",
    ]
    data.write_text("\n".join(rows) + "\n")
    argv = ["eval", str(data), "--text-column", "text", "--label-column", "spam", "--json"]
    _, out = await cli(capsys, *argv)
    report = json.loads(out)
    assert report["precision"] == 0.5  # the masked "anjir" row counts against the whole pipeline
    spam = report["flagged_by_filter"]["spam"]
    assert (spam["precision"], spam["recall"], spam["f1"]) == (1.0, 1.0, 1.0)
    assert report["flagged_by_filter"]["profanity"]["false_positive_rate"] == 0.5


async def test_eval_bad_model_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or corrupt ``--model`` file exits 1 with a message, not a traceback."""
    data = tmp_path / "labelled.csv"
    data.write_text("text,bad\nhalo,0\n")
    corrupt = tmp_path / "corrupt.bin"
    corrupt.write_bytes(b"not a model")
    argv = ["eval", str(data), "--text-column", "text", "--label-column", "bad"]
    for model in (tmp_path / "missing.bin", corrupt):
        code = await anyio.to_thread.run_sync(main, [*argv, "--model", str(model)])
        assert code == 1
        assert "not a spam model file" in capsys.readouterr().err


async def test_eval_unreadable_csv_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file or a missing column exits 1 with a message, not a traceback."""
    data = tmp_path / "labelled.csv"
    data.write_text("text,bad\nhalo,0\n")
    missing = ["eval", str(tmp_path / "none.csv"), "--text-column", "text", "--label-column", "bad"]
    no_column = ["eval", str(data), "--text-column", "body", "--label-column", "bad"]
    for argv in (missing, no_column):
        assert await anyio.to_thread.run_sync(main, argv) == 1
        assert capsys.readouterr().err.startswith("moderation: eval ")


async def test_eval_suite_prints_figures_per_trick_family(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``eval --suite`` scores JSONL rows by category: abuse caught, clean kept, misses listed."""
    data = tmp_path / "suite.jsonl"
    rows = [
        {"text": "dasar kontolnya", "label": "abusive", "category": "words"},
        {"text": "terima kasih pak", "label": "clean", "category": "words"},
    ]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    code, out = await cli(capsys, "eval", str(data), "--suite", "--misses")
    assert code == 0
    assert "abusive  caught 1 of 1" in out
    assert "clean    kept 1 of 1" in out


async def test_eval_calibration_prints_a_reliability_curve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``eval --calibration`` bins the spam findings' probabilities, prints each bin's share
    of spam, and each family's predicted and observed share."""
    data = tmp_path / "labelled.csv"
    rows = ["text,spam", "slot gacor maxwin wa 0812-3456-7890,1", "terima kasih pak bupati,0"]
    data.write_text("\n".join(rows) + "\n")
    argv = ["eval", str(data), "--text-column", "text", "--label-column", "spam"]
    code, out = await cli(capsys, *argv, "--calibration")
    assert code == 0
    assert "0.0-0.1" in out
    assert "rows 2   expected calibration error" in out
    assert "spam:score" in out


async def test_eval_calibration_of_profanity_counts_rows_without_a_finding_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--filter profanity`` curves the rows with a finding and counts the others apart."""
    data = tmp_path / "labelled.csv"
    data.write_text("text,abusive\ndasar anjing kamu,1\nterima kasih pak,0\n")
    argv = ["eval", str(data), "--text-column", "text", "--label-column", "abusive"]
    code, out = await cli(capsys, *argv, "--calibration", "--filter", "profanity")
    assert code == 0
    assert "rows 1   expected calibration error" in out
    assert "rows with no finding 1 (positive 0)" in out
    assert "profanity:id" in out
