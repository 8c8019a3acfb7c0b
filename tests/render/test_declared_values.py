"""Declared values shown as written: free-text durations and a translated site name."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_cookiecharter.core.load import load_declaration, parse_declaration
from sphinx_cookiecharter.render.charter import Renderer
from sphinx_cookiecharter.render.options import RenderOptions
from tests.paths import ROOTS

if TYPE_CHECKING:
    from sphinx_cookiecharter.core.model import Declaration

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
        # A duration the extension writes keeps its number and unit together.
        ("en", "1 week to 1 year", "1\u00a0year"),
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


COLUMNS_DECLARATION = """\
providers:
  us:
    name: Analytics Co
    country: US
    safeguard: {en: EU-US Data Privacy Framework, fr: Cadre UE-États-Unis}
  de: {name: Hosting GmbH, country: DE}
  ch: {name: Swiss Maps, country: CH}
cookies:
  - {name: a, provider: us, category: statistics, purpose: x}
  - name: b
    provider: de
    category: necessary
    purpose: y
    exemption: {en: Keeps you signed in, fr: Vous garde connecté}
  - {name: c, provider: ch, category: marketing, purpose: z}
  - {name: d, provider: Someone, category: marketing, purpose: w}
"""


def column_rows(language: str) -> list[list[str]]:
    result = parse_declaration(COLUMNS_DECLARATION, source="d.yaml")
    assert result.ok, result.diagnostics
    options = RenderOptions(language=language, columns=("name", "consent", "country"))
    rows = []
    for table in Renderer(result.declaration, options).tables():
        for row in list(table.findall(nodes.row))[1:]:
            rows.append([" / ".join(p.astext() for p in entry.children) for entry in row])
    return rows


def test_consent_and_country_columns_in_english():
    assert column_rows("en") == [
        ["b", "Exempt from consent / Keeps you signed in", "Germany"],
        [
            "a",
            "Needs your consent",
            "United States / Outside the European Economic Area / "
            "Safeguard: EU-US Data Privacy Framework",
        ],
        ["c", "Needs your consent", "Switzerland / Outside the European Economic Area"],
        # No country declared: the empty cell's dash and the words read out for it.
        ["d", "Needs your consent", "\u2013not given"],
    ]


def test_consent_and_country_columns_in_french():
    assert column_rows("fr") == [
        ["b", "Exempté de consentement / Vous garde connecté", "Allemagne"],
        [
            "a",
            "Soumis à votre consentement",
            "États-Unis / Hors de l'Espace économique européen / "
            "Garantie\u00a0: Cadre UE-États-Unis",
        ],
        ["c", "Soumis à votre consentement", "Suisse / Hors de l'Espace économique européen"],
        ["d", "Soumis à votre consentement", "\u2013non renseigné"],
    ]


def test_the_eea_list():
    from sphinx_cookiecharter.core.eea import EEA, EU, outside_eea

    assert len(EU) == 27
    assert len(EEA) == 30
    assert {"IS", "LI", "NO"} <= EEA
    assert not {"GB", "CH", "US", "EL"} & EEA
    assert outside_eea("GB")
    assert not outside_eea("NO")
    assert not outside_eea(None)


def charter_text(declaration: Declaration | None, language: str) -> str:
    """The paragraphs of the whole charter in ``language``, one after the other."""
    assert declaration is not None
    renderer = Renderer(declaration, RenderOptions(language=language))
    return " ".join(
        paragraph.astext()
        for node in renderer.charter()
        for paragraph in node.findall(nodes.paragraph)
    )


def test_a_name_ending_with_a_full_stop_ends_the_sentence_once() -> None:
    """A provider called ``Stats Co.`` at the end of a sentence gives one full stop."""
    declaration = load_declaration(ROOTS / "test-rtl" / "cookies.yaml").declaration
    assert declaration is not None
    for language in ("en", "fr", "de"):
        text = charter_text(declaration, language)
        assert "Inc." in text
        assert "Co.." not in text
        assert "Inc.." not in text


ELLIPSIS_AND_EXCLAMATION = """\
version: 1
cookies:
  - name: theme
    provider: Site
    category: preferences
    consent: exempt
    purpose: Remembers the theme.
    exemption: "Only a display choice: light, dark, auto..."
  - name: _y
    provider: yahoo
    category: marketing
    purpose: Shows ads.
providers:
  yahoo: {name: Yahoo!, country: US, safeguard: "Standard contractual clauses, etc..."}
"""


def test_a_declared_ellipsis_or_exclamation_mark_closes_the_sentence_as_written() -> None:
    """An exemption or safeguard ending with an ellipsis keeps it (it lost its dots
    for one full stop); a name ending with ``!`` (``Yahoo!``) takes no full stop after
    it, as a name ending with ``.`` does not."""
    result = parse_declaration(ELLIPSIS_AND_EXCLAMATION, source="d.yaml")
    assert result.ok, result.diagnostics
    text = charter_text(result.declaration, "en")
    assert "light, dark, auto..." in text
    assert "auto...." not in text
    assert "clauses, etc..." in text
    assert "etc...." not in text
    assert "Yahoo!" in text
    assert "Yahoo!." not in text
