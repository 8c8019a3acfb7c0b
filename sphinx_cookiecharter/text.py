"""The charter's default wording, through the extension's gettext message catalog.

Every function returns text in the build language. Paragraph templates hold
``{placeholders}`` that :mod:`.render` fills with nodes (links, dates, names), so a
translation can move them where its grammar wants them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from sphinx.locale import get_translation, get_translator

#: The catalog's name: ``locales/<lang>/LC_MESSAGES/sphinx_cookiecharter.mo``.
CATALOG = "sphinx_cookiecharter"
#: Where the compiled catalogs are.
LOCALES = Path(__file__).resolve().parent / "locales"

_ = get_translation(CATALOG)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The plural form of a message that fits ``count`` in the build language."""
    return get_translator(CATALOG).ngettext(singular, plural, count)


def wording_language(language: str | None) -> str:
    """The language the extension writes in for ``language``: itself, its base
    language, or English when the extension has no catalog for either.

    Dates and durations are formatted in this language too, so that a sentence never
    mixes two languages.
    """
    code = (language or "en").replace("-", "_")
    for candidate in (code, code.split("_", 1)[0]):
        if (LOCALES / candidate / "LC_MESSAGES" / f"{CATALOG}.mo").is_file():
            return candidate
    return "en"


def heading(section: str, *, has_site: bool) -> str:
    """The heading of a section of the explanatory text."""
    match section:
        case "intro":
            return _("About cookies on this site")
        case "what":
            return _("What is a cookie?")
        case "kinds":
            return _("Kinds of cookies")
        case "usage":
            return (
                _("What cookies are used for on {site}")
                if has_site
                else _("What cookies are used for on this site")
            )
        case "manage":
            return _("Accepting or refusing cookies")
        case "updated":
            return _("Last update")
    raise KeyError(section)


def intro(*, has_site: bool) -> list[str]:
    """Why the site uses cookies."""
    if has_site:
        first = _(
            "{site} uses cookies and similar trackers so that it works properly and, "
            "only when you agree, for the other purposes listed on this page."
        )
    else:
        first = _(
            "This site uses cookies and similar trackers so that it works properly and, "
            "only when you agree, for the other purposes listed on this page."
        )
    return [
        first,
        _(
            "This charter explains what cookies are, which ones the site sets, who sets "
            "them and why, and how you can accept or refuse them."
        ),
    ]


def what() -> list[str]:
    """What a cookie and other trackers are."""
    return [
        _(
            "A cookie is a small piece of text, identified by a name, that a website asks "
            "your browser to keep. The browser stores it on your device for a given time "
            "and sends it back to the site each time you return."
        ),
        _(
            "Cookies let a site recognise your browser from one page or one visit to the "
            "next: to keep you signed in, remember your language or the contents of a "
            "form, or, for some of them, follow your browsing to count visits or to show "
            "advertising."
        ),
        _(
            "Other techniques store or read information on your device in the same way and "
            "follow the same rules: the browser's local storage and session storage, "
            "IndexedDB databases, and tracking pixels, tiny images loaded from another "
            "server. This charter covers all of them and calls them cookies."
        ),
    ]


def kind(name: str) -> str:
    """One paragraph on a kind of cookie: a default category, ``first`` or ``third`` party."""
    match name:
        case "necessary":
            return _(
                "Necessary cookies are those without which the site cannot work: they keep "
                "a session open from one page to the next, protect forms against forged "
                "requests, or remember the choices you made about cookies. The law does not "
                "require your consent for them."
            )
        case "preferences":
            return _(
                "Preference cookies remember settings that change how the site looks or "
                "behaves for you, such as the language or a light or dark theme."
            )
        case "statistics":
            return _(
                "Statistics cookies measure how the site is used: which pages are read and "
                "how visitors move from one to another. When they only produce anonymous "
                "figures for the site itself, they may be set without consent; otherwise "
                "the site asks for yours first."
            )
        case "marketing":
            return _(
                "Marketing cookies follow your browsing, often from one site to another, to "
                "show advertising or measure its effect. They are only ever set with your "
                "consent."
            )
        case "first":
            return _(
                "First-party cookies are set by the site you are visiting. Apart from "
                "necessary cookies, a site may also use them to collect personal data or "
                "follow what you do, for example for advertising; these uses need your "
                "consent."
            )
        case "third":
            return _(
                "Third-party cookies are set by another site than the one you are visiting, "
                "or on its behalf, often through a service embedded in the page. They let "
                "that other site recognise your browser on every site that uses the same "
                "service and gather information about the pages you visit."
            )
    raise KeyError(name)


def kinds_lead() -> str:
    """The sentence before the list of kinds."""
    return _("Cookies differ in what they are used for and in who sets them.")


def usage_lead(count: int, *, has_site: bool) -> str:
    """The sentence before the tables, with ``{count}`` and maybe ``{site}``."""
    if has_site:
        return ngettext(
            "The cookie used on {site} is listed below with its provider, the service it "
            "belongs to and its purpose.",
            "The {count} cookies used on {site} are listed below by category, each with "
            "its provider, the service it belongs to and its purpose.",
            count,
        )
    return ngettext(
        "The cookie used on this site is listed below with its provider, the service it "
        "belongs to and its purpose.",
        "The {count} cookies used on this site are listed below by category, each with "
        "its provider, the service it belongs to and its purpose.",
        count,
    )


