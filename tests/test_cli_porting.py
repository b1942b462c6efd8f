"""``moderation import`` (and ``export``) against the test store: what the widgets show
afterwards is what the files hold, a repeat adds nothing, a broken file adds nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
import redis.asyncio as aioredis

from moderation.cli import main
from moderation.cli_porting import Bar
from moderation.settings import Settings
from moderation.store.keys import SiteKeys
from moderation.store.sites import Created, Sites
from moderation.worker import Worker

pytestmark = pytest.mark.anyio
DATA = Path(__file__).parent / "porting" / "data"


@pytest.fixture
def store_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.redis_url
    monkeypatch.setenv("MODERATION_REDIS_URL", settings.redis_url)
    monkeypatch.setenv("MODERATION_SHARDS", str(settings.shards))


async def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = await anyio.to_thread.run_sync(main, list(argv))
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if code == 0 else None, captured.err


def shape(nodes: list[dict[str, Any]]) -> list[Any]:
    """A thread's comments as (author, body, replies...) trees."""
    return [(n["author"]["name"], n["body"], shape(n["replies"])) for n in nodes]


async def thread(client: httpx.AsyncClient, site: str, thread_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/sites/{site}/threads/{thread_id}/comments")
    assert response.status_code == 200
    doc: dict[str, Any] = response.json()
    return doc


DISQUS_PTSL: list[Any] = [
    (
        "Ani",
        "Programnya bagus sekali untuk warga desa kami",
        [
            (
                "Budi",
                "Setuju, bu Ani.\nSemoga lancar & cepat.",
                [("Ani", "Terima kasih infonya", [])],
            )
        ],
    ),
    ("Citra", "Kapan jadwal pengukuran untuk kecamatan Pare?", []),
]


async def test_disqus_import_shows_threads_nesting_and_counts(
    client: httpx.AsyncClient, site: Created, store_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The widget shows the file's published comments, nested, in time order, counted."""
    code, done, _ = await cli(
        capsys, "import", "kediri", str(DATA / "disqus.xml"), "--format", "disqus"
    )
    assert code == 0
    assert done["new"] == {"approved": 5, "held": 1, "rejected": 2}
    ptsl = await thread(client, "kediri", "ptsl-2024-11")
    assert shape(ptsl["comments"]) == DISQUS_PTSL
    assert ptsl["count"] == 4 and ptsl["thread"]["title"] == "Serahkan Ratusan Sertifikat PTSL"
    jalan = await thread(client, "kediri", "disqus-5002")
    assert (jalan["count"], jalan["thread"]["url"]) == (
        1,
        "https://kedirikab.go.id/berita/jalan-desa",
    )


async def test_wordpress_import_shows_threads_nesting_and_counts(
    client: httpx.AsyncClient, site: Created, store_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Posts become threads with their approved comments nested; held and spam stay hidden."""
    args = ("import", "kediri", str(DATA / "wordpress.xml"), "--format", "wordpress")
    code, done, _ = await cli(capsys, *args)
    assert code == 0 and done["new"] == {"approved": 3, "held": 1, "rejected": 1}
    pasar = await thread(client, "kediri", "wp-42")
    assert shape(pasar["comments"]) == [
        (
            "Gilang",
            "Akhirnya pasar jadi lebih bersih",
            [("Hana", "Betul, pedagang juga senang", [])],
        )
    ]
    counts = await client.get("/v1/sites/kediri/counts", params={"thread": ["wp-42", "wp-43"]})
    assert counts.json()["counts"] == {"wp-42": 2, "wp-43": 1}


async def test_importing_twice_adds_nothing(
    client: httpx.AsyncClient,
    redis: aioredis.Redis,
    settings: Settings,
    site: Created,
    store_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A repeated import finds every comment there, changes no widget, logs no second import."""
    args = ("import", "kediri", str(DATA / "disqus.xml"), "--format", "disqus")
    await cli(capsys, *args)
    before = await thread(client, "kediri", "ptsl-2024-11")
    code, again, _ = await cli(capsys, *args)
    assert code == 0 and (again["new"], again["existing"]) == ({}, 8)
    assert await thread(client, "kediri", "ptsl-2024-11") == before
    log: Any = await redis.xrange(SiteKeys("kediri", settings.shards).audit)
    assert [json.loads(fields[b"e"])["action"] for _, fields in log] == ["import"]


async def test_a_malformed_file_imports_nothing(
    redis: aioredis.Redis,
    site: Created,
    store_env: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A bad post near the end stops the import with its line and reason; no key is written."""
    good = (DATA / "disqus.xml").read_text()
    broken = good.replace(
        "<createdAt>2024-11-02T10:00:00Z</createdAt>", "<createdAt>besok</createdAt>"
    )
    path = tmp_path / "broken.xml"
    path.write_text(broken)
    line = broken[: broken.index('<post dsq:id="9008">')].count("\n") + 1
    before = sorted(await redis.keys("*"))
    code, _, err = await cli(capsys, "import", "kediri", str(path), "--format", "disqus")
    assert code == 1
    assert f"line {line}: createdAt 'besok' is not a date; nothing was imported" in err
    assert sorted(await redis.keys("*")) == before


async def test_moderate_sends_imported_comments_through_the_pipeline(
    client: httpx.AsyncClient,
    site: Created,
    worker: Worker,
    store_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With --moderate every comment is queued; the pipeline, not the file, decides."""
    args = ("import", "kediri", str(DATA / "disqus.xml"), "--format", "disqus", "--moderate")
    code, done, _ = await cli(capsys, *args)
    assert code == 0 and done["new"] == {"queued": 8}
    assert (await thread(client, "kediri", "ptsl-2024-11"))["count"] == 0
    await worker.run_once()
    assert (await thread(client, "kediri", "ptsl-2024-11"))["count"] >= 4


async def export(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = await anyio.to_thread.run_sync(main, ["export", *argv])
    assert code == 0
    return capsys.readouterr().out


async def test_jsonl_export_has_every_comment_with_status_and_decision(
    site: Created, store_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line a comment, each with its record, status and decision."""
    await cli(capsys, "import", "kediri", str(DATA / "disqus.xml"), "--format", "disqus")
    lines = [json.loads(line) for line in (await export(capsys, "kediri")).splitlines()]
    assert sorted(line["comment"]["external_id"] for line in lines) == [
        f"900{n}" for n in range(1, 9)
    ]
    statuses = sorted(line["status"] for line in lines)
    assert statuses == ["approved"] * 5 + ["held"] + ["rejected"] * 2
    assert all(line["decision"]["decided_by"] == "import:disqus" for line in lines)


@pytest.mark.parametrize(
    ("file", "source", "threads"),
    [
        ("disqus.xml", "disqus", ["ptsl-2024-11", "disqus-5002"]),
        ("wordpress.xml", "wordpress", ["wp-42", "wp-43"]),
    ],
)
async def test_export_then_import_into_a_fresh_site_round_trips(
    client: httpx.AsyncClient,
    redis: aioredis.Redis,
    settings: Settings,
    site: Created,
    store_env: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    file: str,
    source: str,
    threads: list[str],
) -> None:
    """Disqus XML out of one site and into a fresh one: same threads, nesting and counts."""
    _, first, _ = await cli(capsys, "import", "kediri", str(DATA / file), "--format", source)
    path = tmp_path / "out.xml"
    path.write_text(await export(capsys, "kediri", "--format", "disqus"))
    await Sites(redis, settings).create("fresh", "Fresh")
    code, again, _ = await cli(capsys, "import", "fresh", str(path), "--format", "disqus")
    assert code == 0 and again["new"] == first["new"]
    for thread_id in threads:
        old = await thread(client, "kediri", thread_id)
        new = await thread(client, "fresh", thread_id)
        assert shape(new["comments"]) == shape(old["comments"])
        assert (new["count"], new["thread"]) == (old["count"], old["thread"])


def test_progress_shows_for_large_files_only() -> None:
    """A file from 1 MiB shows each new percentage in place on stderr; a small one nothing."""
    large, small = io.StringIO(), io.StringIO()
    bar = Bar("checking", 4 << 20, large)
    for done in (1 << 20, 1 << 20, 2 << 20, 4 << 20):
        bar(done)
    Bar("checking", 1000, small)(1000)
    assert large.getvalue() == (
        "\rchecking: 25% of 4,194,304 bytes\rchecking: 50% of 4,194,304 bytes"
        "\rchecking: 100% of 4,194,304 bytes\n"
    )
    assert small.getvalue() == ""
