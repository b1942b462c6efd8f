"""The OpenAPI document describes exactly the routes the app serves."""

from __future__ import annotations

import httpx
import pytest

from moderation.api import openapi
from moderation.api.app import ROUTES
from moderation.models import FindingKind

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


async def test_document_is_valid_openapi_3_1(client: httpx.AsyncClient) -> None:
    """/openapi.json validates against the OpenAPI 3.1 schema."""
    from openapi_spec_validator import validate

    validate((await client.get("/openapi.json")).json())


async def test_every_operation_has_a_unique_id_and_summary(client: httpx.AsyncClient) -> None:
    """Generated clients need an operationId per operation: present, unique, with a summary."""
    document = (await client.get("/openapi.json")).json()
    operations = [op for item in document["paths"].values() for op in item.values()]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids))
    assert all(op["summary"] for op in operations)


async def test_json_answers_are_typed(client: httpx.AsyncClient) -> None:
    """Every JSON answer but the document itself refers to a named schema, not a bare object."""
    document = (await client.get("/openapi.json")).json()
    untyped = [
        (path, method, status)
        for path, item in document["paths"].items()
        if path != "/openapi.json"
        for method, op in item.items()
        for status, answer in op["responses"].items()
        for media, content in answer.get("content", {}).items()
        if "json" in media and "$ref" not in content["schema"]
    ]
    assert untyped == []


async def test_request_bodies_are_the_structs_handlers_decode(client: httpx.AsyncClient) -> None:
    """Each documented request body is the schema msgspec derives from the handler's struct."""
    import msgspec

    from moderation.api.openapi import schema_hook

    document = (await client.get("/openapi.json")).json()
    for route in ROUTES:
        described = route.endpoint.operation  # type: ignore[attr-defined]
        if described.body is None:
            continue
        for method in route.methods or ():
            op = document["paths"][route.path][method.lower()]
            ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            assert ref.rsplit("/", 1)[1] == described.body.__name__
            (_, components) = msgspec.json.schema_components(
                [described.body], schema_hook=schema_hook
            )
            name = described.body.__name__
            assert set(document["components"]["schemas"][name]["properties"]) == set(
                components[name]["properties"]
            )


async def test_patterns_refuse_a_trailing_newline(client: httpx.AsyncClient) -> None:
    """Published patterns end in ``$`` (JSON Schema has no ``\\Z``) and still anchor both ends."""
    document = (await client.get("/openapi.json")).text
    assert "\\\\Z" not in document


async def test_protected_operations_name_their_security(client: httpx.AsyncClient) -> None:
    """Review, host and intake operations each declare the credential they need."""
    document = (await client.get("/openapi.json")).json()
    for path, item in document["paths"].items():
        for method, op in item.items():
            needs = path.endswith(("/review", "/audit", "/policy", "/bulk")) or "/authors/" in path
            if needs and method != "options":
                assert op["security"] == [{"moderatorToken": []}], (path, method)
    intake = document["paths"]["/v1/sites/{site_id}/comments"]["post"]
    assert intake["security"] == [{"webhookSignature": []}]


def test_finding_kinds_are_documented_from_the_enum() -> None:
    """The schema's finding kinds are FindingKind's values, so a new kind needs no edit here."""
    schemas = openapi.build(ROUTES)["components"]["schemas"]
    assert set(schemas["FindingKind"]["enum"]) == {kind.value for kind in FindingKind}
