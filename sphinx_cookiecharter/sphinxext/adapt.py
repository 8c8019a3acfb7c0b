"""What each builder needs beyond the standard nodes, done when a page is written.

The post-transform of :mod:`.output` hands each page that may hold a charter to
:class:`Adaptation`; this module is imported then, so that a build without a charter
does not load it (see :mod:`.output` for what each builder gets).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes

from ..i18n.formatting import first_strong_direction
from ..render.nodes import DIRECTION_CLASSES, ISOLATE, charter_elements, rows
from ..render.widths import (
    MIN_WIDTH,
    SCREEN_SCALES,
    SCREEN_WIDTHS,
    Need,
    Scales,
    colspecs,
    column_needs,
    fit,
    pieces,
    screen_layout,
)
from .output import header_cell, html_element, name_literal

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.application import Sphinx

_BLANK = re.compile(r"\s")
#: The columns whose literals (cookie names, domains) get break points.
NAME_COLUMNS = ("cookiecharter-name", "cookiecharter-domain")

# --- LaTeX -------------------------------------------------------------------------------

#: Text width of a printed page in points, a little less than on A4 with Sphinx's
#: default margins (6.27 in = 453 pt; US letter is wider).
LATEX_LINE = 445.0
#: The width of a character of Sphinx's typewriter font (txtt, 10 pt) in points: the
#: unit of the widths. Body text (Termes) is narrower, its capitals wider; headers are
#: bold sans. Long words of declared texts get break points, so they set no floor.
LATEX_CHARACTER = 5.25
LATEX_SCALES = Scales(text=0.88, header=1.1, capitals=1.5, longest_word=16)
#: A cell's padding: two ``\tabcolsep`` of 6 pt and a rule.
LATEX_PADDING = 12.4
#: Smaller type for a table whose columns cannot all hold their longest word or
#: name piece at the body's size: each size and how much narrower its letters are.
LATEX_SIZES = (
    ("", 1.0),
    (r"\small", 0.9),
    (r"\footnotesize", 0.8),
    (r"\scriptsize", 0.7),
    (r"\tiny", 0.5),
)
#: Where a name may break; how every cell is set: not justified, flush with the line's
#: start and ragged at its end (``\raggedright``: the right edge, the left one in a
#: right-to-left paragraph), since a justified column a few words wide stretches its
#: spaces ("Choix   concernant"); a word is then hyphenated only when it cannot fit
#: whole. And what keeps a header or provider name whole besides. ``\arraybackslash``
#: gives ``\\`` back its meaning of a row's end, which ``\raggedright`` changes: Sphinx
#: 7.4 ends a row inside its last cell.
LATEX_BREAK = r"\allowbreak{}"
LATEX_RAGGED = r"\raggedright\arraybackslash{}"
LATEX_NO_HYPHENATION = (
    r"\raggedright\arraybackslash\hyphenpenalty=10000\exhyphenpenalty=10000\relax{}"
)
#: Where a long word of a declared text (a URL in a purpose) may break in print.
LONG_WORD_BREAKS = re.compile(r"(?<=[/.?&=_\-:])(?=[^\s])")
#: How a left-to-right run of a right-to-left charter is set: Sphinx writes an inline
#: of class ``cookiecharter-ltr`` as ``\DUrole{cookiecharter-ltr}{...}``, which this
#: defines (once, globally) as babel's ``\babelsublr`` (LuaLaTeX or XeLaTeX with babel's
#: ``bidi`` option), else the bidi package's ``\LR`` (polyglossia), else the text alone.
LATEX_LTR_ROLE = (
    r"\expandafter\gdef\csname DUrole" + DIRECTION_CLASSES["ltr"] + r"\endcsname#1{%"
    "\n"
    r"  \ifdefined\babelsublr\babelsublr{#1}\else\ifdefined\LR\LR{#1}\else#1\fi\fi}"
)
#: The cells whose whole text is a declared name (set on its own in a right-to-left
#: charter, like the texts filled into its sentences).
DECLARED_NAME_COLUMNS = ("cookiecharter-provider", *NAME_COLUMNS)


def _latex_needs(measured: list[Need], scale: float) -> tuple[list[Need], int]:
    """Needs measured with :data:`LATEX_SCALES` in type of ``scale``, padding included,
    and the room of the line in the same units."""
    unit = LATEX_CHARACTER * scale
    padding = math.ceil(LATEX_PADDING / unit)
    needs = [
        Need(need.floor + padding, need.natural + padding, need.whole + padding)
        for need in measured
    ]
    return needs, int(LATEX_LINE / unit)


def latex_layout(table: nodes.table) -> tuple[list[int], str]:
    """Widths for print, and the type size (a LaTeX command, or nothing for the body's).

    Names break at their separators, so only their longest piece sets a floor. The
    widths are fitted to the table's own content (a charter's tables share widths on
    screen; in print a table of short names keeps the body's type size even when
    another table of the charter needs a smaller one), at the largest size at which
    every floor fits the line.
    """
    measured = column_needs([table], whole_names=False, scales=LATEX_SCALES)
    for size, scale in LATEX_SIZES:
        needs, room = _latex_needs(measured, scale)
        if sum(need.floor for need in needs) <= room:
            return fit(needs, room), size
    return fit(needs, room), LATEX_SIZES[-1][0]


# --- HTML ----------------------------------------------------------------------------

# The screen layout is measured when the tables are made (render.widths.screen_layout),
# from the same texts as the plain-text widths, and goes with each table.


def stored_screen_layout(table: nodes.table) -> tuple[list[int], float]:
    """The screen widths and least width (in ems) a charter's table carries; measured
    again, from this table alone, for a table made without them."""
    widths = table.get(SCREEN_WIDTHS)
    min_width = table.get(MIN_WIDTH)
    if widths is None or min_width is None:
        layout = screen_layout(column_needs([table], whole_names=False, scales=SCREEN_SCALES))
        return list(layout.widths), layout.min_width
    return [int(width) for width in widths], float(min_width)


# --- the transform -----------------------------------------------------------------------


def charter_tables(document: nodes.document) -> list[nodes.table]:
    return [
        node
        for node in charter_elements(document)
        if isinstance(node, nodes.table) and "cookiecharter" in node["classes"]
    ]


def empty_marks(tables: Iterable[nodes.table]) -> Iterator[nodes.inline]:
    """The marks of the empty cells (``render.nodes.empty_cell``): a dash and words
    that say so, found without a walk of the other cells' content."""
    for table in tables:
        for _, row in rows(table):
            for entry in row.children:
                for paragraph in entry.children:
                    for child in paragraph.children:
                        if isinstance(child, nodes.inline) and (
                            "cookiecharter-empty" in child["classes"]
                        ):
                            yield child


