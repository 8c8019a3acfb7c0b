"""The ``changes`` section: the declared history, newest first, after ``updated``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from sphinx_cookiecharter.api import parse
from tests.sphinxext.doctrees import charter_sections, plain, titles
from tests.sphinxext.test_errors import warning_lines

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp


def test_the_declaration_reads_its_changes():
    result = parse(
        "changes:\n"
        "  - {date: 2026-01-02, description: {en: A., fr: B.}, cookies: [a, 'b_*']}\n"
        "  - {date: 2025-13-01, description: Bad date.}\n"
        "  - {date: 0000-01-01, description: Year zero.}\n"
        "  - {description: No date.}\n"
        "cookies: []\n",
        source="c.yaml",
    )
    (change,) = result.declaration.changes
    assert change.date.isoformat() == "2026-01-02"
    assert change.description.translations == (("en", "A."), ("fr", "B."))
    assert change.cookies == ("a", "b_*")
    assert change.position.line == 2
    assert [str(d) for d in result.diagnostics] == [
        "c.yaml:3:6: error: changes[1].date: '2025-13-01' is not a valid date (expected an "
        "ISO 8601 date such as 2026-11-28)",
        "c.yaml:4:6: error: changes[2].date: '0000-01-01' is not a valid date (expected an "
        "ISO 8601 date such as 2026-11-28)",
        "c.yaml:5:5: error: changes[3].date: required field is missing (expected an ISO 8601 "
        "date such as 2026-11-28)",
    ]


@pytest.fixture
def charter(build: Callable[..., SphinxTestApp]) -> Callable[..., SphinxTestApp]:
    return lambda **kwargs: build("changes", **kwargs)


def test_the_section_comes_last_newest_first(charter: Callable[..., SphinxTestApp]) -> None:
    app = charter()
    assert warning_lines(app) == []
    sections = charter_sections(app)
    assert titles(sections)[-3:] == [
        "Last update",
        "Changes to this charter",
        "Changes to this charter",
    ]
    section = sections[-2]
    entries = section.next_node(nodes.definition_list)
    assert [plain(item[0].astext()) for item in entries] == [
        "28 November 2026",
        "1 March 2026",
        "15 June 2025",
    ]
    first = entries[0][1]
    assert [plain(p.astext()) for p in first.findall(nodes.paragraph)] == [
        "The audience measurement cookies are set only with your consent.",
        "The old tracker is gone.",
        "Cookies concerned: _xa, _xa_* and old_tracker.",
    ]
    assert [plain(p.astext()) for p in entries[1][1].findall(nodes.paragraph)] == [
        "The language cookie now lasts a year.",
        "Cookie concerned: lang.",
    ]
    assert len(list(entries[2][1].findall(nodes.paragraph))) == 1


def test_names_link_to_their_rows_when_shown(charter: Callable[..., SphinxTestApp]) -> None:
    app = charter()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<a class="reference internal" href="#cookie-xa"><code' in html
    assert '<a class="reference internal" href="#cookie-xa-any"><code' in html
    # A removed cookie has no row; the second view has no anchors at all.
    sections = charter_sections(app)
    linked = [ref["refid"] for ref in sections[-2].findall(nodes.reference)]
    assert linked == ["cookie-xa", "cookie-xa-any", "cookie-lang"]
    assert list(sections[-1].findall(nodes.reference)) == []
    assert "old_tracker" in sections[-1].astext()


def test_in_french(charter: Callable[..., SphinxTestApp]) -> None:
    app = charter(confoverrides={"language": "fr"})
    section = charter_sections(app)[-2]
    assert plain(section[0].astext()) == "Modifications de cette charte"
    entries = section.next_node(nodes.definition_list)
    assert plain(entries[0][0].astext()) == "28 novembre 2026"
    assert [plain(p.astext()) for p in entries[0][1].findall(nodes.paragraph)] == [
        "Les cookies de mesure d'audience ne sont déposés qu'avec votre consentement.",
        "Cookies concernés\N{NO-BREAK SPACE}: _xa, _xa_* et old_tracker.",
    ]


def test_the_text_builder_reads_well(charter: Callable[..., SphinxTestApp]) -> None:
    app = charter(buildername="text")
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    start = text.index("Changes to this charter")
    assert text[start:].splitlines()[:8] == [
        "Changes to this charter",
        "=======================",
        "",
        "28 November 2026",
        "   The audience measurement cookies are set only with your consent.",
        "",
        "   The old tracker is gone.",
        "",
    ]


def test_left_out_with_sections_and_absent_without_changes(
    charter: Callable[..., SphinxTestApp], build: Callable[..., SphinxTestApp]
) -> None:
    app = charter(confoverrides={"cookiecharter_sections": ["usage", "updated"]})
    assert "Changes to this charter" not in titles(charter_sections(app))[:2]
    basic = build("basic")
    assert "Changes to this charter" not in titles(charter_sections(basic))


def test_a_text_of_its_own_comes_before_the_entries(charter: Callable[..., SphinxTestApp]) -> None:
    app = charter(confoverrides={"cookiecharter_texts": {"changes": "Our history."}})
    section = charter_sections(app)[-2]
    assert plain(section[1].astext()) == "Our history."
    assert isinstance(section[2], nodes.definition_list)
