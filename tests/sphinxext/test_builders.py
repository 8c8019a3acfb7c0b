"""Every builder writes the charter, with no warning, and the PDF compiles."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
import yaml

from sphinx_cookiecharter.render.widths import pieces

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: The cookies of tests/roots/test-basic/cookies.yaml (``theme`` twice).
COOKIES = ["session_id", "theme", "_st_*", "_st_id", "ad_track", "share"]


def latex_escape(name: str) -> str:
    # A name may break after _ - . @ * in print, and only there.
    return r"\allowbreak{}".join(pieces(name)).replace("_", r"\_")


def html_spelling(name: str) -> str:
    # Sphinx sets a literal's text in <span class="pre">; the break points go between.
    return '</span><wbr/><span class="pre">'.join(pieces(name))


def man_spelling(name: str) -> str:
    return r"\:".join(pieces(name))


# builder name -> (output file of index, how a cookie name appears in it)
OUTPUTS: dict[str, tuple[str, Callable[[str], str]]] = {
    "html": ("index.html", html_spelling),
    "dirhtml": ("index.html", html_spelling),
    "singlehtml": ("index.html", html_spelling),
    "epub": ("index.xhtml", html_spelling),
    "latex": ("basic.tex", latex_escape),
    "text": ("index.txt", str),
    "man": ("basic.1", man_spelling),
    "texinfo": ("basic.texi", str),
    "xml": ("index.xml", str),
}


@pytest.mark.parametrize("buildername", sorted(OUTPUTS))
def test_every_builder_writes_every_cookie(
    build: Callable[..., SphinxTestApp], buildername: str
) -> None:
    app = build("basic", buildername)
    assert app.warning.getvalue() == ""
    filename, spell = OUTPUTS[buildername]
    output = (app.outdir / filename).read_text(encoding="utf-8")
    for name in COOKIES:
        assert spell(name) in output, f"{name} missing from {buildername} output"
    assert "Stats_Provider #1" in output or r"Stats\_Provider \#1" in output


def test_gettext_builder_offers_declared_texts(build: Callable[..., SphinxTestApp]) -> None:
    app = build("basic", "gettext")
    assert app.warning.getvalue() == ""
    pot = (app.outdir / "index.pot").read_text(encoding="utf-8")
    # Every cookie is offered through its purpose, the text a translator works on.
    declaration = yaml.safe_load((app.srcdir / "cookies.yaml").read_text(encoding="utf-8"))
    for cookie in declaration["cookies"]:
        purpose = cookie["purpose"]
        purpose = purpose if isinstance(purpose, str) else purpose["en"]
        assert f'msgid "{purpose}"' in pot, purpose
    assert 'msgid "Keeps you signed in from one page to the next (100% needed)."' in pot
    assert "cookies.yaml:" in pot  # declared texts point at their own file and line
    assert 'msgid "Social media cookies"' in pot
    # The extension's own wording comes from its catalog: not offered again.
    assert "What is a cookie?" not in pot
    assert "Cookie name" not in pot
    # Cookie names are code, not text.
    assert 'msgid "session_id"' not in pot


@pytest.mark.skipif(shutil.which("latexmk") is None, reason="needs latexmk and TeX Live")
def test_pdf_compiles_with_special_characters(build: Callable[..., SphinxTestApp]) -> None:
    app = build("basic", "latex")
    tex = (app.outdir / "basic.tex").read_text(encoding="utf-8")
    assert r"Example \& Co" in tex
    assert r"100\% needed" in tex
    assert r"\#per page \& 50\% sampling\_rate" in tex
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "basic.tex"],
        cwd=app.outdir,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert (app.outdir / "basic.pdf").stat().st_size > 10_000


def test_declared_texts_are_translated_by_the_project_catalog(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("basic")
    catalog = srcdir / "locales" / "fr" / "LC_MESSAGES"
    catalog.mkdir(parents=True)
    (catalog / "index.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Tells visitors apart."\nmsgstr "Distingue les visiteurs."\n\n'
        'msgid "Cookies des réseaux sociaux"\n'
        'msgstr "Réseaux sociaux (traduit par le projet)"\n',
        encoding="utf-8",
    )
    app = build(
        "basic",
        "text",
        srcdir=srcdir,
        confoverrides={"language": "fr", "locale_dirs": ["locales"], "gettext_compact": False},
    )
    output = (app.outdir / "index.txt").read_text(encoding="utf-8")
    # The purpose may wrap in its table cell: its words are there, the English ones not.
    assert {"Distingue", "visiteurs."} <= set(output.split())
    assert "Tells" not in output.split()
    # A title given as a language mapping resolves to French first, then the project's
    # catalog may still change it.
    assert "Réseaux sociaux (traduit par le projet)" in output
