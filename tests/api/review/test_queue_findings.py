"""The review queue with the real filters: what moderators see is what the pipeline found."""

from __future__ import annotations

import httpx
import pytest

from moderation.worker import Worker
from tests.api.review.conftest import Headers, queue
from tests.conftest import Host, comment

pytestmark = pytest.mark.anyio


async def held(
    host: Host, worker: Worker, client: httpx.AsyncClient, moderator: Headers, body: str
) -> dict[str, object]:
    response = await host.post(comment(body, author="Pembaca"))
    assert response.status_code == 202, response.text
    await worker.run_once()
    items = (await queue(client, moderator))["items"]
    assert [item["body"] for item in items] == [body]
    item: dict[str, object] = items[0]
    return item


async def test_a_held_slur_shows_its_word_where_it_was_written(
    host: Host, worker: Worker, client: httpx.AsyncClient, moderator: Headers
) -> None:
    """The profanity reason points at the disguised spelling in the original text."""
    body = "Dasar k0nt0l, pergi sana"
    item = await held(host, worker, client, moderator, body)
    reasons = item["reasons"]
    assert isinstance(reasons, list)
    word = next(r for r in reasons if r["filter"] == "profanity")
    assert word["action"] == "hold"
    assert [s["text"] for s in word["spans"]] == ["k0nt0l"]
    assert body[word["spans"][0]["start"] : word["spans"][0]["end"]] == "k0nt0l"
    assert 0.5 <= word["probability"] <= 1 and word["band"] in ("medium", "high", "certain")


async def test_held_spam_lists_the_score_and_each_clue(
    host: Host, worker: Worker, client: httpx.AsyncClient, moderator: Headers
) -> None:
    """A gambling promo is held (or rejected) with spam:score first and its clues as reasons."""
    body = "Mantap beritanya, yuk main di GACOR88 slot gacor maxwin, daftar wa.me/6281234567890"
    response = await host.post(comment(body, author="Pembaca"))
    assert response.status_code == 202, response.text
    await worker.run_once()
    page = await queue(client, moderator, queue="all", reason="spam")
    [item] = page["items"]
    rules = [r["rule"] for r in item["reasons"]]
    assert rules[0] == "spam:score"
    assert any(rule.startswith("lexicon:") for rule in rules)
    assert any(rule.startswith("link:") for rule in rules)
    assert all(r["probability"] is not None for r in item["reasons"])


async def test_a_threat_is_held_under_the_abuse_filter(
    host: Host, worker: Worker, client: httpx.AsyncClient, moderator: Headers
) -> None:
    """A threat with no swear word is held, and the abuse reason filters the queue to it."""
    item = await held(host, worker, client, moderator, "Awas kamu, rumahmu akan kubakar malam ini")
    reasons = item["reasons"]
    assert isinstance(reasons, list)
    assert [r["filter"] for r in reasons] == ["abuse"]
    assert reasons[0]["rule"].startswith("threat:")
    filtered = await queue(client, moderator, reason="abuse")
    assert [i["id"] for i in filtered["items"]] == [item["id"]]


async def test_a_clean_comment_never_reaches_the_queue(
    host: Host, worker: Worker, client: httpx.AsyncClient, moderator: Headers
) -> None:
    """An ordinary comment is approved by the filters and the held queue stays empty."""
    response = await host.post(comment("Alhamdulillah ...maju terus Kab. Kediri", author="Nash"))
    assert response.status_code == 202, response.text
    await worker.run_once()
    page = await queue(client, moderator)
    assert page["items"] == [] and page["counts"]["approved"] == 1
