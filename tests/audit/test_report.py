"""The report writers on a hand-made audit: JSON against its schema, SARIF 2.1.0, text."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from sphinx_cookiecharter.audit.compare import compare
from sphinx_cookiecharter.audit.known import lookup
from sphinx_cookiecharter.audit.report import REPORT_VERSION, Report, to_json, to_sarif, write_text
from tests.audit.observations import Host, declaration, item, observation
from tests.audit.test_compare import DECLARED
from tests.audit.validation import validate_report, validate_sarif

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cookies.yaml").write_text(DECLARED, encoding="utf-8")
    seen = observation(
        item("_ga", lifetime=450 * 86_400, page="/a.html"),
        item("_gid", lifetime=86_400, page="/a.html"),
        item("_gid", lifetime=86_400, page="/b.html"),
        item("theme", lifetime=60),
        item("ads", phase="rejected", lifetime=86_400),
        phases=("arrival", "rejected"),
        hosts=[Host("cdn.partner.example", "/a.html", "arrival")],
    )
    findings = compare([declaration(DECLARED)], seen, known=lookup)
    return Report(seen, tuple(findings), ("cookies.yaml",), "https://docs.example.org/", 0.05, 3.2)


def test_json_follows_its_schema(report: Report) -> None:
    document = json.loads(json.dumps(to_json(report)))
    validate_report(document)
    assert document["version"] == REPORT_VERSION == 1
    assert document["known_cookies"]["date"] == "2026-01-21"
    assert document["summary"] == {"error": 3, "warning": 2, "info": 4}
    gid = next(f for f in document["findings"] if f["name"] == "_gid")
    assert gid["kind"] == "undeclared"
    assert gid["pages"] == ["/a.html", "/b.html"]
    assert gid["declared_line"] is None
    assert gid["known"]["platform"] == "Google Analytics"
    ga = next(f for f in document["findings"] if f["kind"] == "set-before-consent")
    assert ga["declared_line"] == 7 and ga["declaration"] == "cookies.yaml"
    assert document["hosts"] == [
        {"host": "cdn.partner.example", "pages": ["/a.html"], "phases": ["arrival"]}
    ]
    observed = {(o["name"], o["phase"]): o for o in document["observed"]}
    assert observed[("_gid", "arrival")]["lifetime"] == 86_400
    assert observed[("ads", "rejected")]["party"] == "first"


def test_the_schema_refuses_a_wrong_severity(report: Report) -> None:
    document = to_json(report)
    document["findings"][0]["severity"] = "info"  # an undeclared item is an error
    with pytest.raises(AssertionError):
        validate_report(document)


def test_sarif_is_valid_and_points_at_declaration_lines(report: Report) -> None:
    log = to_sarif(report)
    validate_sarif(log)
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "undeclared" in rules and "set-after-reject" in rules
    by_rule: dict[str, list[dict]] = {}
    for result in run["results"]:
        by_rule.setdefault(result["ruleId"], []).append(result)
    (before,) = by_rule["set-before-consent"]
    location = before["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "cookies.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 7
    assert before["level"] == "error"
    # Undeclared: at the declaration file, which has no line for it.
    (gid,) = by_rule["undeclared"]
    assert gid["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert gid["properties"]["pages"] == ["/a.html", "/b.html"]
    assert {r["level"] for r in by_rule["not-observed"]} == {"note"}
    assert {r["level"] for r in by_rule["duration-mismatch"]} == {"warning"}


def test_text_report(report: Report) -> None:
    text = write_text(report)
    lines = text.splitlines()
    assert lines[0] == "cookiecharter audit of https://docs.example.org/"
    assert "known cookies: Open Cookie Database snapshot of 2026-01-21" in text
    header = next(line for line in lines if line.startswith("SEVERITY"))
    assert header.split() == ["SEVERITY", "KIND", "NAME", "STORAGE", "DOMAIN", "LINE", "PAGES"]
    row = next(line for line in lines if line.startswith("error") and "_gid" in line)
    assert row.split()[:6] == ["error", "undeclared", "_gid", "cookie", "docs.example.org", "-"]
    assert "cookies.yaml:7: error: set-before-consent:" in text
    assert lines[-1] == "3 error(s), 2 warning(s), 4 info"


def test_exit_status(report: Report) -> None:
    assert report.exit_status == 1
    clean = Report(report.observation, (), ("cookies.yaml",), "x", 0.05)
    assert clean.exit_status == 0
    assert "No finding" in write_text(clean)
