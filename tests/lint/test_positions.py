"""Findings are placed at the part of the file they are about, in YAML, TOML and JSON.

``positions/parts.*`` hold one declaration written in the three formats, with a fault in
each kind of part: the top of the file (no ``updated``), the controller, the consent
mapping, a provider, a category, a cookie and a cookie's ``lint`` settings.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from sphinx_cookiecharter.core.load import load_declaration
from sphinx_cookiecharter.lint import lint

HERE = Path(__file__).parent / "positions"
RULES = {"CK025", "CK019", "CK021", "CK030", "CK004", "CK001", "CK036"}

#: (rule, line, column) of each finding, by format. YAML places a mapping at its key
#: (an entry of a list at its first key); TOML at the table's header line; JSON at the
#: value's opening brace.
EXPECTED = {
    "yaml": [
        ("CK025", 1, 1),  # the file
        ("CK019", 2, 1),  # controller:
        ("CK021", 5, 1),  # consent:
        ("CK030", 8, 3),  # providers.us-ads
        ("CK004", 14, 3),  # categories.comfort
        ("CK001", 18, 5),  # the cookie _ads
        ("CK036", 30, 5),  # the cookie size's lint:
    ],
    "toml": [
        ("CK025", 1, 1),
        ("CK019", 3, 1),  # [controller]
        ("CK021", 7, 1),  # [consent]
        ("CK030", 10, 1),  # [providers.us-ads]
        ("CK004", 16, 1),  # [categories.comfort]
        ("CK001", 20, 1),  # [[cookies]]
        ("CK036", 36, 1),  # [cookies.lint]
    ],
    "json": [
        ("CK025", 1, 1),
        ("CK019", 3, 17),
        ("CK021", 7, 14),
        ("CK030", 11, 15),
        ("CK004", 19, 16),
        ("CK001", 22, 5),
        ("CK036", 34, 15),
    ],
}


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
def test_each_part_is_located_in_each_format(fmt: str) -> None:
    path = HERE / f"parts.{fmt}"
    result = load_declaration(path)
    assert result.ok, result.diagnostics
    found = lint(result.declaration, select=RULES, on=datetime.date(2026, 11, 29))
    assert [(f.rule, f.line, f.column) for f in found] == EXPECTED[fmt]
    assert {f.file for f in found} == {str(path)}
    lines = path.read_text(encoding="utf-8").splitlines()
    # The line named is where the part starts: its key, its table or its value.
    for rule, line, _ in EXPECTED[fmt][1:]:
        text = lines[line - 1]
        assert any(
            word in text
            for word in (
                "controller",
                "consent",
                "us-ads",
                "comfort",
                "_ads",
                "cookies",
                "lint",
                "{",
                "name",
            )
        ), rule


def test_the_three_formats_give_the_same_findings() -> None:
    day = datetime.date(2026, 11, 29)
    messages = {
        fmt: [
            (f.rule, f.cookie, f.message)
            for f in lint(load_declaration(HERE / f"parts.{fmt}").declaration, on=day)
        ]
        for fmt in EXPECTED
    }
    assert messages["yaml"] == messages["toml"] == messages["json"]
