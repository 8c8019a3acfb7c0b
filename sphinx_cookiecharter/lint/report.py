"""Findings written out: as text lines, as JSON, and as a SARIF 2.1.0 log."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from ..core.sarif import LEVELS, SarifResult, SarifRule, sarif_log
from .registry import RULES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .engine import Finding
    from .registry import Rule

#: The tool's name in SARIF logs.
TOOL = "cookiecharter-lint"
INFORMATION_URI = "https://sphinx-cookiecharter.readthedocs.io/"


def as_text(findings: Iterable[Finding]) -> str:
    """One line per finding: ``FILE:LINE:COL: CK012 warning: message``."""
    return "".join(f"{finding}\n" for finding in findings)


def as_json(findings: Iterable[Finding]) -> str:
    """The findings as a JSON list of objects (see :meth:`.Finding.as_json`)."""
    return json.dumps([f.as_json() for f in findings], indent=2, ensure_ascii=False) + "\n"


def _plain(markdown: str) -> str:
    """Text written with backquoted code, without the backquotes."""
    return markdown.replace("`", "")


def silencing(rule: Rule) -> str:
    """How to silence the rule, in Markdown."""
    scope = (
        f"a cookie's or the file's `lint: {{ignore: [{rule.id}], reason: ...}}`"
        if rule.theme != "suppression"
        else "the command line or the Sphinx configuration only"
    )
    return (
        f"Silence it with {scope}; `--ignore {rule.id}` on the command line; or "
        f'`suppress_warnings = ["cookiecharter-lint.{rule.id}"]` in a Sphinx build.'
    )


def sarif_rule(rule: Rule) -> SarifRule:
    """A rule with the metadata code scanning shows: description, help, sources, link."""
    sources = "\n".join(f"- [{source}]({source.url})" for source in rule.sources)
    markdown = (
        f"{rule.rationale}\n\n**How to fix.** {rule.fix}\n\n**Sources.**\n{sources}\n\n"
        f"**Fields read.** {', '.join(f'`{name}`' for name in rule.fields)}\n\n"
        f"{silencing(rule)}\n\n[Rule reference]({rule.help_uri})"
    )
    text = (
        f"{_plain(rule.rationale)}\n\nHow to fix: {_plain(rule.fix)}\n\nSources: "
        + "; ".join(f"{source} <{source.url}>" for source in rule.sources)
        + f"\n\n{_plain(silencing(rule))}\n\nReference: {rule.help_uri}"
    )
    return SarifRule(
        id=rule.id,
        name=_camel(rule.name),
        short_description=rule.title,
        full_description=_plain(rule.rationale),
        help_text=text,
        help_markdown=markdown,
        help_uri=rule.help_uri,
        level=LEVELS[rule.severity],
        tags=("privacy", "cookies", rule.theme),
        properties={"profiles": sorted(rule.profiles), "precision": "high"},
    )


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[-_]", name))


def as_sarif(
    findings: Iterable[Finding], rules: Iterable[Rule] | None = None, *, version: str = ""
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of the findings, describing ``rules`` (default: every rule).

    :param version: the version of the tool that ran (the package's).
    """
    described = list(rules if rules is not None else RULES.values())
    results = [
        SarifResult(
            rule_id=finding.rule,
            level=LEVELS[finding.severity],
            message=finding.message,
            path=finding.file,
            line=finding.line,
            column=finding.column,
            # The part a finding is about, not its line: a finding moved by an edit
            # above it keeps its identity in code scanning.
            fingerprint=finding.cookie or finding.message,
            properties={"source": finding.source},
        )
        for finding in findings
    ]
    return sarif_log(
        tool=TOOL,
        version=version,
        information_uri=INFORMATION_URI,
        rules=[sarif_rule(rule) for rule in described],
        results=results,
    )
