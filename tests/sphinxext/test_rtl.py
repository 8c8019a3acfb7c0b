"""Right to left: a Hebrew charter in a real browser and in a compiled PDF.

The test root ``test-rtl`` (Hebrew) shows a charter of its own (Latin provider names,
``_st_id.*``, a purpose given once in English, a list of two providers) and the docs'
``docs-site.yaml``, whose texts are all in English. Built once per theme for the module;
one Chromium serves the session. In the browser, at 1280 and 390 px: the charter's
sections, captions and cells run from the right, Latin names keep their order and
punctuation, a table too wide scrolls from its right edge, and axe-core finds nothing.
In the PDF (LuaLaTeX with babel, as the root's conf.py and docs/howto/languages.md set
it): the columns run from the right, Hebrew reads right to left, Latin names left to
right with their punctuation in place.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from tests.paths import EXAMPLES, ROOTS
from tests.sphinxext.builds import build_once
from tests.sphinxext.checks import axe_violations, latexmk

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

THEMES = ["alabaster", "furo"]
WIDTHS = {1280: 900, 390: 844}


def copy_root(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    srcdir = tmp_path_factory.mktemp(name) / "src"
    shutil.copytree(ROOTS / "test-rtl", srcdir)
    shutil.copy(EXAMPLES / "docs-site.yaml", srcdir / "docs-site.yaml")
    return srcdir


# --- HTML, in Chromium ---------------------------------------------------------------------

#: Where things are on the page, in one pass. ``charBox`` is the box of the character at
#: ``index`` of an element's text: it says in which order a run of characters was laid out.
MEASURE = """() => {
  const rect = (element) => element.getBoundingClientRect();
  const textBox = (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect();
  };
  const charBox = (element, index) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (index < node.data.length) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect();
      }
      index -= node.data.length;
    }
    return null;
  };
  const order = (element, first, last) => {
    const text = element.textContent;
    const a = charBox(element, text.indexOf(first));
    const b = charBox(element, text.lastIndexOf(last));
    return {text, first: a.left, last: b.left, top: a.top, lastTop: b.top};
  };
  const result = {
    page: {scrollWidth: document.documentElement.scrollWidth,
           clientWidth: document.documentElement.clientWidth},
    sections: [], regions: [], names: [], declared: [], lists: [],
  };
  for (const section of document.querySelectorAll(".cookiecharter-section")) {
    const box = rect(section);
    const heading = section.querySelector("h1, h2, h3, h4, h5, h6");
    result.sections.push({
      direction: getComputedStyle(section).direction,
      lang: section.closest("[lang]").getAttribute("lang"),
      headingGap: box.right - textBox(heading).right,
      paragraphGaps: [...section.querySelectorAll(":scope > p")].map(
        (p) => box.right - textBox(p).right),
    });
  }
  for (const region of document.querySelectorAll(".cookiecharter-region")) {
    const box = rect(region);
    const table = region.querySelector("table");
    const caption = region.querySelector("caption .caption-text");
    const cells = [...table.querySelector("tbody tr").children].map(rect);
    const headers = [...table.querySelectorAll("thead th")];
    result.regions.push({
      dir: region.getAttribute("dir"),
      direction: getComputedStyle(table).direction,
      scrolls: region.scrollWidth > region.clientWidth,
      captionGap: box.right - rect(caption).right,
      firstHeader: headers[0].textContent,
      cellLefts: cells.map((cell) => cell.left),
      firstCellGap: box.right - cells[0].right,
      firstCellInView: cells[0].left >= box.left - 1 && cells[0].right <= box.right + 1,
      lastCellInView: cells.at(-1).left >= box.left - 1,
      cellGaps: [...table.querySelectorAll("tbody td p")].map((p) => {
        const padding = parseFloat(getComputedStyle(p).paddingRight);
        return rect(p).right - padding - textBox(p).right;
      }),
    });
  }
  const names = ".cookiecharter-region td.cookiecharter-name code";
  for (const code of document.querySelectorAll(names)) {
    const text = code.textContent;
    result.names.push(order(code, text[0], text.at(-1)));
  }
  for (const p of document.querySelectorAll(".cookiecharter-region p.cookiecharter-isolate")) {
    const text = p.textContent.trim();
    result.declared.push(order(p, text[0], text.at(-1)));
  }
  const filled = ".cookiecharter-section p > .cookiecharter-isolate";
  for (const span of document.querySelectorAll(filled)) {
    if (span.textContent === "Stats Co.") {
      const items = [...span.parentElement.querySelectorAll(":scope > .cookiecharter-isolate")];
      const other = items.find((item) => item.textContent === "Video Player Inc.");
      result.lists.push({
        own: order(span, "S", "."),
        otherRight: other ? rect(other).right : null,
        otherTop: other ? rect(other).top : null,
        right: rect(span).right,
        top: rect(span).top,
      });
    }
  }
  return result;
}"""


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Hebrew project built with one theme."""
    name = request.param
    app = build_once(copy_root(tmp_path_factory, name), "html", confoverrides={"html_theme": name})
    assert app.warning.getvalue() == ""
    return name, app.outdir


