"""Markup for every builder: unique ids, header scope, the scrolling region, names that
break at their separators, empty cells that say so, and lang on text in another language."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from sphinx_cookiecharter.render.widths import MIN_WIDTH, SCREEN_WIDTHS
from sphinx_cookiecharter.sphinxext.output import name_literal
from tests.paths import ROOTS
from tests.sphinxext.builds import build_once

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def duplicates(values: list[str]) -> list[str]:
    return [value for value, count in Counter(values).items() if count > 1]


@pytest.fixture(scope="module")
def ids_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One declaration shown on two pages, and twice on one of them."""
    srcdir = tmp_path_factory.mktemp("ids") / "src"
    shutil.copytree(ROOTS / "test-ids", srcdir)
    return srcdir


@pytest.mark.parametrize(
    ("buildername", "pages"),
    [
        ("html", ["index.html", "again.html"]),
        ("dirhtml", ["index.html", "again/index.html"]),
        ("singlehtml", ["index.html"]),
        ("epub", ["index.xhtml", "again.xhtml"]),
    ],
)
def test_ids_are_unique_on_every_html_page(
    ids_project: Path, buildername: str, pages: list[str]
) -> None:
    app = build_once(ids_project, buildername)
    assert app.warning.getvalue() == ""
    for page in pages:
        ids = [str(attrs["id"]) for _, attrs in elements(app.outdir / page) if attrs.get("id")]
        assert ids
        assert duplicates(ids) == [], page
        # Each charter's region is named apart from the other on the page.
        labels = [
            str(attrs["aria-label"])
            for _, attrs in elements(app.outdir / page)
            if attrs.get("role") == "region"
        ]
        assert labels and duplicates(labels) == [], page
    if buildername == "singlehtml":
        # Both pages' charters are on the single page, with their rows and sections.
        assert len(ids) > 40
        assert "cookie-session-id" in ids


def test_ids_are_unique_in_latex_and_texinfo(ids_project: Path) -> None:
    tex = (build_once(ids_project, "latex").outdir / "ids.tex").read_text(encoding="utf-8")
    labels = re.findall(r"\\label\{\\detokenize\{([^}]+)\}\}", tex)
    assert labels and duplicates(labels) == []
    texi = (build_once(ids_project, "texinfo").outdir / "ids.texi").read_text(encoding="utf-8")
    anchors = re.findall(r"@anchor\{([^}]+)\}", texi)
    nodes = re.findall(r"^@node (.*)$", texi, re.MULTILINE)
    assert anchors and duplicates(anchors) == []
    assert nodes and duplicates(nodes) == []


@pytest.fixture(scope="module")
def basic_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("basic") / "src"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    app = build_once(srcdir, "html")
    assert app.warning.getvalue() == ""
    return app.outdir / "index.html"


def test_tables_are_labelled_focusable_regions_with_scoped_headers(basic_html: Path) -> None:
    tags = elements(basic_html)
    regions = [attrs for tag, attrs in tags if tag == "div" and attrs.get("role") == "region"]
    assert [region["aria-label"] for region in regions] == [
        "Necessary cookies",
        "Preference cookies",
        "Statistics cookies",
        "Marketing cookies",
        "Social media cookies",
    ]
    for region in regions:
        assert region["tabindex"] == "0"
        assert "cookiecharter-region" in str(region["class"])
        assert re.fullmatch(r"--cookiecharter-min-width: \d+\.\dem", str(region["style"]))
    headers = [attrs for tag, attrs in tags if tag == "th"]
    assert len(headers) == 5 * 8
    assert all(attrs.get("scope") == "col" for attrs in headers)
    # Every table keeps its id (numbered figures and links need it).
    tables = [attrs for tag, attrs in tags if tag == "table"]
    assert [attrs["id"] for attrs in tables] == [
        "cookies-necessary",
        "cookies-preferences",
        "cookies-statistics",
        "cookies-marketing",
        "cookies-social",
    ]
    # One charter's tables share their column widths.
    html = basic_html.read_text(encoding="utf-8")
    colgroups = re.findall(r"<colgroup>(.*?)</colgroup>", html, re.DOTALL)
    assert len(colgroups) == 5 and len(set(colgroups)) == 1


def test_names_break_only_after_separators(basic_html: Path) -> None:
    html = basic_html.read_text(encoding="utf-8")
    assert '<span class="pre">session_</span><wbr/><span class="pre">id</span>' in html
    assert '<span class="pre">_</span><wbr/><span class="pre">st_*</span>' in html
    domain = re.search(r'<td class="cookiecharter-domain"><p><code[^>]*>(.*?)</code>', html)
    assert domain is not None
    assert domain.group(1) == "<wbr/>".join(
        f'<span class="pre">{piece}</span>' for piece in (".", "stats.", "example.", "com")
    )


