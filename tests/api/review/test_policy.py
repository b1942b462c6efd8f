"""Site policy over HTTP: moderators read it, admins change it, every bad field listed."""

from __future__ import annotations

import httpx
import pytest

from tests.api.review.conftest import Headers

pytestmark = pytest.mark.anyio
URL = "/v1/sites/kediri/policy"


async def test_admin_changes_policy_and_moderator_reads_it(
    client: httpx.AsyncClient, admin: Headers, moderator: Headers
) -> None:
    """A PATCH changes only the named fields; a moderator sees the result."""
    changed = await client.patch(
        URL, json={"report_hide": 5, "premoderation": "all"}, headers=admin
    )
    assert changed.status_code == 200
    policy = (await client.get(URL, headers=moderator)).json()
    assert (policy["report_hide"], policy["premoderation"], policy["trusted_after"]) == (
        5,
        "all",
        3,
    )


async def test_moderator_cannot_change_policy(
    client: httpx.AsyncClient, moderator: Headers
) -> None:
    """A moderator token gets 403 on PATCH."""
    response = await client.patch(URL, json={"report_hide": 1}, headers=moderator)
    assert response.status_code == 403


async def test_every_bad_policy_field_is_listed(client: httpx.AsyncClient, admin: Headers) -> None:
    """Bad values and unknown fields come back together in one 422."""
    body = {"report_hide": "many", "premoderation": "sometimes", "colour": "red"}
    response = await client.patch(URL, json=body, headers=admin)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"report_hide", "premoderation", "colour"}
