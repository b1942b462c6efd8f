"""Readers' pseudonyms: keyed hashes of addresses and author keys, one key per deployment."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from moderation import cli_privacy
from moderation.settings import Settings
from moderation.store import pseudonyms, signals
from moderation.store.keys import SiteKeys
from moderation.store.sites import Sites
from tests.conftest import as_bytes
from tests.filters.spam_helpers import stored

IP = "203.0.113.77"


def test_a_pseudonym_depends_on_the_key() -> None:
    """The same address under two keys gives two pseudonyms; under one key, always one."""
    first, second = SiteKeys("kediri", 8, "kunci-satu"), SiteKeys("kediri", 8, "kunci-dua")
    assert first.pseudonym(IP) == first.pseudonym(IP) != second.pseudonym(IP)
    assert len(first.pseudonym(IP)) == 32


def test_a_pseudonym_is_not_the_plain_hash_anyone_can_recompute() -> None:
    """Hashing every IPv4 address takes minutes; without the key that table matches nothing."""
    plain = hashlib.sha256(IP.encode()).hexdigest()
    assert not plain.startswith(SiteKeys("kediri", 8, "rahasia").pseudonym(IP)[:16])


@pytest.mark.anyio
async def test_rate_key_names_hold_the_keyed_pseudonym(redis: aioredis.Redis) -> None:
    """The worker counts an address under its keyed pseudonym, never the address itself."""
    keys = SiteKeys("kediri", 4, "rahasia")
    await signals.gather(redis, [(keys, stored("halo", ip=IP))])
    names = b" ".join(as_bytes(name) for name in await redis.keys("*:rate:ip:*"))
    assert keys.pseudonym(IP).encode() in names
    assert IP.encode() not in names
    assert hashlib.sha256(IP.encode()).hexdigest()[:16].encode() not in names


@pytest.mark.anyio
async def test_the_services_and_the_privacy_commands_use_one_key(
    redis: aioredis.Redis, settings: Settings
) -> None:
    """What the worker counts under, the erasure command deletes under: the same pseudonym."""
    keyed = settings.replace(pseudonym_key="rahasia")
    await Sites(redis, keyed).create("kediri", "Kediri")
    by_service = Sites(redis, keyed).keys_for("kediri")
    by_command = await cli_privacy._keys(redis, keyed, "kediri")
    assert by_service.pseudonym(IP) == by_command.pseudonym(IP)


def test_serve_makes_a_key_once_readable_by_its_owner_only(tmp_path: Path) -> None:
    """The first ``serve`` writes a key into the data dir; later starts read the same one."""
    settings = Settings(data_dir=tmp_path)
    first = pseudonyms.settled(settings, create=True).pseudonym_key
    again = pseudonyms.settled(settings, create=True).pseudonym_key
    assert len(first) >= 40 and first == again
    assert stat.S_IMODE((tmp_path / pseudonyms.KEY_FILE).stat().st_mode) == 0o600


def test_other_commands_find_the_key_of_serves_data_dir(tmp_path: Path) -> None:
    """``sites``, ``worker``, ``privacy`` on serve's store read its key and never make one."""
    settings = Settings(data_dir=tmp_path)
    assert pseudonyms.settled(settings).pseudonym_key == ""
    assert not (tmp_path / pseudonyms.KEY_FILE).exists()
    made = pseudonyms.settled(settings, create=True).pseudonym_key
    assert pseudonyms.settled(settings).pseudonym_key == made


def test_a_configured_key_wins_and_an_external_store_leaves_the_data_dir_alone(
    tmp_path: Path,
) -> None:
    """``MODERATION_PSEUDONYM_KEY`` is used as given; with a store URL nothing is written."""
    given = Settings(data_dir=tmp_path, pseudonym_key="dari-secret")
    assert pseudonyms.settled(given, create=True).pseudonym_key == "dari-secret"
    external = Settings(data_dir=tmp_path, redis_url="redis://127.0.0.1:6379")
    assert pseudonyms.settled(external, create=True).pseudonym_key == ""
    assert not (tmp_path / pseudonyms.KEY_FILE).exists()
