"""Validators for what the audit writes: its own JSON Schema and SARIF 2.1.0."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from sphinx_cookiecharter.audit.report import SCHEMA
from tests.paths import TESTS

SARIF_SCHEMA = TESTS / "data" / "sarif" / "sarif-schema-2.1.0.json"


def validate_report(document: dict[str, Any]) -> None:
    """Check a JSON report against the published schema (draft 2020-12)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def validate_sarif(log: dict[str, Any]) -> None:
    """Check a SARIF log against the OASIS SARIF 2.1.0 schema (draft 4)."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
