"""Outbound URLs that cannot reach inside: checked at registration and before every request.

An endpoint URL must be ``https`` (``http`` only when allowed), its host a name or a plain
dotted-quad or bracketed IPv6 literal (``0x7f.1``, ``017700000001`` and other inet_aton
spellings are refused), and every address the name resolves to must be public: no loopback,
private, link-local, CGNAT, multicast, reserved or unspecified address, nor one of those
wrapped in an IPv4-mapped, NAT64 (``64:ff9b::/96``) or 6to4 (``2002::/16``) address. The
deliverer connects to the address it checked (``Target``), so DNS rebinding cannot pass.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import re
import socket
import urllib.parse
from collections.abc import Awaitable, Callable, Sequence

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# host name → its addresses, as strings; injectable so tests decide what a name resolves to
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_6TO4 = ipaddress.ip_network("2002::/16")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
_DOTTED_QUAD = re.compile(rf"{_OCTET}(\.{_OCTET}){{3}}")
_NAME = re.compile(r"(?=.{1,253}\Z)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_-]{1,63}")


class Refused(ValueError):
    """The URL is not one the service will call, and why."""


@dataclasses.dataclass(frozen=True, slots=True)
class Target:
    """Where to connect (a checked address) and what to say there (the URL's host, for the
    Host header, SNI and the certificate check)."""

    url: str  # the URL with its host replaced by the checked address
    host: str  # the name to send as Host and as TLS server name
    host_header: str


async def system_resolver(host: str, port: int) -> Sequence[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [str(info[4][0]) for info in infos]


def embedded(address: Address) -> Address | None:
    """The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4), if any."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64 or address in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _6TO4:
        return address.sixtofour
    return None


def is_public(address: Address) -> bool:
    """Whether an address is one the public internet routes to a host of its own."""
    inner = embedded(address)
    if inner is not None:
        return is_public(inner)
    if address.is_multicast or address.is_unspecified or address.is_loopback:
        return False
    if address.is_link_local or address.is_private or address.is_reserved:
        return False
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return False
    return address.is_global


def _literal(host: str) -> Address | None:
    """The host as an IP address when it is one; refuses the spellings only inet_aton reads."""
    if host.startswith("["):
        try:
            return ipaddress.IPv6Address(host[1:-1].split("%", 1)[0])
        except ValueError:
            raise Refused(f"{host} is not an IPv6 address") from None
    if _DOTTED_QUAD.fullmatch(host):
        return ipaddress.IPv4Address(host)
    try:
        socket.inet_aton(host)
    except OSError:
        return None
    raise Refused(f"{host} spells an IPv4 address in octal, hex or short form")


def parse(url: str, *, allow_http: bool) -> urllib.parse.SplitResult:
    """The URL split, if its scheme, host and port are acceptable (addresses unchecked)."""
    parts = urllib.parse.urlsplit(url)
    schemes = ("https", "http") if allow_http else ("https",)
    if parts.scheme not in schemes:
        raise Refused("the URL must be https" + (" or http" if allow_http else ""))
    if parts.username is not None or parts.password is not None:
        raise Refused("the URL must not carry credentials")
    host = parts.netloc.rsplit("@", 1)[-1]
    host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    host = host.lower()
    try:
        port = parts.port
    except ValueError:
        raise Refused("the URL's port is not a number from 0 to 65535") from None
    if port == 0:
        raise Refused("the URL's port must not be 0")
    if not host or (_literal(host) is None and not _NAME.fullmatch(host.rstrip("."))):
        raise Refused("the URL's host is not a valid name or address")
    return parts


def _host_of(parts: urllib.parse.SplitResult) -> str:
    netloc = parts.netloc.lower()
    if netloc.startswith("["):
        return netloc.split("]", 1)[0] + "]"
    return netloc.rsplit(":", 1)[0] if ":" in netloc else netloc


async def addresses(
    url: str, *, resolver: Resolver, allow_http: bool, allow_private: bool
) -> tuple[urllib.parse.SplitResult, list[Address]]:
    """The URL's parts and every address its host names, each checked unless allowed."""
    parts = parse(url, allow_http=allow_http)
    host = _host_of(parts)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    literal = _literal(host)
    if literal is not None:
        found: list[Address] = [literal]
    else:
        try:
            raw = await resolver(host.rstrip("."), port)
        except (OSError, UnicodeError) as exc:
            raise Refused(f"{host} does not resolve ({exc})") from None
        found = [ipaddress.ip_address(a.split("%", 1)[0]) for a in raw]
        if not found:
            raise Refused(f"{host} does not resolve")
    if not allow_private:
        for address in found:
            if not is_public(address):
                raise Refused(f"{host} resolves to {address}, which is not a public address")
    return parts, found


async def target(url: str, *, resolver: Resolver, allow_http: bool, allow_private: bool) -> Target:
    """Where to connect for ``url``: its first checked address, with Host and SNI kept."""
    parts, found = await addresses(
        url, resolver=resolver, allow_http=allow_http, allow_private=allow_private
    )
    address = found[0]
    literal = f"[{address}]" if isinstance(address, ipaddress.IPv6Address) else str(address)
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    host = _host_of(parts)
    return Target(
        url=urllib.parse.urlunsplit(parts._replace(netloc=netloc)),
        host=host.strip("[]"),
        host_header=parts.netloc.rsplit("@", 1)[-1],
    )
