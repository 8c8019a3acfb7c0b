"""What the reference pages' generators share: text written with ``backquoted`` code, as
the lint registry, the audit report and the JSON Schema write it, as docutils nodes."""

from __future__ import annotations

from docutils import nodes


def code_text(text: str) -> list[nodes.Node]:
    """Text with ``backquoted`` parts as literals."""
    result: list[nodes.Node] = []
    for index, part in enumerate(text.split("`")):
        if part:
            result.append(nodes.literal(part, part) if index % 2 else nodes.Text(part))
    return result
