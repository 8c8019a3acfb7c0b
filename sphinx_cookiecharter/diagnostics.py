"""Structured problems found in a declaration, each with its location."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
