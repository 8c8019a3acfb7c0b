"""The configuration of Klaro (klaro-org/klaro-js, ``klaro`` on npm).

The exported script assigns ``window.klaroConfig``, the object Klaro reads when its own
script loads (so this file comes first):

- ``services``: one per provider and category (see
  :func:`~sphinx_cookiecharter.export.common.services`), whose only purpose is the
  category's id; services of ``necessary`` (and of any category that needs no consent)
  are ``required``. Each lists the cookies Klaro deletes once it is refused: those
  stored as cookies that need consent, a ``*`` name as a ``RegExp``, ``[name, "/",
  domain]`` when a domain is declared.
- ``purposeOrder`` and ``groupByPurpose``: the settings show the categories in the
  charter's order, each with one switch.
- ``translations``: per language asked, keyed as Klaro looks them up (the language
  without its region, lowercase), the notice and the settings in the charter's wording,
  the categories' titles and descriptions, and the charter page as the link Klaro
  shows (``privacyPolicyUrl``). ``zz``, Klaro's fallback, repeats the first language.
  Texts are plain (``htmlTexts: false``): Klaro escapes them.
- ``cookieExpiresAfterDays``: the declared ``consent.duration``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..i18n.banner import banner_wording
from ..i18n.languages import pick
from .banner import banner_script, charter_value, exempt_beyond_necessary, remembered_days
from .common import (
    category_description,
    category_title,
    clears,
    export_languages,
    is_read_only,
    services,
)
from .js import name_regexp

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.model import Cookie, Declaration
    from .common import Service
    from .link import CharterLink

#: Where the exported script puts the configuration: where Klaro looks for it.
TARGET = "window.klaroConfig"

USAGE = (
    "Load it before Klaro's script (klaro.js), which reads window.klaroConfig when it\n"
    "loads; or load it later and call klaro.setup(window.klaroConfig)."
)


def klaro_language(tag: str) -> str:
    """The key Klaro looks a language up by: ``pt`` for ``pt-BR`` (Klaro lowercases the
    page's language and drops its region)."""
    return tag.split("-", 1)[0].lower()


def cookie_entry(cookie: Cookie) -> Any:
    """A cookie as Klaro deletes it: a name, a ``RegExp``, or ``[pattern, path, domain]``.

    A name starting with ``^`` is written as a ``RegExp`` too: Klaro would take such a
    string for a regular expression.
    """
    pattern: Any = cookie.name
    if cookie.is_wildcard or cookie.name.startswith("^"):
        pattern = name_regexp(cookie.name)
    return [pattern, "/", cookie.domain] if cookie.domain else pattern


def configuration(
    declaration: Declaration,
    languages: Sequence[str] | None = None,
    *,
    charter: CharterLink | None = None,
) -> dict[str, Any]:
    """The object Klaro reads as ``window.klaroConfig``."""
    langs = export_languages(declaration, languages)
    keyed = {klaro_language(lang): lang for lang in reversed(langs)}  # first one wins
    keys = sorted(keyed, key=lambda key: langs.index(keyed[key]))
    result: dict[str, Any] = {
        "version": 1,
        "elementID": "klaro",
        "storageMethod": "cookie",
        "cookieName": "klaro",
    }
    days = remembered_days(declaration)
    if days:  # Klaro takes 0 for its own default (120 days), not for a session
        result["cookieExpiresAfterDays"] = days
    result.update(
        {
            "default": False,
            "mustConsent": False,
            "acceptAll": True,
            "hideDeclineAll": False,
            "hideLearnMore": False,
            "groupByPurpose": True,
            "htmlTexts": False,
            "purposeOrder": [category.id for category in declaration.categories_in_use()],
        }
    )
    translations: dict[str, Any] = {}
    target = charter_value(charter)
    fallback = _translation(declaration, langs[0], has_link=target is not None)
    translations["zz"] = {
        **({"privacyPolicyUrl": target} if target is not None else {}),
        **fallback,
    }
    for key in keys:
        translations[key] = _translation(declaration, keyed[key], has_link=target is not None)
    result["translations"] = translations
    result["services"] = [
        _service(service, is_read_only(declaration, service.category), langs[0], keys, keyed)
        for service in services(declaration)
    ]
    return result


def _translation(declaration: Declaration, lang: str, *, has_link: bool) -> dict[str, Any]:
    words = banner_wording(lang)

    def linked(template: str) -> str:
        # Klaro fills {privacyPolicy} with a link to privacyPolicyUrl.
        return template.replace(
            "{charter}", "{privacyPolicy}" if has_link else words.charter_link()
        )

    return {
        "consentNotice": {
            "title": words.notice_title(),
            "description": linked(
                words.notice(exempt_beyond_necessary=exempt_beyond_necessary(declaration))
            ),
            "learnMore": words.choose(),
        },
        "consentModal": {"title": words.settings_title(), "description": words.settings()},
        "privacyPolicy": {"name": words.charter_link(), "text": linked(words.more())},
        "ok": words.accept_all(),
        "acceptAll": words.accept_all(),
        "acceptSelected": words.save(),
        "save": words.save(),
        "decline": words.refuse_all(),
        "close": words.close(),
        "purposes": {
            category.id: {
                "title": category_title(category, lang),
                "description": category_description(category, lang) or "",
            }
            for category in declaration.categories_in_use()
        },
    }


def _service(
    service: Service, required: bool, first: str, keys: list[str], keyed: dict[str, str]
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "name": service.id,
        "title": service.provider.name,
        "purposes": [service.category.id],
        "required": required,
        "default": required,
        "optOut": False,
    }
    cleared = [cookie_entry(cookie) for cookie in service.cookies if clears(cookie)]
    if cleared and not required:
        result["cookies"] = cleared

    def description(lang: str) -> str:
        purposes = dict.fromkeys(pick(cookie.purpose, lang) for cookie in service.cookies)
        return " ".join(purposes)

    result["translations"] = {
        "zz": {"description": description(first)},
        **{key: {"description": description(keyed[key])} for key in keys},
    }
    return result


def export_klaro(
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
        what="the configuration of Klaro",
        usage=USAGE,
        target=TARGET,
        configuration=configuration,
    )
