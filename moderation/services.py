"""The resources one API process shares, built in the app's lifespan and closed there."""

from __future__ import annotations

import dataclasses

from moderation.metrics import Metrics
from moderation.queue import Queue
from moderation.redis_client import Redis, Scripts
from moderation.settings import Settings
from moderation.sites import Sites
from moderation.store import Store
from moderation.widget_cache import WidgetCache


@dataclasses.dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    redis: Redis
    sites: Sites
    store: Store
    queue: Queue
    widgets: WidgetCache
    metrics: Metrics

    @classmethod
    def build(cls, settings: Settings, redis: Redis, metrics: Metrics) -> Services:
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
            ),
            queue=Queue(redis, settings.shards),
            widgets=WidgetCache(),
            metrics=metrics,
        )
