"""Token creation and revocation, audited in every site the token covers."""

from __future__ import annotations

from collections.abc import Iterable

from moderation import clock
from moderation.models import AuditAction
from moderation.store import audit
from moderation.store.client import Redis
from moderation.store.keys import SiteKeys
from moderation.store.tokens import Token, Tokens

ADMIN = "cli"  # who runs ``moderation tokens``: whoever holds the store's credentials


async def record(
    redis: Redis, shards: int, action: AuditAction, name: str, sites: Iterable[str]
) -> None:
    entry = audit.Entry(
        at=clock.rfc3339(clock.now()), actor=ADMIN, action=action, note=f"token:{name}"
    )
    for site in sites:
        await audit.append(redis, SiteKeys(site, shards), entry)


async def revoke(redis: Redis, shards: int, name: str) -> Token | None:
    token = await Tokens(redis).revoke(name)
    if token is not None:
        await record(redis, shards, AuditAction.TOKEN_REVOKE, name, token.sites)
    return token
