"""The charter in a real browser, in the five most used themes, on a wide screen and on a
phone: no sideways page scroll, captions in view, names broken only at their separators,
numbers kept with their units, shared column widths, and nothing for axe-core to report.

Each theme's project is built once for the module; one Chromium serves the whole session.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

import pytest

from tests.paths import ROOTS, TESTS
from tests.sphinxext.builds import build_once
from tests.sphinxext.checks import axe_violations

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

THEMES = ["alabaster", "furo", "sphinx_rtd_theme", "pydata_sphinx_theme", "sphinx_book_theme"]
#: A desktop window and a phone (an iPhone 12 to 15 is 390 px wide).
WIDTHS = {1280: 900, 390: 844}
PAGES = ("short", "ocd")
OCD = TESTS / "data" / "open-cookie-database" / "ocd.yaml"

#: Everything measured in the page, in one pass.
MEASURE = """() => {
  const viewport = document.documentElement.clientWidth;
  const rect = (element) => element.getBoundingClientRect();
  const result = {
    page: {scrollWidth: document.documentElement.scrollWidth, clientWidth: viewport},
    regions: [], brokenPieces: [], overflowingNames: [], splitUnits: [], emptyCells: [],
    underlined: [], headerWidths: [],
  };
  for (const region of document.querySelectorAll(".cookiecharter-region")) {
    const caption = region.querySelector("caption .caption-text");
    const box = rect(caption);
    result.regions.push({
      label: region.getAttribute("aria-label"), role: region.getAttribute("role"),
      tabIndex: region.tabIndex, scrolls: region.scrollWidth > region.clientWidth,
      captionLeft: box.left - rect(region).left, captionRight: box.right,
    });
    const table = region.querySelector("table");
    const headers = [...table.querySelectorAll("th")];
    result.headerWidths.push(headers.map((th) => Math.round(rect(th).width)));
  }
  const names = ".cookiecharter-region :is(td.cookiecharter-name, td.cookiecharter-domain) code";
  for (const code of document.querySelectorAll(names)) {
    const cell = code.closest("td");
    const right = rect(cell).right - parseFloat(getComputedStyle(cell).paddingRight) + 1;
    for (const piece of code.querySelectorAll(".pre")) {
      if (piece.getClientRects().length !== 1) result.brokenPieces.push(piece.textContent);
      if (rect(piece).right > right) result.overflowingNames.push(code.textContent);
    }
  }
  for (const cell of document.querySelectorAll(".cookiecharter-region td.cookiecharter-duration")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\d+\\u00a0\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size !== 1) result.splitUnits.push(match[0]);
      }
    }
  }
  for (const empty of document.querySelectorAll(".cookiecharter-region .cookiecharter-empty")) {
    const dash = empty.querySelector(".cookiecharter-dash");
    const label = empty.querySelector(".cookiecharter-empty-label");
    result.emptyCells.push({
      hidden: dash.getAttribute("aria-hidden"), label: label.textContent,
      labelWidth: rect(label).width, dashWidth: rect(dash).width,
    });
  }
  for (const link of document.querySelectorAll(".cookiecharter-region a:not(.headerlink)")) {
    result.underlined.push(getComputedStyle(link).textDecorationLine.includes("underline"));
  }
  return result;
}"""


@pytest.fixture(scope="module", params=THEMES)
def theme(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The print project (a short charter, the Open Cookie Database's long tables) built
    with one theme."""
    name = request.param
    srcdir = tmp_path_factory.mktemp(name) / "src"
    shutil.copytree(ROOTS / "test-print", srcdir)
    shutil.copy(OCD, srcdir / "ocd.yaml")
    app = build_once(
        srcdir,
        "html",
        confoverrides={"html_theme": name, "suppress_warnings": ["cookiecharter.duplicate"]},
    )
    assert app.warning.getvalue() == ""
    return name, app.outdir


@pytest.fixture(params=sorted(WIDTHS), ids=lambda width: f"{width}px")
def page(chromium: Any, theme: tuple[str, Path], request: pytest.FixtureRequest) -> Iterator[Any]:
    width = request.param
    page = chromium.new_page(viewport={"width": width, "height": WIDTHS[width]})
    page.theme, page.outdir = theme
    yield page
    page.close()


def measure(page: Any, document: str) -> dict[str, Any]:
    page.goto((page.outdir / f"{document}.html").as_uri())
    result: dict[str, Any] = page.evaluate(MEASURE)
    return result


@pytest.mark.parametrize("document", PAGES)
def test_layout(page: Any, document: str) -> None:
    found = measure(page, document)
    where = f"{page.theme} at {page.viewport_size['width']} px, {document}"
    # The page never scrolls sideways: a table too wide scrolls in its own region.
    assert found["page"]["scrollWidth"] <= found["page"]["clientWidth"], where
    regions = found["regions"]
    assert regions, where
    for region in regions:
        assert region["role"] == "region" and region["label"], where
        assert region["tabIndex"] == 0, where
        # The caption's words are in view, from the region's left edge.
        assert region["captionLeft"] >= -1, where
        assert region["captionRight"] <= found["page"]["clientWidth"] + 1, where
    # Names break only between their pieces, never inside one, and stay in their cell.
    assert found["brokenPieces"] == [], where
    assert found["overflowingNames"] == [], where
    assert found["splitUnits"] == [], where
    # Empty cells: a dash hidden from screen readers, "not given" hidden from the eye.
    assert found["emptyCells"], where
    for empty in found["emptyCells"]:
        assert empty["hidden"] == "true" and empty["label"] == "not given", where
        assert empty["labelWidth"] <= 1 < empty["dashWidth"], where
    # Links are underlined (the short charter's providers link to their policies).
    assert all(found["underlined"]), where
    assert found["underlined"] or document != "short", where
    # One charter's tables share their column widths.
    widths = found["headerWidths"]
    charter = widths[:5] if document == "short" else widths[:3]
    assert all(row == charter[0] for row in charter), (where, widths)


@pytest.mark.parametrize("document", PAGES)
def test_axe_reports_nothing_in_or_around_the_charter(page: Any, document: str) -> None:
    page.goto((page.outdir / f"{document}.html").as_uri())
    violations = axe_violations(page)
    assert violations == [], f"{page.theme} at {page.viewport_size['width']} px: {violations}"