def name_literals(table: nodes.table) -> Iterator[nodes.literal]:
    for _, row in rows(table):
        for entry in row.children:
            if isinstance(entry, nodes.entry) and any(
                cls in NAME_COLUMNS for cls in entry["classes"]
            ):
                children = entry.children
                # A name's cell: one paragraph holding the literal alone.
                if len(children) == 1 and len(children[0].children) == 1:
                    literal = children[0].children[0]
                    if isinstance(literal, nodes.literal):
                        yield literal
                        continue
                yield from entry.findall(nodes.literal)


def insert_breaks(literal: nodes.literal, make: Any) -> None:
    """Put ``make()`` after each run of separators of the literal's text."""
    if not all(isinstance(child, nodes.Text) for child in literal.children):
        for text in list(literal.findall(nodes.Text)):
            _split_text(text, pieces(str(text)), make)
        return
    # A name's literal holds its text alone: its new children in one assignment.
    new: list[nodes.Node] = []
    for child in literal.children:
        parts = pieces(str(child))
        if len(parts) < 2:
            new.append(child)
            continue
        for part in parts[:-1]:
            new.extend((nodes.Text(part), make()))
        new.append(nodes.Text(parts[-1]))
    if len(new) > len(literal.children):
        document = literal.document
        if document is not None:
            # Found once for the new children (each would look for it up the tree).
            literal.document = document
        literal[:] = new


def break_long_words(entry: nodes.Element, make: Any) -> None:
    """Put ``make()`` after the punctuation of words too long for any column (URLs)."""
    for text in list(entry.findall(nodes.Text)):
        value = str(text)
        if max(map(len, value.split()), default=0) <= LATEX_SCALES.longest_word:
            continue
        parts: list[str] = []
        for chunk in re.split(r"(\s+)", value):
            if len(chunk) > LATEX_SCALES.longest_word:
                parts.extend(LONG_WORD_BREAKS.split(chunk))
            elif chunk:
                # Joined to the piece before: breaks go between pieces only.
                parts[-1:] = [(parts[-1] if parts else "") + chunk]
        _split_text(text, parts, make)


def _split_text(text: nodes.Text, parts: list[str], make: Any) -> None:
    if len(parts) < 2:
        return
    new: list[nodes.Node] = []
    for index, part in enumerate(parts):
        new.append(nodes.Text(part))
        if index < len(parts) - 1:
            new.append(make())
    parent = text.parent
    position = parent.index(text)
    parent[position : position + 1] = new


