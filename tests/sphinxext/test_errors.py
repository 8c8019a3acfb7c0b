"""Broken declarations: located, typed warnings; the rest of the page still builds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.cmd.build import build_main

from tests.sphinxext.doctrees import table_rows, words

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def warning_lines(app: SphinxTestApp) -> list[str]:
    """Each warning with the folder of the test project cut off."""
    text = ANSI.sub("", app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    return text.splitlines()


def test_every_problem_is_a_located_typed_warning(build: Callable[..., SphinxTestApp]) -> None:
    app = build("errors")
    assert warning_lines(app) == [
        "broken.yaml:10: WARNING: cookies[1].duration: '13 mnths' is not a duration; did "
        "you mean '13 months'? (expected session, persistent, an amount with a unit such as "
        "'13 months' or ISO 8601 such as P13M, in any case; for what none of these can say, "
        "free text in a language mapping such as {en: Unknown}) [cookiecharter.schema]",
        "broken.yaml:13: WARNING: cookies[2].category: unknown category 'statistcs'; did "
        "you mean 'statistics'? (expected one of necessary, preferences, statistics, "
        "marketing, or a new category declared under categories) [cookiecharter.reference]",
        "index.rst:10: WARNING: missing.yaml: file not found (expected an existing "
        "declaration file) [cookiecharter.load]",
    ]


def test_valid_cookies_and_the_rest_of_the_page_still_render(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("errors")
    text = words(app)
    assert "Before the charter." in text
    assert "After the charter." in text
    rows = [
        cells
        for table in app.env.get_doctree("index").findall(nodes.table)
        for cells in table_rows(table)[1:]
    ]
    # Columns: provider, service, name, purpose.
    assert [cells[2] for cells in rows] == ["good_one", "good_two"]
    assert "bad_duration" not in text
    assert "bad_category" not in text


def test_suppress_warnings_silences_a_subtype(build: Callable[..., SphinxTestApp]) -> None:
    app = build(
        "errors",
        confoverrides={"suppress_warnings": ["cookiecharter.schema", "cookiecharter.load"]},
    )
    lines = warning_lines(app)
    assert len(lines) == 1
    assert lines[0].endswith("[cookiecharter.reference]")


def test_warnings_are_errors_with_w(project: Callable[..., Path], tmp_path: Path) -> None:
    srcdir = project("errors")
    args = [str(srcdir), str(tmp_path / "out"), "-q", "-E", "-b", "html"]
    assert build_main(args) == 0
    assert build_main([*args, "-W"]) != 0


def test_unreadable_inputs_never_end_in_a_traceback(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("errors")
    (srcdir / "binary.yaml").write_bytes(b"cookies:\n  - name: \xff\xfe\n")
    (srcdir / "folder.yaml").mkdir()
    (srcdir / "evil.yaml").write_text('!!python/object/apply:os.system ["echo pwned"]\n')
    (srcdir / "list.json").write_text("[1, 2, 3]\n")
    (srcdir / "syntax.toml").write_text("[[cookies]\nname = 1\n")
    (srcdir / "index.rst").write_text(
        "Broken\n======\n\n"
        + "".join(
            f".. cookie-charter:: {name}\n\n"
            for name in (
                "binary.yaml",
                "folder.yaml",
                "evil.yaml",
                "list.json",
                "syntax.toml",
                "notes.txt",
            )
        )
        + "Still here.\n"
    )
    app = build("errors", srcdir=srcdir)
    lines = warning_lines(app)
    assert "Traceback" not in app.warning.getvalue()
    assert "Still here." in words(app)
    assert lines == [
        "binary.yaml:2: WARNING: byte 0xff is not UTF-8 text (expected a file encoded in "
        "UTF-8) [cookiecharter.load]",
        "index.rst:6: WARNING: folder.yaml: is a directory, not a file (expected a "
        "declaration file) [cookiecharter.load]",
        "evil.yaml:1: WARNING: unsupported YAML tag "
        "'!!python/object/apply:os.system' (expected plain YAML values "
        "(strings, numbers, lists and mappings)) [cookiecharter.load]",
        "list.json:1: WARNING: the declaration is a list (expected a mapping with a cookies "
        "list) [cookiecharter.schema]",
        "syntax.toml:1: WARNING: TOML syntax error: Expected ']]' at the end of an array "
        "declaration [cookiecharter.load]",
        "index.rst:14: WARNING: notes.txt: unknown file type '.txt' (expected a file ending "
        "in .yaml, .yml, .toml or .json) [cookiecharter.load]",
    ]
