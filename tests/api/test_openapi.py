"""The OpenAPI document describes exactly the routes the app serves."""

from __future__ import annotations

import httpx
import pytest

from moderation.api.app import ROUTES

pytestmark = pytest.mark.anyio


async def test_every_route_is_documented_and_nothing_else(client: httpx.AsyncClient) -> None:
    """Each (path, method) of the router is in /openapi.json, and the document has no extras."""
    document = (await client.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.1")
    served = {
        (route.path, method.lower())
        for route in ROUTES
        for method in route.methods or ()
        if method != "HEAD"
    }
    documented = {(path, method) for path, item in document["paths"].items() for method in item}
    assert served == documented


async def test_health_needs_no_store(settings: object) -> None:
    """/healthz answers without touching Redis; /readyz reports the store as failing."""
    from moderation.settings import Settings
    from tests.conftest import running_app

    assert isinstance(settings, Settings)
    async with running_app(settings.replace(redis_url="redis://127.0.0.1:1")) as client:
        assert (await client.get("/healthz")).json() == {"ok": True}
        ready = await client.get("/readyz")
    assert ready.status_code == 503
    assert "redis" in ready.json()["failing"]


async def test_ready_when_the_store_answers(client: httpx.AsyncClient) -> None:
    """/readyz is 200 with redis listed as ok when the store answers."""
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"ok": ["redis"], "failing": {}}
