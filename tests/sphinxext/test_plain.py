"""Plain text, man and Texinfo: names and domains whole, tables within 80 columns where
the content allows it, no hyphenation by groff."""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
import yaml

from sphinx_cookiecharter.render.widths import pieces
from tests.paths import ROOTS, TESTS
from tests.sphinxext.builds import build_once

if TYPE_CHECKING:
    from pathlib import Path

OCD = TESTS / "data" / "open-cookie-database" / "ocd.yaml"


@pytest.fixture(scope="module")
def srcdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("plain") / "src"
    shutil.copytree(ROOTS / "test-print", srcdir)
    shutil.copy(OCD, srcdir / "ocd.yaml")
    return srcdir


def cookies(srcdir: Path, filename: str) -> list[dict[str, str]]:
    data = yaml.safe_load((srcdir / filename).read_text(encoding="utf-8"))
    return list(data["cookies"])


def built(srcdir: Path, buildername: str) -> Path:
    app = build_once(
        srcdir, buildername, confoverrides={"suppress_warnings": ["cookiecharter.duplicate"]}
    )
    assert app.warning.getvalue() == ""
    return app.outdir


def table_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("|", "+"))]


def test_text_keeps_every_name_whole_within_80_columns(srcdir: Path) -> None:
    outdir = built(srcdir, "text")
    short = (outdir / "short.txt").read_text(encoding="utf-8")
    # The short charter's four columns fit 80 characters.
    assert table_lines(short)
    assert max(map(len, table_lines(short))) <= 80
    for cookie in cookies(srcdir, "cookies.yaml"):
        assert f'"{cookie["name"]}"' in short, cookie["name"]
    ocd = (outdir / "ocd.txt").read_text(encoding="utf-8")
    for cookie in cookies(srcdir, "ocd.yaml"):
        # The text builder quotes literals: a name split over two lines would lose them.
        assert f'"{cookie["name"]}"' in ocd, cookie["name"]
        if "domain" in cookie:
            assert f'"{cookie["domain"]}"' in ocd, cookie["domain"]
    # A provider's name is never split inside a word either.
    words = set(ocd.replace("|", " ").split())
    for cookie in cookies(srcdir, "ocd.yaml"):
        for word in cookie["provider"].split():
            assert word in words, cookie["provider"]


def test_man_page_names_break_only_at_separators_and_nothing_is_hyphenated(
    srcdir: Path,
) -> None:
    outdir = built(srcdir, "man")
    page = (outdir / "print.1").read_text(encoding="utf-8")
    tables = page.count(".TS\n")
    assert tables == 9
    # No hyphenation from the start of each table to its end; widths fitted to content.
    assert len(re.findall(r"^\.nh\n(\.S[SH] [^\n]*\n)?\.TS\n", page, re.MULTILINE)) == tables
    assert page.count(".TE\n.hy") == tables
    assert len(re.findall(r"^(lw\(\d+n\)\|)+lw\(\d+n\)\.$", page, re.MULTILINE)) == tables
    for cookie in cookies(srcdir, "ocd.yaml"):
        spelled = r"\:".join(pieces(cookie["name"])).replace("-", r"\-")
        # A text starting with a dot is escaped, or groff would take it for a request.
        spelled = rf"\&{spelled}" if spelled.startswith(".") else spelled
        assert f"\\fB{spelled}\\fP" in page, cookie["name"]
    if shutil.which("groff") is None:
        pytest.skip("groff is not installed: the page was not typeset")
    shown = subprocess.run(
        ["groff", "-t", "-k", "-man", "-Tutf8", "-rLL=80n", "-P-cbou", "print.1"],
        cwd=outdir,
        capture_output=True,
        check=True,
        encoding="utf-8",
    ).stdout
    rows = [line for line in shown.splitlines() if line.lstrip().startswith("│")]
    assert rows
    # groff marks a hyphenation with U+2010: none in any cell.
    assert not [row for row in rows if "\u2010" in row]
    # The short charter's tables (the first five) fit 80 columns.
    short = shown[: shown.index("THE OPEN COOKIE DATABASE")]
    assert max(len(line) for line in short.splitlines()) <= 80


def test_texinfo_columns_hold_the_whole_names(srcdir: Path) -> None:
    outdir = built(srcdir, "texinfo")
    texi = (outdir / "print.texi").read_text(encoding="utf-8")
    blocks = re.findall(r"@multitable (.*?)\n(.*?)@end multitable", texi, re.DOTALL)
    assert len(blocks) == 9
    for prototypes, body in blocks:
        widths = [len(prototype) for prototype in re.findall(r"\{(x+)\}", prototypes)]
        names = [
            name.replace("@@", "@").replace("@{", "{").replace("@}", "}")
            for name in re.findall(r"@code\{((?:@.|[^}])*)\}", body)
        ]
        assert names
        # Each literal's column is at least as wide as its longest one.
        assert max(map(len, names)) <= max(widths)
