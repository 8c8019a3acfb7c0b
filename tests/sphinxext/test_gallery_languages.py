"""The gallery's charter in other languages: ``docs/examples/docs-site-languages.yaml``.

It is ``docs-site.yaml`` with every service, purpose and exemption given in English,
German, Polish, Japanese and Greek (``tools/screenshot.py`` photographs it for the
gallery). The tests keep it the same declaration as ``docs-site.yaml``, and check that a
build in each language shows the whole charter in that language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import yaml
from docutils import nodes

from tests.paths import EXAMPLES
from tests.sphinxext.doctrees import table_rows

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

MULTILINGUAL = "docs-site-languages.yaml"
LANGUAGES = ("en", "de", "pl", "ja", "el")
TEXTS = ("service", "purpose", "exemption")


def read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def test_it_is_docs_site_with_texts_per_language() -> None:
    multilingual = read(MULTILINGUAL)
    for cookie in multilingual["cookies"]:
        for key in TEXTS:
            if key in cookie:
                assert tuple(cookie[key]) == LANGUAGES, (cookie["name"], key)
                cookie[key] = cookie[key]["en"]
    assert multilingual == read("docs-site.yaml")


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_a_build_in_the_language_shows_its_texts(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path], language: str
) -> None:
    srcdir = project("model-fr", MULTILINGUAL)
    (srcdir / "index.rst").write_text(
        f"Cookies\n=======\n\n.. cookie-charter:: {MULTILINGUAL}\n"
        "   :columns: provider, service, name, purpose, duration\n",
        encoding="utf-8",
    )
    app = build("model-fr", srcdir=srcdir, confoverrides={"language": language})
    # Docutils has no Greek of its own (it says so); the extension has nothing to say.
    assert "cookiecharter" not in app.warning.getvalue()
    declared = {cookie["name"]: cookie for cookie in read(MULTILINGUAL)["cookies"]}
    tables = list(app.env.get_doctree("index").findall(nodes.table))
    rows = {row[2]: row for table in tables for row in table_rows(table)[1:]}
    assert set(rows) == set(declared)
    for name, row in rows.items():
        # table_rows types no-break spaces (Polish keeps one after a one-letter word) plainly.
        assert row[1] == declared[name]["service"][language].replace("\u00a0", " ")
        assert row[3] == declared[name]["purpose"][language].replace("\u00a0", " ")
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    # Texts in the page's language: none marked as another one.
    assert 'lang="en"' not in html
