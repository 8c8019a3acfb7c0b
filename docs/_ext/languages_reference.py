"""``cookiecharter-languages``: the table of the languages the extension ships.

Read from the catalogs at build time: each language's name (from the CLDR, through
Babel), how many of the template's messages it translates, its plural forms, and the
second reading noted in its header comment (``# Reviewed: ...``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel import Locale
from babel.messages.pofile import read_po
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cookiecharter.i18n.wording import CATALOG, LOCALES
from sphinx_cookiecharter.render.nodes import Column, table_skeleton

if TYPE_CHECKING:
    from pathlib import Path

    from babel.messages.catalog import Catalog
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

_COLUMNS = (
    ("Language", 22),
    ("Code", 8),
    ("Name in the language", 20),
    ("Messages translated", 14),
    ("Plural forms", 8),
    ("Second reading", 28),
)


def read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def translated(catalog: Catalog) -> int:
    """Messages with every form translated and no fuzzy mark."""
    count = 0
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings) and not message.fuzzy:
            count += 1
    return count


def reviewed(catalog: Catalog) -> str:
    """The ``# Reviewed: ...`` line of the header comment, or ``not yet``."""
    for line in catalog.header_comment.splitlines():
        text = line.lstrip("# ").strip()
        if text.startswith("Reviewed:"):
            return text.removeprefix("Reviewed:").strip()
    return "not yet"


class LanguagesTable(SphinxDirective):
    """One row per shipped language, English first."""

    def run(self) -> list[nodes.Node]:
        template = read(LOCALES / f"{CATALOG}.pot")
        total = sum(1 for message in template if message.id)
        rows = [("en", "English", "English", f"{total} of {total} (the source)", "2", "-")]
        for po in sorted(LOCALES.glob(f"*/LC_MESSAGES/{CATALOG}.po")):
            self.env.note_dependency(str(po))
            code = po.parent.parent.name
            catalog = read(po)
            locale = Locale.parse(code)
            rows.append(
                (
                    code,
                    locale.get_display_name("en") or code,
                    locale.get_display_name(locale) or code,
                    f"{translated(catalog)} of {total}",
                    str(catalog.num_plurals),
                    reviewed(catalog),
                )
            )
        rows.sort(key=lambda row: (row[0] != "en", row[1]))
        table, body = table_skeleton(
            (Column(label, width) for label, width in _COLUMNS),
            title=nodes.title("Shipped languages", "Shipped languages"),
            classes=["cookiecharter-languages"],
        )
        for code, english, native, count, plurals, reading in rows:
            row = nodes.row()
            for cell in (english, nodes.literal(code, code), native, count, plurals, reading):
                content = cell if isinstance(cell, nodes.Node) else nodes.Text(cell)
                row += nodes.entry("", nodes.paragraph("", "", content))
            body += row
        summary = f"{len(rows)} languages."
        return [nodes.paragraph(summary, summary), table]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive."""
    app.add_directive("cookiecharter-languages", LanguagesTable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
