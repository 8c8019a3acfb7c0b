"""The rules a schema cannot say: references between parts, duplicates, real dates."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from .diagnostics import short, suggest
from .vocabulary import DEFAULT_CATEGORIES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .diagnostics import Collector, Diagnostic, PathPart


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


def check_integrity(data: dict[str, Any], collector: Collector, max_cookies: int) -> None:
    """Note what a schema cannot say: a new category's title, a date Python can hold,
    categories and providers that exist and are valid, one entry per cookie."""
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
                f"{short(updated)} is not a valid date",
                "an ISO 8601 date such as 2026-11-28",
            )
    changes = data.get("changes")
    for index, change in enumerate(changes if isinstance(changes, list) else []):
        date = change.get("date") if isinstance(change, dict) else None
        at: tuple[PathPart, ...] = ("changes", index, "date")
        if isinstance(date, str) and not any(d.path[:3] == at for d in collector.diagnostics):
            try:
                datetime.date.fromisoformat(date)
            except ValueError:
                collector.add(
                    "schema",
                    at,
                    f"{short(date)} is not a valid date",
                    "an ISO 8601 date such as 2026-11-28",
                )
    _check_presets(data, collector)
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
                f"unknown category {category!r}{suggest(category, known_categories)}",
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
            first = collector.line_of(("cookies", seen[key]))
            where = f" (cookies[{seen[key]}]{f', line {first}' if first else ''})"
            collector.add(
                "duplicate",
                (*path, "name"),
                f"the cookie {name!r} is already declared{where}",
                "one entry per name, domain and storage",
            )
        else:
            seen[key] = index


def _check_presets(data: dict[str, Any], collector: Collector) -> None:
    """Every preset named exists, and is named once."""
    named = data.get("presets")
    if not isinstance(named, list):
        return
    from .presets import presets  # noqa: PLC0415

    known = list(presets())
    seen: dict[str, int] = {}
    for index, name in enumerate(named):
        if not isinstance(name, str) or any(
            d.path[:2] == ("presets", index) for d in collector.diagnostics
        ):
            continue
        if name not in known:
            collector.add(
                "reference",
                ("presets", index),
                f"unknown preset {name!r}{suggest(name, known)}",
                "one of " + ", ".join(known),
            )
        elif name in seen:
            collector.add(
                "duplicate",
                ("presets", index),
                f"the preset {name!r} is already named (presets[{seen[name]}])",
                "each preset once",
            )
        else:
            seen[name] = index
