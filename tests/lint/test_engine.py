"""The engine: profiles, select and ignore, the declaration's own lint settings, order."""

from __future__ import annotations

import datetime

import pytest

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.lint import PROFILES, RULES, lint, rules_for, today

ON = datetime.date(2026, 11, 29)

MARKETING_EXEMPT = """\
cookies:
  - name: _fbp
    provider: Example Ads
    category: marketing
    purpose: Ads.
    consent: exempt
"""


def declaration(text: str):
    result = parse_declaration(text, "yaml", source="cookies.yaml")
    assert not result.diagnostics, result.diagnostics
    return result.declaration


def rules_of(findings: list) -> list[str]:
    return [finding.rule for finding in findings]


def test_select_and_ignore() -> None:
    decl = declaration(MARKETING_EXEMPT)
    assert rules_of(lint(decl, select={"CK001"}, on=ON)) == ["CK001"]
    assert "CK001" not in rules_of(lint(decl, ignore={"CK001"}, on=ON))
    assert lint(decl, select={"CK001"}, ignore={"CK001"}, on=ON) == []


def test_profiles_choose_rules_and_thresholds() -> None:
    decl = declaration(
        "cookies:\n  - name: pref\n    provider: Site\n    category: preferences\n"
        "    purpose: Region.\n    duration: 18 months\n"
    )
    assert "CK014" not in rules_of(lint(decl, profile="eu", on=ON))  # 2 years
    assert "CK014" in rules_of(lint(decl, profile="fr", on=ON))  # 13 months
    eu_only = {rule.id for rule in rules_for("eu")} - {rule.id for rule in rules_for("fr")}
    assert eu_only == {"CK007"}
    assert {rule.id for rule in rules_for("fr")} - {rule.id for rule in rules_for("eu")} == {
        "CK008",
        "CK009",
        "CK023",
    }
    assert {rule.id for rule in rules_for("uk")} - {rule.id for rule in rules_for("eu")} == {
        "CK010"
    }
    assert PROFILES["uk"].home == {"GB"}
    with pytest.raises(KeyError):
        lint(decl, profile="mars")


def test_a_transfer_is_counted_from_the_profiles_area() -> None:
    decl = declaration(
        "providers:\n  a:\n    name: A\n    country: IE\n  b:\n    name: B\n    country: US\n"
        "cookies:\n"
        "  - {name: x, provider: a, category: necessary, purpose: X., duration: session}\n"
        "  - {name: y, provider: b, category: necessary, purpose: Y., duration: session}\n"
    )
    eu = [f.message for f in lint(decl, profile="eu", select={"CK030"}, on=ON)]
    uk = [f.message for f in lint(decl, profile="uk", select={"CK030"}, on=ON)]
    assert len(eu) == 1 and "'B'" in eu[0]
    assert len(uk) == 2


def test_a_cookies_lint_settings_silence_its_findings_only() -> None:
    decl = declaration(
        MARKETING_EXEMPT
        + "    lint: {ignore: [CK001, CK013], reason: A test.}\n"
        + "  - name: _other\n    provider: Example Ads\n    category: marketing\n"
        + "    purpose: Ads.\n    consent: exempt\n"
    )
    found = lint(decl, select={"CK001", "CK013"}, on=ON)
    assert [(f.rule, f.cookie) for f in found] == [("CK001", "_other"), ("CK013", "_other")]


def test_the_files_lint_settings_silence_everywhere() -> None:
    decl = declaration("lint: {ignore: [CK001, CK025], reason: A test.}\n" + MARKETING_EXEMPT)
    assert not {"CK001", "CK025"} & set(rules_of(lint(decl, on=ON)))


def test_a_suppression_without_reason_or_of_no_rule_is_a_finding() -> None:
    decl = declaration(
        "lint: {ignore: [CK025, CK999]}\n" + MARKETING_EXEMPT + "    lint: {ignore: [CK001]}\n"
    )
    found = lint(decl, select={"CK001", "CK025", "CK036", "CK037"}, on=ON)
    # Silenced, but each silence without reason is reported, and cannot silence itself.
    assert [(f.rule, f.line, f.cookie) for f in found] == [
        ("CK036", 1, None),
        ("CK037", 1, None),
        ("CK036", 8, "_fbp"),
    ]
    assert "CK999" in found[1].message


def test_findings_come_in_file_order() -> None:
    decl = declaration(MARKETING_EXEMPT)
    found = lint(decl, on=ON)
    assert found == sorted(found, key=lambda f: (f.line, f.column, f.rule))
    assert found[0].line == 1 and found[0].column == 1  # updated missing: the top


def test_today_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert today() == datetime.date(2023, 11, 14)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert today() == datetime.date.today()


def test_the_rule_count_per_theme() -> None:
    themes = {rule.theme for rule in RULES.values()}
    assert themes == {
        "exemption",
        "lifetimes",
        "information",
        "providers",
        "consistency",
        "suppression",
        "placeholders",
    }


def test_the_projects_declarations_lint_clean() -> None:
    """The docs' own declaration, the examples and the French model page: no finding, or
    only reasoned suppressions (eu and fr)."""
    from sphinx_cookiecharter.core.load import load_declaration
    from tests.paths import DOCS, EXAMPLES

    files = [DOCS / "cookies.yaml", *sorted(EXAMPLES.glob("*.yaml"))]
    assert EXAMPLES / "model-fr.yaml" in files
    for path in files:
        result = load_declaration(path)
        assert result.ok, path
        for profile in ("eu", "fr"):
            assert lint(result.declaration, profile=profile, on=ON) == [], (path, profile)
        for settings in [result.declaration.lint] + [c.lint for c in result.declaration.cookies]:
            assert settings is None or settings.reason