@pytest.fixture(params=sorted(WIDTHS), ids=lambda width: f"{width}px")
def page(chromium: Any, site: tuple[str, Path], request: pytest.FixtureRequest) -> Iterator[Any]:
    width = request.param
    page = chromium.new_page(viewport={"width": width, "height": WIDTHS[width]})
    page.theme, page.outdir = site
    yield page
    page.close()


def measure(page: Any, document: str) -> tuple[dict[str, Any], str]:
    page.goto((page.outdir / f"{document}.html").as_uri())
    where = f"{page.theme} at {page.viewport_size['width']} px, {document}"
    return page.evaluate(MEASURE), where


@pytest.mark.parametrize("document", ["index", "docs-site"])
def test_the_charter_runs_from_the_right(page: Any, document: str) -> None:
    found, where = measure(page, document)
    assert found["page"]["scrollWidth"] <= found["page"]["clientWidth"], where
    assert found["sections"], where
    for section in found["sections"]:
        assert section["direction"] == "rtl" and section["lang"] == "he", where
        # Headings and paragraphs start at the section's right edge.
        assert abs(section["headingGap"]) < 2, (where, section)
        assert section["paragraphGaps"], where
        assert all(abs(gap) < 2 for gap in section["paragraphGaps"]), (where, section)
    assert found["regions"], where
    for region in found["regions"]:
        assert region["dir"] == "rtl" and region["direction"] == "rtl", where
        assert region["firstHeader"] == "ספק", where
        # The caption and the first column (the provider) stand at the right edge, the
        # other columns to their left, in order.
        assert abs(region["captionGap"]) < 2, (where, region)
        assert abs(region["firstCellGap"]) < 2, (where, region)
        lefts = region["cellLefts"]
        assert lefts == sorted(lefts, reverse=True), (where, lefts)
        # Every cell's text, a Latin one too, lines up at the right edge of its cell.
        assert all(abs(gap) < 2 for gap in region["cellGaps"]), (where, region["cellGaps"])
        # A table wider than the phone scrolls in its region, from its right edge: the
        # first column is in view, the last one is not.
        assert region["firstCellInView"], where
        if region["scrolls"]:
            assert not region["lastCellInView"], where
    if page.viewport_size["width"] == 390:
        assert any(region["scrolls"] for region in found["regions"]), where


@pytest.mark.parametrize("document", ["index", "docs-site"])
def test_latin_names_and_texts_keep_their_order_and_punctuation(page: Any, document: str) -> None:
    found, where = measure(page, document)
    # Cookie names read left to right ("_st_id.*", not "*.st_id_").
    assert found["names"], where
    for name in found["names"]:
        assert name["first"] < name["last"] or name["text"] == name["text"][0], (where, name)
    # A text given once, in English (a purpose, a service), ends at its right (with its
    # full stop, when it has one).
    assert found["declared"], where
    for text in found["declared"]:
        if text["top"] == text["lastTop"]:
            assert text["first"] < text["last"], (where, text)
        else:  # the full stop on a later line: still at the end of the text
            assert text["lastTop"] > text["top"], (where, text)


def test_a_list_of_latin_names_runs_from_the_right(page: Any) -> None:
    found, where = measure(page, "index")
    assert found["lists"], where
    for item in found["lists"]:
        # "Stats Co." keeps its full stop after "Co"; in the list of the two providers,
        # it comes first, so at the right of "Video Player Inc." when both share a line.
        assert item["own"]["first"] < item["own"]["last"], (where, item)
        if item["otherRight"] is not None and item["top"] == item["otherTop"]:
            assert item["right"] > item["otherRight"], (where, item)


