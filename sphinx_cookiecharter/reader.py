"""Read YAML, TOML or JSON text into plain data, keeping where each value starts.

Every reader returns a :class:`SourceTree`: JSON-like data (dicts, lists, strings,
numbers, booleans, ``None``; dates as ISO strings) and the position of every value by
field path. Nothing here runs code named in the input: YAML is composed into nodes by
PyYAML's safe loader and only the core scalar tags are constructed.
"""

from __future__ import annotations

import bisect
import datetime
import json
import re
import tomllib
from dataclasses import dataclass, field
from json import decoder as json_decoder
from json import scanner as json_scanner
from typing import TYPE_CHECKING, Any, Literal

import yaml

from .model import Position

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterator

    from .diagnostics import PathPart

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


def read_text(text: str, fmt: Format, limits: Limits | None = None) -> SourceTree:
    """Read ``text`` written in ``fmt``.

    :raises ReadError: on a syntax error, a limit exceeded or an unsupported construct.
    """
    limits = limits or Limits()
    try:
        if fmt == "yaml":
            tree = _YamlReader(limits).read(text)
        elif fmt == "json":
            tree = _read_json(text, limits)
        else:
            tree = _read_toml(text, limits)
        _refuse_surrogates(tree, tree.data, ())
        return tree
    except RecursionError:
        raise ReadError(
            f"the values are nested too deeply (at most {limits.max_depth} levels)",
            kind="limit",
        ) from None


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


def _check_depth(path: tuple[PathPart, ...], limits: Limits, position: Position | None) -> None:
    if len(path) > limits.max_depth:
        raise ReadError(
            f"the values are nested too deeply (at most {limits.max_depth} levels)",
            position.line if position else None,
            position.column if position else None,
            kind="limit",
        )


def _plain_scalar(value: Any) -> Any:
    """Dates and times become ISO strings, as JSON would hold them."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


# --- YAML -------------------------------------------------------------------------

_YAML_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_YAML_STR = "tag:yaml.org,2002:str"
_YAML_SEQ = "tag:yaml.org,2002:seq"
#: Plain keys that YAML reads as something else than text (merge and value keys).
_YAML_SPECIAL_KEYS = frozenset(("<<", "="))
_YAML_MAP = "tag:yaml.org,2002:map"


def _yaml_tag(tag: str) -> str:
    """A tag as it is usually written: ``!!binary`` rather than its full URI."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag.removeprefix(prefix) if tag.startswith(prefix) else tag


def _where(mark: Any) -> tuple[int, int]:
    """A parser's mark (0-based) as a 1-based line and column."""
    return mark.line + 1, mark.column + 1


class _Frame:
    """A YAML mapping or sequence being read, with the values counted inside it so far."""

    __slots__ = ("aliased", "anchor", "key", "mark", "path", "total", "value")

    def __init__(self, value: Any, path: tuple[PathPart, ...], mark: Any, anchor: str | None):
        self.value = value
        self.path = path
        self.mark = mark
        self.anchor = anchor
        self.total = 1
        self.aliased = False
        self.key: str | None = None  # a mapping's key waiting for its value


