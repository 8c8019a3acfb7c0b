"""The audit's reports: a table for a terminal, JSON (schema ``audit-report``, version 1)
and SARIF 2.1.0 for code scanning. Writers only: what they write is decided in
:mod:`.compare`."""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..core.sarif import LEVELS, SEVERITIES, SarifResult, SarifRule, sarif_log
from .compare import KINDS, describe_lifetime
from .known import SNAPSHOT
from .observation import PHASES, group

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .compare import Finding, Kind
    from .observation import Observation, Observed

#: The version of the JSON report's shape (``schemas/audit-report.schema.json``).
REPORT_VERSION = 1
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "audit-report.schema.json"
DOCS = "https://sphinx-cookiecharter.readthedocs.io/en/latest/"
RULES_DOC = DOCS + "reference/audit-report.html"
#: Where the text report wraps its messages.
WIDTH = 100

#: What each kind of finding means, for SARIF's rules and the documentation.
DESCRIPTIONS: dict[Kind, str] = {
    "undeclared": "Something is stored that the declaration does not list.",
    "set-before-consent": "Something whose declared entry requires consent is stored on "
    "arrival, before the visitor agreed.",
    "set-after-reject": "Something whose declared entry requires consent is stored after "
    "the visitor refused, though it was not there before.",
    "storage-mismatch": "Something is stored in another storage than declared (a cookie "
    "declared as local storage, for instance).",
    "party-mismatch": "Something declared first party is set by a third party, or the "
    "other way round.",
    "duration-mismatch": "A cookie lives longer than declared beyond the tolerance, or is "
    "a session cookie declared persistent, or the other way round.",
    "not-observed": "A declared entry was not seen on any page visited, in any phase.",
}


@dataclass(frozen=True, slots=True)
class Report:
    """One audit: what was observed, what was found, how it was run."""

    observation: Observation
    findings: tuple[Finding, ...]
    declarations: tuple[str, ...]
    base_url: str
    tolerance: float
    elapsed: float = 0.0
    notes: tuple[str, ...] = field(default=())

    @property
    def counts(self) -> dict[str, int]:
        return {
            severity: sum(1 for finding in self.findings if finding.severity == severity)
            for severity in SEVERITIES
        }

    @property
    def exit_status(self) -> int:
        """1 when a finding is an error, else 0."""
        return 1 if self.counts["error"] else 0


# --- JSON ------------------------------------------------------------------------------


def _finding_json(finding: Finding) -> dict[str, Any]:
    known = finding.known
    return {
        "kind": finding.kind,
        "severity": finding.severity,
        "name": finding.name,
        "storage": finding.storage,
        "domain": finding.domain,
        "pages": list(finding.pages),
        "phases": list(finding.phases),
        "declaration": finding.declaration,
        "declared_line": finding.declared_line,
        "declared_column": finding.declared_column,
        "declared_name": finding.declared.name if finding.declared is not None else None,
        "message": finding.message,
        "known": None
        if known is None
        else {
            "name": known.name,
            "wildcard": known.wildcard,
            "platform": known.platform,
            "provider": known.controller,
            "category": known.category,
            "retention": known.retention,
            "description": known.description,
            "privacy_url": known.privacy_url,
        },
    }


def to_json(report: Report) -> dict[str, Any]:
    """The report as the JSON document the schema describes."""
    observation = report.observation
    hosts: dict[str, dict[str, Any]] = {}
    for host in observation.hosts:
        entry = hosts.setdefault(host.host, {"host": host.host, "pages": [], "phases": []})
        if host.page not in entry["pages"]:
            entry["pages"].append(host.page)
        if host.phase not in entry["phases"]:
            entry["phases"].append(host.phase)
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "sphinx-cookiecharter", "version": __version__},
        "target": observation.target,
        "base_url": report.base_url,
        "declarations": list(report.declarations),
        "phases": [phase for phase in PHASES if phase in observation.phases],
        "tolerance": report.tolerance,
        "known_cookies": dict(SNAPSHOT),
        "elapsed": round(report.elapsed, 3),
        "pages": [
            {
                "url": page.url,
                "status": page.status,
                "title": page.title,
                "phases": list(page.phases),
                "problems": list(page.problems),
            }
            for page in observation.pages
        ],
        "observed": [
            {
                "name": item.name,
                "storage": item.storage,
                "domain": item.domain,
                "party": item.party,
                "lifetime": item.lifetime,
                "pages": list(item.pages),
                "phase": item.phase,
                "path": item.path,
                "secure": item.secure,
                "http_only": item.http_only,
                "same_site": item.same_site,
            }
            for item in group(observation.items)
        ],
        "hosts": list(hosts.values()),
        "findings": [_finding_json(finding) for finding in report.findings],
        "summary": report.counts,
        "notes": [*observation.notes, *report.notes],
    }


def write_json(report: Report) -> str:
    return json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n"


# --- SARIF -----------------------------------------------------------------------------


#: What to do about each kind of finding, for SARIF's rule help.
FIXES: dict[Kind, str] = {
    "undeclared": "Declare it (`cookiecharter audit --suggest FILE` writes a fragment to "
    "start from), or stop the script that stores it.",
    "set-before-consent": "Load the script that stores it only once the visitor has "
    "agreed, or, if it is exempt from consent, declare it so (`consent: exempt` with its "
    "`exemption`).",
    "set-after-reject": "Make the script that stores it honour a refusal.",
    "storage-mismatch": "Correct the entry's `storage`.",
    "party-mismatch": "Correct the entry's `party` (and `domain`).",
    "duration-mismatch": "Correct the entry's `duration`, or the lifetime the script sets.",
    "not-observed": "Remove the entry if nothing stores it any more; otherwise visit the "
    "pages or consent phases where it is stored (`--accept-selector`, `--pages`).",
}