@pytest.mark.parametrize("document", ["index", "docs-site"])
def test_axe_reports_nothing_in_the_hebrew_charter(page: Any, document: str) -> None:
    page.goto((page.outdir / f"{document}.html").as_uri())
    violations = axe_violations(page)
    assert violations == [], f"{page.theme} at {page.viewport_size['width']} px: {violations}"


# --- PDF, with LuaLaTeX ----------------------------------------------------------------------

LUALATEX = shutil.which("lualatex") and shutil.which("latexmk") and shutil.which("pdftotext")
#: A word of ``pdftotext -bbox``: its left and right, its top and bottom, its text.
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> list[list[tuple[float, float, str]]]:
    """The Hebrew project compiled with LuaLaTeX: each page's words, as laid out (their
    left and right edges and their text; a Hebrew word may come letter by letter)."""
    if not LUALATEX:
        reason = "the Hebrew PDF needs lualatex and latexmk (TeX Live), and pdftotext"
        print(f"Hebrew PDF test skipped: {reason}")
        pytest.skip(reason)
    app = build_once(copy_root(tmp_path_factory, "pdf"), "latex")
    assert app.warning.getvalue() == ""
    outdir = app.outdir
    latexmk(outdir, "exampledocs", "-pdflua")
    log = (outdir / "exampledocs.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "exampledocs.pdf", "-"],
        cwd=outdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = []
    for chunk in boxes.split("<page ")[1:]:
        words = [
            (float(left), (float(top) + float(bottom)) / 2, float(right), text)
            for left, top, right, bottom, text in WORD.findall(chunk)
        ]
        pages.append(lines_of(words))
    return pages


def lines_of(words: list[tuple[float, float, float, str]]) -> list[list[tuple[float, float, str]]]:
    """Words grouped by line (their middles within 4 pt), each line from left to right."""
    lines: list[tuple[float, list[tuple[float, float, str]]]] = []
    for left, middle, right, text in sorted(words, key=lambda word: word[1]):
        if lines and abs(lines[-1][0] - middle) < 4:
            lines[-1][1].append((left, right, text))
        else:
            lines.append((middle, [(left, right, text)]))
    return [sorted(line) for _, line in lines]


def seen(line: list[tuple[float, float, str]]) -> str:
    """A line as the eye sees it, from left to right (a space where letters stand apart)."""
    text = ""
    end = None
    for left, right, word in line:
        if end is not None and left - end > 1.5:
            text += " "
        text += word
        end = right
    return text


def read(pdf: list[list[tuple[float, float, str]]]) -> list[str]:
    return [seen(line) for page in pdf for line in page]


def test_hebrew_pdf_latin_names_keep_their_order_and_punctuation(
    pdf: list[list[tuple[float, float, str]]],
) -> None:
    lines = read(pdf)
    text = "\n".join(lines)
    # Left to right inside the right-to-left charter: names, providers, an English purpose.
    for name in ("_st_id.*", "session_id", "Stats Co.", "Video Player Inc.", "apart."):
        assert name in text, name
    # The engine's own bidi algorithm alone would have moved the punctuation to the left
    # (a full stop at the left of a name is the Hebrew sentence's, when the name has its
    # own at its right).
    for wrong in (r"\*\.st_id_", r"\.Stats Co(?!\.)", r"\.Video Player Inc(?!\.)", r"\.apart"):
        assert re.search(wrong, text) is None, wrong
    # The docs' example declaration too (its texts are all English).
    assert "_xa_gid" in text and "refused." in text


def test_hebrew_pdf_runs_from_the_right(pdf: list[list[tuple[float, float, str]]]) -> None:
    lines = read(pdf)
    # Read from the right, Hebrew lines come back in the order they were written: a
    # section's title, and a table's header row with the provider's column first.
    backwards = [line[::-1] for line in lines]
    assert any("סוגי העוגיות" in line for line in backwards), backwards
    header = next(line for line in backwards if "ספק" in line and "מטרה" in line)
    assert header.index("ספק") < header.index("שם העוגייה") < header.index("מטרה"), header
    # The sentence with the list: Hebrew from the right, the first provider's name at the
    # right of the second's.
    listing = next(line for line in lines if "Stats Co." in line and "Video Player Inc." in line)
    assert listing.index("Video Player Inc.") < listing.index("Stats Co."), listing
    # Paragraphs line up at the right margin: most lines of the pages end there.
    rights = [round(line[-1][1]) for page in pdf for line in page if len(line) > 5]
    margin = max(set(rights), key=rights.count)
    assert rights.count(margin) > len(rights) / 3, rights
