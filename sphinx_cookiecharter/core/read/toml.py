"""TOML: ``tomllib`` reads the data; a line scan finds where tables and keys start."""

from __future__ import annotations

import json
import re
import tomllib
from typing import TYPE_CHECKING, Any

from ..model import Position
from . import Budget, ReadError, SourceTree, plain_scalar

if TYPE_CHECKING:
    from ..diagnostics import PathPart


_TOML_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_BARE_OR_QUOTED = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED_KEY = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_TOML_ARRAY_HEADER = re.compile(rf"^\[\[\s*({_DOTTED_KEY})\s*\]\]")
_TOML_TABLE_HEADER = re.compile(rf"^\[\s*({_DOTTED_KEY})\s*\]")
_TOML_KEY = re.compile(rf"^({_DOTTED_KEY})\s*=\s*(.*)$")
_TOML_KEY_PART = re.compile(_BARE_OR_QUOTED)


def _toml_key_parts(dotted: str) -> tuple[str, ...]:
    parts = []
    for raw in _TOML_KEY_PART.findall(dotted):
        if raw.startswith('"'):
            parts.append(json.loads(raw))
        elif raw.startswith("'"):
            parts.append(raw[1:-1])
        else:
            parts.append(raw)
    return tuple(parts)


def _toml_positions(text: str) -> dict[tuple[PathPart, ...], Position]:
    """Find the line of every table header and key.

    ``tomllib`` reports no positions, so the lines are recovered by scanning: headers
    (``[[cookies]]`` counts array entries) and ``key =`` lines, skipping the inside of
    multi-line strings. Values inside inline tables and arrays take the position of the
    key that holds them.
    """
    positions: dict[tuple[PathPart, ...], Position] = {}
    array_lengths: dict[tuple[PathPart, ...], int] = {}
    table: tuple[PathPart, ...] = ()
    open_string: str | None = None

    def resolve(parts: tuple[str, ...]) -> tuple[PathPart, ...]:
        path: tuple[PathPart, ...] = ()
        for part in parts:
            path = (*path, part)
            if path in array_lengths:
                path = (*path, array_lengths[path] - 1)
        return path

    # Only "\n" ends a line in TOML: str.splitlines would also split at U+2028 and others.
    for number, line in enumerate(text.split("\n"), 1):
        if open_string:
            if open_string in line:
                open_string = None
            continue
        stripped = line.strip()
        column = len(line) - len(line.lstrip()) + 1
        if match := _TOML_ARRAY_HEADER.match(stripped):
            parts = _toml_key_parts(match.group(1))
            array = (*resolve(parts[:-1]), parts[-1])
            array_lengths[array] = array_lengths.get(array, 0) + 1
            table = (*array, array_lengths[array] - 1)
            positions.setdefault(array, Position(number, column))
            positions[table] = Position(number, column)
        elif match := _TOML_TABLE_HEADER.match(stripped):
            table = resolve(_toml_key_parts(match.group(1)))
            positions.setdefault(table, Position(number, column))
        elif match := _TOML_KEY.match(stripped):
            positions.setdefault(
                (*table, *_toml_key_parts(match.group(1))), Position(number, column)
            )
            value = match.group(2)
            for quote in ('"""', "'''"):
                if value.startswith(quote) and value.count(quote) == 1:
                    open_string = quote
    return positions


def read(text: str, budget: Budget) -> SourceTree:
    """Read TOML ``text``; a syntax error raises :class:`ReadError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _TOML_ERROR_AT.search(message)
        problem = _TOML_ERROR_AT.sub("", message).strip()
        raise ReadError(
            f"TOML syntax error: {problem}",
            int(at.group(1)) if at else None,
            int(at.group(2)) if at else None,
        ) from None
    except ValueError as exc:  # an integer too long to convert
        raise ReadError(f"a value cannot be read: {exc}") from None
    tree = SourceTree(None, _toml_positions(text))

    def plain(value: Any, path: tuple[PathPart, ...]) -> Any:
        try:
            budget.take(path, None)
        except ReadError as exc:  # placed only when refused: finding a place costs
            raise budget.refusal(exc.message, tree.locate(path)) from None
        if isinstance(value, dict):
            return {key: plain(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item, (*path, i)) for i, item in enumerate(value)]
        return plain_scalar(value)

    tree.data = plain(data, ())
    return tree
