"""``cookiecharter-statements``: the table "what the charter says, and when".

Built at build time from :data:`sphinx_cookiecharter.render.statements.STATEMENTS`, the
registry the renderer checks every sentence against: one table per section of the
charter, each row with the statement's id, its English wording (placeholders shown as
written), the condition under which it is said and the sources it rests on. A statement
added to the registry appears here at the next build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cookiecharter.core.vocabulary import SECTIONS
from sphinx_cookiecharter.i18n.wording import wording
from sphinx_cookiecharter.render.nodes import Column, table_skeleton
from sphinx_cookiecharter.render.statements import STATEMENTS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

_COLUMNS = (
    ("Statement", 16),
    ("What the charter says (English)", 40),
    ("When", 24),
    ("Source", 20),
)


class CharterStatements(SphinxDirective):
    """One table per section: every statement, its wording, condition and sources."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        english = wording("en")
        result: list[nodes.Node] = []
        for section in SECTIONS:
            statements = [s for s in STATEMENTS if s.section == section]
            if not statements:
                continue
            caption = f"Section {section}"
            table, body = table_skeleton(
                (Column(label, width) for label, width in _COLUMNS),
                title=nodes.title(caption, caption),
                classes=["cookiecharter-statements"],
            )
            for statement in statements:
                row = nodes.row(ids=[f"statement-{statement.id.replace('.', '-')}"])
                says = statement.says(english)
                sources = "; ".join(statement.sources) or "Good practice (no legal source)"
                cells = (
                    nodes.literal(statement.id, statement.id),
                    nodes.Text(says),
                    nodes.Text(statement.when),
                    nodes.Text(sources),
                )
                for cell in cells:
                    row += nodes.entry("", nodes.paragraph("", "", cell))
                body += row
            result.append(table)
        return result


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive."""
    app.add_directive("cookiecharter-statements", CharterStatements)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
