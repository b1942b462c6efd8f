"""One signed delivery to a host's endpoint, the Standard Webhooks way, and what came of it.

The request goes to the address ``ssrf.target`` checked, with the URL's host kept as Host
and TLS server name; redirects are never followed (a 3xx is a failure), the whole exchange
has one deadline, and at most ``MAX_BODY`` bytes of the answer are read.
"""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import enum
import ipaddress
import time
from collections.abc import Sequence

import httpx

from moderation import signing, ssrf
from moderation.errors import Conflict
from moderation.store.endpoints import Endpoints, Registered
from moderation.store.events import EventType

MAX_BODY = 64 * 1024
RETRY_AFTER = frozenset({429, 502, 503, 504})
USER_AGENT = "moderation-webhooks/1"
MAX_ENDPOINTS = 20  # per site: each event is one delivery per endpoint


class TooManyEndpoints(Conflict):
    """The site already has ``MAX_ENDPOINTS`` endpoints."""


class Outcome(enum.StrEnum):
    DELIVERED = "delivered"  # 2xx in time
    FAILED = "failed"  # another status (3xx included), or the connection failed
    TIMEOUT = "timeout"
    GONE = "gone"  # 410: the host wants no more; the endpoint is disabled
    REFUSED = "refused"  # the URL no longer passes the SSRF check


@dataclasses.dataclass(frozen=True, slots=True)
class Attempt:
    outcome: Outcome
    status: int | None = None
    retry_after: float | None = None  # seconds, when a 429/502/503/504 said
    error: str = ""
    seconds: float = 0.0

    @property
    def summary(self) -> str:
        return f"{self.outcome} {self.status}" if self.status else f"{self.outcome} {self.error}"


def signature_header(keys: Sequence[bytes], message_id: str, timestamp: int, body: bytes) -> str:
    """Every current key's signature, space-separated (both during a rotation)."""
    return " ".join(signing.sign(k, message_id, timestamp, body) for k in keys)


def retry_after(value: str | None, now: float) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit() and len(value) < 10:
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@dataclasses.dataclass(frozen=True, slots=True)
class Guard:
    """What the SSRF check allows, and who resolves names."""

    resolver: ssrf.Resolver = ssrf.system_resolver
    allow_http: bool = False
    allow_private: bool = False

    async def target(self, url: str) -> ssrf.Target:
        return await ssrf.target(
            url,
            resolver=self.resolver,
            allow_http=self.allow_http,
            allow_private=self.allow_private,
        )


class Sender:
    """Posts signed events with one shared client (``Deliverer`` owns it)."""

    def __init__(self, http: httpx.AsyncClient, guard: Guard, timeout: float) -> None:
        self._http = http
        self._guard = guard
        self._timeout = timeout

    async def send(self, url: str, keys: Sequence[bytes], message_id: str, body: bytes) -> Attempt:
        started = time.monotonic()
        try:
            async with asyncio.timeout(self._timeout):
                attempt = await self._send(url, keys, message_id, body)
        except TimeoutError:
            attempt = Attempt(Outcome.TIMEOUT, error=f"no answer within {self._timeout:g}s")
        except ssrf.Refused as exc:
            attempt = Attempt(Outcome.REFUSED, error=str(exc))
        except httpx.HTTPError as exc:
            attempt = Attempt(Outcome.FAILED, error=f"{type(exc).__name__}: {exc}"[:300])
        return dataclasses.replace(attempt, seconds=time.monotonic() - started)

    async def _send(self, url: str, keys: Sequence[bytes], message_id: str, body: bytes) -> Attempt:
        target = await self._guard.target(url)  # resolved and checked again for every request
        timestamp = int(time.time())
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "host": target.host_header,
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature_header(keys, message_id, timestamp, body),
        }
        extensions = {} if _is_address(target.host) else {"sni_hostname": target.host}
        request = self._http.build_request(
            "POST", target.url, content=body, headers=headers, extensions=extensions
        )
        response = await self._http.send(request, stream=True, follow_redirects=False)
        try:
            await _drain(response)
        finally:
            await response.aclose()
        return _judge(response)


async def _drain(response: httpx.Response) -> None:
    """Read at most ``MAX_BODY`` bytes of the answer, then stop."""
    read = 0
    async for chunk in response.aiter_raw():
        read += len(chunk)
        if read >= MAX_BODY:
            break


def _judge(response: httpx.Response) -> Attempt:
    status = response.status_code
    if 200 <= status < 300:
        return Attempt(Outcome.DELIVERED, status)
    if status == 410:
        return Attempt(Outcome.GONE, status)
    wait = None
    if status in RETRY_AFTER:
        wait = retry_after(response.headers.get("retry-after"), time.time())
    return Attempt(Outcome.FAILED, status, retry_after=wait)


async def register(
    endpoints: Endpoints, guard: Guard, site_id: str, url: str, kinds: Sequence[EventType]
) -> Registered:
    """Add an endpoint if its URL passes the SSRF check now (it is checked again per connect)."""
    if len(await endpoints.ids(site_id)) >= MAX_ENDPOINTS:
        raise TooManyEndpoints(f"a site has at most {MAX_ENDPOINTS} endpoints")
    await ssrf.addresses(
        url, resolver=guard.resolver, allow_http=guard.allow_http, allow_private=guard.allow_private
    )
    return await endpoints.add(site_id, url, kinds)