def _sarif_rule(kind: Kind) -> SarifRule:
    level = LEVELS[KINDS[kind]]
    return SarifRule(
        id=kind,
        name="".join(part.capitalize() for part in kind.split("-")),
        short_description=DESCRIPTIONS[kind],
        full_description=DESCRIPTIONS[kind],
        help_text=FIXES[kind],
        help_markdown=FIXES[kind],
        help_uri=f"{RULES_DOC}#{kind}",
        level=level,
        tags=("cookies", "privacy"),
    )


def to_sarif(report: Report) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log: one rule per kind of finding, one result per
    finding, located at the declared entry's line; something undeclared is located at
    the declaration file (its first line), having no line of its own."""
    results = []
    for finding in report.findings:
        sources = [finding.declaration] if finding.declaration is not None else report.declarations
        for source in sources:
            results.append(
                SarifResult(
                    rule_id=finding.kind,
                    level=LEVELS[finding.severity],
                    message=finding.message,
                    path=source,
                    line=finding.declared_line or 1,
                    column=finding.declared_column or 1,
                    fingerprint="\0".join((finding.name, finding.storage, finding.domain or "")),
                    properties={
                        "name": finding.name,
                        "storage": finding.storage,
                        "domain": finding.domain,
                        "pages": list(finding.pages),
                        "phases": list(finding.phases),
                    },
                )
            )
    return sarif_log(
        tool="cookiecharter-audit",
        version=__version__,
        information_uri=DOCS,
        rules=[_sarif_rule(kind) for kind in KINDS],
        results=results,
    )


def write_sarif(report: Report) -> str:
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"


# --- text ------------------------------------------------------------------------------


def _pages(pages: tuple[str, ...], room: int = 2) -> str:
    if not pages:
        return "-"
    shown = ", ".join(pages[:room])
    return shown + (f" (+{len(pages) - room})" if len(pages) > room else "")


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def write_text(report: Report) -> str:
    """A report to read in a terminal: what was audited, one table row per finding,
    then each finding's message."""
    observation = report.observation
    counts = report.counts
    phases = ", ".join(phase for phase in PHASES if phase in observation.phases)
    observed = group(observation.items)
    stored = {item.key for item in observed}
    lines = [
        f"cookiecharter audit of {observation.target}",
        f"  declaration{'s' if len(report.declarations) > 1 else ''}: "
        + ", ".join(os.fspath(source) for source in report.declarations),
        f"  {len(observation.pages)} page{'' if len(observation.pages) == 1 else 's'} "
        f"visited ({phases}) in {report.elapsed:.1f} s; {len(stored)} item"
        f"{'' if len(stored) == 1 else 's'} stored, "
        f"{len({host.host for host in observation.hosts})} third-party host(s) contacted",
        f"  known cookies: {SNAPSHOT['name']} snapshot of {SNAPSHOT['date']}",
        "",
    ]
    if report.findings:
        rows = [("SEVERITY", "KIND", "NAME", "STORAGE", "DOMAIN", "LINE", "PAGES")]
        rows += [
            (
                finding.severity,
                finding.kind,
                finding.name,
                finding.storage,
                finding.domain or "-",
                str(finding.declared_line) if finding.declared_line is not None else "-",
                _pages(finding.pages),
            )
            for finding in report.findings
        ]
        lines += _table(rows)
        lines.append("")
        for number, finding in enumerate(report.findings, 1):
            where = (
                f"{finding.declaration}:{finding.declared_line}: "
                if finding.declaration and finding.declared_line is not None
                else ""
            )
            lines += textwrap.wrap(
                f"{number}. {where}{finding.severity}: {finding.kind}: {finding.message}",
                WIDTH,
                subsequent_indent="   ",
                break_on_hyphens=False,
            )
            if len(finding.pages) > 2:
                lines += textwrap.wrap(
                    f"pages: {', '.join(finding.pages)}",
                    WIDTH,
                    initial_indent="   ",
                    subsequent_indent="     ",
                )
        lines.append("")
    else:
        lines += ["No finding: the site stores what the declaration says.", ""]
    if observed:
        lines.append("Stored (each item once, with the phases it was seen in):")
        merged: dict[tuple[str, str, str], list[Observed]] = {}
        for item in observed:
            merged.setdefault(item.key, []).append(item)
        rows = [("NAME", "STORAGE", "DOMAIN", "PARTY", "LIFETIME", "PHASES", "PAGES")]
        for items in merged.values():
            first = items[0]
            pages = tuple(dict.fromkeys(page for item in items for page in item.pages))
            longest = max((i.lifetime for i in items if i.lifetime is not None), default=None)
            rows.append(
                (
                    first.name,
                    first.storage,
                    first.domain,
                    first.party,
                    describe_lifetime(longest)
                    if first.storage == "cookie"
                    else ("session" if first.storage == "session-storage" else "until cleared"),
                    ", ".join(item.phase for item in items),
                    _pages(pages),
                )
            )
        lines += ["  " + line for line in _table(rows)]
        lines.append("")
    for page in observation.pages:
        for problem in page.problems:
            lines.append(f"note: {page.url}: {problem}")
    for note in (*observation.notes, *report.notes):
        lines.append(f"note: {note}")
    lines.append(
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
    )
    return "\n".join(lines) + "\n"


WRITERS = {"text": write_text, "json": write_json, "sarif": write_sarif}
