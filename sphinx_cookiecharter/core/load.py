"""Load a declaration file or text into a :class:`~.model.Declaration` and its problems.

Nothing here raises on bad input: every problem becomes a
:class:`~.diagnostics.Diagnostic`, and what is valid is still returned, so one broken
cookie does not hide the others.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .diagnostics import Collector, Diagnostic, PathPart
from .model import (
    Category,
    Change,
    ConsentSettings,
    Controller,
    Cookie,
    Declaration,
    Duration,
    LintSettings,
    LocalizedText,
    Position,
    Provider,
)
from .read import EXTENSIONS, Format, Limits, ReadError, SourceTree, read_text
from .vocabulary import DEFAULT_CATEGORIES


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What loading gave: the valid part of the declaration, and every problem found.

    ``declaration`` is ``None`` only when nothing could be read at all.
    """

    declaration: Declaration | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the declaration was read without any problem."""
        return self.declaration is not None and not self.diagnostics


def format_for(path: str | os.PathLike[str]) -> Format | None:
    """The format a file name's ending means, or ``None``."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def load_declaration(
    path: str | os.PathLike[str], *, source: str | None = None, limits: Limits | None = None
) -> LoadResult:
    """Read and check the declaration file at ``path``.

    :param source: the name diagnostics give the file (default: ``path`` as given).
    :param limits: how much a declaration may hold.
    """
    limits = limits or Limits()
    shown = source if source is not None else os.fspath(path)

    def failed(
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        kind: Any = "load",
        expected: str | None = None,
    ) -> LoadResult:
        return LoadResult(None, (Diagnostic(kind, message, shown, line, column, (), expected),))

    if Path(path).is_dir():
        return failed("is a directory, not a file", expected="a declaration file")
    fmt = format_for(path)
    if fmt is None:
        suffix = Path(path).suffix
        return failed(
            f"unknown file type {suffix!r}" if suffix else "the file name has no extension",
            expected="a file ending in .yaml, .yml, .toml or .json",
        )
    try:
        size = Path(path).stat().st_size
        if size > limits.max_bytes:
            return failed(
                f"the file holds {size:,} bytes",
                kind="limit",
                expected=f"at most {limits.max_bytes:,} bytes",
            )
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return failed("file not found", expected="an existing declaration file")
    except OSError as exc:
        return failed(f"cannot be read: {exc.strerror or exc}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return failed(
            f"byte 0x{data[exc.start]:02x} is not UTF-8 text",
            line,
            column,
            expected="a file encoded in UTF-8",
        )
    return parse_declaration(text, fmt, source=shown, limits=limits)


def parse_declaration(
    text: str,
    fmt: Format = "yaml",
    *,
    source: str = "<declaration>",
    line_offset: int = 0,
    limits: Limits | None = None,
) -> LoadResult:
    """Read and check a declaration given as text.

    :param fmt: ``yaml``, ``toml`` or ``json``.
    :param source: the name diagnostics give the text.
    :param line_offset: added to every line, for text that starts inside a document.
    """
    limits = limits or Limits()
    if not text.strip():
        return _empty(source)
    try:
        tree = read_text(text, fmt, limits)
    except ReadError as exc:
        line = exc.line + line_offset if exc.line is not None else None
        return LoadResult(
            None, (Diagnostic(exc.kind, exc.message, source, line, exc.column, (), exc.expected),)
        )
    if tree.data is None or (fmt == "toml" and tree.data == {}):
        return _empty(source)  # blank, or only comments
    # Imported on first use: the validators take longer to import than the rest of the
    # extension, and a build whose pages show no declaration should not pay for it.
    from .integrity import check_integrity, invalid_paths  # noqa: PLC0415
    from .schema import check_schema  # noqa: PLC0415

    collector = Collector(tree, source, line_offset)
    check_schema(tree.data, collector)
    if isinstance(tree.data, dict):
        check_integrity(tree.data, collector, limits.max_cookies)
    diagnostics = collector.in_file_order()
    if not isinstance(tree.data, dict):
        return LoadResult(None, tuple(diagnostics))
    builder = _Builder(tree, source, line_offset, invalid_paths(diagnostics))
    return LoadResult(builder.declaration(limits.max_cookies), tuple(diagnostics))


def _empty(source: str) -> LoadResult:
    return LoadResult(
        None,
        (
            Diagnostic(
                "load",
                "the declaration is empty",
                source,
                None,
                None,
                (),
                "a mapping with a cookies list",
            ),
        ),
    )


