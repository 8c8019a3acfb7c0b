"""The ``cookiecharter`` command line: ``validate`` and ``schema``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
import pytest

from sphinx_cookiecharter import __version__
from sphinx_cookiecharter.cli import main
from tests.paths import DECLARATIONS, PACKAGE, ROOT

VALID = DECLARATIONS / "valid"
BROKEN = DECLARATIONS / "broken"
SCHEMA = PACKAGE / "schemas"


@pytest.fixture
def in_declarations(monkeypatch):
    """Run from the declarations folder, so that paths print short."""
    monkeypatch.chdir(DECLARATIONS)


BROKEN_CASES = sorted(path.name for path in BROKEN.iterdir() if path.suffix != ".expected")


def run(capsys, *argv: str) -> tuple[int, list[str], str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


@pytest.mark.usefixtures("in_declarations")
def test_validate_a_valid_file(capsys):
    status, lines, err = run(capsys, "validate", "valid/declaration.yaml")
    assert status == 0
    assert lines == ["valid/declaration.yaml: ok (5 cookies)"]
    assert err == ""


@pytest.mark.usefixtures("in_declarations")
def test_validate_counts_one_cookie_in_the_singular(capsys):
    status, lines, _ = run(capsys, "validate", "valid/bom.toml")
    assert status == 0
    assert lines == ["valid/bom.toml: ok (1 cookie)"]


@pytest.mark.usefixtures("in_declarations")
def test_validate_prints_compiler_style_lines(capsys):
    status, lines, err = run(capsys, "validate", "broken/bad-durations.yaml")
    assert status == 1
    assert err == ""
    expected = (
        "(expected session, persistent, an amount with a unit such as '13 months' or ISO "
        "8601 such as P13M, in any case; for what none of these can say, free text in a "
        "language mapping such as {en: Unknown})"
    )
    assert lines[0] == (
        f"broken/bad-durations.yaml:2:3: error: consent.duration: 'half a year' is not a duration "
        f"{expected}"
    )
    assert lines[4] == (
        "broken/bad-durations.yaml:7:64: error: cookies[3].duration: '1.5 hours' is not a "
        f"duration {expected}"
    )
    assert len(lines) == 16
    for line in lines:
        location, _, rest = line.partition(": error: ")
        path, row, column = location.split(":")
        assert path == "broken/bad-durations.yaml"
        assert row.isdigit()
        assert column.isdigit()
        assert ".duration" in rest.split(":")[0]


@pytest.mark.usefixtures("in_declarations")
def test_validate_toml_lines(capsys):
    status, lines, _ = run(capsys, "validate", "broken/toml-positions.toml")
    assert status == 1
    assert lines[2] == (
        "broken/toml-positions.toml:25:1: error: cookies[1].party: 'none' is not allowed "
        "(expected first or third)"
    )


@pytest.mark.usefixtures("in_declarations")
def test_validate_several_files(capsys):
    status, lines, _ = run(
        capsys,
        "validate",
        "valid/declaration.json",
        "broken/version-2.yaml",
        "valid/declaration.toml",
        "broken/empty.json",
    )
    assert status == 1
    assert lines == [
        "valid/declaration.json: ok (5 cookies)",
        "broken/version-2.yaml:1:1: error: version: the number 2 is not allowed "
        "(expected the format version 1)",
        "valid/declaration.toml: ok (5 cookies)",
        "broken/empty.json: error: the declaration is empty "
        "(expected a mapping with a cookies list)",
    ]


@pytest.mark.usefixtures("in_declarations")
def test_validate_several_valid_files(capsys):
    names = sorted(f"valid/{path.name}" for path in VALID.iterdir())
    status, lines, _ = run(capsys, "validate", *names)
    assert status == 0
    assert [line.split(": ")[0] for line in lines] == names
    assert all(": ok (" in line for line in lines)


@pytest.mark.usefixtures("in_declarations")
def test_validate_quiet(capsys):
    status, lines, _ = run(capsys, "validate", "-q", "valid/declaration.yaml")
    assert (status, lines) == (0, [])
    status, lines, _ = run(
        capsys, "validate", "--quiet", "valid/declaration.yaml", "broken/version-2.yaml"
    )
    assert status == 1
    assert lines == [
        "broken/version-2.yaml:1:1: error: version: the number 2 is not allowed "
        "(expected the format version 1)"
    ]


def test_validate_missing_file_and_folder(capsys, tmp_path):
    status, lines, _ = run(capsys, "validate", str(tmp_path / "none.yaml"), str(tmp_path))
    assert status == 1
    assert lines == [
        f"{tmp_path / 'none.yaml'}: error: file not found (expected an existing declaration file)",
        f"{tmp_path}: error: is a directory, not a file (expected a declaration file)",
    ]


@pytest.mark.parametrize(
    "name", sorted(path.name for path in BROKEN.iterdir() if path.suffix != ".expected")
)
def test_validate_fails_on_every_broken_declaration(capsys, name):
    status, lines, err = run(capsys, "validate", str(BROKEN / name))
    assert status == 1
    assert lines
    assert all(line.startswith(f"{BROKEN / name}") for line in lines)
    assert all(": error: " in line for line in lines)
    assert err == ""


def test_validate_needs_a_file(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_a_command_is_required(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "COMMAND" in capsys.readouterr().err


def test_schema_prints_the_shipped_schema(capsys):
    status, lines, _ = run(capsys, "schema")
    assert status == 0
    printed = json.loads("\n".join(lines))
    shipped = json.loads((SCHEMA / "declaration.schema.json").read_text(encoding="utf-8"))
    assert printed == shipped
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_accepts_the_valid_declarations(capsys):
    # Outside the loader, with only the printed schema: what an editor would do.
    main(["schema"])
    validator = jsonschema.Draft202012Validator(json.loads(capsys.readouterr().out))
    document = json.loads((VALID / "declaration.json").read_text(encoding="utf-8"))
    assert list(validator.iter_errors(document)) == []
    assert list(validator.iter_errors({"cookies": {}}))


def test_help_mentions_both_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "validate" in out
    assert "schema" in out
    assert "cookiecharter" in out


def test_validate_help(capsys):
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    out = capsys.readouterr().out
    assert "path:line:col: error: field: message" in out
    assert "--quiet" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"cookiecharter {__version__}"


def run_module(*argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m sphinx_cookiecharter``, run from the declarations folder."""
    root = str(ROOT)
    path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "sphinx_cookiecharter", *argv],
        cwd=DECLARATIONS,
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_module_entry_point():
    completed = run_module("validate", "valid/declaration.yaml", "broken/unknown-category.yaml")
    assert completed.returncode == 1, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[0] == "valid/declaration.yaml: ok (5 cookies)"
    assert lines[1] == (
        "broken/unknown-category.yaml:4:31: error: cookies[0].category: unknown category "
        "'statistic'; did you mean 'statistics'? (expected one of necessary, preferences, "
        "statistics, marketing, support, or a new category declared under categories)"
    )
    assert len(lines) == 6
    assert completed.stderr == ""


def test_module_entry_point_valid_only():
    completed = run_module("validate", "-q", "valid/bom.json")
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, "", "")
