"""Registrable domains, parties and declared domains, from the Public Suffix List."""

from __future__ import annotations

import pytest

from sphinx_cookiecharter.audit.domains import covers, is_ip, party, registrable_domain


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("www.example.co.uk", "example.co.uk"),
        ("docs.example.org", "example.org"),
        (".example.org", "example.org"),
        ("project.readthedocs.io", "project.readthedocs.io"),  # a private suffix
        ("a.b.project.readthedocs.io", "project.readthedocs.io"),
        ("readthedocs.io", "readthedocs.io"),  # a suffix is its own site
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]", "::1"),
        ("localhost", "localhost"),
        ("WWW.Example.ORG.", "example.org"),
    ],
)
def test_registrable_domain(host: str, site: str) -> None:
    assert registrable_domain(host) == site


def test_parties() -> None:
    assert party("static.example.org", "docs.example.org") == "first"
    assert party(".example.org", "docs.example.org") == "first"
    assert party("other.readthedocs.io", "mine.readthedocs.io") == "third"
    assert party("localhost", "127.0.0.1") == "third"
    assert party("127.0.0.1", "127.0.0.1") == "first"
    assert party("www.google-analytics.com", "docs.example.org") == "third"


@pytest.mark.parametrize(
    ("domain", "host", "expected"),
    [
        (".example.org", "example.org", True),
        (".example.org", "www.example.org", True),
        ("example.org", "www.example.org", True),  # a leading dot changes nothing
        ("example.org", ".example.org", True),
        ("example.org", "badexample.org", False),
        ("www.example.org", "example.org", False),
        ("127.0.0.1", "127.0.0.1", True),
        ("0.0.1", "127.0.0.1", False),  # no suffix matching on addresses
        ("", "example.org", False),
    ],
)
def test_a_declared_domain_covers_itself_and_its_subdomains(
    domain: str, host: str, expected: bool
) -> None:
    assert covers(domain, host) is expected


def test_addresses() -> None:
    assert is_ip("127.0.0.1")
    assert is_ip("[::1]")
    assert not is_ip("localhost")
