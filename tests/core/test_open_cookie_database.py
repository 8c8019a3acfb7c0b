"""Real data: every row of the Open Cookie Database loads, or is refused where it stands
with a message that says what to write instead.

The Open Cookie Database (Apache-2.0, see ``tests/data/open-cookie-database/``) lists
2,264 cookies and storage keys as people write them. Each row becomes one cookie of a
JSON declaration, on a line of its own, so a diagnostic's line names its row. The
figures asserted here are the ones ``docs/reference/real-data.md`` reports.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from functools import cache
from typing import Any

import pytest

from sphinx_cookiecharter.core.load import LoadResult, parse_declaration
from tests.paths import DOCS, TESTS

OCD = TESTS / "data" / "open-cookie-database" / "open-cookie-database.csv"

#: The database's categories and the declaration's.
CATEGORIES = {
    "Functional": "necessary",
    "Necessary": "necessary",
    "Security": "necessary",
    "Preferences": "preferences",
    "Personalization": "preferences",
    "Analytics": "statistics",
    "Marketing": "marketing",
}
#: The line of the first cookie in the converted text (see :func:`convert`).
FIRST_LINE = 3


def rows() -> list[dict[str, str]]:
    with OCD.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _provider_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug if slug[:1].isalpha() else f"p-{slug}"


def cookie(row: dict[str, str], providers: dict[str, dict[str, str]]) -> dict[str, Any]:
    """One row as a cookie of the declaration, its values as the database writes them."""
    name = row["Cookie / Data Key name"]
    if row["Wildcard match"] == "1" and not name.endswith("*"):
        name += "*"  # the database's name is a prefix
    item: dict[str, Any] = {"name": name}
    controller = row["Data Controller"].strip()
    if controller:
        key = _provider_id(controller)
        entry = providers.setdefault(key, {"name": controller})
        if row["User Privacy & GDPR Rights Portals"].strip() and "privacy_policy" not in entry:
            entry["privacy_policy"] = row["User Privacy & GDPR Rights Portals"].strip()
        item["provider"] = key
    else:
        item["provider"] = row["Platform"]
    if row["Platform"]:
        item["service"] = row["Platform"]
    item["category"] = CATEGORIES[row["Category"]]
    if row["Description"]:
        item["purpose"] = row["Description"]
    if row["Retention period"]:
        item["duration"] = row["Retention period"]
    domain = row["Domain"]
    if "3rd party" in domain:
        item["party"] = "third"
        domain = domain.replace("(3rd party)", "").strip()
    if domain:
        item["domain"] = domain
    return item


def convert(table: list[dict[str, str]]) -> str:
    """The database as one JSON declaration, one cookie a line from :data:`FIRST_LINE`."""
    providers: dict[str, dict[str, str]] = {}
    cookies = [json.dumps(cookie(row, providers), ensure_ascii=False) for row in table]
    return (
        '{"version": 1,\n"cookies": [\n'
        + ",\n".join(cookies)
        + "\n],\n"
        + f'"providers": {json.dumps(providers, ensure_ascii=False)}\n}}\n'
    )


@cache
def loaded() -> tuple[list[dict[str, str]], LoadResult]:
    table = rows()
    return table, parse_declaration(convert(table), "json", source="ocd.json")


def test_the_copy_is_whole_and_keeps_its_licence() -> None:
    assert len(rows()) == 2264
    folder = OCD.parent
    assert "Apache License" in (folder / "LICENSE").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "jkwakman/Open-Cookie-Database" in readme
    assert "0ee5a17fe1cb002943f89370d24fc26a4226061c" in readme


def test_every_row_loads_or_is_refused_where_it_stands() -> None:
    table, result = loaded()
    assert result.declaration is not None
    loaded_lines = {c.position.line for c in result.declaration.cookies if c.position}
    refused: dict[int, list[str]] = {}
    for diagnostic in result.diagnostics:
        assert diagnostic.line is not None, diagnostic
        assert diagnostic.path[:1] == ("cookies",), diagnostic
        assert diagnostic.expected, f"says nothing of what to write instead: {diagnostic}"
        refused.setdefault(diagnostic.line, []).append(str(diagnostic))
    for index in range(len(table)):
        line = FIRST_LINE + index
        assert (line in loaded_lines) != (line in refused), f"row {index + 2} of the CSV"


def _field(diagnostic_path: tuple[object, ...]) -> str:
    return str(diagnostic_path[2]) if len(diagnostic_path) > 2 else "cookie"


def figures() -> dict[str, int]:
    """Rows loaded and refused, and the rows refused for each field."""
    table, result = loaded()
    assert result.declaration is not None
    by_field: Counter[str] = Counter()
    rows_by_field: dict[str, set[int]] = {}
    for diagnostic in result.diagnostics:
        name = "duplicate" if diagnostic.kind == "duplicate" else _field(diagnostic.path)
        rows_by_field.setdefault(name, set()).add(int(diagnostic.path[1]))
    for name, indexes in rows_by_field.items():
        by_field[name] = len(indexes)
    refused = {int(d.path[1]) for d in result.diagnostics}
    return {
        "rows": len(table),
        "loaded": len(result.declaration.cookies),
        "refused": len(refused),
        **{f"refused for {name}": count for name, count in sorted(by_field.items())},
    }


EXPECTED = {
    "rows": 2264,
    "loaded": 2191,
    "refused": 73,
    "refused for duration": 59,
    "refused for name": 12,
    "refused for provider": 1,
    "refused for duplicate": 1,
}


def test_figures() -> None:
    assert figures() == EXPECTED


def test_free_text_takes_every_duration_no_spelling_fits() -> None:
    """Following the advice (free text in a language mapping) loads those rows."""
    table, result = loaded()
    refused = {int(d.path[1]) for d in result.diagnostics if d.path[2:3] == ("duration",)}
    providers: dict[str, dict[str, str]] = {}
    cookies = []
    for index, row in enumerate(table):
        item = cookie(row, providers)
        if index in refused:
            item["duration"] = {"en": item["duration"]}
        cookies.append(item)
    text = json.dumps({"providers": providers, "cookies": cookies})
    again = parse_declaration(text, "json", source="ocd.json")
    assert not [d for d in again.diagnostics if d.path[2:3] == ("duration",)]
    assert again.declaration is not None
    free = [c for c in again.declaration.cookies if c.duration and c.duration.kind == "text"]
    assert len(free) == EXPECTED["refused for duration"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_docs_report_the_figures(name: str) -> None:
    page = (DOCS / "reference" / "real-data.md").read_text(encoding="utf-8")
    assert f"| {name} | {EXPECTED[name]:,} |" in page
