"""Right to left: a Hebrew charter says its direction, and sets apart what it fills in.

The sections and tables of a charter in a language written right to left carry the
``cookiecharter-rtl`` class (from the CLDR's character order, through Babel); the names,
lists and values filled into its sentences, and the texts declared once for every
language, are marked to take the direction of their own first letter. A left-to-right
charter carries none of it. How browsers and LaTeX show it is tested in
``tests/sphinxext/test_rtl.py``.
"""

from __future__ import annotations

import textwrap

import pytest
from docutils import nodes

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.i18n.formatting import first_strong_direction, text_direction
from sphinx_cookiecharter.render.charter import Renderer
from sphinx_cookiecharter.render.nodes import ISOLATE, language_class
from sphinx_cookiecharter.render.options import RenderOptions

DECLARATION = textwrap.dedent(
    """\
    site: Example Docs
    providers:
      stats: {name: Stats Co., country: US, role: processor}
      video: {name: Video Player Inc., country: FR}
    cookies:
      - {name: sessionid, provider: Site, category: necessary, purpose: Keeps you signed in.}
      - name: _st_id.*
        provider: stats
        category: statistics
        party: third
        purpose: {he: מבחינה בין מבקרים., en: Tells visitors apart.}
      - {name: vid, provider: video, category: marketing, party: third, purpose: Remembers it.}
    """
)


def charter(language: str) -> list[nodes.Element]:
    result = parse_declaration(DECLARATION, source="case.yaml")
    assert result.declaration is not None
    renderer = Renderer(
        result.declaration,
        RenderOptions(language=language, columns=("provider", "name", "purpose")),
    )
    return [node for node in renderer.charter() if isinstance(node, nodes.Element)]


@pytest.mark.parametrize(
    ("language", "direction"),
    [("he", "rtl"), ("ar", "rtl"), ("fa", "rtl"), ("en", "ltr"), ("ja", "ltr"), (None, "ltr")],
)
def test_direction_comes_from_the_cldr(language: str | None, direction: str) -> None:
    assert text_direction(language) == direction


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("_st_id.*", "ltr"),
        ("Stats Co.", "ltr"),
        ("2026 ,מבחינה", "rtl"),
        ("(عربي) Latin", "rtl"),
        ("13 - .", None),
    ],
)
def test_first_strong_letter(text: str, direction: str | None) -> None:
    assert first_strong_direction(text) == direction


def test_a_hebrew_charter_says_it_is_right_to_left() -> None:
    found = charter("he")
    sections = [node for node in found if isinstance(node, nodes.section)]
    assert sections
    assert all("cookiecharter-rtl" in section["classes"] for section in sections)
    tables = [table for section in sections for table in section.findall(nodes.table)]
    assert len(tables) == 3
    assert all("cookiecharter-rtl" in table["classes"] for table in tables)


def test_filled_values_and_texts_given_once_are_set_apart() -> None:
    found = charter("he")
    isolated = [
        node.astext()
        for section in found
        for node in section.findall(nodes.Element)
        if ISOLATE in node["classes"]
    ]
    # The site's and the providers' names in sentences, each list item on its own.
    assert "Example Docs" in isolated
    assert "Stats Co." in isolated and "Video Player Inc." in isolated
    # A purpose given once (in English) takes its own direction; a Hebrew one does not
    # need to.
    assert "Keeps you signed in." in isolated
    assert "מבחינה בין מבקרים." not in isolated


def test_a_text_in_the_other_direction_says_so() -> None:
    assert language_class("en", "he") == ["language-en", "cookiecharter-ltr"]
    assert language_class("he", "en") == ["language-he", "cookiecharter-rtl"]
    assert language_class("fr", "en") == ["language-fr"]


def test_a_left_to_right_charter_is_left_alone() -> None:
    for node in charter("en"):
        for element in node.findall(nodes.Element):
            assert not {"cookiecharter-rtl", "cookiecharter-ltr", ISOLATE} & set(
                element["classes"]
            ), element
