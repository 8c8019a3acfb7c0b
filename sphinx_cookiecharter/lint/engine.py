"""Run the rules over a declaration and collect their findings."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .profiles import DEFAULT_PROFILE, PROFILES
from .registry import RULES, Context

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from ..core.model import Declaration
    from ..core.sarif import Severity
    from .registry import Hit, Rule


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: a rule, where in which file, about which cookie, and what is wrong.

    ``line`` and ``column`` are 1-based; a finding about something missing from the
    whole file is at line 1, column 1.
    """

    rule: str
    severity: Severity
    file: str
    line: int
    column: int
    cookie: str | None
    message: str
    source: str

    def as_json(self) -> dict[str, object]:
        """The finding as the JSON output gives it (keys in the documented order)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "cookie": self.cookie,
            "message": self.message,
            "source": self.source,
        }

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.rule} {self.severity}: {self.message}"


class UnknownRuleError(ValueError):
    """A rule id given to select or ignore names no rule."""


def check_ids(ids: Iterable[str]) -> list[str]:
    """The ids, each checked to name a rule.

    :raises UnknownRuleError: naming the first id that is no rule.
    """
    result = []
    for rule_id in ids:
        if rule_id not in RULES:
            raise UnknownRuleError(f"no lint rule is called {rule_id!r}")
        result.append(rule_id)
    return result


def today() -> datetime.date:
    """The day of the check: ``SOURCE_DATE_EPOCH`` when set (reproducible builds, as
    Sphinx does), otherwise today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


def rules_for(
    profile: str = DEFAULT_PROFILE,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
) -> list[Rule]:
    """The rules that run: those of the profile, among ``select`` (all when ``None``),
    less ``ignore``."""
    return [
        rule
        for rule in RULES.values()
        if profile in rule.profiles
        and (select is None or rule.id in select)
        and rule.id not in ignore
    ]


def lint(
    declaration: Declaration,
    *,
    profile: str = DEFAULT_PROFILE,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
    on: datetime.date | None = None,
) -> list[Finding]:
    """Every finding about ``declaration``, by line, column and rule.

    Findings silenced by the declaration's own ``lint`` settings (its top-level one, or
    the cookie's) are left out, except those about the settings themselves.

    :param profile: ``eu``, ``fr`` or ``uk``.
    :param select: run only these rules.
    :param ignore: do not run these rules.
    :param on: the day of the check (default: ``today()``).
    :raises KeyError: for an unknown profile.
    """
    context = Context(declaration, PROFILES[profile], on or today())
    silenced_everywhere = set(declaration.lint.ignore) if declaration.lint else set()
    findings = []
    for rule in rules_for(profile, select, ignore):
        for hit in rule.check(context):
            if rule.theme != "suppression" and _silenced(rule.id, hit, silenced_everywhere):
                continue
            position = hit.position
            message = hit.message
            if hit.cookie is not None and hit.cookie.preset is not None:
                message += f" (from the preset {hit.cookie.preset!r})"
            findings.append(
                Finding(
                    rule.id,
                    rule.severity,
                    declaration.source,
                    position.line if position else 1,
                    (position.column or 1) if position else 1,
                    hit.cookie.name if hit.cookie is not None else None,
                    message,
                    rule.source_text,
                )
            )
    findings.sort(key=lambda finding: (finding.line, finding.column, finding.rule))
    return findings


def _silenced(rule_id: str, hit: Hit, everywhere: set[str]) -> bool:
    if rule_id in everywhere:
        return True
    settings = hit.cookie.lint if hit.cookie is not None else None
    return settings is not None and rule_id in settings.ignore
