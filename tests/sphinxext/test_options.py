"""Options, configuration values, text overrides and where a declaration comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from tests.sphinxext.doctrees import EMPTY, charter_sections, table_rows, words

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def test_sections_option_leaves_sections_out(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("basic")
    index = srcdir / "index.rst"
    index.write_text(
        index.read_text().replace(":columns:", ":sections: usage, what\n   :columns:"),
    )
    app = build("basic", srcdir=srcdir)
    assert app.warning.getvalue() == ""
    # The design's order is kept, whatever the option's order.
    assert [s["classes"][1] for s in charter_sections(app)] == [
        "cookiecharter-section-what",
        "cookiecharter-section-usage",
    ]


def test_configured_sections_and_columns(build: Callable[..., SphinxTestApp]) -> None:
    app = build(
        "model-fr",
        examples=("model-fr.yaml",),
        confoverrides={
            "cookiecharter_sections": ["intro", "usage"],
            "cookiecharter_columns": ["name", "purpose", "duration"],
        },
    )
    assert app.warning.getvalue() == ""
    assert len(charter_sections(app)) == 2
    table = next(app.env.get_doctree("index").findall(nodes.table))
    assert table_rows(table)[0] == ["Nom du cookie", "Finalités", "Durée de vie"]


def test_table_directive_categories_and_columns(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("basic")
    (srcdir / "tables.rst").write_text(
        "Tables\n======\n\n.. cookie-table:: cookies.yaml\n"
        "   :categories: social, necessary\n   :columns: name, party, storage, domain\n"
        "   :class: longtable\n"
    )
    app = build("basic", srcdir=srcdir)
    tables = list(app.env.get_doctree("tables").findall(nodes.table))
    # Display order, not the option's order.
    assert [t["classes"] for t in tables] == [
        ["cookiecharter", "cookiecharter-necessary", "longtable", "colwidths-given"],
        ["cookiecharter", "cookiecharter-social", "longtable", "colwidths-given"],
    ]
    assert table_rows(tables[0]) == [
        ["Cookie name", "Set by", "Storage", "Domain"],
        ["session_id", "This site", "Cookie", EMPTY],
    ]
    assert not list(app.env.get_doctree("tables").findall(nodes.section))[1:]


def test_unknown_option_values_warn_and_are_dropped(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("basic")
    (srcdir / "tables.rst").write_text(
        "Tables\n======\n\n.. cookie-table:: cookies.yaml\n"
        "   :categories: statistcs, marketing\n   :columns: name, colour\n"
    )
    app = build("basic", srcdir=srcdir)
    warnings = app.warning.getvalue()
    assert "tables.rst:4: WARNING: unknown name in :categories: 'statistcs'" in warnings
    assert "unknown name in :columns: 'colour'" in warnings
    assert "[cookiecharter.option]" in warnings
    tables = list(app.env.get_doctree("tables").findall(nodes.table))
    assert [table_rows(t)[0] for t in tables] == [["Cookie name"]]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "cookiecharter_sections",
            ["intro", "outro"],
            "unknown name in cookiecharter_sections: 'outro'",
        ),
        ("cookiecharter_columns", ["name", 3], "unknown name in cookiecharter_columns: 3"),
        (
            "cookiecharter_texts",
            {"intro": 3},
            "cookiecharter_texts['intro'] must be a string or a mapping",
        ),
        (
            "cookiecharter_texts",
            {"preface": "x"},
            "unknown section in cookiecharter_texts: 'preface'",
        ),
        ("cookiecharter_texts", "intro", "cookiecharter_texts must be a mapping"),
        ("cookiecharter_site", 42, "cookiecharter_site must be a string or a mapping"),
        ("cookiecharter_declaration", 42, "cookiecharter_declaration must be a path"),
    ],
)
def test_config_values_are_checked_when_the_build_starts(
    build: Callable[..., SphinxTestApp],
    project: Callable[..., Path],
    name: str,
    value: object,
    message: str,
) -> None:
    srcdir = project("basic")
    with (srcdir / "conf.py").open("a") as conf:
        conf.write(f"{name} = {value!r}\n")
    app = build("basic", srcdir=srcdir)
    warnings = app.warning.getvalue()
    assert message in warnings
    assert "[cookiecharter.config]" in warnings
    assert "Traceback" not in warnings
    # The rest is still built with what was usable.
    assert "About cookies on this site" in words(app)


def test_no_column_left_falls_back_to_the_default_columns(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("basic")
    (srcdir / "tables.rst").write_text(
        "Tables\n======\n\n.. cookie-table:: cookies.yaml\n   :columns: colour\n"
    )
    (srcdir / "conf.py").write_text(
        (srcdir / "conf.py").read_text() + "cookiecharter_columns = []\n"
    )
    app = build("basic", "text", srcdir=srcdir)
    warnings = app.warning.getvalue()
    assert "no known column in :columns:; the default columns are used" in warnings
    assert "cookiecharter_columns names no known column" in warnings
    tables = list(app.env.get_doctree("tables").findall(nodes.table))
    assert table_rows(tables[0])[0] == [
        "Provider",
        "Service and location",
        "Cookie name",
        "Purpose",
    ]


def test_texts_from_conf_and_declaration(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("basic")
    declaration = srcdir / "cookies.yaml"
    declaration.write_text(
        declaration.read_text()
        + "texts:\n  intro: {en: Declared intro., fr: Introduction déclarée.}\n"
        "  usage: |\n    Declared usage, first paragraph.\n\n    Second paragraph.\n"
    )
    app = build(
        "basic",
        srcdir=srcdir,
        confoverrides={
            "cookiecharter_texts": {
                "intro": "Intro from conf.py, overridden by the declaration.",
                "what": {"fr": "Ce qu'est un cookie.", "en": "What a cookie is, from conf.py."},
            }
        },
    )
    assert app.warning.getvalue() == ""
    sections = charter_sections(app)
    assert [p.astext() for p in sections[0].findall(nodes.paragraph)] == ["Declared intro."]
    assert [p.astext() for p in sections[1].findall(nodes.paragraph)] == [
        "What a cookie is, from conf.py."
    ]
    usage = sections[3]
    assert [p.astext() for p in usage.children[1:3]] == [
        "Declared usage, first paragraph.",
        "Second paragraph.",
    ]
    # An overridden usage section keeps its tables.
    assert len(list(usage.findall(nodes.table))) == 5


def test_site_from_conf_when_the_declaration_names_none(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("inline")
    index = srcdir / "index.rst"
    index.write_text(index.read_text().replace("cookie-table", "cookie-charter"))
    app = build("inline", srcdir=srcdir, confoverrides={"cookiecharter_site": "Inline Site"})
    assert "Cookies set on Inline Site and their purposes" in words(app)
    assert "Inline Site stores some information on your device" in words(app)


def test_inline_declaration_and_its_lines(build: Callable[..., SphinxTestApp]) -> None:
    app = build("inline")
    warnings = app.warning.getvalue()
    # The inline body starts on line 7 of index.rst; party is on its 11th line.
    assert "index.rst:17: WARNING: cookies[1].party: 'fourth' is not allowed" in warnings
    assert "[cookiecharter.schema]" in warnings
    rows = table_rows(next(app.env.get_doctree("index").findall(nodes.table)))
    assert rows == [
        ["Cookie name", "Purpose", "Duration"],
        ["inline_cookie", "Declared in the page itself.", "1 hour"],
    ]


def test_configured_declaration_is_the_fallback(build: Callable[..., SphinxTestApp]) -> None:
    app = build("multi")
    assert app.warning.getvalue() == ""
    for page in "abcde":
        assert "sid" in words(app, page)


def test_no_declaration_at_all_warns(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("multi")
    app = build("multi", srcdir=srcdir, confoverrides={"cookiecharter_declaration": None})
    warnings = app.warning.getvalue()
    assert "a.rst:4: WARNING: no declaration: name a file" in warnings
    assert "[cookiecharter.load]" in warnings


def test_inline_lines_in_included_files_and_in_myst(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("myst-md")
    body = "cookies:\n  - name: a\n    provider: P\n    category: nope\n    purpose: x\n"
    (srcdir / "index.md").write_text(
        "# MD\n\nText.\n\nMore.\n\n```{toctree}\nrst\n```\n\n```{cookie-table}\n" + body + "```\n"
    )
    (srcdir / "rst.rst").write_text("Title\n=====\n\n.. include:: part.txt\n")
    (srcdir / "part.txt").write_text(
        "Part\n----\n\nSome text.\n\n.. cookie-table::\n\n"
        + "".join(f"   {line}\n" for line in body.splitlines())
    )
    app = build("myst-md", srcdir=srcdir)
    warnings = app.warning.getvalue()
    # The category is on the 4th line of each body.
    assert "index.md:15: WARNING: cookies[0].category: unknown category 'nope'" in warnings
    assert "part.txt:11: WARNING: cookies[0].category: unknown category 'nope'" in warnings


@pytest.mark.parametrize("spelling", ["path", "absolute"])
def test_configured_declaration_as_a_path_or_a_full_path(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path], spelling: str
) -> None:
    srcdir = project("multi")
    value = (
        "pathlib.Path('data/cookies.toml')"
        if spelling == "path"
        else "os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'cookies.toml')"
    )
    (srcdir / "conf.py").write_text(
        "import os, pathlib\n"
        'extensions = ["sphinx_cookiecharter"]\n'
        f"cookiecharter_declaration = {value}\n"
    )
    app = build("multi", srcdir=srcdir)
    assert app.warning.getvalue() == ""
    assert "sid" in words(app, "a")


def test_directive_warnings_name_their_own_file_and_line(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    """An option warning points at the directive: in an included file, in MyST."""
    srcdir = project("myst-md")
    (srcdir / "index.md").write_text(
        "# MD\n\n```{toctree}\nrst\n```\n\n```{cookie-table} cookies.json\n"
        ":columns: name, flavour\n```\n"
    )
    (srcdir / "rst.rst").write_text("Title\n=====\n\n.. include:: part.txt\n")
    (srcdir / "part.txt").write_text(
        "Part\n----\n\nSome text.\n\n.. cookie-table:: cookies.json\n   :columns: taste\n"
        "   :no-index:\n"
    )
    app = build("myst-md", srcdir=srcdir)
    # Sphinx may print the file relative to the working directory: match from its name.
    warnings = app.warning.getvalue()
    assert "/index.md:7: WARNING: unknown name in :columns: 'flavour'" in warnings
    assert "/part.txt:6: WARNING: unknown name in :columns: 'taste'" in warnings
