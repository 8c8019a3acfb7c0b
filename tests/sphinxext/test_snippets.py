"""The documentation's examples, in reStructuredText and in MyST, give the same doctree.

Every directive example the docs show lives in ``docs/snippets/`` in both spellings; the
pages include them. Each pair is built here with the docs' example declarations, and the
two doctrees must be the same, node for node.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.paths import DOCS, EXAMPLES

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SNIPPETS = DOCS / "snippets"
NAMES = sorted(path.stem for path in SNIPPETS.glob("*.rst"))


def test_every_snippet_has_both_spellings() -> None:
    assert NAMES
    assert sorted(path.stem for path in SNIPPETS.glob("*.md") if path.stem != "README") == NAMES


def test_every_snippet_is_shown_in_the_docs() -> None:
    pages = "\n".join(path.read_text(encoding="utf-8") for path in DOCS.rglob("*.md"))
    for name in NAMES:
        for suffix in ("rst", "md"):
            assert f"snippets/{name}.{suffix}" in pages, f"{name}.{suffix} is shown nowhere"


def page(name: str, suffix: str) -> str:
    """A page holding the snippet, with a heading unless the snippet has its own."""
    body = (SNIPPETS / f"{name}.{suffix}").read_text(encoding="utf-8")
    has_heading = body.startswith("#") or re.match(r"^\S.*\n=+\n", body)
    if has_heading:
        return body
    return ("Example\n=======\n\n" if suffix == "rst" else "# Example\n\n") + body


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """One project holding every snippet twice (``<name>-rst``, ``<name>-md``), built
    once to XML."""
    srcdir = tmp_path_factory.mktemp("snippets")
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, srcdir / example.name)
    shutil.copy(EXAMPLES / "docs-site.yaml", srcdir / "cookies.yaml")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_cookiecharter"]\n'
        'source_suffix = {".rst": "restructuredtext", ".md": "markdown"}\n',
        encoding="utf-8",
    )
    toctree = "\n".join(f"   {name}-{suffix}" for name in NAMES for suffix in ("rst", "md"))
    (srcdir / "index.rst").write_text(
        f"Snippets\n========\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8"
    )
    for name in NAMES:
        for suffix in ("rst", "md"):
            (srcdir / f"{name}-{suffix}.{suffix}").write_text(page(name, suffix), "utf-8")
    app = SphinxTestApp(
        "xml",
        srcdir=srcdir,
        confoverrides={"show_warning_types": True, "cookiecharter_lint": False},
    )
    app.build()
    yield {"app": app, "warnings": app.warning.getvalue()}  # type: ignore[dict-item]
    app.cleanup()


def normalized(app: SphinxTestApp, docname: str) -> str:
    """A page's doctree, without what depends on the file name or Sphinx's version."""
    text = app.env.get_doctree(docname).pformat()
    text = re.sub(r' (source|refdoc)="[^"]*"', "", text)
    text = re.sub(r' translation_progress="[^"]*"', "", text)
    text = re.sub(r'="False"', '="0"', text)
    text = re.sub(r'="True"', '="1"', text)
    # The parsers break a paragraph's lines into text nodes differently: compare the
    # nodes and the words, not where the lines break.
    return " ".join(text.split())


def test_the_snippets_build_without_a_warning(built: dict[str, object]) -> None:
    # Showing the same cookies on many pages: each snippet warns of the duplicate
    # anchors, which the docs avoid with :no-index:; nothing else may be said.
    lines = [line for line in str(built["warnings"]).splitlines() if line]
    assert [line for line in lines if "cookiecharter.duplicate" not in line] == []


@pytest.mark.parametrize("name", NAMES)
def test_rst_and_myst_give_the_same_doctree(built: dict[str, SphinxTestApp], name: str) -> None:
    app = built["app"]
    rst, md = normalized(app, f"{name}-rst"), normalized(app, f"{name}-md")
    assert "cookiecharter" in rst, "the snippet renders no charter"
    assert rst == md
