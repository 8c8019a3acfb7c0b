"""``cookiecharter-warnings``: the warnings page, generated from the extension's registry.

Each subtype of :data:`sphinx_cookiecharter.sphinxext.warnings.SUBTYPES` becomes an entry
with when it is given and what becomes of what it is about. For a problem of a
declaration the example message is the one the extension really gives for the subtype's
example declaration (read at build time), so the page cannot drift from the code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.sphinxext.warnings import SUBTYPES, WARNING_TYPE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

    from sphinx_cookiecharter.sphinxext.warnings import Subtype

#: The file name the examples are shown as coming from.
SHOWN_AS = "docs/cookies.yaml"


def example_lines(subtype: Subtype) -> list[str]:
    """The warnings the subtype's example gives, as ``sphinx-build`` prints them."""
    if subtype.example is None:
        return [f"WARNING: {subtype.message} [{WARNING_TYPE}.{subtype.name}]"]
    result = parse_declaration(subtype.example, "yaml", source=SHOWN_AS)
    lines = [
        f"{d.source}:{d.line}: WARNING: {d.description} [{WARNING_TYPE}.{d.kind}]"
        for d in result.diagnostics
        if d.kind == subtype.name
    ]
    if not lines:
        raise ValueError(f"the example of {subtype.name!r} gives no such warning")
    return lines


class WarningsReference(SphinxDirective):
    """One entry per warning subtype: when, what happens, an example."""

    def run(self) -> list[nodes.Node]:
        entries = nodes.definition_list()
        for subtype in SUBTYPES:
            name = f"{WARNING_TYPE}.{subtype.name}"
            term = nodes.term("", "", nodes.literal(name, name))
            term["ids"].append(nodes.make_id(name))
            definition = nodes.definition()
            definition += nodes.paragraph(subtype.when, subtype.when)
            definition += nodes.paragraph(subtype.effect, subtype.effect)
            text = "\n".join(example_lines(subtype))
            definition += nodes.literal_block(text, text, language="text")
            entries += nodes.definition_list_item("", term, definition)
        return [entries]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive."""
    app.add_directive("cookiecharter-warnings", WarningsReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
