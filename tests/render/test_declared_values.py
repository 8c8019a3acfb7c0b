"""Declared values shown as written: free-text durations and a translated site name."""

from __future__ import annotations

import textwrap

from docutils import nodes

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.render.charter import Renderer
from sphinx_cookiecharter.render.options import RenderOptions

DECLARATION = """\
site: {en: The Example handbook, fr: Le manuel d'Example}
consent:
  manage_url: "#settings"
  duration: {en: until you change it, fr: jusqu'à ce que vous le changiez}
cookies:
  - name: a
    provider: P
    category: statistics
    purpose: x
    duration: {en: 1 week to 1 year, fr: 1 semaine à 1 an}
  - name: b
    provider: P
    category: statistics
    purpose: y
    duration: 1 Year
"""


def render(language: str) -> list[nodes.Node]:
    result = parse_declaration(textwrap.dedent(DECLARATION), source="d.yaml")
    assert result.ok, result.diagnostics
    options = RenderOptions(language=language, columns=("name", "duration"))
    return Renderer(result.declaration, options).charter()


def text_of(result: list[nodes.Node]) -> str:
    return " ".join(" ".join(node.astext() for node in result).split())


def test_free_text_durations_are_shown_as_written_in_the_build_language():
    for language, free, fixed in (
        ("en", "1 week to 1 year", "1 year"),
        ("fr", "1 semaine à 1 an", "1\u00a0an"),
    ):
        (table,) = [t for node in render(language) for t in node.findall(nodes.table)]
        cells = [row[1].astext() for row in table.findall(nodes.row)][1:]
        assert cells == [free, fixed]


def test_free_text_duration_cells_keep_their_source_for_translators():
    (table,) = [t for node in render("en") for t in node.findall(nodes.table)]
    cell = list(table.findall(nodes.row))[1][1][0]
    assert (cell.source, cell.line) == ("d.yaml", 10)


def test_a_translated_site_name_follows_the_build_language():
    assert "Le manuel d'Example" in text_of(render("fr"))
    assert "The Example handbook" in text_of(render("en"))
    assert "Le manuel" not in text_of(render("en"))


def test_a_free_text_choice_duration_is_shown_as_written():
    assert "until you change it" in text_of(render("en"))
    assert "jusqu'à ce que vous le changiez" in text_of(render("fr"))
