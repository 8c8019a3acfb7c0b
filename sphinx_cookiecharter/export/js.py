"""Write JavaScript values: the banner exports' configuration objects.

Strings are written by :func:`json.dumps` (then made safe inside an HTML ``<script>``),
keys bare when they are identifiers, and cookie names with a ``*`` as ``RegExp``
literals built character by character, so no declared text can end a string, a literal
or the script early. The same value always gives the same text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

#: Characters with a meaning in a regular expression, escaped with a backslash.
_SYNTAX = frozenset("\\^$.|?*+()[]{}")
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*\Z")
#: Keywords that may not be a bare key in very old engines; quoting them costs nothing.
_RESERVED = frozenset(
    {
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
        "let",
        "static",
        "enum",
        "await",
    }
)
#: A list of plain values shorter than this is written on one line.
_INLINE = 72


@dataclass(frozen=True, slots=True)
class RegExp:
    """A ``RegExp`` literal; ``source`` is already escaped for one (see :func:`name_regexp`)."""

    source: str

    def __str__(self) -> str:
        return f"/{self.source}/"


@dataclass(frozen=True, slots=True)
class Expression:
    """JavaScript code written as it is: only for code this package writes itself."""

    code: str


@dataclass(frozen=True, slots=True)
class Concat:
    """Strings and expressions joined with ``+`` (a text holding a link found at run time)."""

    parts: tuple[str | Expression, ...]


def pattern(name: str) -> str:
    """The regular expression a cookie name stands for: ``*`` for any characters (line
    breaks aside, which no cookie name holds), every other character for itself
    (``_ga_*`` -> ``^_ga_.*$``).

    The source is valid in ECMAScript (with or without the ``u`` flag) and in Python's
    :mod:`re` (use :func:`re.fullmatch` there, as ``$`` also matches before a final
    newline).
    """
    escaped = ("".join(f"\\{c}" if c in _SYNTAX else c for c in part) for part in name.split("*"))
    return "^" + ".*".join(escaped) + "$"


def _literal_char(char: str) -> str:
    if char in _SYNTAX or char == "/":
        return "\\" + char
    if " " <= char <= "~":
        return char
    # Anything else (line breaks, controls, non-ASCII) as UTF-16 code units, which a
    # literal without the u flag matches one by one, as JavaScript strings hold them.
    data = char.encode("utf-16-be")
    return "".join(f"\\u{data[i]:02x}{data[i + 1]:02x}" for i in range(0, len(data), 2))


def name_regexp(name: str) -> RegExp:
    """The ``RegExp`` literal matching exactly the names a cookie name stands for."""
    parts = ("".join(_literal_char(c) for c in part) for part in name.split("*"))
    return RegExp("^" + ".*".join(parts) + "$")


def string(value: str) -> str:
    """A JavaScript string literal, safe in a file and inside an HTML ``<script>``."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("</", "<\\/")
        .replace("<!--", "<\\!--")
    )


def key(name: str) -> str:
    """An object key: bare when it is an identifier, else a string literal."""
    return name if _IDENTIFIER.match(name) and name not in _RESERVED else string(name)


def _is_plain(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool | RegExp)


def value(item: Any, indent: int = 0) -> str:
    """``item`` (dicts, lists, strings, numbers, booleans, ``None``, :class:`RegExp`,
    :class:`Expression`) as JavaScript, indented by two spaces a level."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    match item:
        case None:
            return "null"
        case bool():
            return "true" if item else "false"
        case int() | float():
            return json.dumps(item)
        case str():
            return string(item)
        case RegExp():
            return str(item)
        case Expression():
            return item.code
        case Concat():
            return " + ".join(value(part) for part in item.parts if part != "") or '""'
        case dict():
            if not item:
                return "{}"
            members = [f"{inner}{key(k)}: {value(v, indent + 1)}" for k, v in item.items()]
            return "{\n" + ",\n".join(members) + f"\n{pad}}}"
        case list() | tuple():
            if not item:
                return "[]"
            if all(_is_plain(member) for member in item):
                line = "[" + ", ".join(value(member) for member in item) + "]"
                if len(line) + len(pad) <= _INLINE:
                    return line
            members = [f"{inner}{value(member, indent + 1)}" for member in item]
            return "[\n" + ",\n".join(members) + f"\n{pad}]"
    raise TypeError(f"no JavaScript for {type(item).__name__}")


def script(comment: str, statements: list[tuple[str, Any]]) -> str:
    """A script of ``// comment`` lines, then one assignment per ``(target, value)``."""
    # Every line break JavaScript knows starts a new comment line, so no text leaves it.
    lines = [f"// {line}".rstrip().replace("</", "<\\/") for line in comment.splitlines()]
    lines += [f"{target} = {value(item)};" for target, item in statements]
    return "\n".join(lines) + "\n"
