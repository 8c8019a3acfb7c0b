"""Check read data against the shipped JSON Schema, and explain every mismatch."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from . import spellings
from .diagnostics import short, suggest

if TYPE_CHECKING:
    import jsonschema

    from .diagnostics import Collector, PathPart


@cache
def shipped_schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``schemas/<name>.schema.json`` shipped with the package, read once
    (``declaration``, ``preset``, ``export``)."""
    text = (
        resources.files("sphinx_cookiecharter")
        .joinpath(f"schemas/{name}.schema.json")
        .read_text(encoding="utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the declaration format, as shipped."""
    return shipped_schema("declaration")


def _inline_references(node: Any, root: dict[str, Any]) -> Any:
    """The schema with every local ``$ref`` replaced by what it points to.

    The validator then follows no reference while it checks each of thousands of
    cookies, which halves the time it takes. A keyword written beside a ``$ref`` wins
    over the referenced one, so a field's own title is the one shown.
    """
    if isinstance(node, list):
        return [_inline_references(item, root) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _inline_references(value, root) for key, value in node.items()}
    reference = result.pop("$ref", None)
    if isinstance(reference, str) and reference.startswith("#/"):
        target: Any = root
        for part in reference[2:].split("/"):
            target = target[part]
        result = {**_inline_references(target, root), **result}
    return result


@cache
def _fast_validator() -> Any:
    """The schema compiled by ``jsonschema-rs``, when the ``fast`` extra is installed.

    It only answers whether a declaration is valid, about a hundred times faster than
    ``jsonschema``; when it says no, ``jsonschema`` finds and explains every problem.
    """
    try:
        import jsonschema_rs  # noqa: PLC0415 (optional)
    except ImportError:
        return None
    return jsonschema_rs.validator_for(schema(), validate_formats=True)


def _surely_valid(data: Any) -> bool:
    """True when the fast validator is installed and finds ``data`` valid."""
    fast = _fast_validator()
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(data))
    except Exception:  # such as a number too large for it: let jsonschema decide
        return False


@cache
def _validator() -> jsonschema.protocols.Validator:
    # Imported when a declaration needs explaining, or when jsonschema-rs is missing:
    # the import takes longer than checking a valid declaration with jsonschema-rs.
    import jsonschema  # noqa: PLC0415

    cls = jsonschema.validators.validator_for(schema())
    return cls(_inline_references(schema(), schema()), format_checker=cls.FORMAT_CHECKER)


#: What the whole declaration must be, as said when it is something else.
_TOP_LEVEL = "a mapping with a cookies list"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {short(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


class _Explainer:
    """Turns the validator's errors into diagnostics placed at the right line."""

    def __init__(self, collector: Collector) -> None:
        self.collector = collector
        self.add = collector.add
        self.required_done: set[tuple[PathPart, ...]] = set()

    def schema_error(
        self, error: jsonschema.ValidationError, outer_title: str | None = None
    ) -> None:
        """Note one error; ``outer_title`` is what is expected when the error's own
        schema has no title (a branch of ``oneOf`` that only gives a type)."""
        path: tuple[PathPart, ...] = tuple(error.absolute_path)
        sub = error.schema if isinstance(error.schema, dict) else {}
        title = sub.get("title") or outer_title
        value: Any = error.instance
        rule: Any = error.validator_value
        if "propertyNames" in error.schema_path:
            self.add("schema", (*path, value), f"{short(value)} is not a valid key", title)
            return
        match error.validator:
            case "required":
                # jsonschema reports each missing field as an error of its own, and
                # each of them names the whole list: report the list once per mapping.
                if path in self.required_done:
                    return
                self.required_done.add(path)
                for name in rule:
                    if isinstance(value, dict) and name not in value:
                        expected = sub.get("properties", {}).get(name, {}).get("title")
                        if expected is None and not path:  # a branch of the top's anyOf
                            expected = schema()["properties"].get(name, {}).get("title")
                        self.add("schema", (*path, name), "required field is missing", expected)
            case "additionalProperties":
                known = sorted(sub.get("properties", {}))
                for name in value:
                    if name not in known:
                        self.add(
                            "schema",
                            (*path, name),
                            f"unknown field {name!r}{suggest(name, known)}",
                            "one of " + ", ".join(known),
                        )
            case "oneOf" | "anyOf":
                self.alternatives(error, title)
            case "type" if not path:
                self.add("schema", path, f"the declaration is {_describe(value)}", _TOP_LEVEL)
            case "type":
                self.add("schema", path, f"got {_describe(value)}", title or _type_name(sub))
            case "enum" | "const":
                choices = rule
                if error.validator == "const":
                    choices = [choices]
                spelled = ", ".join(str(choice) for choice in choices)
                words = [choice for choice in choices if isinstance(choice, str)]
                if isinstance(value, str) and words:
                    given = f"{short(value)} is not allowed{suggest(value, words)}"
                else:  # such as YAML's `yes` read as a boolean, or the string '1'
                    given = f"{_describe(value)} is not allowed"
                self.add("schema", path, given, title or spelled)
            case "minLength" | "minProperties" | "minItems":
                self.add("schema", path, "must not be empty", title)
            case "maxLength":
                self.add("schema", path, f"is longer than {rule} characters", title)
            case "format" if rule == "date":
                self.add("schema", path, f"{short(value)} is not a valid date", title)
            case "pattern" if isinstance(value, str):
                self.add("schema", path, _refused(value, rule, path), title)
            case "pattern" | "format":
                self.add("schema", path, f"{short(value)} is not valid", title)
            case _:
                self.add("schema", path, error.message, title)

    def alternatives(self, error: jsonschema.ValidationError, title: str | None) -> None:
        """A value that fits none of ``oneOf``: report inside the branch of its type."""
        for branch in _branches(error):
            if not any(e.validator == "type" and not e.relative_path for e in branch):
                for inner in branch:
                    self.schema_error(inner, title if not inner.relative_path else None)
                return
        self.add("schema", tuple(error.absolute_path), f"got {_describe(error.instance)}", title)


#: A pattern that allows one class of characters: ``^[...]*(?!\n)$``.
_ONE_CLASS = re.compile(r"\^(\[.+\])[*+]\(\?!\\n\)\$")
#: Characters named in words rather than shown, which would not be seen.
_NAMED = {"\t": "a tab", " ": "a space", "\n": "a line break", "\r": "a carriage return"}


def describe_character(character: str) -> str:
    """A character named so that a reader sees it: ``a tab (U+0009)``,
    ``a soft hyphen (U+00AD)``, ``':' (U+003A)``."""
    code = f"U+{ord(character):04X}"
    if character in _NAMED:
        return f"{_NAMED[character]} ({code})"
    category = unicodedata.category(character)
    if category == "Cc":
        return f"a control character ({code})"
    if category in ("Cf", "Zs", "Zl", "Zp"):
        return f"an invisible character, {unicodedata.name(character, 'unnamed').lower()} ({code})"
    return f"{character!r} ({code})"


def _refused(value: str, pattern: str, path: tuple[PathPart, ...]) -> str:
    """Why a string does not match its pattern, as precisely as can be said."""
    one_class = _ONE_CLASS.fullmatch(pattern)
    if one_class:
        allowed = re.compile(one_class.group(1))
        for index, character in enumerate(value):
            if not allowed.fullmatch(character):
                return (
                    f"{short(value)} holds {describe_character(character)} at character {index + 1}"
                )
    if path and path[-1] == "duration":
        return f"{short(value)} is not a duration{spellings.hint(value)}"
    return f"{short(value)} is not valid"


def _branches(error: jsonschema.ValidationError) -> list[list[jsonschema.ValidationError]]:
    by_index: dict[int, list[jsonschema.ValidationError]] = {}
    for inner in error.context or ():
        by_index.setdefault(int(inner.schema_path[0]), []).append(inner)
    return [by_index[index] for index in sorted(by_index)]


def _type_name(sub: dict[str, Any]) -> str | None:
    names = {"object": "a mapping", "array": "a list", "string": "a string", "integer": "a number"}
    kind = sub.get("type")
    return names.get(kind, kind) if isinstance(kind, str) else None


def check_schema(data: Any, collector: Collector) -> None:
    """Note every place where ``data`` does not fit the schema.

    ``jsonschema-rs`` (the ``fast`` extra) answers first when it is installed: most
    declarations are valid, and it says so about a hundred times faster. Otherwise, or
    when it finds a problem, ``jsonschema`` finds and explains every one.
    """
    if _surely_valid(data):
        return
    explainer = _Explainer(collector)
    for error in _validator().iter_errors(data):
        explainer.schema_error(error)
