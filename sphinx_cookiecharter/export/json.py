"""The JSON export: the declaration resolved, for machines and auditors.

Everything a reader would otherwise have to work out is filled in: each cookie's
provider (its name, policy, country...), its category's consent rule when the cookie
does not give one, the default categories' titles and descriptions, every duration as
ISO 8601 and seconds, and every text in each language asked. The shape is described by
``schemas/export.schema.json`` (:func:`export_schema`), whose ``version`` this file
states.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..core.durations import iso8601, seconds
from ..core.schema import shipped_schema
from ..i18n.languages import pick
from .common import (
    category_description,
    category_title,
    duration_words,
    export_languages,
    per_language,
)
from .js import pattern

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.model import Change, Cookie, Declaration, Duration, Provider

#: The version of the export's format; it changes only when a reader would have to.
VERSION = 1
#: Where the export's JSON Schema is published (its ``$id``).
SCHEMA_URL = "https://sphinx-cookiecharter.readthedocs.io/en/latest/_static/export.schema.json"


def export_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON export, as shipped."""
    return shipped_schema("export")


def resolve(
    declaration: Declaration,
    languages: Sequence[str] | None = None,
    *,
    charter: str | None = None,
) -> dict[str, Any]:
    """The declaration as the JSON export's tree (see the module's description).

    :param languages: the languages of the texts; by default those of the declared
        texts, or English.
    :param charter: the URL of the charter page, when known.
    """
    langs = export_languages(declaration, languages)
    controller = declaration.controller
    consent = declaration.consent
    return {
        "$schema": SCHEMA_URL,
        "version": VERSION,
        "generator": f"sphinx-cookiecharter {__version__}",
        "languages": langs,
        "site": _site(declaration, langs),
        "charter": charter,
        "updated": declaration.updated.isoformat() if declaration.updated else None,
        "controller": {
            "name": controller.name,
            "contact": controller.contact,
            "privacy_policy": controller.privacy_policy,
        }
        if controller
        else None,
        "consent": {
            "manage_url": consent.manage_url,
            "duration": duration(consent.duration, langs) if consent.duration else None,
            "granular": consent.granular,
        }
        if consent
        else None,
        "categories": [
            {
                "id": category.id,
                "title": {lang: category_title(category, lang) for lang in langs},
                "description": _optional(
                    {lang: category_description(category, lang) for lang in langs}
                ),
                "consent": category.consent,
                "default": category.is_default,
            }
            for category in declaration.categories
        ],
        "cookies": [cookie_tree(cookie, langs) for cookie in declaration.cookies],
        "changes": [_change(change, langs) for change in _newest_first(declaration.changes)],
    }


def _site(declaration: Declaration, languages: Sequence[str]) -> dict[str, str] | None:
    return per_language(declaration.site, languages)


def _optional(texts: dict[str, str | None]) -> dict[str, str] | None:
    """Texts per language, or ``None`` when there is none in any language."""
    if all(text is None for text in texts.values()):
        return None
    return {lang: text or "" for lang, text in texts.items()}


def provider_tree(provider: Provider, languages: Sequence[str]) -> dict[str, Any]:
    """A provider, filled in."""
    return {
        "id": provider.id,
        "name": provider.name,
        "privacy_policy": provider.privacy_policy,
        "country": provider.country,
        "role": provider.role,
        "safeguard": per_language(provider.safeguard, languages),
    }


def duration(value: Duration, languages: Sequence[str]) -> dict[str, Any]:
    """A duration: its kind, ISO 8601 and seconds (for a fixed one), and in words."""
    return {
        "kind": value.kind,
        "iso8601": iso8601(value),
        "seconds": seconds(value),
        "text": {lang: duration_words(value, lang) for lang in languages},
    }


def cookie_tree(cookie: Cookie, languages: Sequence[str]) -> dict[str, Any]:
    """A cookie with its provider filled in and its texts in each language."""
    return {
        "name": cookie.name,
        "wildcard": cookie.is_wildcard,
        "pattern": pattern(cookie.name),
        "category": cookie.category,
        "provider": provider_tree(cookie.provider, languages),
        "service": per_language(cookie.service, languages),
        "purpose": per_language(cookie.purpose, languages),
        "duration": duration(cookie.duration, languages) if cookie.duration else None,
        "party": cookie.party,
        "storage": cookie.storage,
        "domain": cookie.domain,
        "consent": cookie.consent,
        "exemption": per_language(cookie.exemption, languages),
    }


def _newest_first(changes: Sequence[Change]) -> list[Change]:
    return sorted(changes, key=lambda change: change.date, reverse=True)


def _change(change: Change, languages: Sequence[str]) -> dict[str, Any]:
    return {
        "date": change.date.isoformat(),
        "description": {lang: pick(change.description, lang) for lang in languages},
        "cookies": list(change.cookies),
    }


def dumps(tree: dict[str, Any]) -> str:
    """The export as text: UTF-8 JSON indented by two spaces, ending with a newline."""
    return json.dumps(tree, ensure_ascii=False, indent=2) + "\n"


def export_json(
    declaration: Declaration,
    languages: Sequence[str] | None = None,
    *,
    charter: str | None = None,
) -> str:
    """The JSON export of a declaration, as text."""
    return dumps(resolve(declaration, languages, charter=charter))