def latex_directions(document: nodes.document) -> None:
    """Set left to right, in print, what a right-to-left page holds of the other way.

    In each right-to-left part of a charter (its sections and tables), every filled
    value, declared text, name or literal whose first letter is a left-to-right one; in
    a left-to-right part of a right-to-left page (the English wording of a language
    without a catalog, an English text of a Hebrew table), every paragraph that starts
    so. Each gets an inline of class ``cookiecharter-ltr`` around its content; the
    definition of that role (:data:`LATEX_LTR_ROLE`) opens the document.
    """
    marked = set(DIRECTION_CLASSES.values())
    parts = [
        node
        for node in document.findall(nodes.Element)
        if marked & set(node["classes"])
        and not any(marked & set(above["classes"]) for above in _elements_above(node))
    ]
    done: set[int] = set()
    for part in parts:
        rtl = DIRECTION_CLASSES["rtl"] in part["classes"]
        for node in part.findall(nodes.Element):
            if rtl and not _runs_on_its_own(node):
                continue
            if not rtl and not isinstance(node, nodes.paragraph):
                continue
            if any(id(above) in done for above in _elements_above(node)):
                continue
            if first_strong_direction(node.astext()) != "ltr":
                continue
            done.add(id(node))
            run = nodes.inline("", "", *node.children, classes=[DIRECTION_CLASSES["ltr"]])
            node[:] = [run]
    if done:
        document.insert(0, nodes.raw("", LATEX_LTR_ROLE, format="latex"))


def _runs_on_its_own(node: nodes.Element) -> bool:
    """Whether ``node`` is laid out apart from the text around it: a value filled into
    a sentence, a declared text, a text in another language, a literal (a cookie name),
    or a provider's or name's cell."""
    classes = node["classes"]
    if isinstance(node, nodes.literal) or ISOLATE in classes:
        return True
    if any(cls.startswith("language-") for cls in classes):
        return isinstance(node, nodes.paragraph | nodes.inline)
    return (
        isinstance(node, nodes.paragraph)
        and isinstance(node.parent, nodes.entry)
        and any(cls in DECLARED_NAME_COLUMNS for cls in node.parent["classes"])
    )


def _elements_above(node: nodes.Node) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def header_entries(table: nodes.table) -> Iterable[nodes.entry]:
    for header, row in rows(table):
        if header:
            yield from (entry for entry in row.children if isinstance(entry, nodes.entry))


