"""Reading the charter back from a built project's doctrees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

SECTION_CLASSES = [
    f"cookiecharter-section-{name}"
    for name in ("intro", "what", "kinds", "usage", "manage", "updated")
]


def charter_sections(app: SphinxTestApp, docname: str = "index") -> list[nodes.section]:
    doctree = app.env.get_doctree(docname)
    return [s for s in doctree.findall(nodes.section) if "cookiecharter-section" in s["classes"]]


#: An empty cell as the doctree holds it: a dash, then the words read out for it.
EMPTY = "\u2013not given"


def plain(text: str) -> str:
    """Undo Sphinx's smart quotes, so expectations can be typed with plain ones."""
    return text.replace("\u2019", "'")


def titles(sections: list[nodes.section]) -> list[str]:
    return [plain(section[0].astext()) for section in sections]


def table_rows(table: nodes.table) -> list[list[str]]:
    """The cells' text, the no-break spaces that keep numbers with their units typed as
    plain spaces."""
    return [
        [plain(entry.astext()).replace("\u00a0", " ") for entry in row]
        for row in table.findall(nodes.row)
    ]


def words(app: SphinxTestApp, docname: str = "index") -> str:
    """The text of a page's doctree, white space folded."""
    return plain(" ".join(app.env.get_doctree(docname).astext().split()))
