"""Parts of a declaration that contradict each other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.names import name_matches
from .. import sources
from ..registry import Hit, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ...core.model import Cookie
    from ..registry import Context


@rule(
    "CK034",
    "same-name-conflict",
    "warning",
    title="One cookie name is declared twice with a different category or consent",
    rationale="The same name on two domains or storages is allowed, but two different "
    "answers to whether it needs consent make the charter contradict itself and leave "
    "the consent tool guessing.",
    sources=(sources.GDPR_12_1,),
    fields=("cookies[].name", "cookies[].category", "cookies[].consent"),
    fix="Give both entries the same category and consent, or rename the one that is "
    "really a different cookie.",
)
def same_name_conflict(ctx: Context) -> Iterator[Hit]:
    first: dict[str, Cookie] = {}
    for cookie in ctx.declaration.cookies:
        earlier = first.setdefault(cookie.name, cookie)
        if earlier is not cookie and (earlier.category, earlier.consent) != (
            cookie.category,
            cookie.consent,
        ):
            line = earlier.position.line if earlier.position else "?"
            yield Hit(
                f"{cookie.name!r} is declared {cookie.category}/{cookie.consent} here and "
                f"{earlier.category}/{earlier.consent} on line {line}",
                cookie.position,
                cookie,
            )


@rule(
    "CK035",
    "wildcard-overlap",
    "info",
    title="A wildcard name also matches a cookie of another category",
    rationale="A wildcard entry (`_ga_*`) stands for every name it matches; when it "
    "matches a cookie declared in another category, the two say different things about "
    "the same cookie. Disclosure formats such as the IAB's forbid a wildcard that "
    "groups different purposes.",
    sources=(sources.IAB_DEVICE_STORAGE, sources.GDPR_12_1),
    fields=("cookies[].name", "cookies[].category", "cookies[].storage"),
    fix="Narrow the wildcard so that it matches only the cookies of its category.",
)
def wildcard_overlap(ctx: Context) -> Iterator[Hit]:
    plain: dict[str, list[Cookie]] = {}
    for cookie in ctx.declaration.cookies:
        if not cookie.is_wildcard:
            plain.setdefault(cookie.storage, []).append(cookie)
    for wildcard in ctx.declaration.cookies:
        if not wildcard.is_wildcard:
            continue
        others = [
            cookie.name
            for cookie in plain.get(wildcard.storage, ())
            if cookie.category != wildcard.category and name_matches(wildcard.name, cookie.name)
        ]
        if others:
            shown = ", ".join(repr(name) for name in others[:3])
            more = f" and {len(others) - 3} more" if len(others) > 3 else ""
            yield Hit(
                f"the {wildcard.category} wildcard {wildcard.name!r} also matches "
                f"{shown}{more}, declared in another category",
                wildcard.position,
                wildcard,
            )
