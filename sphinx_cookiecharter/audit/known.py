"""Known cookies: the Open Cookie Database snapshot shipped in ``audit/data/``.

The snapshot (Apache License 2.0; licence and attribution in
``data/open-cookie-database/``) describes the cookies and storage keys that many sites
share: which platform writes them, who controls the data, their category and retention.
The audit uses it to describe what it finds undeclared, and :func:`suggest` writes a
declaration fragment from it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..core.model import Duration

if TYPE_CHECKING:
    from collections.abc import Iterable

DATA = Path(__file__).resolve().parent / "data" / "open-cookie-database"
CSV = DATA / "open-cookie-database.csv"

#: The snapshot's name, source and date, as reports show them.
SNAPSHOT = {
    "name": "Open Cookie Database",
    "source": "https://github.com/jkwakman/Open-Cookie-Database",
    "commit": "0ee5a17fe1cb002943f89370d24fc26a4226061c",
    "date": "2026-01-21",
    "licence": "Apache-2.0",
}

#: A wildcard entry of the database is a name prefix; shorter prefixes than this
#: (``SR``, ``tp``) match too many unrelated names to describe anything.
MIN_PREFIX = 3

#: The database's categories, as the declaration's default categories.
CATEGORIES = {
    "Necessary": "necessary",
    "Security": "necessary",
    "Functional": "preferences",
    "Personalization": "preferences",
    "Analytics": "statistics",
    "Marketing": "marketing",
}


@dataclass(frozen=True, slots=True)
class KnownCookie:
    """One entry of the database. ``wildcard`` means ``name`` is a prefix."""

    name: str
    platform: str
    category: str
    domain: str
    description: str
    retention: str
    controller: str
    privacy_url: str
    wildcard: bool

    def summary(self) -> str:
        """One line: platform, controller, category, retention and description."""
        who = self.platform
        if self.controller and self.controller != self.platform:
            who += f" ({self.controller})"
        parts = [who, self.category]
        if self.retention:
            parts.append(f"retention {self.retention}")
        text = ", ".join(part for part in parts if part)
        if self.description:
            text += f": {self.description.strip()}"
        return f"{text} [{SNAPSHOT['name']} {SNAPSHOT['date']}]"

    def duration(self) -> Duration | None:
        """The retention as a declared duration, when it reads as one."""
        text = self.retention.strip().lower()
        if text.startswith(("session", "end of session")):
            return Duration("session")
        if text in ("forever", "persistent"):
            return Duration("persistent")
        try:
            return Duration.parse(text)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class _Index:
    exact: dict[str, KnownCookie]
    prefixes: tuple[KnownCookie, ...]


@cache
def _index() -> _Index:
    exact: dict[str, KnownCookie] = {}
    prefixes: list[KnownCookie] = []
    with CSV.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            known = KnownCookie(
                name=row["Cookie / Data Key name"].strip(),
                platform=row["Platform"].strip(),
                category=row["Category"].strip(),
                domain=row["Domain"].strip(),
                description=row["Description"].strip(),
                retention=row["Retention period"].strip(),
                controller=row["Data Controller"].strip(),
                privacy_url=row["User Privacy & GDPR Rights Portals"].strip(),
                wildcard=row["Wildcard match"].strip() == "1",
            )
            if not known.name:
                continue
            if known.wildcard:
                if len(known.name) >= MIN_PREFIX:
                    prefixes.append(known)
            else:
                exact.setdefault(known.name, known)
    prefixes.sort(key=lambda known: -len(known.name))  # the longest prefix first
    return _Index(exact, tuple(prefixes))


def lookup(name: str) -> KnownCookie | None:
    """The database's entry for a cookie or storage key name: the same name, else the
    longest wildcard prefix of it."""
    index = _index()
    found = index.exact.get(name)
    if found is not None:
        return found
    return next((known for known in index.prefixes if name.startswith(known.name)), None)


def count() -> int:
    """How many entries the snapshot has (wildcards with a too-short prefix included)."""
    with CSV.open(encoding="utf-8", newline="") as stream:
        return sum(1 for _ in csv.DictReader(stream))


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An undeclared item to write in a fragment: what was seen and what is known."""

    name: str
    storage: str
    party: str
    domain: str
    pages: tuple[str, ...]
    known: KnownCookie | None


def suggest(items: Iterable[Suggestion], *, target: str) -> str:
    """A declaration fragment (YAML) for undeclared items, to review before use.

    Items the database knows become full entries (provider, category, purpose and
    duration from the database, storage and party as seen); the others are written as
    comments, since only the site's maintainer can say what they are for. The result is
    a declaration of its own (``cookies:``), so it can be checked with ``cookiecharter
    validate`` before its entries are copied into the real one.
    """
    lines = [
        "# Declaration fragment written by `cookiecharter audit --suggest`.",
        f"# Audited: {target}",
        f"# Descriptions: {SNAPSHOT['name']}, snapshot of {SNAPSHOT['date']} "
        f"({SNAPSHOT['licence']}, {SNAPSHOT['source']}).",
        "# Review every entry (provider, category, purpose, duration) before copying it",
        "# into your declaration: the database describes common uses, not your site's.",
        "version: 1",
    ]
    body: list[str] = []
    unknown: list[Suggestion] = []
    written = 0
    done: set[tuple[str, str, str]] = set()
    for item in items:
        if item.known is None:
            unknown.append(item)
            continue
        known = item.known
        name = f"{known.name}*" if known.wildcard else item.name
        domain = item.domain.lstrip(".") if item.party != "first" else ""
        if (name, item.storage, domain) in done:
            continue
        done.add((name, item.storage, domain))
        entry: dict[str, object] = {
            "name": name,
            "provider": known.controller or known.platform,
            "service": known.platform,
            "category": CATEGORIES.get(known.category, "preferences"),
            "purpose": known.description or f"Set by {known.platform}.",
        }
        duration = known.duration()
        if duration is not None:
            entry["duration"] = str(duration)
        if item.party != "first":
            entry["party"] = item.party
            entry["domain"] = domain
        if item.storage != "cookie":
            entry["storage"] = item.storage
        pages = ", ".join(item.pages[:3]) + (" ..." if len(item.pages) > 3 else "")
        body.append(f"  # seen as {item.name!r} on {pages}; database category {known.category}")
        dumped = yaml.safe_dump(
            [entry], allow_unicode=True, sort_keys=False, width=88, default_flow_style=False
        )
        body.extend("  " + line for line in dumped.splitlines())
        written += 1
    lines.append("cookies:" if written else "cookies: []")
    lines.extend(body)
    if unknown:
        lines.append("  # Not in the database: describe these yourself.")
        for item in unknown:
            pages = ", ".join(item.pages[:3]) + (" ..." if len(item.pages) > 3 else "")
            lines.append(
                f"  # - name: {item.name}  # {item.storage}, {item.party} party, "
                f"{item.domain}, seen on {pages}"
            )
    return "\n".join(lines) + "\n"
