"""Structured problems found in a declaration, each with its location, and their collector."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .read import SourceTree

#: What kind of problem: the Sphinx warning subtype (``cookiecharter.<kind>``).
Kind = Literal["load", "limit", "schema", "reference", "duplicate"]

#: One step of a field path: a mapping key or a list index.
PathPart = str | int


def format_path(path: tuple[PathPart, ...]) -> str:
    """Spell a field path as users write it: ``cookies[3].duration``."""
    spelled = ""
    for part in path:
        if isinstance(part, int):
            spelled += f"[{part}]"
        else:
            spelled += f".{part}" if spelled else part
    return spelled


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem of a declaration: where it is, what is wrong, what was expected."""

    kind: Kind
    message: str
    source: str
    line: int | None = None
    column: int | None = None
    path: tuple[PathPart, ...] = ()
    expected: str | None = None

    @property
    def field(self) -> str:
        """The field path as text (``cookies[3].duration``), empty for the whole file."""
        return format_path(self.path)

    @property
    def description(self) -> str:
        """The field, the message and what was expected, without the location."""
        text = f"{self.field}: {self.message}" if self.path else self.message
        if self.expected:
            text += f" (expected {self.expected})"
        return text

    def __str__(self) -> str:
        location = self.source
        if self.line is not None:
            location += f":{self.line}"
            if self.column is not None:
                location += f":{self.column}"
        return f"{location}: error: {self.description}"


def short(value: object) -> str:
    """A value as quoted in a message, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def suggest(word: str, choices: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for a close choice, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class Collector:
    """Gathers the problems of one declaration, each placed at its field's position."""

    def __init__(self, tree: SourceTree, source: str, line_offset: int = 0) -> None:
        self.tree = tree
        self.source = source
        self.line_offset = line_offset
        self.diagnostics: list[Diagnostic] = []

    def line_of(self, path: tuple[PathPart, ...]) -> int | None:
        """The line of ``path`` (or of its nearest placed ancestor) in the document."""
        position = self.tree.locate(path)
        return position.line + self.line_offset if position else None

    def add(
        self, kind: Kind, path: tuple[PathPart, ...], message: str, expected: str | None = None
    ) -> None:
        """Note a problem of the field at ``path``."""
        position = self.tree.locate(path)
        self.diagnostics.append(
            Diagnostic(
                kind=kind,
                message=message,
                source=self.source,
                line=position.line + self.line_offset if position else None,
                column=position.column if position else None,
                path=path,
                expected=expected,
            )
        )

    def in_file_order(self) -> list[Diagnostic]:
        """Every problem noted, by line, column and field."""
        return sorted(
            self.diagnostics, key=lambda d: (d.line or 0, d.column or 0, format_path(d.path))
        )