def test_empty_cells_and_units(basic_html: Path) -> None:
    html = basic_html.read_text(encoding="utf-8")
    assert (
        '<span class="cookiecharter-empty"><span aria-hidden="true" class="cookiecharter-dash">'
        '\u2013</span><span class="cookiecharter-empty-label">not given</span></span>'
    ) in html
    # Numbers keep their unit on their line.
    assert "13\u00a0months" in html
    assert "1\u00a0year and 6\u00a0months" in html


def test_text_in_another_language_than_the_page_says_so(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    srcdir = tmp_path_factory.mktemp("languages") / "src"
    shutil.copytree(ROOTS / "test-languages", srcdir)
    html = (build_once(srcdir, "html").outdir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html
    # English and German fallbacks on a French page.
    assert '<p lang="en">Given in English only.</p>' in html
    assert '<p lang="de">Nur auf Deutsch</p>' in html
    # French texts, and a text given once for every language, need nothing.
    assert "<p>Retient votre langue.</p>" in html
    assert "<p>Écrit une fois pour toutes les langues.</p>" in html
    assert "non renseigné" in html
    # Declared words inside the extension's French sentences and cells: a safeguard and
    # an exemption given in English only.
    assert html.count('<span lang="en">Standard contractual clauses') == 2
    assert '<span lang="en">Anonymous counts for this site only' in html


def test_wording_without_a_catalog_is_marked_as_english(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    srcdir = tmp_path_factory.mktemp("esperanto") / "src"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    app = build_once(srcdir, "html", confoverrides={"language": "eo"})
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="eo"' in html
    sections = re.findall(r'<section class="cookiecharter-section[^"]*"[^>]*>', html)
    assert len(sections) == 6
    assert all('lang="en"' in section for section in sections)
    # A declared text taken to be in the page's language, inside the English wording.
    assert '<p lang="eo">Keeps you signed in from one page to the next (100% needed).</p>' in html


def test_the_screen_layout_is_measured_when_the_page_is_read(
    build: Callable[..., SphinxTestApp],
) -> None:
    """The widths and least width written come from the doctree, measured with the
    plain-text widths from the texts gathered as the cells were made: a page written
    again measures nothing."""
    app = build("basic")
    doctree = app.env.get_doctree("index")
    tables = [
        table for table in doctree.findall(nodes.table) if "cookiecharter" in table["classes"]
    ]
    assert tables
    first = tables[0]
    widths = first[SCREEN_WIDTHS]
    # One charter's tables share the layout; screens keep names' pieces, not whole
    # names, so their widths are not the plain-text ones.
    assert all(table[SCREEN_WIDTHS] == widths for table in tables)
    assert all(table[MIN_WIDTH] == first[MIN_WIDTH] for table in tables)
    text = [int(colspec["colwidth"]) for colspec in first.findall(nodes.colspec)]
    assert widths != text
    # The written page takes what the doctree says.
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    total = sum(widths)
    shown = re.findall(r'<col style="width: ([\d.]+)%" />', html)[: len(widths)]
    assert len(shown) == len(widths)
    for value, width in zip(shown, widths, strict=True):
        # Sphinx 7.4 writes whole percents, later ones a decimal.
        assert abs(float(value) - 100 * width / total) < 1
    assert f"--cookiecharter-min-width: {first[MIN_WIDTH]:.1f}em" in html


def test_a_table_made_without_a_screen_layout_is_measured_when_written(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("basic")

    def forget(_app: object, doctree: nodes.document) -> None:
        for table in doctree.findall(nodes.table):
            del table[SCREEN_WIDTHS]
            del table[MIN_WIDTH]

    with_layout = build("basic", srcdir=srcdir)
    html = (with_layout.outdir / "index.html").read_text(encoding="utf-8")
    with_layout.cleanup()
    without = build("basic", srcdir=srcdir, freshenv=True)
    without.connect("doctree-read", forget)
    without.build(force_all=True)
    again = (without.outdir / "index.html").read_text(encoding="utf-8")
    assert again.count('role="region"') == html.count('role="region"') == 5
    assert "--cookiecharter-min-width" in again


def test_a_name_is_one_node_however_many_breaks_it_gets(
    build: Callable[..., SphinxTestApp],
) -> None:
    """The breaks of a name are written with it, not made nodes of their own (a large
    charter would have tens of thousands more to write)."""
    app = build("basic")
    doctree = app.env.get_and_resolve_doctree("index", app.builder)
    names = list(doctree.findall(name_literal))
    assert "session_id" in {name.astext() for name in names}
    assert not [raw for raw in doctree.findall(nodes.raw) if "<wbr" in raw.astext()]
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<span class="pre">session_</span><wbr/><span class="pre">id</span>' in html
