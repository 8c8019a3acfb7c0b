"""MyST Markdown and reStructuredText give the same doctree (one shared snapshot)."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

import pytest

from tests.paths import SNAPSHOTS

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

pytest.importorskip("myst_parser")

SNAPSHOT = SNAPSHOTS / "myst-charter.xml"


def normalized_doctree(app: SphinxTestApp) -> str:
    """The page's doctree as XML, without what depends on the file or the versions."""
    text = app.env.get_doctree("index").pformat()
    text = re.sub(r' source="[^"]*"', "", text)
    text = re.sub(r' translation_progress="[^"]*"', "", text)
    # docutils 0.22 writes booleans as "1" and "0", older versions as "True", "False".
    text = re.sub(r'="False"', '="0"', text)
    return re.sub(r'="True"', '="1"', text)


@pytest.mark.parametrize("root", ["myst-rst", "myst-md"])
def test_same_doctree_from_rst_and_myst(build: Callable[..., SphinxTestApp], root: str) -> None:
    app = build(root, "xml")
    assert app.warning.getvalue() == ""
    doctree = normalized_doctree(app)
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(doctree, encoding="utf-8")
    assert doctree == SNAPSHOT.read_text(encoding="utf-8")
