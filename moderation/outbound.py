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

import httpx


class PerHost(httpx.AsyncBaseTransport):
    """A connection pool per ``Host`` header, made on first use and kept for the client's life
    (hosts come from registered endpoints; an idle pool's connections expire after 5 s)."""

    def __init__(self) -> None:
        # one CA bundle for every pool: loading it costs milliseconds of CPU
        self._tls: ssl.SSLContext = httpx.create_ssl_context(trust_env=False)
        self._pools: dict[str, httpx.AsyncHTTPTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._pool(request.headers["host"]).handle_async_request(request)

    def _pool(self, host: str) -> httpx.AsyncHTTPTransport:
        pool = self._pools.get(host)
        if pool is None:
            pool = httpx.AsyncHTTPTransport(verify=self._tls, trust_env=False)
            self._pools[host] = pool
        return pool

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.aclose()


def client(timeout: float) -> httpx.AsyncClient:
    """The client a deliverer owns; ``timeout`` bounds each phase of an exchange."""
    return httpx.AsyncClient(
        transport=PerHost(), follow_redirects=False, trust_env=False, timeout=timeout
    )
