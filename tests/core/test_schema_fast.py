"""The optional fast validator agrees with jsonschema on every declaration we have."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_cookiecharter.core import schema as validate
from sphinx_cookiecharter.core.load import format_for
from sphinx_cookiecharter.core.read import ReadError, read_text
from tests.paths import DECLARATIONS, DOCS

pytest.importorskip("jsonschema_rs")


def readable_declarations() -> dict[str, Any]:
    """The data of every test and example declaration that reads without error."""
    paths = [
        path for path in DECLARATIONS.rglob("*") if path.is_file() and format_for(path)
    ] + list(DOCS.rglob("*.yaml"))
    found = {}
    for path in sorted(paths):
        try:
            text = path.read_text(encoding="utf-8-sig")
            found[path.name] = read_text(text, format_for(path)).data  # type: ignore[arg-type]
        except (ReadError, UnicodeDecodeError):
            continue  # refused before any validator sees it
    return found


READABLE = readable_declarations()


def slow_verdict(data: Any) -> bool:
    return not any(True for _ in validate._validator().iter_errors(data))


def test_both_kinds_of_declaration_are_compared() -> None:
    verdicts = [slow_verdict(data) for data in READABLE.values()]
    assert verdicts.count(True) >= 5
    assert verdicts.count(False) >= 30


@pytest.mark.parametrize("name", sorted(READABLE))
def test_both_validators_agree_on_every_file(name: str) -> None:
    data = READABLE[name]
    assert validate._surely_valid(data) == slow_verdict(data)


FIELDS = [
    "name",
    "provider",
    "category",
    "purpose",
    "service",
    "duration",
    "party",
    "storage",
    "domain",
    "consent",
    "purpse",
]
VALUES = st.one_of(
    st.sampled_from(
        [
            "necessary",
            "statistics",
            "first",
            "third",
            "cookie",
            "pixel",
            "session",
            "13 months",
            "P1Y6M",
            "P",
            "exempt",
            "x",
            "",
        ]
    ),
    st.integers(-3, 3),
    st.none(),
    st.booleans(),
    st.dictionaries(
        st.sampled_from(["en", "fr", "pt_BR", "x", "EN"]), st.sampled_from(["text", ""]), max_size=3
    ),
)
COOKIES = st.lists(st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=8), max_size=4)
TOP = st.fixed_dictionaries(
    {"cookies": COOKIES},
    optional={
        "version": st.sampled_from([1, 2, "1"]),
        "updated": st.sampled_from(["2026-11-28", "2026-02-30", "yesterday", 5]),
        "site": st.sampled_from(["", "Site", 3]),
        "providers": st.dictionaries(
            st.sampled_from(["ok", "Bad", "1x"]),
            st.dictionaries(
                st.sampled_from(["name", "country"]), st.sampled_from(["FR", "fr", "N"])
            ),
        ),
    },
)


@settings(max_examples=600, deadline=None)
@given(TOP)
def test_both_validators_agree_on_random_declarations(data: dict[str, Any]) -> None:
    assert validate._surely_valid(data) == slow_verdict(data)
