"""Check read data against the shipped JSON Schema and the rules a schema cannot say."""

from __future__ import annotations

import datetime
import difflib
import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic, Kind, PathPart, format_path
from .model import DEFAULT_CATEGORIES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    import jsonschema

    from .reader import SourceTree


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the declaration format, as shipped."""
    text = (
        resources.files(__package__)
        .joinpath("schema/declaration.schema.json")
        .read_text(encoding="utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result


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
        return f"the string {_short(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Collector:
    """Turns validator errors into diagnostics placed at the right line."""

    def __init__(self, tree: SourceTree, source: str, line_offset: int) -> None:
        self.tree = tree
        self.source = source
        self.line_offset = line_offset
        self.diagnostics: list[Diagnostic] = []
        self.required_done: set[tuple[PathPart, ...]] = set()

    def add(
        self, kind: Kind, path: tuple[PathPart, ...], message: str, expected: str | None = None
    ) -> None:
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

    def schema_error(self, error: jsonschema.ValidationError) -> None:
        path: tuple[PathPart, ...] = tuple(error.absolute_path)
        sub = error.schema if isinstance(error.schema, dict) else {}
        title = sub.get("title")
        value: Any = error.instance
        rule: Any = error.validator_value
        if "propertyNames" in error.schema_path:
            self.add("schema", (*path, value), f"{_short(value)} is not a valid key", title)
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
                        self.add("schema", (*path, name), "required field is missing", expected)
            case "additionalProperties":
                known = sorted(sub.get("properties", {}))
                for name in value:
                    if name not in known:
                        self.add(
                            "schema",
                            (*path, name),
                            f"unknown field {name!r}{_suggest(name, known)}",
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
                    given = f"{_short(value)} is not allowed{_suggest(value, words)}"
                else:  # such as YAML's `yes` read as a boolean, or the string '1'
                    given = f"{_describe(value)} is not allowed"
                self.add("schema", path, given, title or spelled)
            case "minLength" | "minProperties" | "minItems":
                self.add("schema", path, "must not be empty", title)
            case "maxLength":
                self.add("schema", path, f"is longer than {rule} characters", title)
            case "pattern" | "format":
                self.add("schema", path, f"{_short(value)} is not valid", title)
            case _:
                self.add("schema", path, error.message, title)

    def alternatives(self, error: jsonschema.ValidationError, title: str | None) -> None:
        """A value that fits none of ``oneOf``: report inside the branch of its type."""
        for branch in _branches(error):
            if not any(e.validator == "type" and not e.relative_path for e in branch):
                for inner in branch:
                    self.schema_error(inner)
                return
        self.add("schema", tuple(error.absolute_path), f"got {_describe(error.instance)}", title)


def _branches(error: jsonschema.ValidationError) -> list[list[jsonschema.ValidationError]]:
    by_index: dict[int, list[jsonschema.ValidationError]] = {}
    for inner in error.context or ():
        by_index.setdefault(int(inner.schema_path[0]), []).append(inner)
    return [by_index[index] for index in sorted(by_index)]


def _type_name(sub: dict[str, Any]) -> str | None:
    names = {"object": "a mapping", "array": "a list", "string": "a string", "integer": "a number"}
    kind = sub.get("type")
    return names.get(kind, kind) if isinstance(kind, str) else None


def check(
    tree: SourceTree, source: str, *, max_cookies: int, line_offset: int = 0
) -> list[Diagnostic]:
    """Every problem of a declaration, in file order.

    :param tree: the data as read, with positions.
    :param source: the file name shown in each diagnostic.
    :param max_cookies: how many cookies a declaration may hold.
    :param line_offset: added to every line (for declarations inside a document).
    """
    collector = _Collector(tree, source, line_offset)
    if not _surely_valid(tree.data):
        for error in _validator().iter_errors(tree.data):
            collector.schema_error(error)
    data = tree.data
    if isinstance(data, dict):
        _check_rules(data, collector, max_cookies)
    return sorted(
        collector.diagnostics,
        key=lambda d: (d.line or 0, d.column or 0, format_path(d.path)),
    )


def invalid_paths(diagnostics: Iterable[Diagnostic]) -> set[tuple[PathPart, ...]]:
    """The top two levels of every path with a problem (``('cookies', 3)``).

    Exceeded limits are left out: they drop what is past the limit, not the whole list.
    """
    return {diagnostic.path[:2] for diagnostic in diagnostics if diagnostic.kind != "limit"}


def _items(data: dict[str, Any], key: str) -> Iterator[tuple[Any, Any]]:
    """The entries of ``key`` when it has the container type the schema expects
    (a list for ``cookies``, a mapping otherwise); nothing when it has another type,
    which the schema already reports."""
    value = data.get(key)
    if key == "cookies":
        if isinstance(value, list):
            yield from enumerate(value)
    elif isinstance(value, dict):
        yield from value.items()


def _check_rules(data: dict[str, Any], collector: _Collector, max_cookies: int) -> None:
    for name, category in _items(data, "categories"):
        if (
            name not in DEFAULT_CATEGORIES
            and isinstance(category, dict)
            and "title" not in category
        ):
            collector.add(
                "schema",
                ("categories", name, "title"),
                "a new category needs a title",
                "a string or a mapping of language codes to strings",
            )
    updated = data.get("updated")
    if isinstance(updated, str) and not any(d.path == ("updated",) for d in collector.diagnostics):
        try:
            datetime.date.fromisoformat(updated)
        except ValueError:  # such as year 0, which a date pattern lets through
            collector.add(
                "schema",
                ("updated",),
                f"{_short(updated)} is not a valid date",
                "an ISO 8601 date such as 2026-11-28",
            )
    broken = invalid_paths(collector.diagnostics)
    flagged = {d.path[:3] for d in collector.diagnostics}
    declared = [name for name, _ in _items(data, "categories") if isinstance(name, str)]
    known_categories = [*DEFAULT_CATEGORIES, *(c for c in declared if c not in DEFAULT_CATEGORIES)]
    invalid_categories = {name for name in declared if ("categories", name) in broken}
    invalid_providers = {
        name for name, _ in _items(data, "providers") if ("providers", name) in broken
    }
    cookies = data.get("cookies")
    if isinstance(cookies, list) and len(cookies) > max_cookies:
        collector.add(
            "limit",
            ("cookies",),
            f"{len(cookies):,} cookies declared; only the first {max_cookies:,} are used",
            f"at most {max_cookies:,} cookies",
        )
    seen: dict[tuple[str, str | None, str], int] = {}
    for index, cookie in _items(data, "cookies"):
        if not isinstance(cookie, dict) or index >= max_cookies:
            continue
        path = ("cookies", index)
        problems_before = len(collector.diagnostics)
        category = cookie.get("category")
        if (
            isinstance(category, str)
            and category not in known_categories
            and (*path, "category") not in flagged
        ):
            collector.add(
                "reference",
                (*path, "category"),
                f"unknown category {category!r}{_suggest(category, known_categories)}",
                "one of "
                + ", ".join(known_categories)
                + ", or a new category declared under categories",
            )
        if isinstance(category, str) and category in invalid_categories:
            collector.add(
                "reference",
                (*path, "category"),
                f"the category {category!r} is declared with errors; this cookie is left out",
                "a valid category under categories",
            )
        provider = cookie.get("provider")
        if isinstance(provider, str) and provider in invalid_providers:
            collector.add(
                "reference",
                (*path, "provider"),
                f"the provider {provider!r} is declared with errors; this cookie is left out",
                "a valid provider under providers",
            )
        name = cookie.get("name")
        left_out = path in broken or len(collector.diagnostics) > problems_before
        if left_out or not isinstance(name, str):
            continue  # a cookie left out takes no name from a valid one
        key = (name, cookie.get("domain"), cookie.get("storage", "cookie"))
        if key in seen:
            first = _tree_line(collector, ("cookies", seen[key]))
            where = f" (cookies[{seen[key]}]{f', line {first}' if first else ''})"
            collector.add(
                "duplicate",
                (*path, "name"),
                f"the cookie {name!r} is already declared{where}",
                "one entry per name, domain and storage",
            )
        else:
            seen[key] = index


def _tree_line(collector: _Collector, path: tuple[PathPart, ...]) -> int | None:
    """The line of ``path`` in the document, after the offset."""
    position = collector.tree.locate(path)
    return position.line + collector.line_offset if position else None
