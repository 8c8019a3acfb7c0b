"""The CSV export: one row per cookie, for spreadsheets and the Open Cookie Database.

The first ten columns are the Open Cookie Database's (jkwakman/Open-Cookie-Database,
Apache-2.0), filled in where the declaration has the same fact, so rows can be offered
to that database as they are. The columns after them hold the rest of each cookie, the
texts once per language (``purpose:fr``), so that :func:`declaration_data` reads the file
back into the declaration it came from (apart from what is not about one cookie: the
site, the controller, the texts and the changes).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import uuid
from typing import TYPE_CHECKING, Any

from ..core.durations import iso8601
from ..core.vocabulary import DEFAULT_CATEGORIES
from .common import category_title, duration_words, export_languages, per_language

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..core.model import Cookie, Declaration, Duration

#: The Open Cookie Database's columns, in its order.
OCD_COLUMNS: tuple[str, ...] = (
    "ID",
    "Platform",
    "Category",
    "Cookie / Data Key name",
    "Domain",
    "Description",
    "Retention period",
    "Data Controller",
    "User Privacy & GDPR Rights Portals",
    "Wildcard match",
)
#: The declaration's own columns that follow, one value per cookie.
OWN_COLUMNS: tuple[str, ...] = (
    "category",
    "provider",
    "provider_country",
    "provider_role",
    "party",
    "storage",
    "consent",
    "duration",
)
#: The declaration's texts, one column per language (``purpose:en``).
TEXT_COLUMNS: tuple[str, ...] = (
    "category_title",
    "service",
    "purpose",
    "exemption",
    "duration_text",
    "provider_safeguard",
)
#: The Open Cookie Database's category for each default category. Its own list is
#: Functional, Personalization, Analytics, Marketing and Security; a declared category
#: has none.
OCD_CATEGORIES = {
    "necessary": "Functional",
    "preferences": "Personalization",
    "statistics": "Analytics",
    "marketing": "Marketing",
}
#: The namespace of the rows' ``ID``: a UUID drawn from the provider and the cookie's
#: name, domain and storage, so a row keeps its ID from one export to the next.
ID_NAMESPACE = uuid.UUID("6f1d2b54-5b8e-4f8a-9d43-6a2f0c6b7e21")


def header(languages: Sequence[str]) -> list[str]:
    """Every column of the export, for these languages."""
    texts = [f"{column}:{lang}" for column in TEXT_COLUMNS for lang in languages]
    return [*OCD_COLUMNS, *OWN_COLUMNS, *texts]


def row_id(cookie: Cookie) -> str:
    """The row's stable ``ID``."""
    key = "\x1f".join((cookie.provider.name, cookie.name, cookie.domain or "", cookie.storage))
    return str(uuid.uuid5(ID_NAMESPACE, key))


def _ocd_name(name: str) -> tuple[str, str]:
    """The name and wildcard flag as the Open Cookie Database writes them: a name ending
    in its only ``*`` is written as the prefix, with the flag set."""
    if name.endswith("*") and name.count("*") == 1 and len(name) > 1:
        return name[:-1], "1"
    return name, "1" if "*" in name else "0"


def _declared_duration(duration: Duration | None) -> str:
    """The duration as the declaration writes it: ``session``, ``persistent`` or ISO 8601
    (empty for one only words can give: its texts are in ``duration_text``)."""
    if duration is None or duration.kind == "text":
        return ""
    return iso8601(duration) or duration.kind


def _retention(duration: Duration | None, language: str) -> str:
    """The duration as the database's contributors write it (``session``, ``13 months``),
    or, for one only words can give, its text."""
    if duration is None:
        return ""
    if duration.kind == "text":
        return duration_words(duration, language)
    return str(duration)


def rows(declaration: Declaration, languages: Sequence[str]) -> list[dict[str, str]]:
    """One row per cookie, by column name."""
    result = []
    for cookie in declaration.cookies:
        category = declaration.category(cookie.category)
        assert category is not None  # the loader keeps only cookies of known categories
        first = languages[0]
        name, wildcard = _ocd_name(cookie.name)
        purpose = per_language(cookie.purpose, languages) or {}
        row = {
            "ID": row_id(cookie),
            "Platform": cookie.provider.name,
            "Category": OCD_CATEGORIES.get(cookie.category, ""),
            "Cookie / Data Key name": name,
            "Domain": cookie.domain or "",
            "Description": purpose[first],
            "Retention period": _retention(cookie.duration, first),
            "Data Controller": cookie.provider.name,
            "User Privacy & GDPR Rights Portals": cookie.provider.privacy_policy or "",
            "Wildcard match": wildcard,
            "category": cookie.category,
            "provider": cookie.provider.id or "",
            "provider_country": cookie.provider.country or "",
            "provider_role": cookie.provider.role or "",
            "party": cookie.party,
            "storage": cookie.storage,
            "consent": cookie.consent,
            "duration": _declared_duration(cookie.duration),
        }
        texts = {
            "category_title": {lang: category_title(category, lang) for lang in languages}
            if category.title is not None or not category.is_default
            else None,
            "service": per_language(cookie.service, languages),
            "purpose": purpose,
            "exemption": per_language(cookie.exemption, languages),
            "duration_text": per_language(cookie.duration.text, languages)
            if cookie.duration is not None and cookie.duration.kind == "text"
            else None,
            "provider_safeguard": per_language(cookie.provider.safeguard, languages),
        }
        for column, values in texts.items():
            for lang in languages:
                row[f"{column}:{lang}"] = values[lang] if values else ""
        result.append(row)
    return result


