"""``cookiecharter lint``: text, JSON and SARIF output, exit statuses, options, and the
pre-commit hooks that run it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sphinx_cookiecharter.cli import main
from sphinx_cookiecharter.lint import RULES, rules_for
from tests.paths import DOCS, PACKAGE, ROOT, TESTS

EXAMPLES = PACKAGE / "lint" / "examples"
SARIF_SCHEMA = TESTS / "data" / "sarif" / "sarif-schema-2.1.0.json"

MARKETING_EXEMPT = """\
updated: 2026-11-28
cookies:
  - name: _fbp
    provider: Example Ads
    category: marketing
    purpose: Shows you ads.
    duration: 3 months
    party: third
    consent: exempt
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["lint", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def ads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "cookies.yaml"
    path.write_text(MARKETING_EXEMPT, encoding="utf-8")
    return Path("cookies.yaml")


def test_text_lines_are_file_line_column_rule_severity_message(
    capsys: pytest.CaptureFixture[str], ads: Path
) -> None:
    status, out, err = run(capsys, ads, "--select", "CK001,CK019")
    assert status == 1  # an error, and --fail-on is error by default
    assert out.splitlines() == [
        "cookies.yaml:1:1: CK019 warning: `controller.contact` is not given",
        "cookies.yaml:3:5: CK001 error: the marketing cookie '_fbp' is marked exempt from "
        "consent; advertising is never strictly necessary",
    ]
    assert err.strip() == "2 findings (1 error, 1 warning, 0 info)"


def test_json_is_a_list_with_the_documented_keys(
    capsys: pytest.CaptureFixture[str], ads: Path
) -> None:
    status, out, _ = run(capsys, ads, "--format", "json")
    findings = json.loads(out)
    assert status == 1
    assert all(
        list(f) == ["rule", "severity", "file", "line", "column", "cookie", "message", "source"]
        for f in findings
    )
    first = next(f for f in findings if f["rule"] == "CK001")
    assert first["file"] == "cookies.yaml"
    assert (first["line"], first["column"], first["cookie"]) == (3, 5, "_fbp")
    assert first["source"].startswith("Directive 2002/58/EC (ePrivacy)")
    controller = next(f for f in findings if f["rule"] == "CK019")
    assert controller["cookie"] is None


def validate_sarif(log: dict[str, Any]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_is_valid_2_1_0_with_rule_metadata_for_code_scanning(
    capsys: pytest.CaptureFixture[str], ads: Path
) -> None:
    status, out, _ = run(capsys, ads, "--format", "sarif", "--fail-on", "warning")
    log = json.loads(out)
    validate_sarif(log)
    assert status == 1
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "cookiecharter-lint"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(rules) == {rule.id for rule in rules_for("eu")}
    ck001 = rules["CK001"]
    assert ck001["shortDescription"]["text"] == RULES["CK001"].title
    assert ck001["helpUri"].endswith("/reference/lint-rules.html#ck001")
    assert "eur-lex.europa.eu" in ck001["help"]["markdown"]
    assert "How to fix" in ck001["help"]["text"]
    assert ck001["defaultConfiguration"]["level"] == "error"
    result = next(r for r in run_["results"] if r["ruleId"] == "CK001")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "cookies.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 5}
    assert driver["rules"][result["ruleIndex"]]["id"] == "CK001"
    assert result["level"] == "error"
    assert re.fullmatch(r"[0-9a-f]{64}", result["partialFingerprints"]["cookiecharter-lint/v1"])
    info = next(r for r in run_["results"] if RULES[r["ruleId"]].severity == "info")
    assert info["level"] == "note"


def test_sarif_fingerprints_survive_a_line_shift(
    capsys: pytest.CaptureFixture[str], ads: Path
) -> None:
    _, before, _ = run(capsys, ads, "--format", "sarif", "--select", "CK001")
    ads.write_text("# a comment\n" + MARKETING_EXEMPT, encoding="utf-8")
    _, after, _ = run(capsys, ads, "--format", "sarif", "--select", "CK001")

    def prints(text: str) -> list[tuple[int, str]]:
        return [
            (
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["partialFingerprints"]["cookiecharter-lint/v1"],
            )
            for r in json.loads(text)["runs"][0]["results"]
        ]

    (line_before, print_before), (line_after, print_after) = prints(before) + prints(after)
    assert (line_before + 1, print_before) == (line_after, print_after)


def test_sarif_of_every_example_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *sorted(EXAMPLES.glob("*.yaml")), "--format", "sarif")
    log = json.loads(out)
    validate_sarif(log)
    assert status == 1
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert len(uris) > 30


def test_exit_statuses(capsys: pytest.CaptureFixture[str], ads: Path, tmp_path: Path) -> None:
    clean = DOCS / "cookies.yaml"
    assert run(capsys, clean)[0] == 0
    assert run(capsys, ads, "--ignore", "CK001")[0] == 0  # warnings only
    assert run(capsys, ads, "--ignore", "CK001", "--fail-on", "warning")[0] == 1
    assert run(capsys, ads, "--ignore", "CK001", "--fail-on", "info")[0] == 1
    status, _, err = run(capsys, clean, tmp_path / "missing.yaml")
    assert status == 2
    assert "missing.yaml: error: file not found" in err
    (tmp_path / "broken.yaml").write_text("cookies:\n  - name: [\n", encoding="utf-8")
    assert run(capsys, tmp_path / "broken.yaml")[0] == 2


def test_an_invalid_declaration_is_linted_for_what_is_valid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "cookies.yaml"
    path.write_text(MARKETING_EXEMPT + "  - name: bad\n    provider: X\n", encoding="utf-8")
    status, out, err = run(capsys, path, "--select", "CK001")
    assert status == 1
    assert "CK001 error" in out
    assert "cookies[1]" in err and "purpose" in err  # the format's problem, on stderr


def test_select_ignore_profile_and_their_errors(
    capsys: pytest.CaptureFixture[str], ads: Path
) -> None:
    _, out, _ = run(capsys, ads, "--format", "json", "--select", "ck001", "--select", "CK014")
    assert {f["rule"] for f in json.loads(out)} == {"CK001"}
    _, out, _ = run(capsys, ads, "--format", "json", "--profile", "fr")
    assert "CK007" not in {f["rule"] for f in json.loads(out)}
    with pytest.raises(SystemExit) as exit_:
        main(["lint", str(ads), "--select", "CK999"])
    assert exit_.value.code == 2
    assert "no lint rule is called 'CK999'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["lint", str(ads), "--profile", "mars"])


def test_the_command_runs_as_installed() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_cookiecharter",
            "lint",
            "--format",
            "json",
            str(EXAMPLES / "CK012.fail.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "CK012" in {f["rule"] for f in json.loads(done.stdout)}


def test_the_pre_commit_hooks_run_the_command_on_declarations() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"cookiecharter-lint", "cookiecharter-validate"}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'cookiecharter = "sphinx_cookiecharter.cli:main"' in pyproject
    for hook in hooks:
        # The keys pre-commit requires, and only keys it knows.
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert set(hook) <= {
            "id",
            "name",
            "entry",
            "language",
            "files",
            "types_or",
            "description",
            "args",
            "pass_filenames",
            "exclude",
        }
        assert hook["language"] == "python"
        files = re.compile(hook["files"])
        assert files.search("docs/cookies.yaml") and files.search("cookies.json")
        assert not files.search("docs/conf.py")
        # pre-commit appends the staged file names to the entry.
        program, *arguments = hook["entry"].split()
        assert program == "cookiecharter"
        done = subprocess.run(
            [sys.executable, "-m", "sphinx_cookiecharter", *arguments, str(DOCS / "cookies.yaml")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