def no_cookies(*, has_site: bool) -> str:
    """What the usage section says when nothing is declared."""
    if has_site:
        return _("{site} sets no cookies and uses no similar trackers.")
    return _("This site sets no cookies and uses no similar trackers.")


def third_parties() -> str:
    """The paragraph naming third parties, with ``{providers}``."""
    return _(
        "Some of these cookies are set by third parties, whose own privacy policies "
        "apply: {providers}."
    )


def manage(
    *,
    needs_consent: bool,
    has_link: bool,
    choice_kept: Literal["fixed", "session", "persistent"] | None,
) -> list[str]:
    """How to accept, refuse or withdraw consent, and what refusing changes."""
    paragraphs = []
    if needs_consent:
        paragraphs.append(
            _(
                "Necessary cookies are set as soon as you visit the site. Every other "
                "cookie is set only after you have agreed to it, and you can refuse any of "
                "them as easily as you accept them."
            )
        )
        if has_link:
            paragraphs.append(
                _(
                    "You can give, refuse or withdraw your consent at any time, category by "
                    "category, from {manage}. Withdrawing your consent is as simple as "
                    "giving it."
                )
            )
        else:
            paragraphs.append(
                _(
                    "You can give, refuse or withdraw your consent at any time, category by "
                    "category, from the cookie settings of the site."
                )
            )
        paragraphs.append(
            _(
                "Refusing does not stop you from using the site: only the features that "
                "rely on the refused cookies, such as audience measurement, are turned off."
            )
        )
        if choice_kept == "fixed":
            paragraphs.append(
                _(
                    "Your choice, whether you accept or refuse, is remembered for "
                    "{duration}; after that, the site asks you again."
                )
            )
        elif choice_kept == "session":
            paragraphs.append(
                _(
                    "Your choice, whether you accept or refuse, is remembered until you "
                    "close your browser; the site asks you again on your next visit."
                )
            )
        elif choice_kept == "persistent":
            paragraphs.append(
                _(
                    "Your choice, whether you accept or refuse, is remembered until you "
                    "clear your browser's data."
                )
            )
    else:
        paragraphs.append(
            _("The site only sets cookies that need no consent, so it does not ask for yours.")
        )
    paragraphs.append(
        _(
            "You can also block or delete cookies in your browser's settings. Blocking "
            "necessary cookies may stop parts of the site from working."
        )
    )
    return paragraphs


def manage_link() -> str:
    """The words of the link to the site's cookie settings."""
    return _("the cookie settings")


def controller(*, has_name: bool, has_contact: bool) -> str | None:
    """Who is responsible for the site and how to reach them."""
    if has_name and has_contact:
        return _(
            "{controller} is the data controller for this site and its cookies. For any "
            "question about them or about your data, contact {contact}."
        )
    if has_name:
        return _("{controller} is the data controller for this site and its cookies.")
    if has_contact:
        return _("For any question about these cookies or about your data, contact {contact}.")
    return None


def updated() -> str:
    """The last-updated sentence, with ``{date}``."""
    return _("This charter was last updated on {date}.")


def category_title(category: str) -> str:
    """The title of a default category, used as its table's caption."""
    match category:
        case "necessary":
            return _("Necessary cookies")
        case "preferences":
            return _("Preference cookies")
        case "statistics":
            return _("Statistics cookies")
        case "marketing":
            return _("Marketing cookies")
    raise KeyError(category)


def column_header(column: str) -> str:
    """The header of a table column."""
    match column:
        # Translators: the column headers of the cookie tables.
        case "provider":
            return _("Provider")
        case "service":
            return _("Service and location")
        case "name":
            return _("Cookie name")
        case "purpose":
            return _("Purpose")
        case "duration":
            return _("Duration")
        case "party":
            return _("Set by")
        case "storage":
            return _("Storage")
        case "domain":
            return _("Domain")
    raise KeyError(column)


def party(value: str) -> str:
    """``first`` or ``third``, as the party column shows it."""
    # Translators: who sets a cookie, in the "Set by" column.
    return _("This site") if value == "first" else _("A third party")


def storage(value: str) -> str:
    """A storage kind, as the storage column shows it."""
    match value:
        # Translators: where a tracker is kept, in the "Storage" column.
        case "cookie":
            return _("Cookie")
        case "local-storage":
            return _("Local storage")
        case "session-storage":
            return _("Session storage")
        case "indexeddb":
            return _("IndexedDB")
        case "pixel":
            return _("Pixel")
    raise KeyError(value)


def session_duration() -> str:
    """A cookie deleted when the browser closes."""
    # Translators: the lifetime of a session cookie ("Duration" column).
    return _("Until the browser is closed")


def persistent_duration() -> str:
    """A value kept until the visitor clears it."""
    # Translators: the lifetime of a value kept until the visitor clears it
    # ("Duration" column).
    return _("Until you clear your browser's data")
