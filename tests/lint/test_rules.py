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
from sphinx_cookiecharter.lint import PROFILES, RULES, SEVERITIES, lint, sources
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


#: A place in a text: an article, paragraph, section, point, schedule or regulation, the
#: operative part of a judgment, or a heading quoted as the text gives it; or the
#: admission that the place could not be confirmed.
_LOCATION = re.compile(
    r"\b(art|arts|para|paras|reg|sch)\. |\bsection \d|\bpoint \d|operative part|'[^']+'"
    r"|\((section|sections|paragraph|paragraphs|point)( and paragraphs?)? not confirmed"
)


def _all_sources() -> set[sources.Source]:
    return {source for rule in RULES.values() for source in rule.sources}


def test_every_source_says_where_in_its_text() -> None:
    """A reviewer can find the passage: each source names an article, a paragraph, a
    section or a heading, or says that its place is not confirmed; never only what it
    is said to say."""
    for source in _all_sources() - {sources.SUPPRESSION}:
        assert _LOCATION.search(source.part), f"{source} names no place in the text"


def test_a_french_article_is_linked_as_an_article() -> None:
    """A source citing an article of a text published in the Journal officiel links to
    that article on Légifrance, not to the whole text."""
    for source in _all_sources():
        if "legifrance.gouv.fr" in source.url and source.part.startswith("art."):
            assert "/jorf/article_jo/JORFARTI" in source.url, source


def test_the_ico_guidance_cited_is_the_current_one() -> None:
    """The ICO replaced its cookie guidance with the guidance on storage and access
    technologies (final version of April 2026)."""
    ico = [source for source in _all_sources() if "ico.org.uk" in source.url]
    assert ico
    for source in ico:
        assert "/guidance-on-the-use-of-storage-and-access-technologies/" in source.url


#: The citations issues #10 and #11 asked for, by rule: the place in the text each one
#: now names (instrument and article, paragraph, section or heading).
_PINNED = {
    # The CNIL's 6-month choice, in the recommendation's article on consent and refusal.
    "CK021": ("délibération n° 2020-092", "art. 2,", "6 months"),
    "CK022": ("délibération n° 2020-092", "art. 2,", "refreshing consent"),
    "CK023": ("délibération n° 2020-092", "art. 2,", "6 months"),
    # The information owed before consent, in the guidelines (2020-091), not only art. 5.
    "CK018": ("délibération n° 2020-091", "art. 2,", "identity of the controllers"),
    "CK029": ("délibération n° 2020-091", "art. 2,", "exhaustive list"),
    # The exempt audience measurement's durations, in the recommendation's art. 5.
    "CK008": ("délibération n° 2020-092", "art. 5,", "13 months"),
    # The UK exceptions at PECR sch. A1, in force since 5 February 2026, and the ICO's
    # current guidance.
    "CK010": ("sch. A1", "S.I. 2026/82", "'What are the exceptions?'"),
    "CK014": ("'How long can we store or access information for?'", "CNIL", "art. 2,"),
    # The judgments by case number and ECLI where it was confirmed, at their operative part.
    "CK031": ("C-40/17 (ECLI:EU:C:2019:629)", "operative part, point 2"),
    "CK012": ("C-673/17", "operative part, point 2"),
}


@pytest.mark.parametrize("rule_id", sorted(_PINNED))
def test_the_sources_are_pinned_to_their_place(rule_id: str) -> None:
    """The sources as the JSON and SARIF outputs give them name the article, paragraph
    or heading the rule rests on."""
    text = RULES[rule_id].source_text
    for expected in _PINNED[rule_id]:
        assert expected in text, f"{rule_id}: {expected!r} not in {text!r}"


def test_the_cnil_articles_link_to_legifrance() -> None:
    """Each CNIL délibération article cited links to that article on Légifrance."""
    cited = {
        (source.instrument.split(" of ")[0], source.part.split(",")[0], source.url)
        for source in _all_sources()
        if source.instrument.startswith("CNIL, délibération")
    }
    assert {part for _, part, _ in cited} == {"art. 2", "art. 5"}
    for instrument, part, url in cited:
        assert url.startswith("https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI"), (
            instrument,
            part,
            url,
        )


def test_the_rules_read_the_model_not_the_text() -> None:
    """No rule module reads files or parses text: they get the model only."""
    for path in (PACKAGE / "lint" / "rules").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("open(", "read_text", "yaml", "json", "tomllib", "core.read"):
            assert forbidden not in source, f"{path.name} uses {forbidden}"
