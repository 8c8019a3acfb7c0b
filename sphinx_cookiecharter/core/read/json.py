"""JSON: the standard library's pure-Python scanner, told where each value starts."""

from __future__ import annotations

import bisect
import json
import re
from json import decoder as json_decoder
from json import scanner as json_scanner
from typing import TYPE_CHECKING, Any

from ..model import Position
from . import Budget, ReadError, SourceTree

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..diagnostics import PathPart


class _Located:
    """A JSON container as parsed, with the offset where each child value starts."""

    __slots__ = ("is_object", "starts", "value")

    def __init__(self, value: list[Any], starts: list[int], *, is_object: bool) -> None:
        self.value = value
        self.starts = starts
        self.is_object = is_object


def _recording(scan_once: Callable[[str, int], Any], starts: list[int]) -> Callable[..., Any]:
    def scan(string: str, index: int) -> Any:
        starts.append(index)
        return scan_once(string, index)

    return scan


class _PositionDecoder(json.JSONDecoder):
    """The standard library's pure-Python JSON scanner, told to note where values start."""

    def __init__(self) -> None:
        super().__init__(object_pairs_hook=list)
        self.parse_object = self._parse_object
        self.parse_array = self._parse_array
        self.scan_once = json_scanner.py_make_scanner(self)  # type: ignore[attr-defined]

    @staticmethod
    def _parse_object(  # noqa: PLR0917 (the standard library calls it so)
        s_and_end: tuple[str, int],
        strict: bool,
        scan_once: Any,
        object_hook: Any,
        object_pairs_hook: Any,
        memo: Any = None,
    ) -> Any:
        starts: list[int] = []
        pairs, end = json_decoder.JSONObject(  # type: ignore[attr-defined]
            s_and_end, strict, _recording(scan_once, starts), object_hook, object_pairs_hook, memo
        )
        return _Located(pairs, starts, is_object=True), end

    @staticmethod
    def _parse_array(s_and_end: tuple[str, int], scan_once: Any) -> Any:
        starts: list[int] = []
        array = json_decoder.JSONArray  # type: ignore[attr-defined]
        values, end = array(s_and_end, _recording(scan_once, starts))
        return _Located(values, starts, is_object=False), end


class _LineIndex:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self.starts, offset)
        return Position(line, offset - self.starts[line - 1] + 1)


def read(text: str, budget: Budget) -> SourceTree:
    """Read JSON ``text``; a syntax error or a duplicate key raises :class:`ReadError`."""
    first = json_decoder.WHITESPACE.match(text, 0).end()  # type: ignore[attr-defined]
    try:
        raw, end = _PositionDecoder().raw_decode(text, first)
    except json.JSONDecodeError as exc:
        raise ReadError(f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno) from None
    except ValueError as exc:  # an integer too long to convert
        raise ReadError(f"a value cannot be read: {exc}") from None
    index = _LineIndex(text)
    if text[end:].strip():
        where = index.position(end + len(text[end:]) - len(text[end:].lstrip()))
        raise ReadError("JSON syntax error: extra data after the value", where.line, where.column)
    positions: dict[tuple[PathPart, ...], Position] = {}

    def unwrap(value: Any, path: tuple[PathPart, ...], offset: int) -> Any:
        position = index.position(offset)
        budget.take(path, position)
        positions.setdefault(path, position)
        if not isinstance(value, _Located):
            return value
        if not value.is_object:
            return [
                unwrap(item, (*path, i), start)
                for i, (item, start) in enumerate(zip(value.value, value.starts, strict=True))
            ]
        result: dict[str, Any] = {}
        for (key, item), start in zip(value.value, value.starts, strict=True):
            if key in result:
                where = index.position(start)
                raise ReadError(f"duplicate key {key!r}", where.line, where.column)
            result[key] = unwrap(item, (*path, key), start)
        return result

    return SourceTree(unwrap(raw, (), first), positions)