class _Builder:
    """Builds the model from the parts of the data that have no problem."""

    def __init__(
        self,
        tree: SourceTree,
        source: str,
        line_offset: int,
        broken: set[tuple[PathPart, ...]],
    ) -> None:
        self.tree = tree
        self.data: dict[str, Any] = tree.data
        self.source = source
        self.line_offset = line_offset
        self.broken = broken
        self.broken_keys = {path[0] for path in broken if path}

    def position(self, path: tuple[PathPart, ...]) -> Position | None:
        found = self.tree.locate(path)
        if found is None or not self.line_offset:
            return found
        return Position(found.line + self.line_offset, found.column)

    def text(self, value: Any, path: tuple[PathPart, ...]) -> LocalizedText | None:
        return None if value is None else LocalizedText.of(value, self.position(path))

    def duration(self, value: Any, path: tuple[PathPart, ...]) -> Duration | None:
        """A duration string, or free text given as a language mapping."""
        if value is None:
            return None
        if isinstance(value, dict):
            return Duration.free_text(LocalizedText.of(value, self.position(path)))
        return Duration.parse(value)

    def lint(self, value: Any, path: tuple[PathPart, ...]) -> LintSettings | None:
        """A ``lint`` mapping: the rule ids it silences and the reason given."""
        if value is None:
            return None
        return LintSettings(tuple(value["ignore"]), value.get("reason"), self.position(path))

    def valid(self, key: str) -> Any:
        """A top-level value, or ``None`` when it or anything in it has a problem."""
        return None if key in self.broken_keys else self.data.get(key)

    def entries(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if not isinstance(value, dict) or (key,) in self.broken:
            return {}
        return {name: item for name, item in value.items() if (key, name) not in self.broken}

    def declaration(self, max_cookies: int) -> Declaration:
        providers = {
            name: Provider(
                item["name"],
                name,
                item.get("privacy_policy"),
                item.get("country"),
                item.get("role"),
                self.text(item.get("safeguard"), ("providers", name, "safeguard")),
                self.position(("providers", name)),
            )
            for name, item in self.entries("providers").items()
        }
        categories = self.categories()
        consent_of = {category.id: category.consent for category in categories}
        cookies = []
        raw_cookies = self.data.get("cookies")
        if not isinstance(raw_cookies, list) or ("cookies",) in self.broken:
            raw_cookies = []
        for index, item in enumerate(raw_cookies[:max_cookies]):
            if ("cookies", index) in self.broken:
                continue
            cookie = self.cookie(item, ("cookies", index), providers, consent_of)
            if cookie is not None:
                cookies.append(cookie)
        controller = self.valid("controller")
        presets = self.presets()
        if presets:
            from .presets import merge  # noqa: PLC0415

            name = controller.get("name") if controller else None
            cookies = merge(cookies, presets, providers, name)
        consent = self.valid("consent")
        updated = self.valid("updated")
        texts = self.valid("texts") or {}
        return Declaration(
            source=self.source,
            cookies=tuple(cookies),
            categories=tuple(categories),
            providers=tuple(providers.values()),
            version=self.valid("version") or 1,
            site=self.text(self.valid("site"), ("site",)),
            updated=_date(updated),
            controller=Controller(
                controller.get("name"),
                controller.get("contact"),
                controller.get("privacy_policy"),
                self.position(("controller",)),
            )
            if controller
            else None,
            consent=ConsentSettings(
                consent.get("manage_url"),
                self.duration(consent.get("duration"), ("consent", "duration")),
                consent.get("granular"),
                self.position(("consent",)),
            )
            if consent
            else None,
            texts=tuple(
                (name, LocalizedText.of(value, self.position(("texts", name))))
                for name, value in texts.items()
            ),
            lint=self.lint(self.valid("lint"), ("lint",)),
            changes=self.changes(),
            presets=tuple(name for name, _ in presets),
        )

    def presets(self) -> list[tuple[str, Position | None]]:
        """The presets named that exist, each once, with where it is named."""
        raw = self.data.get("presets")
        if not isinstance(raw, list) or ("presets",) in self.broken:
            return []
        from .presets import presets  # noqa: PLC0415

        known = presets()
        result: dict[str, Position | None] = {}
        for index, name in enumerate(raw):
            if isinstance(name, str) and name in known and name not in result:
                result[name] = self.position(("presets", index))
        return list(result.items())

    def changes(self) -> tuple[Change, ...]:
        """The declared history, without the entries that have a problem."""
        raw = self.data.get("changes")
        if not isinstance(raw, list) or ("changes",) in self.broken:
            return ()
        result = []
        for index, item in enumerate(raw):
            path = ("changes", index)
            date = _date(item["date"]) if path not in self.broken else None
            if date is None:
                continue
            description = self.text(item["description"], (*path, "description"))
            assert description is not None  # required by the schema
            result.append(
                Change(date, description, tuple(item.get("cookies", ())), self.position(path))
            )
        return tuple(result)

    def categories(self) -> list[Category]:
        declared = self.entries("categories")

        def make(name: str, default_consent: Any) -> Category:
            item = declared.get(name, {})
            return Category(
                name,
                item.get("consent", default_consent),
                self.text(item.get("title"), ("categories", name, "title")),
                self.text(item.get("description"), ("categories", name, "description")),
                self.position(("categories", name)) if name in declared else None,
            )

        result = [
            make(name, "exempt" if name == "necessary" else "required")
            for name in DEFAULT_CATEGORIES
        ]
        result += [make(name, "required") for name in declared if name not in DEFAULT_CATEGORIES]
        return result

    def cookie(
        self,
        item: dict[str, Any],
        path: tuple[PathPart, ...],
        providers: dict[str, Provider],
        consent_of: dict[str, Any],
    ) -> Cookie | None:
        category = item["category"]
        if category not in consent_of:
            return None
        provider_name = item["provider"]
        provider = providers.get(provider_name)
        if provider is None:
            declared = self.data.get("providers")
            if isinstance(declared, dict) and provider_name in declared:
                return None  # declared with errors: reported by the validator
            provider = Provider(provider_name, position=self.position((*path, "provider")))

        def text(key: str) -> LocalizedText | None:
            return self.text(item.get(key), (*path, key))

        purpose = text("purpose")
        assert purpose is not None  # required by the schema
        return Cookie(
            name=item["name"],
            provider=provider,
            category=category,
            purpose=purpose,
            consent=item.get("consent", consent_of[category]),
            service=text("service"),
            duration=self.duration(item.get("duration"), (*path, "duration")),
            party=item.get("party", "first"),
            storage=item.get("storage", "cookie"),
            domain=item.get("domain"),
            exemption=text("exemption"),
            retention=self.duration(item.get("retention"), (*path, "retention")),
            lint=self.lint(item.get("lint"), (*path, "lint")),
            position=self.position(path),
        )


def _date(value: str | None) -> datetime.date | None:
    """The ``updated`` date; ``None`` when missing (an invalid one is already reported)."""
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
