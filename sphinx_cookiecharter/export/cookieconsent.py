"""The configuration of orestbida/cookieconsent v3 (``vanilla-cookieconsent`` on npm).

The exported script assigns to ``window.cookiecharter.cookieconsent`` the object that
``CookieConsent.run()`` takes as it is:

- ``categories``: the declaration's categories that have cookies, by id, in the
  charter's order; ``necessary`` (and any category that needs no consent) enabled and
  read-only. Each lists, under ``autoClear``, the cookies to delete once it is refused:
  those stored as cookies that need consent, a ``*`` name as a ``RegExp``. Each provider
  of a category is a service with the same cookies, so it can be refused on its own.
- ``language``: one translation per language asked, detected from the page's ``lang``
  attribute: the consent notice and the settings in the charter's wording, each
  category with its title, description and a table of its cookies, and links to the
  charter page. The library writes these texts as HTML: every declared text is escaped.
- ``cookie.expiresAfterDays``: the declared ``consent.duration``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from ..i18n.banner import banner_wording
from ..i18n.formatting import babel_locale
from ..i18n.languages import pick
from ..i18n.wording import wording
from .banner import banner_script, charter_value, exempt_beyond_necessary, remembered_days
from .common import (
    category_description,
    category_title,
    clears,
    duration_words,
    export_languages,
    is_read_only,
    services,
)
from .js import Concat, Expression, name_regexp

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.model import Category, Cookie, Declaration
    from .common import Service
    from .link import CharterLink

#: Where the exported script puts the configuration.
TARGET = "window.cookiecharter.cookieconsent"

USAGE = (
    "Load it after cookieconsent's script (cookieconsent.umd.js), then call\n"
    "  CookieConsent.run(window.cookiecharter.cookieconsent);"
)


def cookie_item(cookie: Cookie) -> dict[str, Any]:
    """A cookie as ``autoClear`` names it: an exact name, or a ``RegExp`` for a ``*``."""
    item: dict[str, Any] = {"name": name_regexp(cookie.name) if cookie.is_wildcard else cookie.name}
    if cookie.domain:
        item["domain"] = cookie.domain
    return item


def configuration(
    declaration: Declaration,
    languages: Sequence[str] | None = None,
    *,
    charter: CharterLink | None = None,
) -> dict[str, Any]:
    """The object ``CookieConsent.run()`` takes."""
    langs = export_languages(declaration, languages)
    all_services = services(declaration)
    categories: dict[str, Any] = {}
    for category in declaration.categories_in_use():
        read_only = is_read_only(declaration, category)
        entry: dict[str, Any] = {"enabled": read_only, "readOnly": read_only}
        mine = [service for service in all_services if service.category is category]
        cleared = [cookie_item(c) for s in mine for c in s.cookies if clears(c)]
        if cleared and not read_only:
            entry["autoClear"] = {"cookies": cleared}
        entry["services"] = {service.id: _service(service, read_only) for service in mine}
        categories[category.id] = entry
    result: dict[str, Any] = {"mode": "opt-in", "autoClearCookies": True}
    days = remembered_days(declaration)
    if days is not None:
        result["cookie"] = {"expiresAfterDays": days}
    result["categories"] = categories
    language: dict[str, Any] = {"default": langs[0], "autoDetect": "document"}
    rtl = [lang for lang in langs if babel_locale(lang).character_order == "right-to-left"]
    if rtl:
        language["rtl"] = rtl
    language["translations"] = {lang: _translation(declaration, lang, charter) for lang in langs}
    result["language"] = language
    return result


def _service(service: Service, read_only: bool) -> dict[str, Any]:
    result: dict[str, Any] = {"label": html.escape(service.provider.name)}
    cleared = [cookie_item(cookie) for cookie in service.cookies if clears(cookie)]
    if cleared and not read_only:
        result["cookies"] = cleared
    return result


def _with_link(template: str, words: str, charter: CharterLink | None) -> str | Concat:
    """A message of the extension's wording as HTML, ``{charter}`` made a link."""
    before, _, after = template.partition("{charter}")
    if "{charter}" not in template:
        return html.escape(template)
    target = charter_value(charter)
    if target is None:
        return html.escape(before) + html.escape(words) + html.escape(after)
    if isinstance(target, Expression):
        return Concat(
            (
                html.escape(before) + '<a href="',
                target,
                f'">{html.escape(words)}</a>' + html.escape(after),
            )
        )
    link = f'<a href="{html.escape(target)}">{html.escape(words)}</a>'
    return html.escape(before) + link + html.escape(after)


def _translation(
    declaration: Declaration, lang: str, charter: CharterLink | None
) -> dict[str, Any]:
    words = banner_wording(lang)
    link_words = words.charter_link()
    sections: list[dict[str, Any]] = [{"description": html.escape(words.settings())}]
    sections += [
        _section(declaration, category, lang) for category in declaration.categories_in_use()
    ]
    sections.append(
        {
            "title": html.escape(words.more_title()),
            "description": _with_link(words.more(), link_words, charter),
        }
    )
    return {
        "consentModal": {
            "title": html.escape(words.notice_title()),
            "description": _with_link(
                words.notice(exempt_beyond_necessary=exempt_beyond_necessary(declaration)),
                link_words,
                charter,
            ),
            "acceptAllBtn": html.escape(words.accept_all()),
            "acceptNecessaryBtn": html.escape(words.refuse_all()),
            "showPreferencesBtn": html.escape(words.choose()),
        },
        "preferencesModal": {
            "title": html.escape(words.settings_title()),
            "acceptAllBtn": html.escape(words.accept_all()),
            "acceptNecessaryBtn": html.escape(words.refuse_all()),
            "savePreferencesBtn": html.escape(words.save()),
            "closeIconLabel": html.escape(words.close()),
            "serviceCounterLabel": html.escape(words.services()),
            "sections": sections,
        },
    }


def _section(declaration: Declaration, category: Category, lang: str) -> dict[str, Any]:
    """A category in the settings: its title, description and cookie table."""
    charter = wording(lang)
    cookies = declaration.cookies_in(category.id)
    columns = ["name", "provider", "purpose"]
    if any(cookie.duration is not None for cookie in cookies):
        columns.append("duration")
    title = html.escape(category_title(category, lang))
    section: dict[str, Any] = {"title": title}
    description = category_description(category, lang)
    if description is not None:
        section["description"] = html.escape(description)
    section["linkedCategory"] = category.id
    section["cookieTable"] = {
        "caption": title,
        "headers": {column: html.escape(charter.column_header(column)) for column in columns},
        "body": [_row(cookie, columns, lang) for cookie in cookies],
    }
    return section


def _row(cookie: Cookie, columns: list[str], lang: str) -> dict[str, str]:
    provider = cookie.provider
    name = html.escape(provider.name)
    cells = {
        "name": html.escape(cookie.name),
        "provider": f'<a href="{html.escape(provider.privacy_policy)}">{name}</a>'
        if provider.privacy_policy
        else name,
        "purpose": html.escape(pick(cookie.purpose, lang)),
        "duration": html.escape(duration_words(cookie.duration, lang)) if cookie.duration else "",
    }
    return {column: cells[column] for column in columns}


def export_cookieconsent(
    declaration: Declaration,
    languages: Sequence[str] | None = None,
    *,
    charter: CharterLink | None = None,
) -> str:
    """The exported script, as text."""
    return banner_script(
        declaration,
        languages,
        charter,
        what="the configuration of orestbida/cookieconsent v3",
        usage=USAGE,
        target=TARGET,
        configuration=configuration,
    )