class Adaptation:
    """The charter's tables of one page adapted to the builder writing it."""

    handlers: ClassVar[dict[str, str]] = {"latex": "latex", "html": "html", "man": "man"}

    def __init__(self, document: nodes.document, app: Sphinx) -> None:
        self.document = document
        self.app = app

    def adapt(self) -> None:
        # Sections alone (a charter without tables) can repeat ids too.
        self.unique_ids()
        builder = self.app.builder
        if builder.format == "latex":
            latex_directions(self.document)
        tables = charter_tables(self.document)
        if not tables:
            return
        kind = "html" if builder.format == "html" else builder.name
        if kind != "html":
            for empty in empty_marks(tables):
                for label in list(empty.children):
                    if isinstance(label, nodes.inline) and (
                        "cookiecharter-empty-label" in label["classes"]
                    ):
                        empty.remove(label)
        handler = self.handlers.get(kind) or self.handlers.get(builder.format)
        if handler is not None:
            getattr(self, handler)(tables)

    def unique_ids(self) -> None:
        """Number an id of the charter's that the page already has, in page order.

        A page holding several documents (``singlehtml``) may show one declaration's
        charter twice (its sections are named by their titles); one page may also hold
        two charters.
        """
        seen: Counter[str] = Counter()
        for node in charter_elements(self.document):
            ids = node["ids"]
            if not ids:
                continue
            for index, anchor in enumerate(list(ids)):
                seen[anchor] += 1
                if seen[anchor] > 1 and _ours(node):
                    number = seen[anchor]
                    while f"{anchor}-{number}" in seen:
                        number += 1
                    ids[index] = f"{anchor}-{number}"
                    seen[ids[index]] += 1

    # --- per builder ---------------------------------------------------------------------

    def latex(self, tables: list[nodes.table]) -> None:
        for table in tables:
            widths, size = latex_layout(table)
            if "longtable" not in table["classes"]:
                table["classes"].append("longtable")
            for colspec, width in zip(colspecs(table), widths, strict=True):
                colspec["colwidth"] = width
            if size:
                parent = table.parent
                position = parent.index(table)
                parent.insert(position + 1, nodes.raw("", r"\endgroup", format="latex"))
                parent.insert(position, nodes.raw("", "\\begingroup" + size, format="latex"))
        for table in tables:
            for literal in name_literals(table):
                insert_breaks(literal, lambda: nodes.raw("", LATEX_BREAK, format="latex"))
            for entry in table.findall(nodes.entry):
                whole = "cookiecharter-provider" in entry["classes"]
                whole = whole or isinstance(entry.parent.parent, nodes.thead)
                if not whole and not any(cls in NAME_COLUMNS for cls in entry["classes"]):
                    break_long_words(entry, lambda: nodes.raw("", LATEX_BREAK, format="latex"))
                setting = LATEX_NO_HYPHENATION if whole else LATEX_RAGGED
                for paragraph in entry.findall(nodes.paragraph):
                    paragraph.insert(0, nodes.raw("", setting, format="latex"))

    def html(self, tables: list[nodes.table]) -> None:
        labels: Counter[str] = Counter()
        for table in tables:
            widths, min_width = stored_screen_layout(table)
            for colspec, width in zip(colspecs(table), widths, strict=True):
                colspec["colwidth"] = width
            caption = next(iter(table.findall(nodes.title)), None)
            label = caption.astext() if caption is not None else ""
            # Two regions of a page may not share a name: "Marketing cookies (2)".
            labels[label] += 1
            if labels[label] > 1:
                label = f"{label} ({labels[label]})"
            self.html_table(table, label, min_width)

    def replace(self, old: nodes.Node, new: nodes.Node) -> None:
        """``new`` in the place of ``old``. The parent is told its document first: the
        new node would otherwise look for it up the tree (for each of thousands of
        rows)."""
        parent = old.parent
        parent.document = self.document
        parent.replace(old, new)

    def html_table(self, table: nodes.table, label: str, min_width: float) -> None:
        for literal in list(name_literals(table)):
            if _BLANK.search(literal.astext()):
                continue  # words the translator writes apart
            name = name_literal(literal.rawsource, "", *literal.children, **literal.attributes)
            self.replace(literal, name)
        for entry in list(header_entries(table)):
            cell = header_cell("", *entry.children)
            cell["classes"] = list(entry["classes"])
            self.replace(entry, cell)
        for empty in empty_marks([table]):
            for inline in list(empty.children):
                if isinstance(inline, nodes.inline) and "cookiecharter-dash" in inline["classes"]:
                    hidden = html_element(
                        "", *inline.children, tag="span", attributes={"aria-hidden": "true"}
                    )
                    hidden["classes"] = list(inline["classes"])
                    self.replace(inline, hidden)
        # A theme that wraps tables in a scrolling box of its own and copies their ids
        # onto it (furo) would make a second scroller and a second id: the region
        # takes the wrapper's place.
        wrapper = table.parent
        if isinstance(wrapper, nodes.container) and "table-wrapper" in wrapper["classes"]:
            self.replace(wrapper, table)
        attributes = {
            "role": "region",
            "tabindex": "0",
            "aria-label": label,
            "style": f"--cookiecharter-min-width: {min_width:.1f}em",
        }
        # A right-to-left table scrolls from its right edge: its region says which way.
        for direction in ("rtl", "ltr"):
            if DIRECTION_CLASSES[direction] in table["classes"]:
                attributes["dir"] = direction
        region = html_element(
            "", tag="div", attributes=attributes, classes=["cookiecharter-region"]
        )
        self.replace(table, region)
        region += table

    def man(self, tables: list[nodes.table]) -> None:
        for table in tables:
            for literal in name_literals(table):
                insert_breaks(literal, lambda: nodes.raw("", r"\:", format="manpage"))
            # groff hyphenates what it fills; names, providers and headers must stay
            # whole: no hyphenation from the table's start to its end.
            parent = table.parent
            position = parent.index(table)
            parent.insert(position + 1, nodes.raw("", ".hy\n", format="manpage"))
            parent.insert(position, nodes.raw("", ".nh\n", format="manpage"))


# --- man ---------------------------------------------------------------------------------


#: A man page's line (``MANWIDTH=80``) less its indent (7), and what tbl's boxed table
#: takes around and between columns (3 between two, 2 on either side).
MAN_LINE = 80 - 7


def man_widths(table: nodes.table) -> list[int]:
    """Widths fitted to the table's content for a man page of 80 columns, names whole."""
    needs = column_needs([table], whole_names=True)
    return fit(needs, MAN_LINE - 3 * (len(needs) - 1) - 4)


def _ours(node: nodes.Element) -> bool:
    """Whether the charter made ``node`` (a section, a table or a row of its table)."""
    return any(cls.startswith("cookiecharter") for cls in node["classes"]) or (
        isinstance(node, nodes.row)
        and any("cookiecharter" in table["classes"] for table in _tables_above(node))
    )


def _tables_above(node: nodes.Node) -> Iterator[nodes.table]:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.table):
            yield parent
        parent = parent.parent
