"""Settings: every ``MODERATION_*`` knob is in the README's table and the k8s manifests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from moderation.settings import Settings

ROOT = Path(__file__).parent.parent
NAMES = {f"MODERATION_{field.name.upper()}" for field in dataclasses.fields(Settings)}
# Secrets (the Redis password, the metrics token) are never in the ConfigMap.
SECRET = {"MODERATION_REDIS_URL", "MODERATION_METRICS_TOKEN", "MODERATION_PSEUDONYM_KEY"}


def readme_table() -> dict[str, str]:
    """The README's configuration table as variable → documented default."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    table: dict[str, str] = {}
    for line in section.splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        if cells[0].startswith("MODERATION_"):
            table[cells[0]] = cells[1]
    return table


def manifest(name: str, field: str) -> dict[str, str]:
    document = yaml.safe_load((ROOT / "k8s" / name).read_text())
    values = document[field]
    assert isinstance(values, dict)
    # Kubernetes refuses a ConfigMap or Secret value that YAML reads as a number or a bool.
    unquoted = {key: value for key, value in values.items() if not isinstance(value, str)}
    assert not unquoted, f"quote these in k8s/{name}"
    return values


def test_readme_table_lists_every_setting() -> None:
    """The README's configuration table has one row per Settings field, and no other."""
    assert set(readme_table()) == NAMES


def test_readme_defaults_are_the_settings_defaults() -> None:
    """Each default in the README table is the field's real default ("unset" meaning None)."""
    table = readme_table()
    unset = {name for name, default in table.items() if default == "unset"}
    documented = Settings.from_env({n: d for n, d in table.items() if n not in unset})
    assert documented == Settings()
    assert all(
        getattr(Settings(), name.removeprefix("MODERATION_").lower()) is None for name in unset
    )


def test_configmap_sets_every_setting_and_the_secret_the_redis_url() -> None:
    """The ConfigMap sets every knob but the secret ones, which only the Secret sets."""
    assert set(manifest("configmap.yaml", "data")) == NAMES - SECRET
    assert set(manifest("secret.example.yaml", "stringData")) == SECRET


def test_manifest_values_parse_as_settings() -> None:
    """What the pods receive from the ConfigMap and the Secret is accepted by Settings.from_env."""
    environ = {
        **manifest("configmap.yaml", "data"),
        **manifest("secret.example.yaml", "stringData"),
    }
    settings = Settings.from_env(environ)
    assert settings.redis_url == environ["MODERATION_REDIS_URL"]


def test_secrets_stay_out_of_the_repr() -> None:
    """A logged or printed Settings (a traceback shows one) never holds a secret's value."""
    settings = Settings(metrics_token="token-rahasia", pseudonym_key="kunci-rahasia")
    assert "rahasia" not in repr(settings)
