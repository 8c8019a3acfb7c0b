"""The declarations the documentation shows are valid."""

from __future__ import annotations

import re

from sphinx_cookiecharter.core.load import parse_declaration
from tests.paths import DOCS


def test_the_complete_example_of_the_reference_is_valid():
    page = (DOCS / "reference" / "declaration.md").read_text(encoding="utf-8")
    example = page[page.index("## A complete example") :]
    (block,) = re.findall(r"```yaml\n(.*?)```", example, re.DOTALL)
    result = parse_declaration(block, source="declaration.md")
    assert result.diagnostics == ()
    declaration = result.declaration
    assert declaration.controller.privacy_policy
    assert declaration.consent.granular is True
    assert {p.role for p in declaration.providers} == {"processor", "controller"}
    assert any(c.exemption for c in declaration.cookies)
    assert any(c.duration and c.duration.kind == "text" for c in declaration.cookies)
