"""The deliverer's HTTP client: kept-alive connections, one pool per host.

A delivery's URL carries the address ``ssrf.target`` checked, not the host name, and httpx
matches a kept-alive connection by the URL's scheme, address and port alone: in one pool, a TLS
connection opened (and its certificate checked) for one name would carry requests for another
name at the same address. So each ``Host`` gets a pool of its own: a connection only ever
carries requests for the host it was opened for, to the address checked for that request.
Redirects are never followed; proxies from the environment are not used either, since they
would connect somewhere other than the checked address.
"""

from __future__ import annotations

import ssl
from collections import Counter, OrderedDict

import httpx


class PerHost(httpx.AsyncBaseTransport):
    """A connection pool per ``Host`` header, made on first use (an idle pool's connections
    expire after 5 s). Hosts come from registered endpoints, which change over a deliverer's
    life: beyond ``most`` pools, the least recently used one with no request in flight is
    closed, so pools for endpoints long gone do not pile up."""

    def __init__(self, most: int = 256) -> None:
        # one CA bundle for every pool: loading it costs milliseconds of CPU
        self._tls: ssl.SSLContext = httpx.create_ssl_context(trust_env=False)
        self._most = most
        self._pools: OrderedDict[str, httpx.AsyncHTTPTransport] = OrderedDict()
        self._busy: Counter[str] = Counter()  # requests in flight per host

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.headers["host"]
        pool = self._pool(host)
        self._busy[host] += 1
        try:
            return await pool.handle_async_request(request)
        finally:
            self._busy[host] -= 1
            if not self._busy[host]:
                del self._busy[host]
            await self._evict()

    def _pool(self, host: str) -> httpx.AsyncHTTPTransport:
        pool = self._pools.get(host)
        if pool is None:
            pool = httpx.AsyncHTTPTransport(verify=self._tls, trust_env=False)
            self._pools[host] = pool
        self._pools.move_to_end(host)
        return pool

    def hosts(self) -> list[str]:
        """The hosts with a pool, least recently used first."""
        return list(self._pools)

    async def _evict(self) -> None:
        if len(self._pools) <= self._most:
            return
        idle = [host for host in self._pools if host not in self._busy]
        for host in idle[: max(0, len(self._pools) - self._most)]:
            await self._pools.pop(host).aclose()

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), OrderedDict()
        for pool in pools:
            await pool.aclose()


def client(timeout: float) -> httpx.AsyncClient:
    """The client a deliverer owns; ``timeout`` bounds each phase of an exchange."""
    return httpx.AsyncClient(
        transport=PerHost(), follow_redirects=False, trust_env=False, timeout=timeout
    )
