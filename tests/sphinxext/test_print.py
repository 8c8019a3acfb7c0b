"""The PDF: every table breaks across pages with its header, every name and row is whole.

Two compilations for the whole module: the English print project (a short charter, then
tables of 26, 40 and 30 long-named cookies from the Open Cookie Database, one of them with
every column) and the French model page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
import yaml

from sphinx_cookiecharter.render.widths import SEPARATORS
from sphinx_cookiecharter.sphinxext.adapt import LATEX_NO_HYPHENATION, LATEX_RAGGED
from tests.paths import EXAMPLES, ROOTS, TESTS
from tests.sphinxext.builds import build_once
from tests.sphinxext.checks import latexmk

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.skipif(
    shutil.which("latexmk") is None or shutil.which("pdftotext") is None,
    reason="needs latexmk (TeX Live) and pdftotext (poppler)",
)

OCD = TESTS / "data" / "open-cookie-database" / "ocd.yaml"
NAME_CHARACTERS = r"[\w\-.@*]"


def compile_pdf(outdir: Path, name: str) -> tuple[str, list[str], str]:
    """Compile ``name``.tex; the PDF's text, page by page, and the LaTeX log."""
    latexmk(outdir, name)
    text = subprocess.run(
        ["pdftotext", f"{name}.pdf", "-"], cwd=outdir, capture_output=True, text=True, check=True
    ).stdout
    log = (outdir / f"{name}.log").read_text(encoding="utf-8", errors="replace")
    return (outdir / f"{name}.tex").read_text(encoding="utf-8"), text.split("\f"), log


def rejoin(text: str) -> str:
    """The PDF's text with the names broken at a separator put back together."""
    return re.sub(rf"([{re.escape(SEPARATORS)}])\n(?=\S)", r"\1", text)


def count(name: str, text: str) -> int:
    """How many times ``name`` stands whole in ``text``, broken at a separator or not.

    A name that ends with a separator and stands above another at the end of a line
    would be joined to it: both spellings of the text are tried.
    """
    pattern = rf"(?<!{NAME_CHARACTERS}){re.escape(name)}(?!{NAME_CHARACTERS})"
    return max(len(re.findall(pattern, text)), len(re.findall(pattern, rejoin(text))))


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str], str, Path]:
    srcdir = tmp_path_factory.mktemp("print") / "src"
    shutil.copytree(ROOTS / "test-print", srcdir)
    shutil.copy(OCD, srcdir / "ocd.yaml")
    app = build_once(
        srcdir, "latex", confoverrides={"suppress_warnings": ["cookiecharter.duplicate"]}
    )
    assert app.warning.getvalue() == ""
    tex, pages, log = compile_pdf(app.outdir, "print")
    return tex, pages, log, srcdir


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str], str]:
    srcdir = tmp_path_factory.mktemp("model-fr") / "src"
    shutil.copytree(ROOTS / "test-model-fr", srcdir)
    shutil.copy(EXAMPLES / "model-fr.yaml", srcdir / "model-fr.yaml")
    app = build_once(srcdir, "latex", confoverrides={"latex_domain_indices": False})
    assert app.warning.getvalue() == ""
    return compile_pdf(app.outdir, "portail")


def test_every_table_is_a_longtable_with_given_widths(english: tuple) -> None:
    tex = english[0]
    tables = re.findall(r"\\begin\{(longtable|tabular|tabulary)\}(\{[^\n]*)", tex)
    # A short charter (5 tables), the OCD's three, and one view with every column.
    assert len(tables) == 9
    for kind, spec in tables:
        assert kind == "longtable"
        assert re.fullmatch(r"\{(\\X\{\d+\}\{\d+\})+\}", spec), spec


def test_every_row_and_every_whole_name_is_printed(english: tuple) -> None:
    _, pages, _, srcdir = english
    text = "\n".join(pages)
    declaration = yaml.safe_load((srcdir / "ocd.yaml").read_text(encoding="utf-8"))
    cookies = declaration["cookies"]
    assert len(cookies) == 96
    for cookie in cookies:
        # The marketing cookies are shown twice: in the OCD's charter, with every column
        # (a purpose may name a cookie too).
        shown = 2 if cookie["category"] == "marketing" else 1
        assert count(cookie["name"], text) >= shown, cookie["name"]
        if "domain" in cookie:
            assert count(cookie["domain"], text) >= shown, cookie["domain"]
    short = yaml.safe_load((srcdir / "cookies.yaml").read_text(encoding="utf-8"))
    for cookie in short["cookies"]:
        assert count(cookie["name"], text) >= 1, cookie["name"]


