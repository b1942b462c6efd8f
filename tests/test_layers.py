"""The package's layers import one way: ``api`` → ``store``/``filters``, never back."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "moderation"

# Layer → module prefixes it may never import (statically, anywhere in its files).
FORBIDDEN = {
    "filters": ("redis", "starlette", "uvicorn", "httpx", "moderation.store", "moderation.api"),
    "porting": ("redis", "starlette", "uvicorn", "httpx", "moderation.store", "moderation.api"),
    "store": ("starlette", "uvicorn", "moderation.api", "moderation.worker", "moderation.cli"),
    "api": ("moderation.worker", "moderation.cli"),
}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in sorted(imports_of(path)):
            if name.startswith(FORBIDDEN[layer]):
                found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_one_way(layer: str) -> None:
    """No module of a layer imports a layer above it (or a library it must not touch)."""
    assert _violations(layer) == []


def test_only_api_imports_starlette() -> None:
    """Starlette is imported by ``moderation/api/`` and by nothing else in the package."""
    outside = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "api" not in path.relative_to(PACKAGE).parts and path.name != "cli.py"
        for name in imports_of(path)
        if name.startswith("starlette")
    ]
    assert outside == []


def _loaded_after(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("module", ["moderation.worker", "moderation.store.signals"])
def test_worker_and_store_load_without_starlette(module: str) -> None:
    """Importing the worker or the store loads neither Starlette nor the API package."""
    loaded = _loaded_after(module)
    assert not {m for m in loaded if m.startswith(("starlette", "moderation.api"))}


def test_filters_load_without_redis() -> None:
    """The pure pipeline loads without redis, Starlette or the store."""
    loaded = _loaded_after("moderation.filters.pipeline")
    assert not {m for m in loaded if m.startswith(("redis", "starlette", "moderation.store"))}
