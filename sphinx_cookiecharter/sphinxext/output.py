"""What each builder needs beyond the standard nodes: applied when a page is written.

The doctree the directives make is the same for every builder (standard nodes; column
widths in characters, for the plain-text builders). When a page is written, one
post-transform adapts the charter's tables to the output:

- LaTeX: every table a ``longtable`` (it breaks across pages and repeats its header),
  column widths refitted to the printed line, a break point after each ``_ - . @ *`` of
  a cookie name or domain, no hyphenation in headers and provider names; in a
  right-to-left charter, a run that starts with a left-to-right letter (a cookie name,
  ``Stats Co.``, an English purpose) set left to right, so that it keeps its order and
  its punctuation (the engine's own bidi algorithm would move a final full stop);
- HTML (and EPUB): each table in a focusable, labelled scrolling region with the least
  width its columns need, header cells with ``scope="col"``, break points (``<wbr>``)
  in names and domains, the dash of an empty cell hidden from screen readers, which
  read "not given" instead;
- man: no hyphenation in the tables, break points (``\\:``) in names and domains;
- every builder but HTML: the dash of an empty cell alone;
- every builder: ids that the charter made are unique in the page written, a single
  page holding the whole project (``singlehtml``) included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .collection import collection_paused
from .domain import domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class html_element(nodes.Element):
    """An HTML element around its children: ``tag`` with ``attributes`` (lowercase, as
    docutils names its nodes).

    Made only when an HTML page is written, so no other builder meets it.
    """


class header_cell(nodes.entry):
    """A header cell that says which cells it heads: ``<th scope="col">``."""


def visit_html_element(self: HTML5Translator, node: html_element) -> None:
    attributes: dict[str, Any] = dict(node["attributes"])
    self.body.append(self.starttag(node, node["tag"], "", **attributes))


def depart_html_element(self: HTML5Translator, node: html_element) -> None:
    self.body.append(f"</{node['tag']}>")


def visit_header_cell(self: HTML5Translator, node: header_cell) -> None:
    row: Any = node.parent
    row.column += 1  # the docutils writer counts columns on the row
    self.body.append(self.starttag(node, "th", "", CLASS="head", scope="col"))


def depart_header_cell(self: HTML5Translator, node: header_cell) -> None:
    self.body.append("</th>\n")


class name_literal(nodes.literal):
    """A cookie name or domain that may break after each run of ``_ - . @ *``, and
    nowhere else: written as a literal whose pieces are joined by ``<wbr/>``, so that
    a copied name has no extra character. One node where pieces and breaks would take
    three or more (tens of thousands in a large charter)."""


def visit_name_literal(self: HTML5Translator, node: name_literal) -> None:
    from ..render.widths import pieces  # noqa: PLC0415 (loaded with .adapt)

    self.visit_literal(node)
    # As the translator writes a literal's words, each kept on its line.
    self.body.append(
        "<wbr/>".join(
            f'<span class="pre">{self.encode(piece)}</span>' for piece in pieces(node.astext())
        )
    )
    self.depart_literal(node)
    raise nodes.SkipNode


# --- the transform -----------------------------------------------------------------------


class CharterOutput(SphinxPostTransform):
    """Adapt the charter's tables to the builder writing the page (see the module)."""

    # After the themes' own (furo wraps tables at 500), so that their wrappers are seen.
    default_priority = 510

    def run(self, **kwargs: Any) -> None:
        cookies = domain(self.env)
        if not cookies.uses and not cookies.inline:
            return  # no page of the project shows a charter
        # Imported when a charter is written: a project without one does not load it.
        from .adapt import Adaptation  # noqa: PLC0415

        # The nodes made for the builder are all kept (see .collection).
        with collection_paused():
            Adaptation(self.document, self.app).adapt()


# --- man ---------------------------------------------------------------------------------


def visit_man_table(self: Any, node: nodes.table) -> None:
    from sphinx.writers.manpage import ManualPageTranslator  # noqa: PLC0415 (man only)

    ManualPageTranslator.visit_table(self, node)


def depart_man_table(self: Any, node: nodes.table) -> None:
    """A charter table gets its columns' widths (tbl's ``lw(<n>n)``); groff would give
    every column the same width and let long names run over the next one."""
    from sphinx.writers.manpage import ManualPageTranslator  # noqa: PLC0415 (man only)

    table = getattr(self, "_active_table", None)
    if "cookiecharter" in node["classes"] and table is not None:
        from .adapt import man_widths  # noqa: PLC0415 (see CharterOutput)

        table._coldefs = [f"lw({width}n)" for width in man_widths(node)]
    ManualPageTranslator.depart_table(self, node)


def register(app: Sphinx) -> None:
    """Register the post-transform and the HTML-only nodes it makes."""
    app.add_post_transform(CharterOutput)
    app.add_node(html_element, html=(visit_html_element, depart_html_element))
    app.add_node(header_cell, html=(visit_header_cell, depart_header_cell))
    app.add_node(name_literal, html=(visit_name_literal, None))
    # Every table goes through these; others are written as before.
    app.add_node(nodes.table, override=True, man=(visit_man_table, depart_man_table))