def export_csv(declaration: Declaration, languages: Sequence[str] | None = None) -> str:
    """The CSV export of a declaration, as text (UTF-8, comma-separated, one line a row)."""
    langs = export_languages(declaration, languages)
    out = io.StringIO()
    writer = csv.DictWriter(out, header(langs), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(declaration, langs))
    return out.getvalue()


# --- reading a CSV export back ---------------------------------------------------------


def declaration_data(text: str) -> dict[str, Any]:
    """The declaration (as data to load, a mapping) that a CSV export was made from.

    Each row gives a cookie; a provider with an id, and a category that is not a default
    one or has a title of its own, are declared once from their first row. Texts come
    from the ``<field>:<language>`` columns. Load the result with
    :func:`~sphinx_cookiecharter.core.load.parse_declaration` (as JSON) to check it.
    """
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    languages = list(dict.fromkeys(c.split(":", 1)[1] for c in columns if ":" in c))
    providers: dict[str, dict[str, Any]] = {}
    categories: dict[str, dict[str, Any]] = {}
    cookies = []
    for row in reader:
        cookie: dict[str, Any] = {"name": _name(row)}
        provider_name = row.get("Platform") or row.get("Data Controller") or ""
        provider_id = row.get("provider") or ""
        if provider_id:
            providers.setdefault(
                provider_id,
                _without_empty(
                    {
                        "name": provider_name,
                        "privacy_policy": row.get("User Privacy & GDPR Rights Portals"),
                        "country": row.get("provider_country"),
                        "role": row.get("provider_role"),
                        "safeguard": _texts(row, "provider_safeguard", languages),
                    }
                ),
            )
            cookie["provider"] = provider_id
        else:
            cookie["provider"] = provider_name
        category = row.get("category") or _category_from_ocd(row.get("Category") or "")
        title: dict[str, str] | str | None = _texts(row, "category_title", languages)
        if title is None and category and category not in DEFAULT_CATEGORIES:
            title = (row.get("Category") or "").strip() or None  # an unknown category
        if title is not None and category not in categories:
            categories[category] = {"title": title}
        cookie["category"] = category
        for field in ("service", "purpose"):
            cookie[field] = _texts(row, field, languages)
        if cookie["purpose"] is None:
            cookie["purpose"] = row.get("Description")
        cookie["duration"] = (
            row.get("duration")
            or _texts(row, "duration_text", languages)
            or row.get("Retention period")
        )
        cookie["party"] = row.get("party")
        cookie["storage"] = row.get("storage")
        cookie["domain"] = row.get("Domain")
        cookie["consent"] = row.get("consent")
        cookie["exemption"] = _texts(row, "exemption", languages)
        cookies.append(_without_empty(cookie))
    data: dict[str, Any] = {"version": 1}
    if providers:
        data["providers"] = providers
    if categories:
        data["categories"] = categories
    data["cookies"] = cookies
    return data


def _name(row: dict[str, str]) -> str:
    """The declared name: the Open Cookie Database's prefix gets its ``*`` back."""
    name = row.get("Cookie / Data Key name") or ""
    if row.get("Wildcard match") == "1" and "*" not in name:
        return name + "*"
    return name


#: The declaration's category for each of the Open Cookie Database's (its own list,
#: and the words of other exports in that shape), for a row without the export's own
#: ``category`` column.
FROM_OCD = {
    "functional": "necessary",
    "necessary": "necessary",
    "security": "necessary",
    "personalization": "preferences",
    "preferences": "preferences",
    "analytics": "statistics",
    "statistics": "statistics",
    "marketing": "marketing",
}


def _category_from_ocd(value: str) -> str:
    """A default category for an Open Cookie Database category; an unknown word becomes
    a category of its own (``Social media``: ``social-media``), whose cookies need
    consent, rather than a necessary one.

    The id is the word in lowercase Latin letters, digits and hyphens, as the schema
    wants an id (``^[a-z][a-z0-9_-]*$``): accents are dropped (``Préférences
    d'affichage``: ``preferences-d-affichage``); a word that leaves no letter to start
    with (``3rd party``) is prefixed ``category-``, and one in another script (``広告``)
    is told apart by a digest of it (``category-`` and eight hexadecimal digits)."""
    word = value.strip()
    if not word:
        return ""
    latin = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")
    known = FROM_OCD.get(word.lower()) or FROM_OCD.get(slug)
    if known:
        return known
    if not slug:
        slug = hashlib.blake2s(word.encode(), digest_size=4).hexdigest()
        return f"category-{slug}"
    return slug if slug[0].isalpha() else f"category-{slug}"


def _texts(row: dict[str, str], field: str, languages: Iterable[str]) -> dict[str, str] | None:
    values = {lang: row.get(f"{field}:{lang}") or "" for lang in languages}
    values = {lang: value for lang, value in values.items() if value}
    return values or None


def _without_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if value not in (None, "")}
