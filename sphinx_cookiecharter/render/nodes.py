"""Small node builders shared by the charter's sections and tables."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

from ..i18n.formatting import text_direction
from ..i18n.languages import base, normalize

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_NUMBER_AND_UNIT = re.compile(r"(\d)[ \t]+(?=\S)")
#: What an empty cell shows.
DASH = "\u2013"
#: The classes that give the direction of a right-to-left charter, or of a text written
#: the other way from the one around it (the stylesheet sets ``direction``).
DIRECTION_CLASSES = {"rtl": "cookiecharter-rtl", "ltr": "cookiecharter-ltr"}
#: The class of a name or value filled into a right-to-left sentence: it is laid out on
#: its own (Unicode bidi isolation), so that a Latin name, a list of them or an address
#: keeps its order and its punctuation.
ISOLATE = "cookiecharter-isolate"
#: What may end a value that then closes the sentence itself, with no full stop after
#: it: a full stop (``Stats Co.``, ``etc...``), an ellipsis, an exclamation or question
#: mark (``Yahoo!``).
SENTENCE_ENDS = (".", "\N{HORIZONTAL ELLIPSIS}", "!", "?")


def fill(
    template: str, values: Mapping[str, nodes.Node | str], *, isolate: bool = False
) -> list[nodes.Node]:
    """Split a message at its ``{placeholders}`` and put a node in each one.

    A placeholder with no value (a slip in a translation) stays as written. A value
    that ends a sentence itself (``Stats Co.``, ``Yahoo!``, ``etc...``: see
    :data:`SENTENCE_ENDS`) takes the place of the full stop the message puts after it.
    With ``isolate`` (a right-to-left sentence), each value is an inline of class
    :data:`ISOLATE`.
    """
    result: list[nodes.Node] = []
    position = 0
    stop_given = False

    def text(piece: str) -> None:
        if stop_given and piece.startswith("."):
            piece = piece[1:]
        if piece:
            result.append(nodes.Text(piece))

    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            text(template[position : match.start()])
        value = values.get(match.group(1))
        if value is None:
            result.append(nodes.Text(match.group(0)))
            stop_given = False
        else:
            node = nodes.Text(value) if isinstance(value, str) else value.deepcopy()
            result.append(nodes.inline("", "", node, classes=[ISOLATE]) if isolate else node)
            stop_given = node.astext().endswith(SENTENCE_ENDS)
        position = match.end()
    if position < len(template):
        text(template[position:])
    return result


def link(label: str, target: str | None) -> nodes.Node:
    """``label`` linking to ``target``, or plain text when there is no target."""
    if not target:
        return nodes.Text(label)
    return nodes.reference(label, label, refuri=target, internal=False)


def contact_link(contact: str) -> nodes.Node:
    """An e-mail address or URL as a link."""
    if "@" in contact and ":" not in contact:
        return nodes.reference(contact, contact, refuri=f"mailto:{contact}")
    return nodes.reference(contact, contact, refuri=contact)


def keep_own_wording_out_of_catalogs(result: list[nodes.Node]) -> list[nodes.Node]:
    """Mark every text without a declaration source as not for the page's translators.

    The extension's wording is translated by its own catalog; without this mark, Sphinx
    would give titles the source of their section and offer them to the project.

    The cells of a table are left alone: Sphinx offers no text without a source, and
    gives a source only to titles and a few kinds of nodes no cell holds (terms,
    rubrics, field names, lines, images), so a table's caption is all that needs it.
    """
    stack: list[nodes.Node] = list(reversed(result))
    while stack:
        node = stack.pop()
        if not isinstance(node, nodes.Element):
            continue
        # An inline is never offered without the mark, and Sphinx unwraps an inline
        # that has it (as a translation placeholder), classes and all.
        if (
            isinstance(node, nodes.TextElement)
            and node.source is None
            and not isinstance(node, nodes.inline)
        ):
            node["translatable"] = False
        children = node.children
        if isinstance(node, nodes.table):
            children = [child for child in children if isinstance(child, nodes.title)]
        stack.extend(reversed(children))
    return result


def keep_numbers_with_units(text: str) -> str:
    """``13 months`` with a no-break space, so that no line ends between the two."""
    return _NUMBER_AND_UNIT.sub("\\1\u00a0", text)


def language_class(language: str, around: str) -> list[str]:
    """``["language-en"]`` when a text in ``language`` stands in a text in ``around``
    (HTML writers turn the class into ``lang="en"``); nothing when both are one language.

    A text written the other way from the one around it (English in Hebrew) also gets
    its direction's class (``cookiecharter-ltr``).
    """
    if base(language) == base(around):
        return []
    classes = ["language-" + normalize(language).replace("_", "-")]
    direction = text_direction(language)
    if direction != text_direction(around):
        classes.append(DIRECTION_CLASSES[direction])
    return classes


def direction_classes(language: str) -> list[str]:
    """``["cookiecharter-rtl"]`` for a language written right to left, else nothing."""
    return [DIRECTION_CLASSES["rtl"]] if text_direction(language) == "rtl" else []


def empty_cell(label: str) -> nodes.paragraph:
    """The content of an empty cell: a dash, and ``label`` (such as "not given") for
    assistive technologies.

    Builders that cannot hide a text from the eye keep the dash alone (see the Sphinx
    layer's output adjustments).
    """
    return nodes.paragraph(
        "",
        "",
        nodes.inline(
            "",
            "",
            nodes.inline(DASH, DASH, classes=["cookiecharter-dash"]),
            nodes.inline(label, label, classes=["cookiecharter-empty-label"]),
            classes=["cookiecharter-empty"],
        ),
    )


class Column:
    """A table column: its header, its relative width and the classes of its cells."""

    __slots__ = ("classes", "header", "width")

    def __init__(self, header: str, width: int, classes: Sequence[str] = ()) -> None:
        self.header = header
        self.width = width
        self.classes = list(classes)


def table_skeleton(
    columns: Iterable[Column],
    *,
    title: nodes.title | None = None,
    classes: Sequence[str] = (),
    ids: Sequence[str] = (),
) -> tuple[nodes.table, nodes.tbody]:
    """A table with a caption, relative column widths and a header row, and its body."""
    columns = list(columns)
    table = nodes.table(classes=list(classes), ids=list(ids))
    if title is not None:
        table += title
    group = nodes.tgroup(cols=len(columns))
    table += group
    for column in columns:
        group += nodes.colspec(colwidth=column.width)
    header = nodes.row()
    for column in columns:
        header += nodes.entry(
            "", nodes.paragraph(column.header, column.header), classes=column.classes
        )
    group += nodes.thead("", header)
    body = nodes.tbody()
    group += body
    return table, body


def rows(table: nodes.table) -> Iterator[tuple[bool, nodes.row]]:
    """The rows of a table, each with whether it is a header row, without a walk of
    their cells."""
    for tgroup in table.children:
        if not isinstance(tgroup, nodes.tgroup):
            continue
        for part in tgroup.children:
            if isinstance(part, nodes.thead | nodes.tbody):
                header = isinstance(part, nodes.thead)
                for row in part.children:
                    if isinstance(row, nodes.row):
                        yield header, row


def charter_elements(node: nodes.Node) -> Iterator[nodes.Element]:
    """The elements in ``node`` in order, where a charter's table stands for itself and
    its rows: its cells hold no id and no table, and are most of a page's nodes."""
    stack: list[nodes.Node] = [node]
    while stack:
        current = stack.pop()
        if not isinstance(current, nodes.Element):
            continue
        yield current
        if isinstance(current, nodes.table) and "cookiecharter" in current["classes"]:
            for _, row in rows(current):
                yield row
            continue
        stack.extend(reversed(current.children))