class _YamlReader:
    """Builds plain data and positions from the parser's events, in one pass.

    No node graph is kept (it would take several times the memory of the data), and an
    alias adds the size of what it stands for to every mapping and sequence around it,
    so a "billion laughs" file is refused as soon as it would expand past the limit.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.count = 0
        self.positions: dict[tuple[PathPart, ...], Position] = {}
        self.constructor = yaml.constructor.SafeConstructor()
        resolver = yaml.resolver.Resolver()
        self.resolve: Callable[[type[yaml.Node], str | None, Any], str] = resolver.resolve

    def read(self, text: str) -> SourceTree:
        # Both parsers skip a byte-order mark, but count columns after it differently.
        text = text.removeprefix("\ufeff")
        if yaml.__with_libyaml__:
            try:
                return self.build(yaml.parse(text, Loader=yaml.CSafeLoader))
            except ReadError:
                raise
            except Exception:  # any refusal: the slower parser explains it below
                self.count, self.positions = 0, {}
        try:
            return self.build(yaml.parse(text, Loader=yaml.SafeLoader))
        except yaml.reader.ReaderError as exc:
            character = exc.character
            code = ord(character) if isinstance(character, str) else character
            line = text.count("\n", 0, exc.position) + 1
            column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
            raise ReadError(
                f"YAML syntax error: the character U+{code:04X} is not allowed in YAML",
                line,
                column,
                expected="printable text; write control characters as escapes such as \\t",
            ) from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "invalid YAML"
            if exc.context and problem.startswith("but "):
                # Such as "expected a single document in the stream, but found another..."
                problem = f"{exc.context}, {problem}"
            raise ReadError(
                f"YAML syntax error: {problem}",
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            ) from None
        except yaml.YAMLError as exc:
            raise ReadError(f"YAML syntax error: {exc}") from None

    def build(self, events: Iterator[Any]) -> SourceTree:
        stack: list[_Frame] = []
        anchors: dict[str, tuple[Any, int]] = {}
        root: list[Any] = []
        documents = 0
        event: Any  # the stubs' marks may be None; the parsers always give them
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise ReadError(
                        "YAML syntax error: expected a single document in the stream, but "
                        "found another document",
                        *_where(mark),
                    )
            elif isinstance(event, yaml.ScalarEvent):
                if stack and isinstance(stack[-1].value, dict) and stack[-1].key is None:
                    self.take_key(stack[-1], event)
                    continue
                value = self.scalar(event, self.child_path(stack))
                self.place(stack, root, value, 1, aliased=False)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                is_mapping = isinstance(event, yaml.MappingStartEvent)
                if stack and isinstance(stack[-1].value, dict) and stack[-1].key is None:
                    self.refuse_key(event)
                path = self.child_path(stack)
                self.check_tag(event, yaml.MappingNode if is_mapping else yaml.SequenceNode)
                position = Position(*_where(event.start_mark))
                self.positions.setdefault(path, position)
                _check_depth(path, self.limits, position)
                self.count_value(position)
                stack.append(_Frame({} if is_mapping else [], path, event.start_mark, event.anchor))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.value, frame.total)
                self.place(stack, root, frame.value, frame.total, aliased=frame.aliased)
            elif isinstance(event, yaml.AliasEvent):
                if stack and isinstance(stack[-1].value, dict) and stack[-1].key is None:
                    self.refuse_key(event)
                if event.anchor not in anchors:
                    opened = next((f for f in stack if f.anchor == event.anchor), None)
                    mark = opened.mark if opened else event.start_mark
                    problem = (
                        "a YAML alias refers to itself"
                        if opened
                        else f"YAML syntax error: found undefined alias {event.anchor!r}"
                    )
                    raise ReadError(problem, *_where(mark))
                value, size = anchors[event.anchor]
                path = self.child_path(stack)
                self.positions.setdefault(path, Position(*_where(event.start_mark)))
                self.place(stack, root, value, size, aliased=True)
        return SourceTree(root[0] if root else None, self.positions)

    @staticmethod
    def child_path(stack: list[_Frame]) -> tuple[PathPart, ...]:
        """The path of the value that comes next."""
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.value, dict):
            return (*frame.path, frame.key)  # type: ignore[arg-type]
        return (*frame.path, len(frame.value))

    def take_key(self, frame: _Frame, event: Any) -> None:
        mark = event.start_mark
        tag = event.tag
        if tag is None and event.value not in _YAML_SPECIAL_KEYS:
            pass  # a plain key: its text is all that is used
        else:
            if tag is None or tag == "!":
                tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag not in _YAML_SCALAR_TAGS:
                self.refuse_key(event, tag)
        # The key as written: `no:` or `on:` stay language codes, not booleans.
        key = event.value
        if key in frame.value:
            raise ReadError(f"duplicate key {key!r}", *_where(mark))
        frame.key = key
        self.positions[(*frame.path, key)] = Position(*_where(mark))

    @staticmethod
    def refuse_key(event: Any, tag: str | None = None) -> None:
        mark = event.start_mark
        tag = tag or getattr(event, "tag", None) or ""
        problem = (
            "merge keys (<<) are not supported"
            if tag.endswith(":merge")
            else "a mapping key must be a plain value"
        )
        raise ReadError(problem, *_where(mark))

    def check_tag(self, event: Any, kind: type[yaml.Node]) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolve(kind, getattr(event, "value", None), event.implicit)
        if kind is yaml.MappingNode:
            allowed: Container[str] = (_YAML_MAP,)
        elif kind is yaml.SequenceNode:
            allowed = (_YAML_SEQ,)
        else:
            allowed = _YAML_SCALAR_TAGS
        if tag not in allowed:
            mark = event.start_mark
            raise ReadError(
                f"unsupported YAML tag {_yaml_tag(tag)!r}",
                *_where(mark),
                expected="plain YAML values (strings, numbers, lists and mappings)",
            )
        return str(tag)

    def scalar(self, event: Any, path: tuple[PathPart, ...]) -> Any:
        tag = self.check_tag(event, yaml.ScalarNode)
        position = Position(*_where(event.start_mark))
        self.positions.setdefault(path, position)
        _check_depth(path, self.limits, position)
        self.count_value(position)
        if tag == _YAML_STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        try:
            return _plain_scalar(self.constructor.construct_object(node))
        except Exception:  # such as `!!bool maybe`: the constructors raise many kinds
            return event.value  # such as 2026-02-30: the schema will say what is wrong

    def count_value(self, position: Position) -> None:
        self.count += 1
        if self.count > self.limits.max_values:
            raise ReadError(
                f"the declaration holds more than {self.limits.max_values:,} values",
                position.line,
                position.column,
                kind="limit",
            )

    def place(
        self,
        stack: list[_Frame],
        root: list[Any],
        value: Any,
        size: int,
        *,
        aliased: bool,
    ) -> None:
        """Put a finished value in its mapping or sequence, which grows by its size.

        A mapping or sequence with an alias inside is refused as soon as its expanded
        size passes the limit: that is, at the innermost one that does.
        """
        if not stack:
            root.append(value)
            return
        frame = stack[-1]
        if isinstance(frame.value, dict):
            frame.value[frame.key] = value
            frame.key = None
        else:
            frame.value.append(value)
        frame.total += size
        frame.aliased = frame.aliased or aliased
        if frame.aliased and frame.total > self.limits.max_values:
            raise ReadError(
                f"the declaration would expand to more than {self.limits.max_values:,} "
                "values (YAML aliases expanding too far)",
                *_where(frame.mark),
                kind="limit",
            )


# --- JSON -------------------------------------------------------------------------


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


def _read_json(text: str, limits: Limits) -> SourceTree:
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
    count = 0

    def unwrap(value: Any, path: tuple[PathPart, ...], offset: int) -> Any:
        nonlocal count
        count += 1
        position = index.position(offset)
        if count > limits.max_values:
            raise ReadError(
                f"the declaration holds more than {limits.max_values:,} values",
                position.line,
                position.column,
                kind="limit",
            )
        positions.setdefault(path, position)
        _check_depth(path, limits, position)
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


# --- TOML -------------------------------------------------------------------------

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


def _read_toml(text: str, limits: Limits) -> SourceTree:
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
    positions = _toml_positions(text)
    count = 0

    def plain(value: Any, path: tuple[PathPart, ...]) -> Any:
        nonlocal count
        count += 1
        if count > limits.max_values:
            raise ReadError(
                f"the declaration holds more than {limits.max_values:,} values", kind="limit"
            )
        if len(path) > limits.max_depth:
            _check_depth(path, limits, SourceTree(None, positions).locate(path))
        if isinstance(value, dict):
            return {key: plain(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item, (*path, i)) for i, item in enumerate(value)]
        return _plain_scalar(value)

    return SourceTree(plain(data, ()), positions)
