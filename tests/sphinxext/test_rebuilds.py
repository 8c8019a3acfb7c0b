"""Dependencies, incremental rebuilds, parsing once per build, parallel builds."""

from __future__ import annotations

import os
import re
import shutil
import time
import zlib
from typing import TYPE_CHECKING

import pytest
from sphinx.cmd.build import build_main

from sphinx_cookiecharter.core import load as loader
from sphinx_cookiecharter.sphinxext import domain as domain_module
from tests.paths import ROOTS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

USERS = ["a", "b", "c", "d", "e"]


def record_reads(app: SphinxTestApp) -> list[str]:
    """The documents Sphinx reads from now on."""
    read: list[str] = []
    app.connect("source-read", lambda _app, docname, _source: read.append(docname))
    return read


def bump(path: Path, text: str | None = None) -> None:
    """Change a file and make sure its modification time moves forward."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    later = max(time.time_ns(), path.stat().st_mtime_ns) + 5_000_000_000
    os.utime(path, ns=(later, later))


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The declaration files the domain parses from now on."""
    calls: list[str] = []
    real = loader.load_declaration

    def counting(path: os.PathLike[str], **kwargs: object) -> loader.LoadResult:
        calls.append(os.fspath(path))
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(domain_module, "load_declaration", counting)
    return calls


def test_editing_the_declaration_rereads_only_its_pages(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("multi")
    read = record_reads(app)
    app.build()
    assert read == []  # nothing changed: nothing re-read
    declaration = app.srcdir / "data" / "cookies.toml"
    bump(declaration, declaration.read_text().replace("Keeps the session.", "Edited."))
    app.build()
    assert sorted(read) == USERS
    assert "Edited." in (app.outdir / "a.html").read_text(encoding="utf-8")


def test_a_missing_file_is_read_once_it_exists(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("multi")
    declaration = srcdir / "data" / "cookies.toml"
    content = declaration.read_text()
    declaration.unlink()
    app = build("multi", srcdir=srcdir)
    assert "file not found" in app.warning.getvalue()
    read = record_reads(app)
    declaration.write_text(content)
    app.build()
    assert sorted(read) == USERS
    assert "sid" in (app.outdir / "a.html").read_text(encoding="utf-8")


def test_one_declaration_is_parsed_once_per_build(
    build: Callable[..., SphinxTestApp], parses: list[str]
) -> None:
    calls = parses
    app = build("multi")
    assert len(calls) == 1
    bump(app.srcdir / "data" / "cookies.toml")
    app.build()
    assert len(calls) == 2  # a new build reads the edited file again, once


def test_a_new_process_keeps_the_parsed_declaration_from_the_environment(
    build: Callable[..., SphinxTestApp],
    make_app: Callable[..., SphinxTestApp],
    parses: list[str],
) -> None:
    first = build("multi")
    srcdir = first.srcdir
    first.cleanup()
    parses.clear()
    calls = parses
    bump(srcdir / "a.rst", (srcdir / "a.rst").read_text(encoding="utf-8") + "\nEdited.\n")
    # A new application unpickles the environment the first one saved.
    # The fixture's settings: another configuration would make Sphinx read every page.
    again = make_app(
        "html",
        srcdir=srcdir,
        confoverrides={"show_warning_types": True, "cookiecharter_lint": False},
    )
    kept = list(domain_module.domain(again.env).declarations.values())
    # Kept as one pickled value, unpickled only when a page asks for it.
    assert kept
    assert all(declaration._result is None for declaration in kept)
    read = record_reads(again)
    again.build()
    assert read == ["a"]
    assert calls == []  # the declaration, unchanged, is not parsed again
    page = (again.outdir / "a.html").read_text(encoding="utf-8")
    assert "Edited." in page
    assert "sid" in page


def test_declarations_are_set_aside_once_every_page_is_read(
    build: Callable[..., SphinxTestApp],
) -> None:
    """Once the pages are read and the problems told, the model is kept pickled only:
    the pages are written without it, and it comes back whole when asked for."""
    app = build("multi")
    kept = list(domain_module.domain(app.env).declarations.values())
    assert len(kept) == 1
    read = kept[0]
    assert read._result is None
    assert isinstance(read._pickled, bytes)
    declaration = read.result.declaration
    assert declaration is not None
    assert [cookie.name for cookie in declaration.cookies] == [
        cookie.name
        for cookie in loader.load_declaration(read.path).declaration.cookies  # type: ignore[union-attr]
    ]


def test_parallel_build_gives_the_serial_output(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path], tmp_path: Path
) -> None:
    srcdir = project("multi")
    shutil.copytree(srcdir, tmp_path / "multi-parallel")
    serial = build("multi", srcdir=srcdir)
    serial.cleanup()  # let the second application register Sphinx's nodes afresh
    parallel = build("multi", srcdir=tmp_path / "multi-parallel", parallel=2)
    assert parallel.parallel == 2
    assert parallel.warning.getvalue() == serial.warning.getvalue() == ""
    for page in [*USERS, "index", "plain"]:
        assert (serial.outdir / f"{page}.html").read_bytes() == (
            parallel.outdir / f"{page}.html"
        ).read_bytes()


BROKEN_TOML = 'version = 1\n\n[[cookies]]\nname = "sid"\nprovider = "Multi"\ncategory = "nope"\n'


def warning_lines(app: SphinxTestApp) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if line]


