"""SARIF 2.1.0 logs, as GitHub code scanning and other tools read them.

A small writer shared by every command that reports findings located in files
(``cookiecharter lint``, ``cookiecharter audit``): the caller describes its rules and
its results; this module lays them out as the OASIS SARIF 2.1.0 schema and GitHub's
code scanning expect (rules with help text and a help URI, results with a level, a
location relative to the directory the command ran in, and a stable fingerprint).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

#: The schema a SARIF 2.1.0 log names in ``$schema``.
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"

Level = Literal["error", "warning", "note", "none"]

#: How serious a finding is, in the lint's and the audit's reports alike.
Severity = Literal["error", "warning", "info"]
#: The severities, from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: How a severity maps to a SARIF level.
LEVELS: dict[Severity, Level] = {"error": "error", "warning": "warning", "info": "note"}

_BASE = "%SRCROOT%"


@dataclass(frozen=True, slots=True)
class SarifRule:
    """A rule as SARIF's ``reportingDescriptor`` describes it."""

    id: str
    name: str
    short_description: str
    full_description: str
    help_text: str
    help_markdown: str
    help_uri: str
    level: Level
    tags: tuple[str, ...] = ()
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SarifResult:
    """One result: a rule, a message, and where (``line``/``column`` are 1-based).

    :param fingerprint: what identifies the result across runs, whatever its line (the
        rule, the file and the part it is about); hashed into ``partialFingerprints``.
    """

    rule_id: str
    level: Level
    message: str
    path: str
    line: int
    column: int
    fingerprint: str
    properties: dict[str, Any] = field(default_factory=dict)


def artifact_uri(path: str, root: Path) -> tuple[str, str | None]:
    """The URI of a file as a result names it: relative to ``root`` (with the base id
    ``%SRCROOT%``) when it is inside, otherwise an absolute ``file:`` URI."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root).as_posix(), _BASE
    except ValueError:
        return absolute.as_uri(), None


def sarif_log(
    *,
    tool: str,
    version: str,
    information_uri: str,
    rules: list[SarifRule],
    results: list[SarifResult],
    root: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run of ``tool``.

    :param root: the directory relative paths start from (default: the current one).
    """
    base = Path(root if root is not None else os.curdir).resolve()
    index = {rule.id: number for number, rule in enumerate(rules)}
    run_results = []
    for result in results:
        uri, base_id = artifact_uri(result.path, base)
        artifact: dict[str, Any] = {"uri": uri}
        if base_id:
            artifact["uriBaseId"] = base_id
        entry: dict[str, Any] = {
            "ruleId": result.rule_id,
            "level": result.level,
            "message": {"text": result.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": {
                            "startLine": max(result.line, 1),
                            "startColumn": max(result.column, 1),
                        },
                    }
                }
            ],
            "partialFingerprints": {
                f"{tool}/v1": hashlib.sha256(
                    f"{result.rule_id}\0{uri}\0{result.fingerprint}".encode()
                ).hexdigest()
            },
        }
        if result.rule_id in index:
            entry["ruleIndex"] = index[result.rule_id]
        if result.properties:
            entry["properties"] = result.properties
        run_results.append(entry)
    return {
        "$schema": SCHEMA_URI,
        "version": VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": tool,
                        "version": version,
                        "semanticVersion": version,
                        "informationUri": information_uri,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {_BASE: {"uri": base.as_uri() + "/"}},
                "results": run_results,
            }
        ],
    }


def _descriptor(rule: SarifRule) -> dict[str, Any]:
    properties = dict(rule.properties)
    if rule.tags:
        properties["tags"] = list(rule.tags)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.short_description},
        "fullDescription": {"text": rule.full_description},
        "help": {"text": rule.help_text, "markdown": rule.help_markdown},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": rule.level},
    }
    if properties:
        descriptor["properties"] = properties
    return descriptor
