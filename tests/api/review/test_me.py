"""``GET /v1/me``: a token's holder, role and sites, for the console's sign-in."""

from __future__ import annotations

import httpx
import pytest

from tests.api.review.conftest import Headers

pytestmark = pytest.mark.anyio


async def test_me_names_the_token_its_role_and_sites(
    client: httpx.AsyncClient, moderator: Headers
) -> None:
    """The answer lists the sites the token covers, with their names."""
    answer = (await client.get("/v1/me", headers=moderator)).json()
    assert answer == {
        "name": "mod",
        "role": "moderator",
        "sites": [{"id": "kediri", "name": "Kab. Kediri"}],
    }


async def test_me_without_a_valid_token_is_401(client: httpx.AsyncClient) -> None:
    """An unknown token is a 401 problem."""
    response = await client.get("/v1/me", headers={"authorization": "Bearer mt_nope"})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
