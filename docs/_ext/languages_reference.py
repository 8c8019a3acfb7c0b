"""``cookiecharter-languages``: the table of the languages the extension ships.

Read from the catalogs at build time: each language's name (from the CLDR, through
Babel), how many of the template's messages it translates, its plural forms, how many of
the presets' texts it has, and the second reading noted in its header comment
(``# Reviewed: ...``, which may go on over the next comment lines up to an empty one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel import Locale
from babel.messages.pofile import read_po
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cookiecharter.core.presets import presets
from sphinx_cookiecharter.i18n import CATALOG, LOCALES
from sphinx_cookiecharter.render.nodes import Column, table_skeleton

if TYPE_CHECKING:
    from pathlib import Path

    from babel.messages.catalog import Catalog
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The presets' texts in the languages other than English and French.
PRESET_TRANSLATIONS = LOCALES.parents[1] / "presets" / "translations"

_COLUMNS = (
    ("Language", 22),
    ("Code", 8),
    ("Name in the language", 20),
    ("Messages translated", 12),
    ("Plural forms", 8),
    ("Presets' texts", 10),
    ("Second reading", 12),
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
    """The ``# Reviewed: ...`` note of the header comment, or ``not yet``.

    The note starts on the ``# Reviewed:`` line and goes on over the following comment
    lines, up to an empty comment line (``#``) or the end of the comment.
    """
    note: list[str] | None = None
    for line in catalog.header_comment.splitlines():
        text = line.lstrip("#").strip()
        if note is None:
            if text.startswith("Reviewed:"):
                note = [text.removeprefix("Reviewed:").strip()]
        elif text:
            note.append(text)
        else:
            break
    return " ".join(note) if note else "not yet"


def preset_texts() -> tuple[int, dict[str, int]]:
    """How many texts the presets have, and how many of them each language has."""
    texts = [text for preset in presets().values() for _, text in preset.texts()]
    counts: dict[str, int] = {}
    for text in texts:
        for language in text:
            counts[language] = counts.get(language, 0) + 1
    return len(texts), counts


class LanguagesTable(SphinxDirective):
    """One row per shipped language, English first."""

    def run(self) -> list[nodes.Node]:
        template = read(LOCALES / f"{CATALOG}.pot")
        total = sum(1 for message in template if message.id)
        preset_total, preset_counts = preset_texts()
        for translation in sorted(PRESET_TRANSLATIONS.glob("*.yaml")):
            self.env.note_dependency(str(translation))
        rows = [
            (
                "en",
                "English",
                "English",
                f"{total} of {total} (the source)",
                "2",
                f"{preset_counts.get('en', 0)} of {preset_total}",
                "-",
            )
        ]
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
                    f"{preset_counts.get(code, 0)} of {preset_total}",
                    reviewed(catalog),
                )
            )
        rows.sort(key=lambda row: (row[0] != "en", row[1]))
        table, body = table_skeleton(
            (Column(label, width) for label, width in _COLUMNS),
            title=nodes.title("Shipped languages", "Shipped languages"),
            classes=["cookiecharter-languages"],
        )
        notes = nodes.definition_list()
        for code, english, native, count, plurals, preset_count, reading in rows:
            row = nodes.row()
            # The name in the language is marked as such (lang="..." in HTML).
            tag = "language-" + code.replace("_", "-")
            named = nodes.inline(native, native, classes=[] if code == "en" else [tag])
            # The table gives the date (the note's first item); the notes follow it.
            when = reading.split(",", 1)[0] if reading not in ("-", "not yet") else reading
            cells = (english, nodes.literal(code, code), named, count, plurals, preset_count, when)
            for cell in cells:
                content = cell if isinstance(cell, nodes.Node) else nodes.Text(cell)
                row += nodes.entry("", nodes.paragraph("", "", content))
            body += row
            if reading not in ("-", "not yet"):
                term = nodes.term("", english + " (", nodes.literal(code, code), nodes.Text(")"))
                notes += nodes.definition_list_item(
                    "", term, nodes.definition("", nodes.paragraph(reading, reading))
                )
        summary = f"{len(rows)} languages."
        lead = "The second readings, as each catalog's header notes them:"
        return [
            nodes.paragraph(summary, summary),
            table,
            nodes.paragraph(lead, lead),
            notes,
        ]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive."""
    app.add_directive("cookiecharter-languages", LanguagesTable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
