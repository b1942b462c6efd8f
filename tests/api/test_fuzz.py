"""Fuzzing: schemathesis from the app's own ``/openapi.json``, and signed random intake bodies.

Both are bounded and deterministic (``derandomize``, no example database), so CI replays
the same inputs every run and a failure reproduces locally.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
from typing import Any

import anyio
import httpx
import hypothesis
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from schemathesis import checks
from standardwebhooks import Webhook
from starlette.applications import Starlette

from moderation.api.app import create_app
from moderation.filters.pipeline import Pipeline
from moderation.models import THREAD_ID
from moderation.settings import Settings
from moderation.store.client import connect
from moderation.store.sites import Created, Sites
from moderation.store.tokens import Role, Tokens
from moderation.worker import Worker
from tests.conftest import Host, comment, running_app

THREAD = "ptsl-2024-11"
AUTHOR_KEY = "pembaca-0"  # the host's own id of an author, which is their key
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
# Small enough that both tests together take about a minute on the 2-core CI machine.
SCHEMA_EXAMPLES = 100  # per operation, after schemathesis' own coverage cases
INTAKE_EXAMPLES = 300
# What path parameters may name; ``world`` adds the comment ids, which intake makes.
SEEDED: dict[str, list[str]] = {
    "site_id": ["kediri"],
    "thread_id": [THREAD],
    "author_key": [AUTHOR_KEY],
    "comment_id": [],
}


@dataclasses.dataclass(frozen=True)
class World:
    """A seeded site: its credentials and a few comments for path parameters to name."""

    site: Created
    admin: str
    comment_ids: list[str]


async def seed(settings: Settings) -> World:
    """Empty the store, create a site and an admin token, and publish three comments."""
    assert settings.redis_url
    redis = connect(settings.redis_url)
    try:
        await redis.flushall()
        site = await Sites(redis, settings).create(
            "kediri", "Kab. Kediri", ("https://kedirikab.go.id",)
        )
        admin = await Tokens(redis).create("fuzz", Role.ADMIN, (site.id,))
    finally:
        await redis.aclose()
    async with running_app(settings) as client:
        host = Host(client, site)
        bodies = ("Programnya bagus sekali", "Semoga cepat selesai", "Terima kasih bapak")
        payloads = [comment(b, author=f"Pembaca {n}") for n, b in enumerate(bodies)]
        payloads[0]["author"]["id"] = AUTHOR_KEY
        ids = [(await host.post(payload)).json()["id"] for payload in payloads]
    async with Worker(settings, settings.redis_url, Pipeline([])) as worker:
        await worker.run_once()
    return World(site, admin, ids)


class Credentials(requests.auth.AuthBase):
    """What each caller would send: a fresh Standard Webhooks signature over the exact bytes
    of an intake body, the site's API key to read a comment back, an admin token elsewhere."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.webhook = Webhook(world.site.secret)
        self.sent = itertools.count()

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        path = (request.path_url or "").split("?", 1)[0]
        parts = path.split("/")
        if request.method == "POST" and len(parts) == 5 and parts[4] == "comments":
            self.sign(request)
        elif request.method == "GET" and len(parts) == 6 and parts[4] == "comments":
            request.headers["authorization"] = f"Bearer {self.world.site.api_key}"
        else:
            request.headers["authorization"] = f"Bearer {self.world.admin}"
        return request

    def sign(self, request: requests.PreparedRequest) -> None:
        body = request.body or b""
        try:
            text = body.decode() if isinstance(body, bytes) else str(body)
        except UnicodeDecodeError:
            return  # not text: the reference library cannot sign it, so it stays a 401
        message_id = f"msg_fuzz_{next(self.sent)}"
        moment = dt.datetime.now(dt.UTC)
        request.headers["webhook-id"] = message_id
        request.headers["webhook-timestamp"] = str(int(moment.timestamp()))
        request.headers["webhook-signature"] = self.webhook.sign(message_id, moment, text)


@pytest.fixture
def world(settings: Settings) -> World:
    seeded: World = anyio.run(seed, settings)
    SEEDED["comment_id"][:] = seeded.comment_ids
    return seeded


@pytest.fixture
def credentials(world: World) -> Credentials:
    """One per test, so every intake case of an operation gets its own webhook-id."""
    return Credentials(world)


@pytest.fixture
def app(settings: Settings, world: World) -> Starlette:
    """The app under test; schemathesis runs its lifespan and ends it with the test."""
    assert settings.redis_url
    return create_app(settings, settings.redis_url)


async def served_document() -> dict[str, Any]:
    """``/openapi.json`` as the app serves it; read at collection, since schemathesis makes
    one test per operation from it (serving the document needs no lifespan, so no store)."""
    transport = httpx.ASGITransport(app=create_app(Settings(), "redis://127.0.0.1:9"))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        document: dict[str, Any] = (await client.get("/openapi.json")).raise_for_status().json()
    return document


