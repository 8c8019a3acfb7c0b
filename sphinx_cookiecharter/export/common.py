"""What every export shares: the languages asked, declared texts per language, the
categories and providers filled in, and the banner's services."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n.languages import normalize, pick
from ..i18n.wording import wording

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from ..core.model import Category, Cookie, Declaration, Duration, LocalizedText, Provider


def tag(code: str) -> str:
    """A language code as the web writes it (BCP 47): ``pt-BR`` for ``pt_BR``."""
    return normalize(code).replace("_", "-")


def declared_languages(declaration: Declaration) -> list[str]:
    """Every language a declared text is given in, in the order the file first uses them."""
    found: dict[str, None] = {}
    for text in _texts(declaration):
        for language, _ in text.translations:
            if language is not None:
                found.setdefault(tag(language), None)
    return list(found)


#: A language code as exports accept it: ``en``, ``pt-BR``, ``pt_BR``, ``zh-Hans-CN``.
LANGUAGE_CODE = re.compile(r"^[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})*\Z")


def export_languages(declaration: Declaration, asked: Sequence[str] | None) -> list[str]:
    """The languages an export is written in: those asked (without repeats), or else
    those of the declared texts, or else English.

    :raises ValueError: for a code asked that is not a language code.
    """
    if asked:
        for code in asked:
            if not LANGUAGE_CODE.match(code):
                raise ValueError(f"{code!r} is not a language code such as en or pt-BR")
        return list(dict.fromkeys(tag(code) for code in asked))
    return declared_languages(declaration) or ["en"]


def _texts(declaration: Declaration) -> Iterator[LocalizedText]:
    for category in declaration.categories:
        yield from (t for t in (category.title, category.description) if t is not None)
    for provider in declaration.providers:
        if provider.safeguard is not None:
            yield provider.safeguard
    for cookie in declaration.cookies:
        yield cookie.purpose
        yield from (t for t in (cookie.service, cookie.exemption) if t is not None)
        if cookie.provider.safeguard is not None:
            yield cookie.provider.safeguard
    for _, text in declaration.texts:
        yield text
    for change in declaration.changes:
        yield change.description


def per_language(text: LocalizedText | None, languages: Iterable[str]) -> dict[str, str] | None:
    """A declared text in each language, along the charter's fallbacks (the language,
    its base language, English, then the first one given)."""
    if text is None:
        return None
    return {language: pick(text, language) for language in languages}


def duration_words(duration: Duration, language: str) -> str:
    """A duration in words, as the charter writes it: the declared text for one only
    words can give, else the extension's wording (``13 mois``)."""
    if duration.kind == "text" and duration.text is not None:
        return pick(duration.text, language)
    return wording(language).duration(duration)


def category_title(category: Category, language: str) -> str:
    """A category's title as the charter's table caption gives it."""
    if category.title is not None:
        return pick(category.title, language)
    if category.is_default:
        return wording(language).category_title(category.id)
    return category.id


def category_description(category: Category, language: str) -> str | None:
    """A category's description: the declared one, or for a default category the
    charter's paragraph about that kind of cookie."""
    if category.description is not None:
        return pick(category.description, language)
    if category.is_default:
        return wording(language).kind(category.id)
    return None


def is_read_only(declaration: Declaration, category: Category) -> bool:
    """True for a category a banner does not ask about: ``necessary``, or one none of
    whose cookies needs consent (such as preferences kept without consent)."""
    return category.id == "necessary" or all(
        cookie.consent == "exempt" for cookie in declaration.cookies_in(category.id)
    )


def clears(cookie: Cookie) -> bool:
    """True when a banner should delete the cookie once its category is refused: a
    cookie (a banner's script can only delete those), which needs consent."""
    return cookie.storage == "cookie" and cookie.consent == "required"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A name as an id of lowercase letters, digits and ``-`` (``Example Co.`` ->
    ``example-co``); empty when nothing of it is left."""
    return _NOT_SLUG.sub("-", name.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Service:
    """One banner service: a provider's cookies in one category.

    :param id: unique in the banner: the provider's id (or its name as an id), followed
        by ``-<category>`` when the provider has cookies in several categories.
    """

    id: str
    category: Category
    provider: Provider
    cookies: tuple[Cookie, ...]


def provider_keys(declaration: Declaration) -> dict[Provider, str]:
    """An id for every provider the cookies name: its declared id, else its name as an
    id, numbered (``-2``...) in declaration order when two would be the same."""
    keys: dict[Provider, str] = {}
    taken: set[str] = set()
    for provider in [p for p in declaration.providers if p.id] + [
        c.provider for c in declaration.cookies
    ]:
        if provider in keys:
            continue
        base = provider.id or slug(provider.name) or "provider"
        key, number = base, 1
        while key in taken:
            number += 1
            key = f"{base}-{number}"
        keys[provider] = key
        taken.add(key)
    return keys


def services(declaration: Declaration) -> list[Service]:
    """The banner's services, category by category in display order, each category's
    providers in the order their first cookie is declared."""
    keys = provider_keys(declaration)
    categories_of: dict[Provider, set[str]] = {}
    for cookie in declaration.cookies:
        categories_of.setdefault(cookie.provider, set()).add(cookie.category)
    result = []
    taken = set(keys.values())
    for category in declaration.categories_in_use():
        grouped: dict[Provider, list[Cookie]] = {}
        for cookie in declaration.cookies_in(category.id):
            grouped.setdefault(cookie.provider, []).append(cookie)
        for provider, cookies in grouped.items():
            key = keys[provider]
            if len(categories_of[provider]) > 1:
                base = key = f"{key}-{category.id}"
                number = 1
                while key in taken:  # another provider's id spelled the same way
                    number += 1
                    key = f"{base}-{number}"
                taken.add(key)
            result.append(Service(key, category, provider, tuple(cookies)))
    return result
