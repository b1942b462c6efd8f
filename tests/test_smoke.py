"""The seed comments travel from intake to the widgets."""

from __future__ import annotations

import httpx
import pytest

from moderation.worker import Worker
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio

JOJO = (
    "Sangat bagus program dari negara terkait sertifikat tanah. "
    "Meskipun berbayar Rp 600.000.jika 1 desa ada ratusan bidang"
)
NASH = "Alhamdulillah ...maju terus Kab. Kediri"


async def test_seed_comments_reach_thread_and_recent(
    host: Host, client: httpx.AsyncClient, worker: Worker
) -> None:
    """Jojo's and Nash's comments are queued, approved, and served by both widgets."""
    for author, body in (("Jojo", JOJO), ("Nash", NASH)):
        response = await host.post(comment(body, author=author))
        assert response.status_code == 202
        assert response.json()["status"] == "queued"
    assert await worker.run_once() == 2
    thread = (await client.get("/v1/sites/kediri/threads/ptsl-2024-11/comments")).json()
    assert [c["author"]["name"] for c in thread["comments"]] == ["Jojo", "Nash"]
    assert thread["count"] == 2
    recent = (await client.get("/v1/sites/kediri/recent")).json()
    assert [c["author"]["name"] for c in recent["comments"]] == ["Nash", "Jojo"]
