"""The console's files: served by the API under a strict CSP, nothing else reachable."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.anyio


async def test_the_page_and_its_files_carry_a_strict_csp(client: httpx.AsyncClient) -> None:
    """index.html, its scripts and its stylesheet come with their types and the CSP."""
    for path, media in [
        ("/console/", "text/html"),
        ("/console/console.js", "text/javascript"),
        ("/console/console.css", "text/css"),
    ]:
        response = await client.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        assert response.headers["x-frame-options"] == "DENY"


async def test_the_page_has_no_inline_script_and_no_other_origin(client: httpx.AsyncClient) -> None:
    """Every script is a same-origin file; no http(s) URL of another host is loaded."""
    html = (await client.get("/console/")).text
    assert "<script>" not in html and "https://" not in html and "http://" not in html


async def test_the_console_without_its_slash_redirects(client: httpx.AsyncClient) -> None:
    """/console leads to /console/."""
    response = await client.get("/console")
    assert response.status_code in (301, 307, 308)
    assert response.headers["location"].endswith("/console/")


@pytest.mark.parametrize("name", ["nope.js", "index.html", "..%2Fconsole.py", "console.py"])
async def test_other_names_are_404_problems(client: httpx.AsyncClient, name: str) -> None:
    """Only the console's scripts and styles are served by name; anything else is a 404."""
    response = await client.get(f"/console/{name}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
