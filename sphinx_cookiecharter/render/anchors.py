"""Stable names and anchors for cookies and categories, whatever page shows them.

A cookie is named by its name; only when two declared cookies share a name does the
domain, then the storage, tell them apart (``_ga@.example.org``, ``theme@local-storage``),
and only where they differ from the usual (no domain, stored as a cookie).
The anchor is that name as an HTML id: ``cookie-sessionid``, ``cookie-ga-any`` for
``_ga_*``. Neither depends on the page or on the rest of its content.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

if TYPE_CHECKING:
    from ..core.model import Cookie, Declaration


class Target(NamedTuple):
    """How a cookie is referred to (``name``) and where its row is (``anchor``)."""

    name: str
    anchor: str


def anchor_for(name: str) -> str:
    """The anchor of a cookie name: ``cookie-sessionid``, ``cookie-ga-any`` for ``_ga_*``.

    A ``*`` is spelled ``any``, so ``_ga`` and ``_ga_*`` get distinct anchors.
    """
    return "cookie-" + (nodes.make_id(name.replace("*", " any ")) or "unnamed")


def category_anchor(category_id: str) -> str:
    """The anchor of a category's table: ``cookies-statistics``."""
    return nodes.make_id(f"cookies-{category_id}")


def cookie_targets(declaration: Declaration) -> list[Target]:
    """The name and anchor of every cookie, in declaration order."""
    by_name = Counter(cookie.name for cookie in declaration.cookies)
    groups: dict[str, list[Cookie]] = {}
    for cookie in declaration.cookies:
        if by_name[cookie.name] > 1:
            groups.setdefault(cookie.name, []).append(cookie)
    targets = []
    for cookie in declaration.cookies:
        name = cookie.name
        if by_name[name] > 1:
            # Only what tells the cookies of the group apart, and not the usual values:
            # no domain and the cookie storage go unsaid.
            group = groups[name]
            qualifiers = []
            if cookie.domain and len({member.domain for member in group}) > 1:
                qualifiers.append(cookie.domain)
            if cookie.storage != "cookie" and len({member.storage for member in group}) > 1:
                qualifiers.append(cookie.storage)
            name = "@".join([name, *qualifiers])
        targets.append(Target(name, anchor_for(name.replace("@", " "))))
    # A name spelled like another's qualified one ("a-b" and "a" on b) is numbered, in
    # declaration order: the order of the file, never of the pages.
    seen: Counter[str] = Counter()
    unique = []
    for target in targets:
        seen[target.anchor] += 1
        count = seen[target.anchor]
        unique.append(target if count == 1 else target._replace(anchor=f"{target.anchor}-{count}"))
    return unique
