"""``cookiecharter export``: every format from the command line, as through the API."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sphinx_cookiecharter import api
from sphinx_cookiecharter.cli import main
from tests.paths import DECLARATIONS, EXAMPLES

DEMO = EXAMPLES / "banner-demo.yaml"


@pytest.mark.parametrize("fmt", ["json", "csv", "cookieconsent", "klaro"])
def test_each_format_as_the_api_writes_it(fmt, capsys):
    argv = ["export", str(DEMO), "--format", fmt, "--language", "fr", "en"]
    argv += ["--charter-url", "https://example.org/cookies.html"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    expected = api.export(
        api.load(DEMO).declaration, fmt, ["fr", "en"], charter="https://example.org/cookies.html"
    )
    assert out == expected
    assert err == ""


def test_output_to_a_file(tmp_path, capsys):
    target = tmp_path / "cookies.json"
    assert main(["export", str(DEMO), "-f", "json", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["languages"] == ["en", "fr"]


def test_an_output_that_cannot_be_written(tmp_path, capsys):
    assert main(["export", str(DEMO), "-f", "csv", "-o", str(tmp_path / "no" / "x.csv")]) == 2
    assert "cannot be written" in capsys.readouterr().err


def test_a_banner_without_the_charters_address_says_so(capsys):
    assert main(["export", str(DEMO), "-f", "klaro"]) == 0
    assert "no --charter-url" in capsys.readouterr().err


def test_a_declaration_with_problems_is_not_exported(capsys):
    broken = DECLARATIONS / "broken" / "unknown-keys.yaml"
    assert main(["export", str(broken), "-f", "json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "unknown-keys.yaml:2:1: error: categorys" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "x.yaml"],
        ["export", "x.yaml", "-f", "xml"],
        ["export", "x.yaml", "-f", "json", "-l", "not a language"],
    ],
)
def test_a_wrong_command_line(argv, capsys):
    with pytest.raises(SystemExit) as exit:
        main(argv)
    assert exit.value.code == 2


def test_the_export_runs_without_sphinx():
    code = (
        "import sys\n"
        "from sphinx_cookiecharter.cli import main\n"
        f"for fmt in ('json', 'csv', 'cookieconsent', 'klaro'):\n"
        f"    assert main(['export', {str(DEMO)!r}, '-f', fmt, '-o', '/dev/null']) == 0\n"
        "assert 'sphinx' not in sys.modules and 'docutils' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