def test_providers_and_headers_are_never_hyphenated(english: tuple) -> None:
    _, pages, _, srcdir = english
    words = " ".join("\n".join(pages).split())
    declaration = yaml.safe_load((srcdir / "ocd.yaml").read_text(encoding="utf-8"))
    for provider in {cookie["provider"] for cookie in declaration["cookies"]}:
        assert provider in words, provider
    for header in ("Provider", "Service", "location", "Cookie", "name", "Purpose", "Duration"):
        assert re.search(rf"\b{header}\b", words), header
    assert not re.search(r"\b(Provi|Dura|Pur|Sto|Do)-\s", words)


def test_long_tables_repeat_their_header_on_the_next_page(english: tuple) -> None:
    pages = english[1]
    continued = [page for page in pages if "continued from previous page" in page]
    # The 40-row table and the long-name tables run over several pages.
    assert len(continued) >= 3
    for page in continued:
        assert "Provider" in page and "Purpose" in page


def test_no_overfull_box(english: tuple, french: tuple) -> None:
    for log in (english[2], french[2]):
        assert "Overfull" not in log, re.findall(r"Overfull.*\n.*", log)[:5]


def test_french_model_page_in_print(french: tuple) -> None:
    tex, pages, _ = french
    text = "\n".join(pages)
    for name in ("sessionid", "django_language", "csrftoken", "cookies_preferences"):
        assert count(name, text) == 1, name
    # Each header word whole (pdftotext may read a wrapped header's lines in any order).
    words = set(text.split())
    for header in ("Nom du prestataire", "Service et emplacement", "Nom du cookie", "Finalités"):
        assert set(header.split()) <= words, header
    assert not re.search(r"(presta|emplace|Finali)-\n", text)
    assert "\\begin{longtable}" in tex


def test_headers_and_providers_are_set_ragged_right(english: tuple) -> None:
    """A header or provider name that may not be hyphenated is set ragged right, so a
    narrow column does not stretch its spaces ("Service       and")."""
    tex = english[0]
    # Sphinx 7.4 writes a line's end after the header's font, later versions a space.
    cells = re.findall(r"\\sphinxstyletheadfamily\s+\\sphinxAtStartPar\n([^\n]*)", tex)
    assert cells, "no header cell found"
    assert all(cell.startswith("\\raggedright") for cell in cells), cells[:3]
    # And \\ ends a row again: Sphinx 7.4 writes a row's end inside its last cell.
    assert all(cell.startswith("\\raggedright\\arraybackslash") for cell in cells), cells[:3]


def test_every_cell_is_set_ragged_right(english: tuple, french: tuple) -> None:
    """Every body cell's paragraph starts ragged right: a justified cell a few words wide
    stretches its spaces ("Choix   concernant   vos" in the French service column). The
    provider's cell (a row's first) is also never hyphenated; the others may be."""
    whole = LATEX_NO_HYPHENATION
    for tex in (english[0], french[0]):
        bodies = re.findall(r"\\begin\{longtable\}.*?\\end\{longtable\}", tex, re.DOTALL)
        assert bodies, "no charter table found"
        for body in bodies:
            # After the header's \endlastfoot: rows end with \\, cells start with &.
            rows = re.split(r"\\\\\n", body.split("\\endlastfoot", 1)[-1])
            cells = [re.split(r"\n&", row) for row in rows]
            firsts = [paragraphs(row[0]) for row in cells]
            others = [paragraphs(cell) for row in cells for cell in row[1:]]
            assert sum(map(len, firsts)) >= 1 and sum(map(len, others)) >= 3, body[:300]
            for first in firsts:
                assert all(text.startswith(whole) for text in first), first
            for other in others:
                assert all(text.startswith(LATEX_RAGGED) for text in other), other


def paragraphs(cell: str) -> list[str]:
    """The first line of each paragraph of a LaTeX table cell."""
    return re.findall(r"\\sphinxAtStartPar\n([^\n]*)", cell)
