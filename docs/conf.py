"""Sphinx configuration of the sphinx-cookiecharter documentation."""

from __future__ import annotations

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
latex_elements = {"papersize": "a4paper"}

epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_show_urls = "no"
# The banner demo pages are for the web site; an e-book has no use for them.
epub_exclude_files = [
    f"banner-demo/{name}" for name in ("cookieconsent.html", "klaro.html", "demo.js", "demo.css")
]
