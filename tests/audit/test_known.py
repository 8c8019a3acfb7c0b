"""The Open Cookie Database snapshot shipped for the audit, and --suggest fragments."""

from __future__ import annotations

import csv

import yaml

from sphinx_cookiecharter.audit.known import (
    CSV,
    DATA,
    MIN_PREFIX,
    SNAPSHOT,
    Suggestion,
    count,
    lookup,
    suggest,
)
from sphinx_cookiecharter.core.load import parse_declaration


def test_the_snapshot_ships_with_its_licence_and_attribution() -> None:
    assert "Apache License" in (DATA / "LICENSE").read_text(encoding="utf-8")
    notice = (DATA / "NOTICE.md").read_text(encoding="utf-8")
    assert SNAPSHOT["commit"] in notice
    assert SNAPSHOT["date"] in notice
    assert "Apache License" in notice
    assert count() == 2264


def test_exact_names() -> None:
    ga = lookup("_ga")
    assert ga is not None
    assert (ga.platform, ga.controller, ga.category) == ("Google Analytics", "Google", "Analytics")
    assert "Open Cookie Database 2026-01-21" in ga.summary()


def test_wildcard_entries_are_prefixes_and_the_longest_wins() -> None:
    known = lookup("_pk_id.1.a1b2")
    # Both "_pk_id" (Matomo) and "_pk_id." (Piwik PRO) are prefixes: the longer wins.
    assert known is not None and known.wildcard and known.name == "_pk_id."
    assert lookup("_pk_idX").name == "_pk_id"  # type: ignore[union-attr]
    assert lookup("_ga_ABCDEF").name == "_ga_"  # type: ignore[union-attr]


def test_too_short_prefixes_describe_nothing() -> None:
    with CSV.open(encoding="utf-8", newline="") as stream:
        short = [
            row["Cookie / Data Key name"]
            for row in csv.DictReader(stream)
            if row["Wildcard match"] == "1" and len(row["Cookie / Data Key name"]) < MIN_PREFIX
        ]
    assert "SR" in short
    assert lookup("SRfoo") is None
    assert lookup("no-such-cookie-anywhere") is None


def test_durations_from_retention() -> None:
    assert str(lookup("_ga").duration()) == "2 years"  # type: ignore[union-attr]
    assert str(lookup("_gid").duration()) == "24 hours"  # type: ignore[union-attr]


def test_a_suggested_fragment_is_a_valid_declaration() -> None:
    items = [
        Suggestion("_gid", "cookie", "first", "docs.example.org", ("/a.html",), lookup("_gid")),
        Suggestion("_ga_X1", "cookie", "first", "docs.example.org", ("/a.html",), lookup("_ga_X1")),
        Suggestion("_ga_X2", "cookie", "first", "docs.example.org", ("/b.html",), lookup("_ga_X2")),
        Suggestion("_fbp", "cookie", "third", ".facebook.com", ("/a.html",), lookup("_fbp")),
        Suggestion("mine", "local-storage", "first", "docs.example.org", ("/a.html",), None),
    ]
    text = suggest(items, target="https://docs.example.org/")
    result = parse_declaration(text, "yaml", source="suggested.yaml")
    assert result.diagnostics == ()
    assert result.declaration is not None
    cookies = {cookie.name: cookie for cookie in result.declaration.cookies}
    assert list(cookies) == ["_gid", "_ga_*", "_fbp"]  # _ga_X1 and _ga_X2: one entry
    assert cookies["_gid"].category == "statistics"
    assert cookies["_gid"].provider.name == "Google"
    assert str(cookies["_gid"].duration) == "24 hours"
    assert (cookies["_fbp"].party, cookies["_fbp"].domain) == ("third", "facebook.com")
    assert cookies["_fbp"].category == "marketing"
    assert "# - name: mine  # local-storage" in text  # unknown: for the reviewer
    assert "Open Cookie Database, snapshot of 2026-01-21" in text


def test_a_fragment_of_unknown_items_only() -> None:
    text = suggest([Suggestion("x", "cookie", "first", "h", ("/",), None)], target="t")
    assert yaml.safe_load(text) == {"version": 1, "cookies": []}
