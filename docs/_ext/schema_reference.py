"""``cookiecharter-schema``: the declaration format's reference, built from the shipped schema.

The directive reads :func:`sphinx_cookiecharter.api.schema` at build time and writes
one section per kind of mapping the format has (the declaration itself, ``controller``,
``consent``, a provider, a category, ``texts``, a cookie), each with a table of its fields,
then a table of the shared value types. A field added to the schema appears in the docs
at the next build, and a field without a description fails the ``-W`` build.

HTML builds also publish the schema at ``_static/declaration.schema.json``, the address
its ``$id`` gives, and the JSON export's schema at ``_static/export.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backquotes import code_text
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_cookiecharter.core import spellings
from sphinx_cookiecharter.core.schema import schema
from sphinx_cookiecharter.export.json import export_schema
from sphinx_cookiecharter.render.nodes import Column, table_skeleton

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

_COLUMNS = ("Field", "Expected", "Required", "Description")
_WIDTHS = (16, 28, 10, 46)


def _resolve(node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The schema ``node`` with a local ``$ref`` followed, and the name it refers to."""
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return node, None
    target: Any = schema()
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return merged, ref.rsplit("/", 1)[-1]


def _paragraph(text: str) -> nodes.paragraph:
    return nodes.paragraph("", "", *code_text(text))


