"""What changed between two versions of a declaration: cookies added, removed, changed.

A cookie is the same cookie in both when its name, domain and storage are (the
declaration's own rule for duplicates), so a cookie moved to another domain is one
removed and one added. A cookie changes when one of :data:`FIELDS` does; a duration
changes when it lasts another time (``12 months`` and ``1 year`` are the same), a
provider when its name does, a purpose when its text does in any language.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.diagnostics import Diagnostic
from ..core.durations import seconds
from ..core.load import LoadResult, format_for, load_declaration, parse_declaration
from ..i18n.languages import pick
from .common import duration_words, per_language
from .json import cookie_tree, duration, provider_tree

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.model import Cookie, Declaration, Duration, LocalizedText

#: The fields compared, in the order they are reported.
FIELDS: tuple[str, ...] = ("category", "consent", "duration", "provider", "purpose")

#: The version of the JSON report's shape.
VERSION = 1

Key = tuple[str, "str | None", str]


def key(cookie: Cookie) -> Key:
    """What makes a cookie the same cookie in two versions."""
    return (cookie.name, cookie.domain, cookie.storage)


@dataclass(frozen=True, slots=True)
class Changed:
    """A cookie in both versions, and the fields that differ."""

    old: Cookie
    new: Cookie
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Difference:
    """Cookies added, removed and changed, each in declaration order (removed ones in
    the old declaration's order)."""

    added: tuple[Cookie, ...] = ()
    removed: tuple[Cookie, ...] = ()
    changed: tuple[Changed, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def _same_duration(a: Duration | None, b: Duration | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.kind != b.kind:
        return False
    if a.kind == "fixed":
        return seconds(a) == seconds(b)
    return a == b


def _same_text(a: LocalizedText, b: LocalizedText) -> bool:
    return dict(a.translations) == dict(b.translations)


def changed_fields(old: Cookie, new: Cookie) -> tuple[str, ...]:
    """The fields of :data:`FIELDS` that differ between two versions of a cookie."""
    same = {
        "category": old.category == new.category,
        "consent": old.consent == new.consent,
        "duration": _same_duration(old.duration, new.duration),
        "provider": old.provider.name == new.provider.name,
        "purpose": _same_text(old.purpose, new.purpose),
    }
    return tuple(field for field in FIELDS if not same[field])


def compare(old: Declaration, new: Declaration) -> Difference:
    """The cookies added, removed and changed from ``old`` to ``new``."""
    before = {key(cookie): cookie for cookie in old.cookies}
    after = {key(cookie): cookie for cookie in new.cookies}
    changed = []
    for name, cookie in after.items():
        if name in before:
            fields = changed_fields(before[name], cookie)
            if fields:
                changed.append(Changed(before[name], cookie, fields))
    return Difference(
        added=tuple(cookie for name, cookie in after.items() if name not in before),
        removed=tuple(cookie for name, cookie in before.items() if name not in after),
        changed=tuple(changed),
    )


# --- reports -----------------------------------------------------------------------------


def label(cookie: Cookie) -> str:
    """A cookie as the text report names it: ``_ga``, ``_ga (.example.org)``,
    ``theme [local-storage]``."""
    text = cookie.name
    if cookie.domain:
        text += f" ({cookie.domain})"
    if cookie.storage != "cookie":
        text += f" [{cookie.storage}]"
    return text


def _value(cookie: Cookie, field: str, language: str) -> str:
    match field:
        case "category":
            return cookie.category
        case "consent":
            return cookie.consent
        case "duration":
            return duration_words(cookie.duration, language) if cookie.duration else "(none)"
        case "provider":
            return cookie.provider.name
        case "purpose":
            return repr(pick(cookie.purpose, language))
    raise KeyError(field)


def text_report(difference: Difference, language: str = "en") -> str:
    """The difference as lines of text: ``+`` added, ``-`` removed, ``~`` changed with one
    indented line per field, then a count."""
    lines = []
    for cookie in difference.added:
        details = [cookie.category, cookie.provider.name]
        if cookie.duration is not None:
            details.append(duration_words(cookie.duration, language))
        lines.append(f"+ {label(cookie)}: {', '.join(details)}")
    for cookie in difference.removed:
        lines.append(f"- {label(cookie)}: {cookie.category}, {cookie.provider.name}")
    for change in difference.changed:
        lines.append(f"~ {label(change.new)}")
        for field in change.fields:
            old, new = _value(change.old, field, language), _value(change.new, field, language)
            lines.append(f"    {field}: {old} -> {new}")
    counts = (
        f"{len(difference.added)} added, {len(difference.removed)} removed, "
        f"{len(difference.changed)} changed"
    )
    lines.append(counts if difference else "no differences")
    return "\n".join(lines) + "\n"


def _tree_value(cookie: Cookie, field: str, languages: Sequence[str]) -> Any:
    match field:
        case "category":
            return cookie.category
        case "consent":
            return cookie.consent
        case "duration":
            return duration(cookie.duration, languages) if cookie.duration else None
        case "provider":
            return provider_tree(cookie.provider, languages)
        case "purpose":
            return per_language(cookie.purpose, languages)
    raise KeyError(field)


def json_report(
    difference: Difference, languages: Sequence[str], *, old: str, new: str
) -> dict[str, Any]:
    """The difference as a JSON tree: added and removed cookies as the JSON export
    writes them, changed ones with the old and new value of each field."""
    return {
        "version": VERSION,
        "old": old,
        "new": new,
        "languages": list(languages),
        "added": [cookie_tree(cookie, languages) for cookie in difference.added],
        "removed": [cookie_tree(cookie, languages) for cookie in difference.removed],
        "changed": [
            {
                "name": change.new.name,
                "domain": change.new.domain,
                "storage": change.new.storage,
                "fields": {
                    field: {
                        "old": _tree_value(change.old, field, languages),
                        "new": _tree_value(change.new, field, languages),
                    }
                    for field in change.fields
                },
            }
            for change in difference.changed
        ],
    }


# --- versions from git -------------------------------------------------------------------

#: How a version in git is named on the command line: ``git:REV:path``.
GIT_PREFIX = "git:"


def load_version(spec: str) -> LoadResult:
    """A declaration file, or a version of one in git written ``git:REV:path`` (read
    with ``git show REV:path`` from the current directory, so ``path`` is from the top of
    the repository, or from the current directory when it starts with ``./``)."""
    if not spec.startswith(GIT_PREFIX):
        return load_declaration(spec)
    revision, sep, path = spec[len(GIT_PREFIX) :].partition(":")
    fmt = format_for(path)

    def failed(message: str, expected: str) -> LoadResult:
        return LoadResult(None, (Diagnostic("load", message, spec, None, None, (), expected),))

    if not sep or not revision or not path or revision.startswith("-"):
        return failed(
            "is not a version in git", "git:REVISION:PATH, such as git:HEAD~1:cookies.yaml"
        )
    if fmt is None:
        return failed(
            "the file name has no known ending", "a file ending in .yaml, .yml, .toml or .json"
        )
    git = shutil.which("git")
    if git is None:
        return failed("git is not installed", "git on PATH to read versions in a repository")
    shown = subprocess.run([git, "show", f"{revision}:{path}"], capture_output=True, check=False)
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        return failed(
            f"git cannot show it ({reason[-1] if reason else 'no reason given'})",
            "a revision and a path that git show accepts",
        )
    try:
        text = shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        return failed("is not UTF-8 text", "a file encoded in UTF-8")
    return parse_declaration(text, fmt, source=spec)