schema = schemathesis.openapi.from_dict(anyio.run(served_document))


@schema.hook
def flatmap_path_parameters(
    context: schemathesis.HookContext, parameters: dict[str, Any] | None
) -> st.SearchStrategy[dict[str, Any] | None]:
    """While fuzzing, each path parameter is as generated or names seeded data."""
    if not parameters:
        return st.just(parameters)
    return st.fixed_dictionaries(
        {
            name: st.sampled_from([*SEEDED.get(name, []), value])
            for name, value in parameters.items()
        }
    )


@schema.hook
def map_case(
    context: schemathesis.HookContext, case: schemathesis.Case[Any]
) -> schemathesis.Case[Any]:
    """Coverage cases name seeded data in every path parameter but the one they vary, so
    their bodies, queries and headers are read past the 404 of an unknown site."""
    phase = case.meta.phase if case.meta else None
    if phase is None or phase.name != "coverage" or not case.path_parameters:
        return case
    location = getattr(phase.data, "parameter_location", None)
    varied = getattr(phase.data, "parameter", None) if location == "path" else None
    for name in case.path_parameters:
        if name != varied and SEEDED.get(name):
            case.path_parameters[name] = SEEDED[name][0]
    return case


@schema.parametrize()
@hypothesis.settings(
    max_examples=SCHEMA_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_conforms_to_its_document(
    case: schemathesis.Case[Any], app: Starlette, credentials: Credentials
) -> None:
    """Every operation, given what its document allows and what it does not, answers without
    a server error and with a status, content type and body its document declares."""
    case.call_and_validate(checks=CHECKS, app=app, auth=credentials)


# --- signed random bodies to intake ----------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=20), children, max_size=5)
    ),
    max_leaves=20,
)
WORDS = st.text(min_size=1, max_size=200).filter(str.strip)  # what text fields need
OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
MOMENTS = st.datetimes(
    min_value=dt.datetime(2000, 1, 2), max_value=dt.datetime(9998, 12, 30), timezones=OFFSETS
)
# A value that fits each field of the intake body; required fields first.
FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "thread": st.fixed_dictionaries(
        {
            "id": st.from_regex(THREAD_ID, fullmatch=True),
            "url": st.from_regex(r"[a-z0-9/-]{0,40}", fullmatch=True).map(
                "https://kedirikab.go.id/{}".format
            ),
        },
        optional={"title": WORDS},
    ),
    "author": st.fixed_dictionaries({"name": WORDS}, optional={"id": WORDS, "email": WORDS}),
    "body": st.text(min_size=1, max_size=2_000).filter(str.strip),
    "parent_id": st.none(),  # a well-formed id of no comment is a 422 of its own
    "external_id": WORDS,
    "ip": st.ip_addresses().map(str),
    "user_agent": st.text(max_size=300),
    "created_at": MOMENTS.map(dt.datetime.isoformat),
}
REQUIRED = ("thread", "author", "body")


@st.composite
def near_valid_comments(draw: st.DrawFn) -> dict[str, Any]:
    """A comment that fits, with none to a few fields then replaced by any JSON, dropped, or
    joined by an unknown one."""
    optional = draw(st.lists(st.sampled_from(list(FIELDS)[len(REQUIRED) :]), unique=True))
    document = {name: draw(FIELDS[name]) for name in (*REQUIRED, *optional)}
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 3]))):
        name = draw(st.sampled_from(list(FIELDS)))
        change = draw(st.sampled_from(["replace", "drop", "add"]))
        if change == "replace":
            document[name] = draw(JSON_VALUES)
        elif change == "drop":
            document.pop(name, None)
        else:
            document[draw(st.text(max_size=10))] = draw(JSON_VALUES)
    return document


BODIES = (
    near_valid_comments().map(json.dumps)
    | JSON_VALUES.map(json.dumps)
    | st.text(max_size=200)  # not JSON at all
)


@pytest.mark.anyio
@pytest.mark.timeout(300)
@hypothesis.settings(
    max_examples=INTAKE_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=BODIES)
async def test_signed_random_bodies_never_reach_a_server_error(host: Host, body: str) -> None:
    """Any correctly signed body gets a 2xx or a 4xx problem, never a 5xx."""
    try:
        response = await host.post(body.encode())
    except Exception as exc:  # the app's own error, re-raised by the test transport
        exc.add_note(f"signed body: {body!r}")
        raise
    assert response.status_code < 500, (response.status_code, response.text, body)
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json", body
        assert response.json()["status"] == response.status_code
    else:
        assert response.headers["content-type"] == "application/json"
