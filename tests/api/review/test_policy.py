"""Site policy over HTTP: moderators read it, admins change it, every bad field listed."""

from __future__ import annotations

import anyio
import httpx
import pytest

from moderation.cli import main
from moderation.settings import Settings
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


async def test_admin_sets_the_site_hotlines(client: httpx.AsyncClient, admin: Headers) -> None:
    """Hotlines are digits (an optional leading +); anything else is a 422 naming the field."""
    ok = await client.patch(URL, json={"hotlines": ["+6281234567890"]}, headers=admin)
    assert ok.status_code == 200 and ok.json()["hotlines"] == ["+6281234567890"]
    bad = await client.patch(URL, json={"hotlines": ["call us"]}, headers=admin)
    assert bad.status_code == 422
    assert [e["field"] for e in bad.json()["errors"]] == ["hotlines[0]"]


@pytest.mark.parametrize(
    ("flags", "body"),
    [
        (["--spam-hold", "7"], {"spam_hold": 7}),
        (["--spam-hold", "0.95"], {"spam_hold": 0.95}),
        (["--spam-reject", "-0.5"], {"spam_reject": -0.5}),
    ],
)
async def test_patch_refuses_what_the_cli_refuses_with_the_same_messages(
    client: httpx.AsyncClient,
    admin: Headers,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    body: dict[str, float],
) -> None:
    """A threshold out of range or crossed is refused by both doors, in the same words."""
    assert settings.redis_url
    monkeypatch.setenv("MODERATION_REDIS_URL", settings.redis_url)
    monkeypatch.setenv("MODERATION_SHARDS", str(settings.shards))
    code = await anyio.to_thread.run_sync(main, ["sites", "policy", "kediri", *flags])
    refused = await client.patch(URL, json=body, headers=admin)
    assert code == 1 and refused.status_code == 422
    errors = refused.json()["errors"]
    assert len(errors) == 1
    cli_error = capsys.readouterr().err.strip()
    assert cli_error == f"moderation: {errors[0]['field']}: {errors[0]['message']}"


async def test_report_hide_below_one_is_refused(client: httpx.AsyncClient, admin: Headers) -> None:
    """``report_hide: -1`` (which would hide on no reports at all) is a 422 naming the field."""
    refused = await client.patch(URL, json={"report_hide": -1}, headers=admin)
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["report_hide"]


async def test_a_patch_that_is_not_an_object_is_422(
    client: httpx.AsyncClient, admin: Headers
) -> None:
    """A JSON array as the PATCH body is a schema violation, not a server error."""
    refused = await client.patch(URL, json=[1, 2], headers=admin)
    assert refused.status_code == 422
