"""Every knob of the service, read once from ``MODERATION_*`` variables and passed in."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any


class SettingsError(ValueError):
    """A ``MODERATION_*`` variable holds a value that cannot be used."""


@dataclasses.dataclass(frozen=True, slots=True)
class Settings:
    # Store: unset means the embedded Valkey under ``data_dir``.
    redis_url: str | None = None
    redis_cluster: bool = False
    data_dir: Path = Path("moderation-data")
    # Intake
    max_body_bytes: int = 64 * 1024
    max_comment_chars: int = 10_000
    signature_tolerance_seconds: int = 300
    idempotency_ttl_seconds: int = 7 * 24 * 3600
    secret_grace_seconds: int = 24 * 3600
    site_cache_seconds: float = 5.0
    # Queue and worker
    shards: int = 8
    batch_size: int = 100
    block_ms: int = 1000
    claim_idle_ms: int = 30_000
    claim_interval_seconds: float = 5.0
    max_deliveries: int = 5
    # Widgets
    widget_max_age_seconds: int = 10
    recent_size: int = 100
    reports_per_minute: int = 10  # per reader; a comment takes ten times that from all readers
    pending_per_minute: int = 60  # reads of a thread's pending comments per reader
    # Outbound events (``docs/events.md``): retry delays in seconds, the first attempt's first
    events_retry_seconds: str = "0,5,300,1800,7200,18000,36000,36000"
    events_timeout_seconds: float = 15.0
    events_allow_http: bool = False
    events_allow_private_networks: bool = False
    events_retention_days: int = 7
    events_disable_after_seconds: int = 5 * 24 * 3600
    events_poll_seconds: float = 0.2
    # Retention (``store/retention.py``; 0 keeps forever)
    pii_retention_days: int = 90
    audit_retention_days: int = 365
    retention_interval_seconds: int = 3600
    view_token_seconds: int = 24 * 3600  # how long a reader may see their own held comment
    # Process
    log_level: str = "info"
    # Running it like production (issue 10)
    redis_socket_timeout_seconds: float = 5.0  # a hung store fails a call instead of hanging it
    redis_connect_timeout_seconds: float = 2.0
    heartbeat_seconds: float = 5.0
    # secrets, kept out of the repr (and so out of logs and tracebacks)
    metrics_token: str = dataclasses.field(default="", repr=False)  # /metrics bearer ('' = none)
    pseudonym_key: str = dataclasses.field(default="", repr=False)  # store/pseudonyms.py
    log_format: str = "text"  # text | json
    forwarded_allow_ips: str = "127.0.0.1"  # proxies whose X-Forwarded-For is believed

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``MODERATION_<FIELD>`` variables; unknown ones are ignored."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            raw = env.get(f"MODERATION_{field.name.upper()}")
            if raw is not None and raw != "":
                values[field.name] = _cast(field.name, str(field.type), raw)
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _cast(name: str, type_name: str, raw: str) -> Any:
    try:
        if type_name == "bool":
            if raw.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                raise ValueError(raw)
            return raw.lower() in {"1", "true", "yes"}
        if type_name == "int":
            return int(raw)
        if type_name == "float":
            return float(raw)
        if type_name == "Path":
            return Path(raw)
    except ValueError as exc:
        raise SettingsError(
            f"MODERATION_{name.upper()}={raw!r} is not a valid {type_name}"
        ) from exc
    return raw
