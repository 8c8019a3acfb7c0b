"""Every rule, on its own example files: the failing one gives exactly that rule's
finding, on the line its ``# CKnnn`` marker names; the passing one gives none.

The same files are shown by the rules reference in the docs.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sphinx_cookiecharter.core.load import load_declaration
from sphinx_cookiecharter.lint import PROFILES, RULES, SEVERITIES, lint
from sphinx_cookiecharter.lint.registry import EXAMPLES_CHECKED_ON
from tests.paths import PACKAGE

if TYPE_CHECKING:
    from sphinx_cookiecharter.lint.registry import Rule

EXAMPLES = PACKAGE / "lint" / "examples"
#: The day the examples are checked on (the rules on `updated` depend on it).
ON = datetime.date(*EXAMPLES_CHECKED_ON)


def profile_of(rule: Rule) -> str:
    """The profile a rule's examples are linted with: eu when the rule runs there."""
    return "eu" if "eu" in rule.profiles else min(rule.profiles)


def findings(rule: Rule, kind: str) -> list:
    path = Path(str(rule.example(kind)))  # type: ignore[arg-type]
    result = load_declaration(path, source=path.name)
    assert not result.diagnostics, f"{path.name} is not a valid declaration"
    assert result.declaration is not None
    return lint(result.declaration, profile=profile_of(rule), on=ON)


def marked_line(rule: Rule) -> int:
    lines = Path(str(rule.example("fail"))).read_text(encoding="utf-8").splitlines()
    marked = [n for n, line in enumerate(lines, 1) if line.rstrip().endswith(f"# {rule.id}")]
    assert len(marked) == 1, f"{rule.id}.fail.yaml must mark one line with '# {rule.id}'"
    return marked[0]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_the_failing_example_gives_exactly_the_rules_finding_on_its_line(rule_id: str) -> None:
    rule = RULES[rule_id]
    mine = [finding for finding in findings(rule, "fail") if finding.rule == rule_id]
    assert [(f.rule, f.line) for f in mine] == [(rule_id, marked_line(rule))]
    assert mine[0].severity == rule.severity
    assert mine[0].file == f"{rule_id}.fail.yaml"
    assert mine[0].source == rule.source_text


@pytest.mark.parametrize("rule_id", list(RULES))
def test_the_passing_example_gives_none(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert [f for f in findings(rule, "pass") if f.rule == rule_id] == []


def test_every_rule_has_its_two_examples_and_every_example_a_rule() -> None:
    expected = {f"{rule_id}.{kind}.yaml" for rule_id in RULES for kind in ("fail", "pass")}
    present = {path.name for path in EXAMPLES.iterdir() if path.suffix == ".yaml"}
    assert expected - present == set(), "rules without examples"
    assert present - expected == set(), "examples without a rule"


def test_a_rule_without_examples_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard above fails for a rule registered without example files."""
    ghost = RULES["CK001"].__class__(
        **{**{f: getattr(RULES["CK001"], f) for f in RULES["CK001"].__slots__}, "id": "CK999"}
    )
    monkeypatch.setitem(RULES, "CK999", ghost)
    with pytest.raises(AssertionError, match="rules without examples"):
        test_every_rule_has_its_two_examples_and_every_example_a_rule()


def test_the_registry_is_complete_and_well_formed() -> None:
    assert len(RULES) >= 25
    assert list(RULES) == sorted(RULES)
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))
    for rule_id, rule in RULES.items():
        assert re.fullmatch(r"CK\d{3}", rule_id)
        assert rule.severity in SEVERITIES
        assert rule.title and rule.rationale and rule.fix and rule.fields
        assert rule.sources, f"{rule_id} rests on no source"
        for source in rule.sources:
            assert source.instrument and source.part
            assert source.url.startswith("https://"), source
        assert rule.profiles <= set(PROFILES)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
        assert rule.help_uri.endswith(f"#{rule_id.lower()}")


def test_the_rules_read_the_model_not_the_text() -> None:
    """No rule module reads files or parses text: they get the model only."""
    for path in (PACKAGE / "lint" / "rules").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("open(", "read_text", "yaml", "json", "tomllib", "core.read"):
            assert forbidden not in source, f"{path.name} uses {forbidden}"
