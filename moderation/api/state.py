"""Request state: the resources one API process shares, built in the lifespan and closed there."""

from __future__ import annotations

import dataclasses

from moderation.api.widget_cache import WidgetCache
from moderation.metrics import Metrics
from moderation.settings import Settings
from moderation.store.client import Redis
from moderation.store.comments import Store
from moderation.store.queue import Queue
from moderation.store.scripts import Scripts
from moderation.store.sites import Sites
from moderation.store.stats import Stats
from moderation.store.versions import Versions


@dataclasses.dataclass(frozen=True, slots=True)
class Resources:
    settings: Settings
    redis: Redis
    sites: Sites
    store: Store
    queue: Queue
    widgets: WidgetCache
    versions: Versions
    metrics: Metrics
    stats: Stats

    @classmethod
    def build(cls, settings: Settings, redis: Redis, metrics: Metrics) -> Resources:
        scripts = Scripts()
        return cls(
            settings=settings,
            redis=redis,
            sites=Sites(redis, settings),
            store=Store(
                redis,
                scripts,
                idempotency_ttl=settings.idempotency_ttl_seconds,
                recent_size=settings.recent_size,
                events_retention_days=settings.events_retention_days,
            ),
            queue=Queue(redis, settings.shards),
            widgets=WidgetCache(),
            versions=Versions(redis),
            metrics=metrics,
            stats=Stats(redis, settings.shards),
        )
