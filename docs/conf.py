"""Sphinx configuration of the sphinx-cookiecharter documentation."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sphinx_cookiecharter import __version__

# The schema reference and statements directives live next to this file.
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "sphinx-cookiecharter"
author = "The sphinx-cookiecharter developers"
copyright = f"2026, {author}"
version = release = __version__

extensions = [
    "sphinx.ext.autodoc",
    "myst_parser",
    "sphinx_cookiecharter",
    "schema_reference",
    "lint_reference",
    "warnings_reference",
    "languages_reference",
    "charter_statements",
    "audit_reference",
    "presets_reference",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "snippets", "contributing/glossary"]
language = "en"
nitpicky = True

# The Python API page names os.PathLike and datetime.date, documented by Python itself (no
# intersphinx: the docs build offline).
nitpick_ignore = [("py:class", "os.PathLike"), ("py:class", "datetime.date")]
# A lint finding's severity is a Literal type alias ("error", "warning", "info"), which
# autodoc names but Python's documentation cannot link to.
nitpick_ignore += [("py:class", "Severity")]
# ExportFormat is a Literal of the export format names, which the API page lists in words.
nitpick_ignore += [("py:class", "ExportFormat")]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The documentation's own cookie charter: read by ``cookie-charter`` without an argument.
cookiecharter_declaration = "cookies.yaml"
# HTML builds publish the charter's JSON, and every export of the banner demo's
# declaration, which the demo pages (html_extra_path) load.
cookiecharter_publish = {
    "formats": ["json", "csv", "cookieconsent", "klaro"],
    "languages": ["en", "fr"],
    "declarations": ["cookies.yaml", "examples/banner-demo.yaml"],
}

html_theme = "furo"
html_title = f"sphinx-cookiecharter {release}"
html_static_path = ["_static"]
# The consent banner demo pages, copied as they are.
html_extra_path = ["_extra"]
html_show_sourcelink = True

latex_documents = [
    (root_doc, "sphinx-cookiecharter.tex", "sphinx-cookiecharter", author, "manual"),
]
# The documentation quotes every shipped language (the languages page, the glossary):
# Latin, Greek, Cyrillic, Hebrew, Chinese, Japanese and Korean. LuaLaTeX sets them with
# FreeFont, and with Noto Sans CJK for the scripts FreeFont lacks (Han, kana, Hangul) through
# luaotfload's fallback fonts; babel's bidi lays Hebrew words out right to left (its
# Hebrew comes with babel itself). Debian: texlive-luatex, fonts-freefont-otf,
# fonts-noto-cjk, and make for Sphinx's Makefile (the list in .ci/run). The index
# holds cookie names and English terms: makeindex sorts them.
latex_engine = "lualatex"
latex_use_xindy = False
# Without Noto Sans CJK (fontconfig's fc-list tells) the PDF still compiles, those
# characters missing: a fallback font that does not exist would stop LuaLaTeX.
_CJK = "Noto Sans CJK SC"
_HAS_CJK = (
    bool(shutil.which("fc-list"))
    and not subprocess.run(["fc-list", "-q", _CJK], check=False).returncode
)
_FALLBACK = (
    r"\directlua{luaotfload.add_fallback('cookiecharterfallback', {"
    + (f"'{_CJK}:mode=harf;'" if _HAS_CJK else "")
    + "})}"
)
_FONTS = "\n".join(
    rf"\set{family}font{{{name}}}[Extension=.otf, UprightFont=*, ItalicFont=*{italic},"
    rf" BoldFont=*Bold, BoldItalicFont=*Bold{italic},"
    rf" RawFeature={{fallback=cookiecharterfallback}}{scale}]"
    for family, name, italic, scale in (
        ("main", "FreeSerif", "Italic", ""),
        ("sans", "FreeSans", "Oblique", ""),
        ("mono", "FreeMono", "Oblique", ", Scale=0.9"),
    )
)
latex_elements = {
    "papersize": "a4paper",
    "polyglossia": "",
    "babel": "\n".join(
        (
            r"\usepackage[bidi=basic]{babel}",
            r"\babelprovide[import, main]{english}",
            r"\babelprovide[import, onchar=ids fonts]{hebrew}",
            r"\babelfont[hebrew]{rm}{FreeSerif}",
            r"\babelfont[hebrew]{sf}{FreeSans}",
        )
    ),
    "fontpkg": _FALLBACK + "\n" + _FONTS,
}

epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_show_urls = "no"
# The banner demo pages are for the web site; an e-book has no use for them.
epub_exclude_files = [
    f"banner-demo/{name}" for name in ("cookieconsent.html", "klaro.html", "demo.js", "demo.css")
]