def test_a_broken_declaration_warns_on_every_build(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("multi")
    (srcdir / "data" / "cookies.toml").write_text(BROKEN_TOML, encoding="utf-8")
    app = build("multi", srcdir=srcdir)
    first = warning_lines(app)
    assert len(first) == 2  # category unknown, purpose missing: once each, for 5 pages
    app.warning.truncate(0)
    app.warning.seek(0)
    read = record_reads(app)
    app.build()  # nothing changed: nothing is read again, the problems are told again
    assert read == []
    assert warning_lines(app) == first


def test_w_fails_for_as_long_as_the_declaration_is_broken(
    project: Callable[..., Path], tmp_path: Path
) -> None:
    srcdir = project("multi")
    (srcdir / "data" / "cookies.toml").write_text(BROKEN_TOML, encoding="utf-8")
    args = [str(srcdir), str(tmp_path / "out"), "-q", "-W", "-b", "html"]
    args += ["-D", "cookiecharter_lint=0"]  # the lint is tested on its own
    assert build_main(args) != 0
    assert build_main(args) != 0  # an unchanged rebuild (no -E) fails too
    bump(srcdir / "data" / "cookies.toml", (ROOTS / "test-multi/data/cookies.toml").read_text())
    assert build_main(args) == 0


def test_parallel_reading_warns_once(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path], tmp_path: Path
) -> None:
    srcdir = project("multi")
    (srcdir / "data" / "cookies.toml").write_text(BROKEN_TOML, encoding="utf-8")
    # Five pages name the file themselves too, so each parallel reader meets it.
    for page in USERS:
        (srcdir / f"{page}.rst").write_text(
            f"Page {page}\n=======\n\n.. cookie-table:: data/cookies.toml\n   :no-index:\n",
            encoding="utf-8",
        )
    app = build("multi", srcdir=srcdir, parallel=2)
    assert app.parallel == 2
    lines = warning_lines(app)
    assert len(lines) == 2, lines
    assert all("cookies.toml:" in line for line in lines)


def test_removing_a_page_removes_its_cookies_from_the_index(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("domain")
    index = app.outdir / "cookie-index.html"
    assert "sessionid" in index.read_text(encoding="utf-8")
    (app.srcdir / "charter.rst").unlink()
    (app.srcdir / "index.rst").write_text("Domain\n======\n\n.. toctree::\n\n   again\n")
    bump(app.srcdir / "again.rst", STATISTICS_ONLY)
    app.build()
    html = index.read_text(encoding="utf-8")
    assert "sessionid" not in html
    assert 'href="again.html#cookie-ga"' in html
    inventory = (app.outdir / "objects.inv").read_bytes()
    assert b"charter.html" not in zlib.decompress(inventory.split(b"\n", 4)[4])


STATISTICS_ONLY = "Again\n=====\n\n.. cookie-table:: cookies.yaml\n   :categories: statistics\n"


def test_a_page_edited_to_drop_its_charter_drops_its_cookies(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("domain")
    bump(app.srcdir / "charter.rst", "Charter\n=======\n\nNo charter any more.\n")
    bump(app.srcdir / "again.rst", STATISTICS_ONLY)
    app.build()
    html = (app.outdir / "cookie-index.html").read_text(encoding="utf-8")
    assert "sessionid" not in html
    assert 'href="again.html#cookie-ga"' in html


def test_a_language_without_catalog_warns_once(build: Callable[..., SphinxTestApp]) -> None:
    app = build("multi", confoverrides={"language": "xx"})
    lines = [line for line in warning_lines(app) if "cookiecharter.language" in line]
    assert len(lines) == 1
    assert "no translation for the language 'xx'" in lines[0]
    assert "contributing/translations.html" in lines[0]
    app.warning.truncate(0)
    app.warning.seek(0)
    app.build()  # every build, like every problem of the charter
    assert sum("cookiecharter.language" in line for line in warning_lines(app)) == 1


@pytest.mark.parametrize("language", ["fr", "fr_CA", "en", "en_GB", "no", "zh_Hans"])
def test_a_language_with_a_catalog_does_not_warn(
    build: Callable[..., SphinxTestApp], language: str
) -> None:
    app = build("multi", confoverrides={"language": language})
    # (docutils itself has no "no" or "zh_Hans" localisation and says so.)
    assert [line for line in warning_lines(app) if "[docutils]" not in line] == []
