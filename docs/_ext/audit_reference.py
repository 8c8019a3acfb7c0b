"""The audit's reference tables, built from the code so that they cannot drift:

- ``cookiecharter-audit-kinds``: one row per kind of finding (id, severity, what it
  means, what to do), from :data:`sphinx_cookiecharter.audit.compare.KINDS` and the
  report's descriptions;
- ``cookiecharter-trackers``: the well-known trackers the build's check recognises, from
  :data:`sphinx_cookiecharter.audit.trackers.TRACKERS`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from backquotes import code_text
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cookiecharter.audit.compare import KINDS
from sphinx_cookiecharter.audit.report import DESCRIPTIONS, FIXES, SCHEMA
from sphinx_cookiecharter.audit.trackers import TRACKERS
from sphinx_cookiecharter.render.nodes import Column, table_skeleton

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def _literals(values: tuple[str, ...] | list[str], empty: str = "none") -> nodes.paragraph:
    paragraph = nodes.paragraph()
    if not values:
        paragraph += nodes.Text(empty)
    for index, value in enumerate(values):
        if index:
            paragraph += nodes.Text(", ")
        paragraph += nodes.literal(value, value)
    return paragraph


def _table(
    caption: str, headers: tuple[str, ...], widths: tuple[int, ...], rows: list[list[nodes.Node]]
) -> nodes.table:
    columns = [Column(header, width) for header, width in zip(headers, widths, strict=True)]
    table, body = table_skeleton(columns, title=nodes.title(caption, caption))
    for cells in rows:
        row = nodes.row()
        for content in cells:
            entry = nodes.entry()
            entry += content
            row += entry
        body += row
    return table


class AuditKinds(SphinxDirective):
    """Every kind of finding: its id (an anchor), severity, meaning and remedy."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for kind, severity in KINDS.items():
            name = nodes.paragraph()
            name += nodes.literal(kind, kind)
            rows.append(
                [
                    name,
                    nodes.paragraph(severity, severity),
                    nodes.paragraph("", "", *code_text(DESCRIPTIONS[kind])),
                    nodes.paragraph("", "", *code_text(FIXES[kind])),
                ]
            )
        return [
            _table(
                "Kinds of finding",
                ("Kind", "Severity", "Meaning", "What to do"),
                (16, 10, 37, 37),
                rows,
            )
        ]


class Trackers(SphinxDirective):
    """The trackers the build's check recognises."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for tracker in TRACKERS:
            name = nodes.paragraph()
            name += nodes.Text(tracker.name)
            name += nodes.Text(" (")
            name += nodes.literal(tracker.id, tracker.id)
            name += nodes.Text(")")
            rows.append(
                [
                    name,
                    _literals(tracker.patterns),
                    _literals(tracker.providers),
                    _literals(tracker.cookies, "none: it stores nothing"),
                ]
            )
        return [
            _table(
                "Trackers the build recognises",
                (
                    "Tracker (id)",
                    "Recognised by (regular expressions)",
                    "Provider words",
                    "Cookie names",
                ),
                (22, 38, 14, 26),
                rows,
            )
        ]


def publish_schema(app: Sphinx, exception: Exception | None) -> None:
    """Copy the report's schema to ``_static/audit-report.schema.json`` (its ``$id``)."""
    if exception is None and app.builder.name in {"html", "dirhtml", "singlehtml"}:
        target = Path(app.outdir) / "_static" / "audit-report.schema.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCHEMA, target)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives and the schema's publication."""
    app.add_directive("cookiecharter-audit-kinds", AuditKinds)
    app.add_directive("cookiecharter-trackers", Trackers)
    app.connect("build-finished", publish_schema)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
