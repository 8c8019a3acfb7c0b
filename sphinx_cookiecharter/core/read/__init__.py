"""Read YAML, TOML or JSON text into plain data, keeping where each value starts.

Every reader returns a :class:`SourceTree`: JSON-like data (dicts, lists, strings,
numbers, booleans, ``None``; dates as ISO strings) and the position of every value by
field path. One module per format does the reading; the limits every format shares are
counted here, by :class:`Budget`. Nothing runs code named in the input: YAML is read
from the parser's events and only the core scalar tags are constructed.
"""

from __future__ import annotations

import datetime
import importlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ..diagnostics import PathPart
    from ..model import Position

Format = Literal["yaml", "toml", "json"]

#: File name endings and the format each one means.
EXTENSIONS: dict[str, Format] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".json": "json",
}


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a declaration may hold before it is refused (see the docs' reference)."""

    max_bytes: int = 16 * 1024 * 1024
    max_values: int = 500_000
    max_depth: int = 32
    max_cookies: int = 20_000


class ReadError(Exception):
    """The text cannot be read at all; carries a message and where the reader stopped."""

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        kind: Literal["load", "limit"] = "load",
        expected: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.kind: Literal["load", "limit"] = kind
        self.expected = expected


@dataclass(slots=True)
class SourceTree:
    """Plain data read from a declaration and the position of its values by field path."""

    data: Any
    positions: dict[tuple[PathPart, ...], Position] = field(default_factory=dict)

    def locate(self, path: tuple[PathPart, ...]) -> Position | None:
        """The position of ``path``, or of its nearest ancestor that has one."""
        while True:
            found = self.positions.get(path)
            if found is not None or not path:
                return found
            path = path[:-1]


class Budget:
    """The limits every reader shares: how many values, how deeply nested.

    A reader calls :meth:`take` once for each value it meets, with the value's path and
    position; the first value past a limit is refused where it stands.
    """

    __slots__ = ("count", "limits")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.count = 0

    def take(self, path: tuple[PathPart, ...], position: Position | None) -> None:
        """Count one value; refuse it past the number of values or the depth allowed."""
        self.count += 1
        if self.count > self.limits.max_values:
            raise self.refusal(
                f"the declaration holds more than {self.limits.max_values:,} values", position
            )
        if len(path) > self.limits.max_depth:
            raise self.too_deep(position)

    def too_deep(self, position: Position | None = None) -> ReadError:
        """The refusal of values nested past the depth allowed."""
        return self.refusal(
            f"the values are nested too deeply (at most {self.limits.max_depth} levels)",
            position,
        )

    @staticmethod
    def refusal(message: str, position: Position | None) -> ReadError:
        """A limit exceeded at ``position``."""
        return ReadError(
            message,
            position.line if position else None,
            position.column if position else None,
            kind="limit",
        )


def read_text(text: str, fmt: Format, limits: Limits | None = None) -> SourceTree:
    """Read ``text`` written in ``fmt``.

    :raises ReadError: on a syntax error, a limit exceeded or an unsupported construct.
    """
    # Imported when first needed: each reader loads its parser, and most builds read
    # one format only.
    reader = importlib.import_module(f"{__name__}.{fmt}")
    budget = Budget(limits or Limits())
    try:
        tree: SourceTree = reader.read(text, budget)
        # Only a \u or \U escape (or a surrogate in the text given) can make one.
        if "\\u" in text or "\\U" in text or _SURROGATE.search(text):
            _refuse_surrogates(tree, tree.data, ())
        return tree
    except RecursionError:
        raise budget.too_deep() from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_surrogates(tree: SourceTree, value: Any, path: tuple[PathPart, ...]) -> None:
    """Refuse text holding a lone surrogate (an escape such as ``\\ud800`` in JSON or
    YAML): no output format can encode it."""
    items: Any = ()
    if isinstance(value, str):
        if _SURROGATE.search(value):
            position = tree.locate(path)
            raise ReadError(
                "a text holds a lone surrogate code point (U+D800 to U+DFFF)",
                position.line if position else None,
                position.column if position else None,
                expected="text made of whole Unicode characters",
            )
        return
    if isinstance(value, dict):
        items = value.items()
        for key in value:
            _refuse_surrogates(tree, key, (*path, key))
    elif isinstance(value, list):
        items = enumerate(value)
    for key, item in items:
        _refuse_surrogates(tree, item, (*path, key))


def plain_scalar(value: Any) -> Any:
    """Dates and times become ISO strings, as JSON would hold them."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value
