"""Hosts, registrable domains and parties, from the Public Suffix List (offline).

The list is the copy the ``publicsuffixlist`` package ships: nothing is fetched. A site's
*registrable domain* is its public suffix plus one label (``docs.example.co.uk`` →
``example.co.uk``); two hosts with the same registrable domain are the same site, so a
cookie or a storage origin is first party when its host's registrable domain is the
audited site's. An IP address, ``localhost`` or a host that is itself a public suffix is
its own registrable domain (``127.0.0.1`` and ``localhost`` are two sites, as browsers
hold them).
"""

from __future__ import annotations

import ipaddress
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

    from ..core.model import Party


@cache
def _list() -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList  # noqa: PLC0415 (optional, loaded once)

    return PublicSuffixList()


def normalize(host: str) -> str:
    """A host or cookie domain as compared: lower case, no leading or trailing dot,
    no brackets around an IPv6 address."""
    return host.strip().lower().strip(".").removeprefix("[").removesuffix("]")


def is_ip(host: str) -> bool:
    """True for an IPv4 or IPv6 address."""
    try:
        ipaddress.ip_address(normalize(host))
    except ValueError:
        return False
    return True


@cache
def registrable_domain(host: str) -> str:
    """The site a host belongs to: its registrable domain, or the host itself when it
    has none (an IP address, ``localhost``, a public suffix)."""
    host = normalize(host)
    if not host or is_ip(host):
        return host
    return _list().privatesuffix(host) or host


def party(host: str, site_host: str) -> Party:
    """``first`` when ``host`` belongs to the same site as ``site_host``, else ``third``."""
    return "first" if registrable_domain(host) == registrable_domain(site_host) else "third"


def covers(domain: str, host: str) -> bool:
    """True when a declared ``domain`` covers ``host``: the same host or a subdomain of it.

    A leading dot makes no difference, as for the ``Domain`` attribute of a cookie
    (RFC 6265, section 5.2.3): ``.example.org`` and ``example.org`` both cover
    ``example.org`` and ``www.example.org``.
    """
    domain, host = normalize(domain), normalize(host)
    if not domain:
        return False
    return host == domain or (not is_ip(host) and host.endswith("." + domain))
