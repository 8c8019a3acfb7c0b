"""Placeholders left for a reviewer: ``cookiecharter init`` marks what it cannot know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import sources
from ..registry import Hit, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ...core.model import LocalizedText, Position
    from ..registry import Context

#: What starts a placeholder that ``cookiecharter init`` writes.
MARKER = "TODO"


def is_placeholder(value: str | None) -> bool:
    """True for a value still holding the marker (``TODO: the controller's name``)."""
    return value is not None and value.lstrip().startswith(MARKER)


def _text(text: LocalizedText | None) -> bool:
    return text is not None and any(is_placeholder(value) for _, value in text.translations)


@rule(
    "CK038",
    "placeholder-left",
    "error",
    title="A value is still a placeholder to fill in",
    rationale="`cookiecharter init` writes what it cannot know from `conf.py` (who is "
    "responsible for the site, how to reach them, the privacy policy, where visitors "
    "change their choice) as a placeholder starting with TODO. A charter that shows it "
    "tells visitors nothing true: the identity and contact details of the controller "
    "are the first information owed.",
    sources=(sources.GDPR_13_1_A, sources.EDPB_CONSENT_INFORMED),
    fields=(
        "site",
        "controller.name",
        "controller.contact",
        "controller.privacy_policy",
        "consent.manage_url",
        "providers.*.name",
        "providers.*.privacy_policy",
        "cookies[].purpose",
        "cookies[].service",
    ),
    fix="Replace each value starting with TODO by the real one, or remove the field.",
)
def placeholder_left(ctx: Context) -> Iterator[Hit]:
    declaration = ctx.declaration
    found: list[tuple[str, Position | None]] = []
    if _text(declaration.site):
        found.append(("site", declaration.site.position if declaration.site else None))
    controller = declaration.controller
    if controller is not None:
        for field in ("name", "contact", "privacy_policy"):
            if is_placeholder(getattr(controller, field)):
                found.append((f"controller.{field}", controller.position))
    consent = declaration.consent
    if consent is not None and is_placeholder(consent.manage_url):
        found.append(("consent.manage_url", consent.position))
    for provider in declaration.providers:
        for field in ("name", "privacy_policy"):
            if is_placeholder(getattr(provider, field)):
                found.append((f"providers.{provider.id}.{field}", provider.position))
    for field, position in found:
        yield Hit(f"`{field}` is still a placeholder (TODO): fill it in", position)
    for cookie in declaration.cookies:
        for field in ("purpose", "service", "exemption"):
            if _text(getattr(cookie, field)):
                yield Hit(
                    f"the {field} of {cookie.name!r} is still a placeholder (TODO): fill it in",
                    cookie.position,
                    cookie,
                )
