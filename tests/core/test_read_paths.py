"""libyaml and PyYAML's own parser give the same data, positions and problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import yaml

from sphinx_cookiecharter.core.load import load_declaration
from sphinx_cookiecharter.core.read import ReadError, read_text
from tests.paths import DECLARATIONS, DOCS, EXAMPLES

if TYPE_CHECKING:
    from pathlib import Path

YAML_FILES = sorted(
    path for path in DECLARATIONS.rglob("*") if path.suffix in (".yaml", ".yml")
) + sorted(DOCS.rglob("*.yaml"))

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")


def read_both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    def outcome() -> object:
        try:
            tree = read_text(text, "yaml")
        except ReadError as error:
            return ("error", error.message, error.line, error.column, error.kind)
        return (tree.data, tree.positions)

    fast = outcome()
    with monkeypatch.context() as patch:
        patch.setattr(yaml, "__with_libyaml__", False)
        slow = outcome()
    return fast, slow


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: path.name)
def test_same_outcome_with_and_without_libyaml(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    fast, slow = read_both(text, monkeypatch)
    assert fast == slow


def test_the_pure_python_parser_reads_a_whole_declaration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    result = load_declaration(EXAMPLES / "model-fr.yaml")
    assert result.ok
    assert result.declaration is not None
    assert [cookie.name for cookie in result.declaration.cookies] == [
        "sessionid",
        "django_language",
        "csrftoken",
        "cookies_preferences",
    ]