class SchemaReference(SphinxDirective):
    """Sections and field tables for every mapping of the declaration format."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        root = schema()
        result = [self.object_section("declaration", "The declaration", root, "Top-level fields")]
        for name, field in root["properties"].items():
            resolved, _ = _resolve(field)
            if "properties" in resolved:
                caption = f"Fields of {name}"
                result.append(self.object_section(name, f"``{name}``", resolved, caption))
            # Mappings of ids to entries (providers) and lists of entries (cookies).
            for key in ("additionalProperties", "items"):
                inner = resolved.get(key)
                if isinstance(inner, dict):
                    entry, ref = _resolve(inner)
                    if "properties" in entry:
                        label = ref or name
                        title = f"Each entry of ``{name}``: a {label}"
                        caption = f"Fields of a {label}"
                        result.append(self.object_section(label, title, entry, caption))
        result.append(self.types_section())
        return result

    # --- building blocks -----------------------------------------------------------

    def section(self, label: str, title: str) -> nodes.section:
        section = nodes.section()
        title_node = nodes.title("", "")
        for index, part in enumerate(title.split("``")):
            if part:
                title_node += nodes.literal(part, part) if index % 2 else nodes.Text(part)
        section += title_node
        section["names"].append(f"schema-{label}")
        self.set_source_info(section)
        self.state.document.note_explicit_target(section, section)
        return section

    def object_section(
        self, label: str, title: str, node: dict[str, Any], caption: str
    ) -> nodes.section:
        section = self.section(label, title)
        if node.get("description"):
            section += _paragraph(node["description"])
        if node.get("title"):
            section += nodes.paragraph(
                "", "", nodes.Text("Expected: "), nodes.emphasis(node["title"], node["title"])
            )
        required = set(node.get("required", ()))
        rows = []
        for name, field in node["properties"].items():
            resolved, ref = _resolve(field)
            description = resolved.get("description")
            if not description:
                logger.warning(
                    "schema field %s.%s has no description",
                    label,
                    name,
                    location=self.get_location(),
                )
                description = ""
            rows.append(
                (
                    [nodes.literal(name, name)],
                    code_text(self.expected(resolved, ref)),
                    [nodes.Text("yes" if name in required else "no")],
                    code_text(description),
                )
            )
        section += self.table(caption, rows)
        return section

    def expected(self, node: dict[str, Any], ref: str | None) -> str:
        text = node.get("title") or ""
        if "enum" in node and not text:
            text = " | ".join(str(value) for value in node["enum"])
        if ref in ("text", "duration", "id") and ref:
            text += f" (see the type `{ref}` below)" if text else f"the type `{ref}`"
        return text

    def types_section(self) -> nodes.section:
        section = self.section("types", "Value types")
        section += _paragraph(
            "Several fields share one of these types. A pattern is the regular expression "
            "the value must match."
        )
        rows = []
        for name, node in schema()["$defs"].items():
            if "properties" in node:
                continue
            rule = node.get("pattern") or node.get("propertyNames", {}).get("pattern", "")
            cells: list[nodes.Node] = code_text(node.get("description") or node.get("title", ""))
            if rule:
                cells = [*cells, nodes.Text(" Pattern: "), nodes.literal(rule, rule)]
            if "maxLength" in node:
                cells.append(nodes.Text(f" At most {node['maxLength']} characters."))
            rows.append(
                (
                    [nodes.literal(name, name)],
                    code_text(node.get("title", "")),
                    [nodes.Text("")],
                    cells,
                )
            )
        section += self.table(
            "Shared value types", rows, columns=("Type", "Expected", "", "Details")
        )
        return section

    def table(
        self,
        caption: str,
        rows: list[tuple[list[nodes.Node], ...]],
        columns: tuple[str, ...] = _COLUMNS,
    ) -> nodes.table:
        keep = [index for index, label in enumerate(columns) if label]
        table, body = table_skeleton(
            (Column(columns[index], _WIDTHS[index]) for index in keep),
            title=nodes.title(caption, caption),
            classes=["cookiecharter-schema"],
        )
        for cells in rows:
            row = nodes.row()
            for index in keep:
                row += nodes.entry("", nodes.paragraph("", "", *cells[index]))
            body += row
        return table


class DurationSpellings(SphinxDirective):
    """``cookiecharter-durations``: the spellings of a duration the format accepts, from
    :mod:`sphinx_cookiecharter.core.spellings`, the table the schema's pattern is built
    from."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        rows: list[tuple[list[nodes.Node], ...]] = []

        def words(spelled: tuple[str, ...]) -> list[nodes.Node]:
            result: list[nodes.Node] = []
            for index, word in enumerate(spelled):
                if index:
                    result.append(nodes.Text(", "))
                result.append(nodes.literal(word, word))
            return result

        examples = {
            "session": "End of session (browser)",
            "persistent": "Forever",
            "year": "1 Year",
            "month": "13 months",
            "week": "2 wks",
            "day": "30 Days",
            "hour": "24h",
            "minute": "30 mins",
            "second": "90 sec",
        }
        kinds = {"session": spellings.SESSION, "persistent": spellings.PERSISTENT}
        for kind, spelled in kinds.items():
            rows.append(([nodes.Text(kind)], words(spelled), words((examples[kind],))))
        for unit, spelled in spellings.UNITS.items():
            rows.append(
                ([nodes.Text(f"an amount of {unit}s")], words(spelled), words((examples[unit],)))
            )
        table, body = table_skeleton(
            (
                Column(label, width)
                for label, width in (("Means", 20), ("Written", 56), ("Example", 24))
            ),
            title=nodes.title(
                "Accepted spellings of a duration", "Accepted spellings of a duration"
            ),
            classes=["cookiecharter-schema"],
        )
        for cells in rows:
            row = nodes.row()
            for cell in cells:
                row += nodes.entry("", nodes.paragraph("", "", *cell))
            body += row
        return [table]


def publish_schema(app: Sphinx, exception: Exception | None) -> None:
    """Copy the schemas to ``_static/declaration.schema.json`` and
    ``_static/export.schema.json``, the addresses of their ``$id``."""
    # Not for EPUB: its builders are HTML builders too, but want no stray files.
    if exception is None and app.builder.name in {"html", "dirhtml", "singlehtml"}:
        for name, content in (("declaration", schema()), ("export", export_schema())):
            target = Path(app.outdir) / "_static" / f"{name}.schema.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", "utf-8")


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive and the schema's publication."""
    app.add_directive("cookiecharter-schema", SchemaReference)
    app.add_directive("cookiecharter-durations", DurationSpellings)
    app.connect("build-finished", publish_schema)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
