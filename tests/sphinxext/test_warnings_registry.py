"""Every warning subtype the extension gives is in the registry the docs are made from."""

from __future__ import annotations

import ast
from typing import get_args

from sphinx_cookiecharter.core.diagnostics import Kind
from sphinx_cookiecharter.sphinxext.warnings import SUBTYPES
from tests.paths import PACKAGE


def subtypes_given() -> set[str]:
    """The subtypes named in the code: the diagnostic kinds, and the second argument of
    every call of a ``warn`` function or method given as a literal."""
    found = set(get_args(Kind))
    for path in (PACKAGE / "sphinxext").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            subtype = node.args[1]
            if name == "warn" and isinstance(subtype, ast.Constant):
                found.add(subtype.value)
    found.add("config")  # config._warn names it once for all its messages
    return found


def test_every_subtype_given_is_described() -> None:
    described = {subtype.name for subtype in SUBTYPES}
    assert subtypes_given() <= described


def test_no_subtype_is_described_twice() -> None:
    names = [subtype.name for subtype in SUBTYPES]
    assert len(names) == len(set(names))
