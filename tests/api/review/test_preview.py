"""Policy preview: the real pipeline on a pasted comment, under the site's or a changed policy."""

from __future__ import annotations

import httpx
import pytest

from tests.api.review.conftest import Headers

pytestmark = pytest.mark.anyio
PREVIEW = "/v1/sites/kediri/policy/preview"


async def test_a_pasted_comment_gets_the_decision_and_its_findings(
    client: httpx.AsyncClient, moderator: Headers
) -> None:
    """A comment with a flagged word is held, the finding's span pointing at the word."""
    body = "🙂 𝐁agus sekali, dasar anjing kamu"
    answer = (await client.post(PREVIEW, json={"body": body}, headers=moderator)).json()
    assert answer["status"] == "held"
    [finding] = [f for f in answer["reasons"] if f["filter"] == "profanity"]
    [span] = finding["spans"]
    assert body[span["start"] : span["end"]] == "anjing"


async def test_each_finding_carries_its_probability_and_band(
    client: httpx.AsyncClient, moderator: Headers
) -> None:
    """A listed word's finding has a calibrated probability and band; the policy's has neither."""
    body = {"body": "wah anjir, programnya bagus sekali", "policy": {"premoderation": "all"}}
    answer = (await client.post(PREVIEW, json=body, headers=moderator)).json()
    reasons = {f["rule"]: f for f in answer["reasons"]}
    assert 0.0 <= reasons["id:anjir"]["probability"] <= 1.0
    assert reasons["id:anjir"]["band"] in ("low", "medium", "high", "certain")
    policy = reasons["premoderation:all"]
    assert (policy["probability"], policy["band"]) == (None, None)


async def test_policy_changes_are_previewed_without_being_saved(
    client: httpx.AsyncClient, moderator: Headers
) -> None:
    """With premoderation changed in the preview, a clean comment is held; the site's is not."""
    clean = {"body": "Programnya bagus sekali untuk warga desa kami"}
    assert (await client.post(PREVIEW, json=clean, headers=moderator)).json()[
        "status"
    ] == "approved"
    changed = {**clean, "policy": {"premoderation": "all"}}
    assert (await client.post(PREVIEW, json=changed, headers=moderator)).json()["status"] == "held"
    policy = (await client.get("/v1/sites/kediri/policy", headers=moderator)).json()
    assert policy["premoderation"] != "all"


async def test_a_bad_policy_change_is_422_naming_the_field(
    client: httpx.AsyncClient, moderator: Headers
) -> None:
    """The preview validates policy changes as PATCH does."""
    bad = {"body": "halo", "policy": {"premoderation": "sometimes"}}
    response = await client.post(PREVIEW, json=bad, headers=moderator)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["premoderation"]
