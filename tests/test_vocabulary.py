"""Statuses, outcomes, queues, actions and filter names are enums, never bare strings."""

from __future__ import annotations

import ast
import enum
from pathlib import Path
from types import ModuleType

from moderation import evaluation, models
from moderation.api import schemas
from moderation.store import comments, imports, learning, reports

PACKAGE = Path(__file__).parent.parent / "moderation"
VOCABULARIES: tuple[ModuleType, ...] = (
    models,
    schemas,
    comments,
    reports,
    learning,
    evaluation,
    imports,
)

# Strings that happen to spell a vocabulary word but name something else.
ALLOWED = {
    ("cli.py", "policy"),  # the `sites policy` command
    ("policy.py", "banned"),  # a Policy field name
    ("store/authors.py", "standing"),  # Redis hash field names
    ("store/authors.py", "approved"),
    ("store/authors.py", "rejected"),
    ("store/queue.py", "queued"),  # the queue-depth metric's label
    ("store/scripts.py", "standing"),  # the name of standing.lua
    ("store/scripts.py", "import"),  # the name of import.lua
    ("cli_porting.py", "import"),  # the `import` command
    ("porting/disqus.py", "author"),  # a Disqus XML element
    ("cli_sites.py", "delete"),  # the `sites delete` command
    ("filters/links.py", "top"),  # the .top domain, not the thread sort
    ("filters/profanity.py", "word"),  # English "word" as a cue ("the word X"), not the kind
}


def _vocabulary() -> set[str]:
    words: set[str] = set()
    for module in VOCABULARIES:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.StrEnum):
                words |= {member.value for member in value}
    return words


def _exempt(tree: ast.AST) -> set[int]:
    """Nodes inside enum class bodies, and docstrings."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
            getattr(base, "attr", getattr(base, "id", "")) == "StrEnum" for base in node.bases
        ):
            exempt |= {id(sub) for sub in ast.walk(node)}
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            exempt.add(id(node.value))
    return exempt


def test_no_vocabulary_word_is_a_bare_string_literal() -> None:
    """Outside its enum, no module spells a status, outcome, queue or filter name as text."""
    words = _vocabulary()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text())
        exempt = _exempt(tree)
        name = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value in words
                and id(node) not in exempt
                and (name, node.value) not in ALLOWED
            ):
                found.append(f"{name}:{node.lineno} {node.value!r}")
    assert found == []
