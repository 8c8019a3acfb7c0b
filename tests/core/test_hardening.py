"""Inputs found by review that once ended in a traceback or a wrong verdict."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from sphinx_cookiecharter.core import schema as validate
from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.i18n.languages import pick

if TYPE_CHECKING:
    from sphinx_cookiecharter.core.read import Format

COOKIE = "cookies:\n  - {name: a, provider: P, category: necessary, purpose: x}\n"


def lines(text: str, fmt: Format = "yaml") -> list[str]:
    return [str(d) for d in parse_declaration(text, fmt, source="d").diagnostics]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!bool maybe", "'maybe'"),
        ("!!int ''", "''"),
        ("!!float ''", "''"),
        ("!!timestamp ''", "''"),
    ],
)
def test_explicit_tags_with_bad_content_are_reported(value: str, shown: str) -> None:
    assert lines(f"version: {value}\n{COOKIE}") == [
        f"d:1:1: error: version: the string {shown} is not allowed (expected the format version 1)"
    ]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"version": 1' + "1" * 5000 + ', "cookies": []}', "json"),
        ("version = 1" + "1" * 5000 + "\ncookies = []\n", "toml"),
    ],
)
def test_integers_too_long_to_convert_are_reported(text: str, fmt: Format) -> None:
    found = lines(text, fmt)
    assert len(found) == 1
    assert found[0].startswith("d: error: a value cannot be read: Exceeds the limit")


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [
        ('{"site": "\\ud800", "cookies": []}', "json", "d:1:10"),
        ('site: "\\ud800"\ncookies: []\n', "yaml", "d:1:1"),
        ('{"cookies": [], "\\udfff": 1}', "json", "d:1:27"),
        # Not an escape: the text given to parse_declaration holds one itself.
        ('{"site": "\ud800", "cookies": []}', "json", "d:1:10"),
    ],
)
def test_lone_surrogates_are_refused(text: str, fmt: Format, where: str) -> None:
    assert lines(text, fmt) == [
        f"{where}: error: a text holds a lone surrogate code point (U+D800 to U+DFFF) "
        "(expected text made of whole Unicode characters)"
    ]


def test_a_date_every_validator_passes_but_python_cannot_hold() -> None:
    result = parse_declaration(f"updated: '0000-01-01'\n{COOKIE}", source="d")
    assert [str(d) for d in result.diagnostics] == [
        "d:1:1: error: updated: '0000-01-01' is not a valid date "
        "(expected an ISO 8601 date such as 2026-11-28)"
    ]
    assert result.declaration is not None
    assert result.declaration.updated is None


def _patterns(node: object) -> list[str]:
    """Every ``pattern`` of the schema, however deep."""
    if isinstance(node, list):
        return [pattern for item in node for pattern in _patterns(item)]
    if not isinstance(node, dict):
        return []
    found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
    return found + [pattern for value in node.values() for pattern in _patterns(value)]


@pytest.mark.parametrize("value", ["foo\n", "FR\n", "13 months\n", "en\n", "session\n", "_ga\n"])
def test_a_trailing_newline_never_passes_a_pattern(value: str) -> None:
    patterns = _patterns(validate.schema())
    assert len(patterns) >= 6  # id, country, duration, language code, two cookie names
    assert not any(re.search(pattern, value) for pattern in patterns)


def test_a_cookie_left_out_takes_no_name_from_a_valid_one() -> None:
    result = parse_declaration(
        "cookies:\n"
        "  - {name: a, provider: P, category: nope, purpose: x}\n"
        "  - {name: a, provider: P, category: necessary, purpose: y}\n",
        source="d",
    )
    assert [d.kind for d in result.diagnostics] == ["reference"]
    assert result.declaration is not None
    assert [pick(c.purpose, "en") for c in result.declaration.cookies] == ["y"]


def test_toml_lines_count_only_newlines() -> None:
    text = 'site = "A\u2028B"\n\n[[cookies]]\nname = "a"\nprovider = "P"\ncategory = "nope"\n'
    text += 'purpose = "x"\n'
    assert lines(text, "toml")[0].startswith("d:6:1: error: cookies[0].category")
