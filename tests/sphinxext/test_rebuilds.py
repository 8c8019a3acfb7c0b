"""Dependencies, incremental rebuilds, parsing once per build, parallel builds."""

from __future__ import annotations

import os
import shutil
import time
from typing import TYPE_CHECKING

from sphinx_cookiecharter.core import load as loader
from sphinx_cookiecharter.sphinxext import domain as domain_module

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pytest
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
    build: Callable[..., SphinxTestApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = loader.load_declaration

    def counting(path: os.PathLike[str], **kwargs: object) -> loader.LoadResult:
        calls.append(os.fspath(path))
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(domain_module, "load_declaration", counting)
    app = build("multi")
    assert len(calls) == 1
    bump(app.srcdir / "data" / "cookies.toml")
    app.build()
    assert len(calls) == 2  # a new build reads the edited file again, once


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
